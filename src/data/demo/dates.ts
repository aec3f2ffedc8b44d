/** UTC calendar arithmetic for the demo history (Graph dates its scores at midnight UTC). */
const DAY_MS = 86_400_000;

export function utcMidnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** yyyy-MM-dd of the UTC day `daysBefore` days before `now`'s day. */
export function isoDay(now: Date, daysBefore: number): string {
  return new Date(utcMidnight(now) - daysBefore * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp on the UTC day `daysBefore` days before `now`, at the given time of day. */
export function isoTimeOnDay(now: Date, daysBefore: number, hh: number, mm: number, ss: number): string {
  return new Date(utcMidnight(now) - daysBefore * DAY_MS + ((hh * 60 + mm) * 60 + ss) * 1000).toISOString().replace('.000Z', 'Z');
}
