/**
 * Details button on any list of improvement actions: answers with the details card in place. Reading is
 * open to everyone in the conversation; the note/status/owner forms show only to people who may write.
 */
import { mayWrite } from '../../services/notePermissions';
import type { ActionHandler } from '../context';
import { detailsCard, loadAction, missingActionCard, readFrom, staleCard, unavailableCard } from './detailsView';
import { readControlId } from '../../services/noteInput';

export const actionDetails: ActionHandler = async (data, ctx) => {
  const controlId = readControlId(data);
  if (!controlId) return { card: staleCard() };
  const from = readFrom(data);
  const loaded = await loadAction(ctx, controlId);
  if (loaded.kind === 'missing') return { card: missingActionCard(controlId, from) };
  if (loaded.kind === 'unavailable') return { card: unavailableCard(loaded.message, { controlId, from }) };
  const decision = await mayWrite(ctx.services, ctx.turn, loaded.shown.assignedTo);
  return { card: detailsCard(loaded, { canWrite: decision.allowed, from }) };
};
