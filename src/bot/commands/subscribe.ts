/**
 * "subscribe", "send the digest here every Monday at 9", "digest on Fridays 16:00 Europe/Berlin", and
 * the Subscribe button (verb 'subscribe': the router calls this with no schedule).
 */
import { subscribeCard } from '../../cards/subscribeCard';
import { resolveSchedule, saveSubscription, scheduleSentence } from '../../digest/subscriptions';
import type { BotServices, Reply, TurnInfo } from '../services';
import type { Intent } from '../understanding/intent';

export type SubscribeIntent = Extract<Intent, { kind: 'subscribe' }>;

export const NO_TENANT = 'The digest can only be set up in a Teams conversation of an organisation.';

export async function subscribeCommand(intent: Pick<SubscribeIntent, 'schedule'>, turn: TurnInfo, services: BotServices): Promise<Reply> {
  if (!turn.tenantId) return { text: NO_TENANT };
  const existing = await services.store.getSubscription(turn.tenantId, turn.conversationId);
  const asked = intent.schedule && Object.values(intent.schedule).some((v) => v !== undefined);
  if (existing && !asked) {
    const text = `This conversation already gets the digest, on ${scheduleSentence(existing, services.now(), 'asked')}`;
    return { card: subscribeCard(existing, { defaults: existing, banner: { text, style: 'good' } }), text };
  }
  const schedule = resolveSchedule(intent.schedule, existing, turn, services.config.digestDefault);
  const sub = await saveSubscription(services, turn, schedule);
  const sentence = scheduleSentence(sub, services.now(), schedule.timeZoneSource);
  const text = existing ? `Digest schedule changed: ${sentence}` : `Subscribed. The weekly Secure Score digest will be posted here on ${sentence}`;
  const card = subscribeCard(sub, { defaults: schedule, banner: { text, style: 'good' } });
  return { card, text };
}
