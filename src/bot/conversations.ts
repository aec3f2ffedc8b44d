/**
 * Remembers where the bot can post: every activity refreshes the conversation reference (Teams may move a
 * conversation to another serviceUrl), and removal forgets it together with its digest subscription.
 */
import { Activity, TurnContext } from 'botbuilder';
import type { ConversationType } from '../storage/store';
import type { BotServices } from './services';
import { turnInfoOf } from './turnInfo';

/** Stores or refreshes the conversation; returns true when the bot had not known it before. */
export async function captureConversation(activity: Activity, services: BotServices): Promise<boolean> {
  const turn = turnInfoOf(activity);
  if (!turn.conversationId || !activity.serviceUrl) return false;
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { name?: string } };
  const existing = await services.store.getConversation(turn.tenantId, turn.conversationId);
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
  // The reference must not carry the triggering activity's id into proactive sends, and in a channel
  // it names the channel itself so a digest is a new post, not a reply in the thread it was asked in.
  delete reference.activityId;
  reference.conversation = { ...(reference.conversation as Record<string, unknown>), id: turn.conversationId };
  await services.store.upsertConversation({
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    serviceUrl: activity.serviceUrl,
    conversationType: turn.conversationType as ConversationType,
    botId: activity.recipient?.id ?? '',
    botName: activity.recipient?.name ?? null,
    teamId: channelData.team?.id ?? existing?.teamId ?? null,
    teamName: channelData.team?.name ?? existing?.teamName ?? null,
    channelName: channelData.channel?.name ?? existing?.channelName ?? null,
    reference,
    updatedAt: services.now().toISOString(),
  });
  if (!existing) services.log.info('new conversation', { tenantId: turn.tenantId, conversationType: turn.conversationType });
  return !existing;
}

/** The bot was removed: drop the reference and the subscription, so nothing is sent there again. */
export async function forgetConversation(activity: Activity, services: BotServices): Promise<void> {
  const turn = turnInfoOf(activity);
  if (!turn.conversationId) return;
  await services.store.removeSubscription(turn.tenantId, turn.conversationId);
  await services.store.removeConversation(turn.tenantId, turn.conversationId);
  services.log.info('bot removed from conversation', { tenantId: turn.tenantId, conversationType: turn.conversationType });
}
