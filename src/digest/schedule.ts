/**
 * When is a subscription's digest due? Each conversation gets one digest per ISO week, at its weekly
 * slot (day, hh:mm) in its own time zone. The ISO week in that time zone is the delivery's period, the
 * key that makes it exactly once: a missed slot (the bot was down) is still due until the week ends,
 * and never for a week that is over.
 */
import type { Subscription } from '../storage/store';
import { isoWeekKey } from '../scoring';
import { addDays } from '../scoring/dates';
import { localTime } from '../scoring/period';
import { isoWeekday, zonedInstant } from './zonedTime';

export type Slot = Pick<Subscription, 'dayOfWeek' | 'hour' | 'minute' | 'timeZone'>;

export interface DigestSlot {
  /** ISO week key in the subscription's time zone, e.g. '2026-W03'. */
  period: string;
  /** When this week's digest is (or was) due. */
  at: Date;
}

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** This week's slot for a subscription, as seen at `now` in its time zone. */
export function slotThisWeek(sub: Slot, now: Date): DigestSlot {
  const today = localTime(now, sub.timeZone).date;
  const monday = addDays(today, 1 - isoWeekday(today));
  // dayOfWeek counts from Sunday (0), ISO weeks from Monday: Sunday is the week's last day.
  const day = addDays(monday, (sub.dayOfWeek + 6) % 7);
  return { period: isoWeekKey(now, sub.timeZone), at: zonedInstant(day, sub.hour, sub.minute, sub.timeZone) };
}

/**
 * The slot when the digest is due at `now`: its time this week has come, and it is not a slot from
 * before the subscription existed (subscribing on Monday at 10:00 to "Mondays 09:00" starts next week).
 * Whether it was already sent is the delivery store's business (claimDelivery).
 */
export function dueSlot(sub: Slot & Pick<Subscription, 'createdAt'>, now: Date): DigestSlot | null {
  const slot = slotThisWeek(sub, now);
  if (slot.at.getTime() > now.getTime()) return null;
  const created = Date.parse(sub.createdAt);
  if (Number.isFinite(created) && slot.at.getTime() < created) return null;
  return slot;
}

/** The period key `now` falls in for a subscription: a resumed delivery for another period is stale. */
export function currentPeriod(sub: Slot, now: Date): string {
  return isoWeekKey(now, sub.timeZone);
}

/** The next time the digest will go out after `now` (for "digest settings" answers). */
export function nextSlot(sub: Slot, now: Date): Date {
  const slot = slotThisWeek(sub, now);
  if (slot.at.getTime() > now.getTime()) return slot.at;
  const nextWeek = slotThisWeek(sub, new Date(now.getTime() + 7 * 86_400_000));
  return nextWeek.at;
}

/** "Monday 09:00 (Europe/Berlin)" */
export function describeSlot(sub: Slot): string {
  const hh = String(sub.hour).padStart(2, '0');
  const mm = String(sub.minute).padStart(2, '0');
  return `${DAY_NAMES[sub.dayOfWeek] ?? 'Monday'} ${hh}:${mm} (${sub.timeZone})`;
}
