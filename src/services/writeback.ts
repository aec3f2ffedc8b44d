/**
 * Write-back of the team's notes, status changes and owners to Microsoft Graph
 * (PATCH /security/secureScoreControlProfiles/{id}), so the Microsoft Defender portal shows them too.
 *
 * Rules:
 *  - Only when GRAPH_WRITEBACK=true and the score source is Graph (the only one that can write).
 *  - Device actions (scid_…) cannot be updated through Graph: their notes stay here, and the card says so.
 *  - Every PATCH adds an entry to the action's history in the portal, so one is sent only when the
 *    result differs from what the portal holds now. The body always carries the full triple
 *    (state, assignedTo, comment) as it should read afterwards, plus vendorInformation (added by the
 *    Graph source): a PATCH that left a field out would record it as empty in the new history entry.
 *    A note becomes the comment; a status change sets state and comment (its reason); an owner
 *    change sets assignedTo and keeps the comment.
 *  - The local record is written first and is never lost. A failed PATCH leaves the note 'failed' with
 *    a retry time (exponential backoff, at least Graph's Retry-After); the retry worker sends it later.
 *    A request Graph calls invalid (400/404/422) is not retried; neither is anything after
 *    WRITEBACK_MAX_ATTEMPTS tries. Both are logged.
 *  - A retry never undoes a newer change: before sending a due entry, the worker drops the fields a newer
 *    entry for the same action sets again (see liveFields). With none left the entry is marked done
 *    unsent; otherwise only its remaining fields change (e.g. a status whose reason a newer note replaced
 *    sends just the state, keeping the portal's comment).
 */
import { isDeviceControlId } from '../data/controlProfilePatch';
import { ScoreSourceError, type ControlProfileUpdate } from '../data/scoreSource';
import { getActionDetail } from '../scoring';
import type { BotServices } from '../bot/services';
import type { Note, NoteKind, Store } from '../storage/store';
import { portalStateOf, type PortalState } from './actionState';

/** With the backoff below, the last try comes about 21 hours after the first: Graph outages rarely last longer. */
export const WRITEBACK_MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
/** A fresh note is the saving turn's to send; another process leaves it alone for this long. */
const SAVING_TURN_GRACE_MS = 60_000;
/** How long a card invoke waits for Graph before answering "saved here, not yet in the portal". */
export const WRITEBACK_INVOKE_WAIT_MS = 5_000;

export type WritebackOutcome =
  /** PATCH sent and accepted. */
  | 'done'
  /** The portal already holds this: nothing sent. */
  | 'unchanged'
  /** PATCH failed; kept for a retry (or given up: see the note's writebackRetryAt). */
  | 'failed'
  /** Still running when the invoke had to answer; it finishes in the background. */
  | 'pending'
  /** Another attempt for the same note is running in this process. */
  | 'busy';

export function writebackEnabled(services: Pick<BotServices, 'config' | 'source'>): boolean {
  return services.config.graphWriteback && services.source.name === 'graph' && typeof services.source.updateControlProfile === 'function';
}

/** Graph refuses updates to device (Defender Vulnerability Management) actions. */
export function isWritableControl(controlId: string): boolean {
  return !isDeviceControlId(controlId);
}

export interface Entry {
  kind: NoteKind;
  text: string;
  state?: string | null;
  assignedTo?: string | null;
}

const norm = (s: string | null | undefined) => (s ?? '').trim();

/** The fields of the portal's latest state update an entry sets. */
export type PortalField = 'state' | 'assignedTo' | 'comment';

/** A note sets the comment; a status sets state and comment (its reason); an owner sets assignedTo. */
export function fieldsOf(entry: Pick<Entry, 'kind'>): PortalField[] {
  if (entry.kind === 'note') return ['comment'];
  if (entry.kind === 'status') return ['state', 'comment'];
  return ['assignedTo'];
}

/**
 * The PATCH that makes the portal show `entry`, or null when it already does. `only`: set just these of
 * the entry's fields and keep the rest as the portal has them (the others were overtaken by newer entries).
 */
export function plannedUpdate(entry: Entry, current: PortalState, only: readonly PortalField[] = fieldsOf(entry)): ControlProfileUpdate | null {
  const next = { state: current.state as string, assignedTo: norm(current.assignedTo), comment: norm(current.comment) };
  if (entry.kind === 'note' && only.includes('comment')) next.comment = entry.text;
  if (entry.kind === 'status') {
    if (only.includes('state')) next.state = entry.state ?? current.state;
    if (only.includes('comment')) next.comment = entry.text;
  }
  if (entry.kind === 'owner' && only.includes('assignedTo')) next.assignedTo = norm(entry.assignedTo);
  const changed = next.state !== current.state || next.assignedTo !== norm(current.assignedTo) || norm(next.comment) !== norm(current.comment);
  if (!changed) return null;
  return { state: next.state as ControlProfileUpdate['state'], assignedTo: next.assignedTo, comment: next.comment };
}

/** When to try again after `attempt` failed tries (1 = the first), or null to give up. */
export function nextRetryAt(now: Date, attempt: number, retryAfterMs?: number): string | null {
  if (attempt >= WRITEBACK_MAX_ATTEMPTS) return null;
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0)).toISOString();
}

function permanent(error: unknown): boolean {
  const status = error instanceof ScoreSourceError ? error.status : undefined;
  return status === 400 || status === 404 || status === 422;
}

/** Notes being sent right now, per store, so the worker and a saving turn never send the same note twice. */
const running = new WeakMap<Store, Set<string>>();

function lockFor(store: Store): Set<string> {
  let set = running.get(store);
  if (!set) {
    set = new Set();
    running.set(store, set);
  }
  return set;
}

/**
 * Sends one stored note to Graph (if the portal does not already hold it) and records the result on the
 * note. Never throws: a failure is logged and kept for a retry.
 */
export async function pushNote(
  services: BotServices,
  note: Note,
  current: PortalState,
  only: readonly PortalField[] = fieldsOf(note),
): Promise<WritebackOutcome> {
  const lock = lockFor(services.store);
  const key = `${note.tenantId}\u0000${note.id}`;
  if (lock.has(key)) return 'busy';
  lock.add(key);
  try {
    const update = plannedUpdate(note, current, only);
    if (!update) {
      await services.store.markWriteback(note.tenantId, note.id, { ok: true });
      return 'unchanged';
    }
    try {
      await services.source.updateControlProfile!(note.tenantId, note.controlId, update);
    } catch (error) {
      const attempt = note.writebackAttempts + 1;
      const retryAt = permanent(error) ? null : nextRetryAt(services.now(), attempt, (error as ScoreSourceError).retryAfterMs);
      await services.store.markWriteback(note.tenantId, note.id, { ok: false, retryAt });
      const fields = { tenantId: note.tenantId, controlId: note.controlId, noteId: note.id, attempt, retryAt, error: (error as Error).message };
      if (retryAt) services.log.warn('Graph write-back failed; will retry', fields);
      else services.log.error('Graph write-back failed for good; the note stays in the bot only', fields);
      return 'failed';
    }
    await services.store.markWriteback(note.tenantId, note.id, { ok: true });
    services.scores.invalidate(note.tenantId);
    services.log.info('Graph write-back done', { tenantId: note.tenantId, controlId: note.controlId, noteId: note.id });
    return 'done';
  } catch (error) {
    // The store itself failed (markWriteback): the note is still pending and the worker will see it.
    services.log.error('could not record a write-back result', { tenantId: note.tenantId, noteId: note.id, error: error as Error });
    return 'failed';
  } finally {
    lock.delete(key);
  }
}

/** pushNote, but answers 'pending' after `waitMs` (the attempt carries on and records its own result). */
export async function pushNoteWithin(services: BotServices, note: Note, current: PortalState, waitMs = WRITEBACK_INVOKE_WAIT_MS): Promise<WritebackOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<WritebackOutcome>((resolve) => {
    timer = setTimeout(() => resolve('pending'), waitMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([pushNote(services, note, current), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RetryReport {
  attempted: number;
  done: number;
  unchanged: number;
  failed: number;
  /** Not sent: every field it sets was set again by a newer entry for the same action (marked done). */
  superseded: number;
}

/** Enough to see every newer entry of an action that is still being retried (backoff ends within a day). */
const NEWER_ENTRIES_READ = 1000;

/**
 * The fields of `note` that no newer entry (higher id) for the same action sets again. The newest entry
 * per field is the team's intention whatever became of its own write-back (done, pending, failed, or
 * already held by the portal): sending an older value after it would make the portal, and so the
 * details card (the newer of portal and team entries), show the stale value.
 */
export async function liveFields(store: Store, note: Note): Promise<PortalField[]> {
  const newer = (await store.listNotes(note.tenantId, note.controlId, NEWER_ENTRIES_READ)).filter((n) => n.id > note.id);
  const overtaken = new Set(newer.flatMap((n) => fieldsOf(n)));
  return fieldsOf(note).filter((f) => !overtaken.has(f));
}

/** One pass of the retry worker over every tenant's due write-backs. */
export async function retryDueWritebacks(services: BotServices, opts: { limitPerTenant?: number } = {}): Promise<RetryReport> {
  const report: RetryReport = { attempted: 0, done: 0, unchanged: 0, failed: 0, superseded: 0 };
  if (!writebackEnabled(services)) return report;
  const now = services.now();
  for (const tenantId of await services.store.listTenants()) {
    const due = await services.store.listWritebacksDue(tenantId, now.toISOString(), opts.limitPerTenant ?? 50);
    const ready = due.filter((n) => !(n.writeback === 'pending' && n.writebackAttempts === 0 && now.getTime() - Date.parse(n.createdAt) < SAVING_TURN_GRACE_MS));
    if (ready.length === 0) continue;
    let data;
    try {
      data = await services.scores.get(tenantId, now);
    } catch (error) {
      // Graph is unreachable: every due note waits for the next step of its backoff.
      for (const note of ready) {
        await services.store.markWriteback(tenantId, note.id, { ok: false, retryAt: nextRetryAt(now, note.writebackAttempts + 1) });
        report.failed++;
      }
      services.log.warn('write-back retry: could not read the current state from Graph', { tenantId, notes: ready.length, error: (error as Error).message });
      continue;
    }
    for (const note of ready) {
      // A newer entry for the same fields wins: this one is done (its value is history, not the intention).
      const live = await liveFields(services.store, note);
      if (live.length === 0) {
        await services.store.markWriteback(tenantId, note.id, { ok: true });
        services.log.info('write-back skipped: a newer entry replaced it', { tenantId, controlId: note.controlId, noteId: note.id });
        report.superseded++;
        continue;
      }
      report.attempted++;
      // Re-read after each success, so each PATCH carries what the previous one set.
      const detail = getActionDetail(data, note.controlId);
      if (!detail || !isWritableControl(note.controlId)) {
        await services.store.markWriteback(tenantId, note.id, { ok: false, retryAt: null });
        services.log.error('write-back dropped: the action is unknown to Graph or not writable', { tenantId, controlId: note.controlId, noteId: note.id });
        report.failed++;
        continue;
      }
      const outcome = await pushNote(services, note, portalStateOf(detail), live);
      if (outcome === 'done') {
        report.done++;
        data = await services.scores.get(tenantId, services.now()).catch(() => data!);
      } else if (outcome === 'unchanged') report.unchanged++;
      else if (outcome === 'failed') report.failed++;
    }
  }
  return report;
}

/** Runs retryDueWritebacks every `intervalMs` (never two passes at once); stop() ends it. */
export function startWritebackRetries(opts: { services: BotServices; intervalMs?: number }): { stop(): void; runOnce(): Promise<RetryReport | null> } {
  const { services } = opts;
  let busy: Promise<RetryReport | null> | null = null;
  const runOnce = (): Promise<RetryReport | null> => {
    if (busy) return busy;
    busy = retryDueWritebacks(services)
      .catch((error) => {
        services.log.error('write-back retry pass failed', { error: error as Error });
        return null;
      })
      .finally(() => {
        busy = null;
      });
    return busy;
  };
  const timer = setInterval(() => void runOnce(), Math.max(10, opts.intervalMs ?? 60_000));
  timer.unref?.();
  return {
    stop: () => clearInterval(timer),
    runOnce,
  };
}
