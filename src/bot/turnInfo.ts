/**
 * Reads who and where a turn comes from out of the activity. Identity and tenant always come from here,
 * never from card data, which the client controls.
 */
import type { Activity } from 'botbuilder';
import { isValidTimeZone } from '../scoring/period';
import type { TurnInfo } from './services';

export function turnInfoOf(activity: Activity): TurnInfo {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  const conversationType = activity.conversation?.conversationType;
  return {
    tenantId: activity.conversation?.tenantId || channelData.tenant?.id || '',
    conversationId: channelRoot(activity.conversation?.id ?? '', conversationType),
    conversationType: conversationType === 'channel' || conversationType === 'groupChat' ? conversationType : 'personal',
    userId: activity.from?.id ?? '',
    aadObjectId: activity.from?.aadObjectId ?? null,
    userName: activity.from?.name || 'Someone',
    localTimezone: activity.localTimezone && isValidTimeZone(activity.localTimezone) ? activity.localTimezone : null,
    activityId: activity.id ?? null,
    replyToId: activity.replyToId ?? null,
  };
}

/**
 * A message in a channel thread arrives as "19:…@thread.tacv2;messageid=…". The channel is the part
 * before ";messageid=": subscriptions and digests belong to the channel, not to whichever thread the
 * request was typed in (a digest posted into an old thread would be missed).
 */
export function channelRoot(conversationId: string, conversationType: string | undefined): string {
  return conversationType === 'channel' ? conversationId.split(';messageid=')[0] : conversationId;
}
