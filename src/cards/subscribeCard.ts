/**
 * Offer or confirm the weekly digest: the schedule in words, Subscribe/Unsubscribe, and a form to change
 * day, time and time zone (verb saveDigestSettings with inputs day, time, timeZone).
 */
import type { Subscription } from '../storage/store';
import { actionData, type CardActionData } from './actionData';
import { dayName, formatClock, formatSchedule } from './format';
import { bannerVm, type Banner, type BannerVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';
import { plainText } from './text';

export interface DigestSchedule {
  dayOfWeek: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export interface SubscribeCardViewModel extends BannerVm {
  isSubscribed: boolean;
  title: string;
  scheduleText: string;
  explainText: string;
  changeTitle: string;
  dayValue: string;
  dayChoices: { title: string; value: string }[];
  timeValue: string;
  timeZoneValue: string;
  subscribe: CardActionData;
  save: CardActionData;
  unsubscribe: CardActionData;
}

export interface SubscribeCardOptions {
  /** The schedule offered when there is no subscription yet. */
  defaults: DigestSchedule;
  /** "Subscribed", "Saved", "Unsubscribed", or a validation error. */
  banner?: Banner | null;
}

/** What an IANA zone name can look like; anything else is not prefilled. */
const IANA_NAME = /^[A-Za-z0-9_+\-/]{1,64}$/;

/** Monday first, as people read a week; values are Date.getDay numbers as strings. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function buildSubscribeCard(sub: Subscription | null, opts: SubscribeCardOptions): SubscribeCardViewModel {
  const s: DigestSchedule = sub ?? opts.defaults;
  // The time zone came from a user once: shown as text it is made inert; as an input value it is kept
  // exactly, or saving the form unchanged would store a different string.
  const schedule = formatSchedule(s.dayOfWeek, s.hour, s.minute, plainText(s.timeZone));
  return {
    ...bannerVm(opts.banner),
    isSubscribed: sub !== null,
    title: sub ? 'Weekly digest: on' : 'Weekly Secure Score digest',
    scheduleText: sub ? `Posted here ${schedule}.` : `Get the score, what changed and the top actions here, ${schedule}.`,
    explainText: sub ? 'Change the day, time or time zone, or stop it.' : 'You can change the day, time and time zone.',
    changeTitle: sub ? 'Change' : 'Choose another time',
    dayValue: String(s.dayOfWeek),
    dayChoices: DAY_ORDER.map((d) => ({ title: dayName(d), value: String(d) })),
    timeValue: formatClock(s.hour, s.minute),
    timeZoneValue: IANA_NAME.test(s.timeZone) ? s.timeZone : '',
    subscribe: actionData('subscribe', {}),
    save: actionData('saveDigestSettings', {}),
    unsubscribe: actionData('unsubscribe', {}),
  };
}

export function subscribeCard(sub: Subscription | null, opts: SubscribeCardOptions): AdaptiveCard {
  return renderCard('subscribe', buildSubscribeCard(sub, opts));
}
