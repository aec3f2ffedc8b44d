/**
 * Wall-clock time in an IANA time zone, with nothing but Intl: enough to place "Monday 09:00
 * Europe/Berlin" on the UTC time line, daylight saving included.
 */

import { localTime } from '../scoring/period';

/** Offset of the zone from UTC at an instant, in ms (Berlin in summer: +7 200 000). */
function offsetMs(instantMs: number, timeZone: string): number {
  const l = localTime(new Date(instantMs), timeZone);
  const asUtc = Date.parse(`${l.date}T00:00:00Z`) + ((l.hour * 60 + l.minute) * 60 + l.second) * 1000;
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A time skipped by a
 * daylight-saving jump (02:30 on the spring-forward night) lands just after the jump; a time that
 * happens twice (autumn) takes the first.
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  // Any offset the zone uses around that day: the one before and the one after a transition.
  const offsets = new Set([offsetMs(wall - 14 * 3_600_000, timeZone), offsetMs(wall, timeZone), offsetMs(wall + 14 * 3_600_000, timeZone)]);
  const candidates = [...offsets].map((o) => wall - o);
  const valid = candidates.filter((t) => {
    const l = localTime(new Date(t), timeZone);
    return l.date === date && l.hour === hour && l.minute === minute;
  });
  // Ambiguous autumn hour: both are valid, the earlier is the first occurrence.
  if (valid.length > 0) return new Date(Math.min(...valid));
  // Skipped by a spring-forward jump: the wall time read with the pre-jump offset lands after the jump.
  return new Date(Math.max(...candidates));
}

/** ISO weekday of a yyyy-MM-dd: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
