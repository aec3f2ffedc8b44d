/**
 * Details button on any list of improvement actions: answers with the details card in place. Reading is
 * open to everyone in the conversation; the note/status/owner forms show only to people who may write.
 */
import { mayWrite } from '../../services/notePermissions';
import type { ActionContext, ActionHandler, ActionResult } from '../context';
import { detailsCard, loadAction, missingActionCard, readFrom, staleCard, unavailableCard } from './detailsView';
import { readControlId } from '../../services/noteInput';

/**
 * `posted`: true only when the answer is sent as a message of its own (chat: "tell me about …"), never
 * for an invoke answer, which Teams shows to the clicker alone while the list stays the posted message.
 */
export async function openActionDetails(data: Record<string, unknown>, ctx: ActionContext, opts: { posted: boolean }): Promise<ActionResult> {
  const controlId = readControlId(data);
  if (!controlId) return { card: staleCard() };
  const from = readFrom(data);
  const loaded = await loadAction(ctx, controlId);
  if (loaded.kind === 'missing') return { card: missingActionCard(controlId, from) };
  if (loaded.kind === 'unavailable') return { card: unavailableCard(loaded.message, { controlId, from }) };
  const decision = await mayWrite(ctx.services, ctx.turn, loaded.shown.assignedTo);
  return { card: detailsCard(loaded, { canWrite: decision.allowed, from, posted: opts.posted }) };
}

/** The Details button: its answer replaces the clicked card in the clicker's client only. */
export const actionDetails: ActionHandler = (data, ctx) => openActionDetails(data, ctx, { posted: false });
