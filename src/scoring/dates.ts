/** yyyy-MM-dd arithmetic in UTC: score days are UTC calendar days, so no time zone enters here. */

/** The date `n` days after `date` (negative n goes back). */
export function addDays(date: string, n: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return new Date(ms + n * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function utcDateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
