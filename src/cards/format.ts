/**
 * Display formatting for cards. View models carry only finished strings: the templating engine shows a
 * number in a TextBlock as nothing and a null as the literal `${field}` (GUIDE §3), so every value is
 * turned into text here, once, with one rule for each kind of number.
 */
import type { ControlState, Level } from '../scoring/model';
import { round1 } from '../scoring/numbers';
import { formatDate as scoringDate, formatDelta, formatPercent, formatPoints } from '../scoring/period';

/** Shown wherever a value is unknown (never "NaN%", never "null"). */
export const DASH = '—';
/** Typographic minus, as scoring's formatDelta writes it: "−3" lines up with "+3". */
const MINUS = '\u2212';

function isNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Points, percentages, deltas and dates use scoring's formatters (src/scoring/period.ts) so a chat
 * reply and a card never write the same number two ways; this file adds what only cards need.
 * formatPoints: "128", "815.22", "12.5"; formatPercent: "46.7%", "50%"; formatSignedPoints: "+5", "−3.5".
 */
export { formatPoints, formatPercent, formatDelta as formatSignedPoints };

/** "+5 pts", "−3 pts", "1 pt". */
export function formatPointsLabel(n: number | null | undefined, signed = false): string {
  if (!isNumber(n)) return DASH;
  const text = signed ? formatDelta(n) : formatPoints(n);
  return `${text} ${Math.abs(n) === 1 ? 'pt' : 'pts'}`;
}

/** Percentage points with a sign, for comparisons: "+4.2 pp", "−1 pp". */
export function formatSignedPercentPoints(p: number | null | undefined): string {
  if (!isNumber(p)) return DASH;
  const rounded = round1(p);
  if (rounded === 0) return '0 pp';
  const abs = Math.abs(rounded);
  const text = Number.isInteger(abs) ? String(abs) : abs.toFixed(1);
  return `${rounded > 0 ? '+' : MINUS}${text} pp`;
}

/** "12 / 40"; "12 / ≥ 30" when only a lower bound of the max is known; "12 / —" when nothing is. */
export function formatPointsOfMax(score: number | null | undefined, max: number | null | undefined, knownMax?: number | null): string {
  if (!isNumber(max) && isNumber(knownMax) && knownMax > 0) return `${formatPoints(score)} / ≥ ${formatPoints(knownMax)}`;
  return `${formatPoints(score)} / ${formatPoints(max)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads yyyy-MM-dd or a full ISO timestamp (its UTC date); null when it is neither. */
function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!m) return null;
  const d = value.length === 10 ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  // Date.UTC rolls 2026-02-31 over into March: a day that does not exist is unreadable, not another day.
  if (value.length === 10 && (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])) return null;
  return d;
}

/** "3 Dec 2026" for a yyyy-MM-dd or an ISO timestamp (its UTC date); anything unreadable → "—". */
export function formatDate(value: string | null | undefined): string {
  const d = parseDate(value);
  if (!d) return DASH;
  return scoringDate(d.toISOString().slice(0, 10));
}

/** "3 Dec" for chart axes and short ranges. */
export function formatShortDate(value: string | null | undefined): string {
  const d = parseDate(value);
  if (!d) return DASH;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "3 Dec 2026, 14:05 UTC" for note and state timestamps. */
export function formatDateTime(value: string | null | undefined): string {
  const d = parseDate(value);
  if (!d) return DASH;
  if (value && value.length === 10) return formatDate(value);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(value)}, ${hh}:${mm} UTC`;
}

/** "1 Dec – 3 Dec 2026"; the first year is shown only when the years differ. */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return `${formatDate(from)} – ${formatDate(to)}`;
  const left = a.getUTCFullYear() === b.getUTCFullYear() ? formatShortDate(from) : formatDate(from);
  return `${left} – ${formatDate(to)}`;
}

/** "1–100 seats" (en dash, as Microsoft's portal writes ranges). */
export function formatSeatRange(range: { lower: number; upper: number } | null | undefined): string {
  if (!range || !isNumber(range.lower) || !isNumber(range.upper)) return '';
  return `${range.lower.toLocaleString('en-US')}–${range.upper.toLocaleString('en-US')} seats`;
}

/** Levels read as the security center writes them; Unknown says so instead of hiding. */
export function formatLevel(level: Level | null | undefined): string {
  return level ? level : 'Unknown';
}

const STATE_LABELS: Record<ControlState, string> = {
  Default: 'Default',
  Ignored: 'Ignored',
  ThirdParty: 'Third party',
  Reviewed: 'Reviewed',
};

export function formatState(state: ControlState | string | null | undefined): string {
  if (!state) return 'Default';
  return (STATE_LABELS as Record<string, string>)[state] ?? state;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 0 = Sunday … 6 = Saturday, as Date.getDay and the Subscription contract count. */
export function dayName(dayOfWeek: number): string {
  return DAY_NAMES[((dayOfWeek % 7) + 7) % 7];
}

/** "09:00" */
export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "Mondays at 09:00 (Europe/Berlin)" */
export function formatSchedule(dayOfWeek: number, hour: number, minute: number, timeZone: string): string {
  return `${dayName(dayOfWeek)}s at ${formatClock(hour, minute)} (${timeZone})`;
}

/** "1 control" / "3 controls" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
