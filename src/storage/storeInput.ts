/**
 * Checks and normalises what callers hand to a Store, shared by both implementations so SQLite and
 * PostgreSQL accept and refuse exactly the same input. Bad input raises StoreInputError with a message
 * that can be shown as-is (it never echoes stored data, only the offending field name).
 */
import { isValidTimeZone } from '../scoring/period';
import type { ConversationRecord, ConversationType, DeliveryKind, NewNote, NoteKind, Snapshot, StateItem, Subscription } from './store';

export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** Default and ceiling for page sizes: a page is read into memory whole. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;
/** Notes with the same author/control/text closer than this are the same note (a double-clicked submit). */
export const DEFAULT_NOTE_DEDUPE_WINDOW_MS = 2 * 60 * 1000;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new StoreInputError(`${field} is required.`);
  if (value.length > 1024) throw new StoreInputError(`${field} is too long.`);
  return value;
}

/**
 * Times are kept in one canonical form (Date#toISOString, always milliseconds and 'Z') so that SQLite,
 * which stores them as text, orders and compares them correctly: '…00Z' and '…00.000Z' would not.
 */
export function isoTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new StoreInputError(`${field} must be an ISO-8601 time.`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new StoreInputError(`${field} must be an ISO-8601 time.`);
  return new Date(ms).toISOString();
}

export function isoTimeOrNull(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : isoTime(value, field);
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day 'yyyy-MM-dd' that really exists (no 2026-02-30). */
export function isoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DATE_RE.test(value)) throw new StoreInputError(`${field} must be a date yyyy-MM-dd.`);
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new StoreInputError(`${field} must be a date yyyy-MM-dd.`);
  }
  return value;
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreInputError('limit must be a positive whole number.');
  return Math.min(limit, MAX_PAGE_LIMIT);
}

export function intInRange(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StoreInputError(`${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** An IANA zone the runtime knows; the scheduler would otherwise fail on it every tick. */
export function timeZone(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new StoreInputError('timeZone is required.');
  if (!isValidTimeZone(value)) throw new StoreInputError('timeZone must be an IANA time zone such as Europe/Berlin.');
  return value;
}

const NOTE_KINDS: readonly NoteKind[] = ['note', 'status', 'owner'];
export function noteKind(value: unknown): NoteKind {
  if (!NOTE_KINDS.includes(value as NoteKind)) throw new StoreInputError('kind must be note, status or owner.');
  return value as NoteKind;
}

const DELIVERY_KINDS: readonly DeliveryKind[] = ['digest', 'alert'];
export function deliveryKind(value: unknown): DeliveryKind {
  if (!DELIVERY_KINDS.includes(value as DeliveryKind)) throw new StoreInputError('kind must be digest or alert.');
  return value as DeliveryKind;
}

export function textOrNull(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new StoreInputError(`${field} must be text.`);
  return value;
}

export function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new StoreInputError(`${field} must be text.`);
  return value;
}

export function dedupeWindow(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_NOTE_DEDUPE_WINDOW_MS;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new StoreInputError('dedupeWindowMs must be zero or more.');
  return ms;
}

/** A lease that ends before it starts would let a second replica take the delivery at once. */
export function leaseAfter(now: string, leaseUntil: string): void {
  if (leaseUntil <= now) throw new StoreInputError('leaseUntil must be later than now.');
}

/** A JSON object (not an array, not null) for payload/reference columns. */
export function jsonObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new StoreInputError(`${field} must be a JSON object.`);
  return value as Record<string, unknown>;
}

// ---- whole-record checks, so both stores accept exactly the same records ----

const CONVERSATION_TYPES: readonly ConversationType[] = ['personal', 'groupChat', 'channel'];

export interface ConversationInput {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  conversationType: ConversationType;
  botId: string;
  /** Optional fields: undefined keeps what is stored (an activity may not carry the team name), null clears. */
  botName: string | null | undefined;
  teamId: string | null | undefined;
  teamName: string | null | undefined;
  channelName: string | null | undefined;
  referenceJson: string;
  installedAt: string | null;
  updatedAt: string;
}

export function conversationInput(
  rec: Omit<ConversationRecord, 'installedAt' | 'failureCount' | 'firstFailureAt'> & { installedAt?: string },
): ConversationInput {
  if (!CONVERSATION_TYPES.includes(rec.conversationType)) throw new StoreInputError('conversationType must be personal, groupChat or channel.');
  const optional = (v: unknown, f: string) => (v === undefined ? undefined : textOrNull(v, f));
  return {
    tenantId: requireId(rec.tenantId, 'tenantId'),
    conversationId: requireId(rec.conversationId, 'conversationId'),
    serviceUrl: requireId(rec.serviceUrl, 'serviceUrl'),
    conversationType: rec.conversationType,
    botId: requireId(rec.botId, 'botId'),
    botName: optional(rec.botName, 'botName'),
    teamId: optional(rec.teamId, 'teamId'),
    teamName: optional(rec.teamName, 'teamName'),
    channelName: optional(rec.channelName, 'channelName'),
    referenceJson: JSON.stringify(jsonObject(rec.reference, 'reference')),
    installedAt: isoTimeOrNull(rec.installedAt, 'installedAt'),
    updatedAt: isoTime(rec.updatedAt, 'updatedAt'),
  };
}

export function subscriptionInput(sub: Omit<Subscription, 'createdAt' | 'updatedAt'> & { now: string }) {
  return {
    tenantId: requireId(sub.tenantId, 'tenantId'),
    conversationId: requireId(sub.conversationId, 'conversationId'),
    dayOfWeek: intInRange(sub.dayOfWeek, 'dayOfWeek', 0, 6),
    hour: intInRange(sub.hour, 'hour', 0, 23),
    minute: intInRange(sub.minute, 'minute', 0, 59),
    timeZone: timeZone(sub.timeZone),
    createdBy: textOrNull(sub.createdBy, 'createdBy'),
    now: isoTime(sub.now, 'now'),
  };
}

export interface NoteInput {
  tenantId: string;
  controlId: string;
  kind: NewNote['kind'];
  text: string;
  authorId: string;
  authorName: string;
  state: string | null;
  assignedTo: string | null;
  activityId: string | null;
  createdAt: string;
  writeback: 'none' | 'pending';
  /** Inclusive window [from, to] in which an identical note counts as the same one; null = no window. */
  dedupeFrom: string | null;
  dedupeTo: string | null;
}

export function noteInput(note: NewNote, opts?: { dedupeWindowMs?: number; writeback?: boolean }): NoteInput {
  const createdAt = isoTime(note.createdAt, 'createdAt');
  const windowMs = dedupeWindow(opts?.dedupeWindowMs);
  const at = Date.parse(createdAt);
  const activityId = note.activityId === undefined || note.activityId === null || note.activityId === '' ? null : requireId(note.activityId, 'activityId');
  return {
    tenantId: requireId(note.tenantId, 'tenantId'),
    controlId: requireId(note.controlId, 'controlId'),
    kind: noteKind(note.kind),
    text: text(note.text, 'text'),
    authorId: requireId(note.authorId, 'authorId'),
    authorName: text(note.authorName, 'authorName'),
    state: textOrNull(note.state, 'state'),
    assignedTo: textOrNull(note.assignedTo, 'assignedTo'),
    activityId,
    createdAt,
    writeback: opts?.writeback ? 'pending' : 'none',
    dedupeFrom: windowMs > 0 ? new Date(at - windowMs).toISOString() : null,
    dedupeTo: windowMs > 0 ? new Date(at + windowMs).toISOString() : null,
  };
}

/** Checked snapshots with one entry per (tenant, date): a batch naming a day twice keeps the last. */
export function snapshotsInput(snapshots: Snapshot[]): { tenantId: string; date: string; payloadJson: string }[] {
  if (!Array.isArray(snapshots)) throw new StoreInputError('snapshots must be a list.');
  const byKey = new Map<string, { tenantId: string; date: string; payloadJson: string }>();
  for (const s of snapshots) {
    const tenantId = requireId(s?.tenantId, 'tenantId');
    const date = isoDate(s.date, 'date');
    byKey.set(`${tenantId}\u0000${date}`, { tenantId, date, payloadJson: JSON.stringify(jsonObject(s.payload, 'payload')) });
  }
  return [...byKey.values()];
}

/** The JSON kept for a state item (without its eTag, which lives in its own column). */
export function stateItemJson(key: string, item: StateItem): string {
  requireId(key, 'state key');
  const obj = jsonObject(item, `state item "${key}"`);
  const { eTag: _ignored, ...rest } = obj as StateItem;
  return JSON.stringify(rest);
}

/** botbuilder semantics: no eTag or '*' means "last writer wins"; anything else must match the stored one. */
export function expectedETag(item: StateItem): string | null {
  const e = item?.eTag;
  return e === undefined || e === null || e === '' || e === '*' ? null : String(e);
}
