/** "unsubscribe" and the Unsubscribe button (verb 'unsubscribe'): no more digests or alerts here. */
import { subscribeCard } from '../../cards/subscribeCard';
import { offeredSchedule } from '../../digest/subscriptions';
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
