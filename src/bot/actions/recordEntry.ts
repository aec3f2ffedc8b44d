/**
 * The one path by which a note, a status change or an owner is recorded from a card:
 *
 *   read the control id → load the action → may this person write? → check the typed input →
 *   store it (once: same activity id, or same author/control/text within two minutes, is the same note)
 *   → send it to Graph when write-back is on → answer with the refreshed details card, and update the
 *   message that carried the card only when that message IS this details card (`posted`: it was sent in
 *   answer to a chat question). A details card opened with Action.Execute from a list, score card or
 *   digest exists only in the clicker's client; the message underneath is still the list, and updating
 *   it would replace the channel's digest with one action's details for everyone.
 *
 * Whatever goes wrong, the person gets the details card back with a banner saying what happened; a
 * refused or invalid entry is never stored, and a stored one is never lost to a Graph failure.
 */
import type { Banner } from '../../cards/parts';
import { messageCard } from '../../cards/messageCard';
import { formatState } from '../../cards/format';
import type { AdaptiveCard } from '../../cards/render';
import { isDeviceControlId } from '../../data/controlProfilePatch';
import { portalStateOf } from '../../services/actionState';
import { readControlId, type Checked } from '../../services/noteInput';
import { mayWrite, refusalText } from '../../services/notePermissions';
import { isWritableControl, plannedUpdate, pushNoteWithin, writebackEnabled, type Entry, type WritebackOutcome } from '../../services/writeback';
import { DEFAULT_NOTE_DEDUPE_WINDOW_MS } from '../../storage/storeInput';
import type { Note } from '../../storage/store';
import type { ActionContext, ActionResult } from '../context';
import { detailsCard, loadAction, missingActionCard, readFrom, readPosted, staleCard, teamNotes } from './detailsView';

/** How the write-back went, as the banner tells it. */
type Delivery = 'local' | 'device' | 'unchanged' | WritebackOutcome;

export async function recordEntry(
  data: Record<string, unknown>,
  ctx: ActionContext,
  readEntry: (data: Record<string, unknown>) => Checked<Entry>,
): Promise<ActionResult> {
  const { services, turn } = ctx;
  const controlId = readControlId(data);
  if (!controlId) return { card: staleCard() };
  const from = readFrom(data);
  const posted = readPosted(data);

  const loaded = await loadAction(ctx, controlId);
  if (loaded.kind === 'missing') return { card: missingActionCard(controlId, from) };
  // Refused by the source (another tenant, no consent): nothing to attach the entry to.
  if (loaded.kind === 'unavailable' && !loaded.transient) {
    return { card: messageCard({ title: 'Nothing was saved', text: loaded.message, style: 'attention' }) };
  }

  const notesBefore = loaded.kind === 'found' ? loaded.notes : await teamNotes(ctx, controlId);
  const owner = loaded.kind === 'found' ? loaded.shown.assignedTo : (notesBefore.find((n) => n.kind === 'owner')?.assignedTo ?? null);
  const authorId = turn.aadObjectId || turn.userId;
  const decision = authorId ? await mayWrite(services, turn, owner) : { allowed: false, reason: 'noIdentity' as const };
  if (!decision.allowed) {
    services.log.info('card write refused', { tenantId: turn.tenantId, controlId, reason: decision.reason });
    return answer(loaded, { text: refusalText(decision), style: 'warning' }, false, from, posted);
  }

  const entry = readEntry(data);
  if (!entry.ok) return answer(loaded, { text: entry.message, style: 'attention' }, true, from, posted);

  const realId = loaded.kind === 'found' ? loaded.detail.controlId : controlId;
  const enabled = writebackEnabled(services);
  const writable = isWritableControl(realId);
  // With the source down we cannot compare with the portal: queue it, the retry worker compares later.
  const wanted = enabled && writable && (loaded.kind !== 'found' || plannedUpdate(entry.value, portalStateOf(loaded.detail)) !== null);

  let saved: { note: Note; duplicate: boolean };
  try {
    saved = await services.store.appendNote(
      {
        tenantId: turn.tenantId,
        controlId: realId,
        kind: entry.value.kind,
        text: entry.value.text,
        state: entry.value.state ?? null,
        assignedTo: entry.value.assignedTo ?? null,
        authorId,
        authorName: turn.userName || 'Someone',
        activityId: turn.activityId,
        createdAt: services.now().toISOString(),
      },
      { dedupeWindowMs: DEFAULT_NOTE_DEDUPE_WINDOW_MS, writeback: wanted },
    );
  } catch (error) {
    services.log.error('could not store a card entry', { tenantId: turn.tenantId, controlId: realId, error: error as Error });
    return answer(loaded, { text: "Sorry, I couldn't save that just now. Nothing was saved; please try again in a minute.", style: 'attention' }, true, from, posted);
  }
  if (saved.duplicate) services.log.info('duplicate card entry ignored', { tenantId: turn.tenantId, controlId: realId, noteId: saved.note.id });

  let delivery: Delivery;
  if (!enabled) delivery = 'local';
  else if (!writable) delivery = 'device';
  else if (saved.note.writeback === 'none') delivery = 'unchanged';
  else if (saved.note.writeback === 'done') delivery = 'done';
  else if (saved.duplicate || loaded.kind !== 'found') delivery = 'pending';
  else delivery = await pushNoteWithin(services, saved.note, portalStateOf(loaded.detail));

  const banner = bannerFor(saved.note, delivery);
  if (loaded.kind !== 'found') {
    return {
      card: messageCard({
        title: banner.text,
        text: "I couldn't load this action's details from Secure Score just now, so I can't show them; the entry is stored and nothing is lost.",
        style: 'warning',
      }),
    };
  }
  const refreshed = await loadAction(ctx, realId);
  const view = refreshed.kind === 'found' ? refreshed : { ...loaded, notes: await teamNotes(ctx, realId) };
  const card = detailsCard(view, { banner, canWrite: true, from, posted });
  if (posted) {
    try {
      await ctx.updateOriginal(card);
    } catch (error) {
      // The invoke answer still shows the card to the person who saved; others see it on the next refresh.
      services.log.warn('could not update the card in place', { tenantId: turn.tenantId, controlId: realId, error: error as Error });
    }
  }
  return { card };
}

function answer(
  loaded: Awaited<ReturnType<typeof loadAction>>,
  banner: Banner,
  canWrite: boolean,
  from: ReturnType<typeof readFrom>,
  posted: boolean,
): ActionResult {
  if (loaded.kind === 'found') return { card: detailsCard(loaded, { banner, canWrite, from, posted }) };
  return { card: messageCard({ title: banner.text, style: banner.style }) as AdaptiveCard };
}

function bannerFor(note: Note, delivery: Delivery): Banner {
  const label =
    note.kind === 'status' ? `Status set to ${formatState(note.state ?? '')}` : note.kind === 'owner' ? `Owner set to ${note.assignedTo ?? 'nobody'}` : 'Note saved';
  switch (delivery) {
    case 'done':
      return { text: `${label} and sent to the Microsoft Defender portal.`, style: 'good' };
    case 'unchanged':
      return { text: `${label}. The Microsoft Defender portal already shows this.`, style: 'good' };
    case 'device':
      return {
        text: `${label} here. Device actions (${isDeviceControlId(note.controlId) ? note.controlId : 'scid_…'}) can't be updated through Microsoft Graph, so the portal will not show it: change it in Microsoft Defender Vulnerability Management.`,
        style: 'good',
      };
    case 'failed':
    case 'pending':
    case 'busy':
      return { text: `${label}: saved here, not yet in the portal. I'll keep trying to send it.`, style: 'warning' };
    default:
      return { text: `${label}.`, style: 'good' };
  }
}
