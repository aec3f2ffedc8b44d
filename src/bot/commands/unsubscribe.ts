/** "unsubscribe" and the Unsubscribe button (verb 'unsubscribe'): no more digests or alerts here. */
import { subscribeCard } from '../../cards/subscribeCard';
import { offeredSchedule } from '../../digest/subscriptions';
import type { ActionContext, ActionResult, CommandContext } from '../context';
import type { BotServices, Reply, TurnInfo } from '../services';
import { NO_TENANT } from './subscribe';

export async function unsubscribeCommand(_intent: unknown, turn: TurnInfo, services: BotServices): Promise<Reply> {
  if (!turn.tenantId) return { text: NO_TENANT };
  const removed = await services.store.removeSubscription(turn.tenantId, turn.conversationId);
  if (removed) services.log.info('digest subscription removed', { tenantId: turn.tenantId, conversationId: turn.conversationId });
  const text = removed
    ? 'Unsubscribed: no more weekly digests or drop alerts in this conversation. You can subscribe again at any time.'
    : 'This conversation was not subscribed to the digest, so nothing changed.';
  const card = subscribeCard(null, { defaults: offeredSchedule(turn, services.config.digestDefault), banner: { text, style: removed ? 'good' : 'default' } });
  return { card, text };
}

export async function unsubscribeAction(_data: Record<string, unknown>, turn: TurnInfo, services: BotServices): Promise<ActionResult> {
  const reply = await unsubscribeCommand({}, turn, services);
  return 'card' in reply ? { card: reply.card } : { text: reply.text };
}

export const handleUnsubscribe = (intent: unknown, ctx: CommandContext): Promise<Reply> => unsubscribeCommand(intent, ctx.turn, ctx.services);
export const handleUnsubscribeAction = (data: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> => unsubscribeAction(data, ctx.turn, ctx.services);
