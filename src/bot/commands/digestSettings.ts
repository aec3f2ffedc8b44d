/**
 * "digest settings" and the settings buttons: show the schedule with a form to change it (verb
 * 'digestSettings'), and save the form (verb 'saveDigestSettings', inputs day, time, timeZone).
 */
import { subscribeCard } from '../../cards/subscribeCard';
import { offeredSchedule, parseSettingsInput, resolveSchedule, saveSubscription, scheduleSentence, timeZoneNote } from '../../digest/subscriptions';
import { describeSlot } from '../../digest/schedule';
import type { ActionResult } from '../context';
import type { BotServices, Reply, TurnInfo } from '../services';
import { NO_TENANT } from './subscribe';

export async function digestSettingsCommand(_intent: unknown, turn: TurnInfo, services: BotServices): Promise<Reply> {
  if (!turn.tenantId) return { text: NO_TENANT };
  const sub = await services.store.getSubscription(turn.tenantId, turn.conversationId);
  const offered = offeredSchedule(turn, services.config.digestDefault);
  const text = sub
    ? `The digest is posted here on ${scheduleSentence(sub, services.now(), 'asked')}`
    : `This conversation does not get the digest. Subscribing posts it on ${describeSlot(offered).replace(/^(\w+) /, '$1s at ')}${timeZoneNote(offered.timeZoneSource)}.`;
  return { card: subscribeCard(sub, { defaults: offered }), text };
}

/** Saving the form subscribes too: choosing a time is a clear enough "yes". Bad input saves nothing. */
export async function saveDigestSettingsAction(data: Record<string, unknown>, turn: TurnInfo, services: BotServices): Promise<ActionResult> {
  if (!turn.tenantId) return { text: NO_TENANT };
  const existing = await services.store.getSubscription(turn.tenantId, turn.conversationId);
  const input = parseSettingsInput(data ?? {});
  if (!input.ok) {
    return { card: subscribeCard(existing, { defaults: offeredSchedule(turn, services.config.digestDefault), banner: { text: input.message, style: 'attention' } }) };
  }
  const schedule = resolveSchedule(input.schedule, existing, turn, services.config.digestDefault);
  const sub = await saveSubscription(services, turn, schedule);
  const text = `Saved: the digest is posted here on ${scheduleSentence(sub, services.now(), schedule.timeZoneSource)}`;
  return { card: subscribeCard(sub, { defaults: schedule, banner: { text, style: 'good' } }) };
}
