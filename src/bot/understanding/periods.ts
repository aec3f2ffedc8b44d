/** How far back a question looks: "last 90 days", "past quarter", "this week", "since yesterday". */
import { NUM, parseNumber } from './numbers';

const UNIT_DAYS: Record<string, number> = {
  hour: 1 / 24, hours: 1 / 24, hr: 1 / 24, hrs: 1 / 24, h: 1 / 24,
  day: 1, days: 1, d: 1,
  week: 7, weeks: 7, wk: 7, wks: 7, w: 7,
  fortnight: 14, fortnights: 14,
  month: 30, months: 30, mo: 30, mos: 30,
  quarter: 90, quarters: 90,
  year: 365, years: 365, yr: 365, yrs: 365, y: 365,
};
const UNIT = '(hours|hour|hrs|hr|days|day|weeks|week|wks|wk|fortnights|fortnight|months|month|mos|mo|quarters|quarter|years|year|yrs|yr)';

// "90 days", "2 weeks", "90d", "6 months"
const COUNTED = new RegExp(`\\b${NUM} ?${UNIT}\\b|\\b(\\d+)(h|d|w|y)\\b`);
// "this week", "last month", "past quarter", "over the year", "a fortnight"
const SINGLE = new RegExp(`\\b(?:last|past|previous|this|the|a|over|in|since|within|one) ${UNIT}\\b|\\bfortnight\\b`);
const ONE_DAY = /\b(today|yesterday|overnight)\b/;

/** Days the text asks about, rounded up to whole days; undefined when it names no period. */
export function findDays(text: string): number | undefined {
  const counted = COUNTED.exec(text);
  if (counted) {
    const n = parseNumber(counted[1] ?? counted[3]);
    const perUnit = UNIT_DAYS[counted[2] ?? counted[4]];
    // The epsilon keeps 24 × (1/24) from rounding up to 2 days.
    return Math.ceil(n * perUnit - 1e-9);
  }
  const single = SINGLE.exec(text);
  if (single) return UNIT_DAYS[single[1] ?? 'fortnight'];
  if (ONE_DAY.test(text)) return 1;
  return undefined;
}

/** Every pattern above, so the vocabulary can list their words. */
export const PERIOD_PATTERNS: readonly RegExp[] = [COUNTED, SINGLE, ONE_DAY];
