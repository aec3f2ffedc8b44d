/**
 * Time and number formatting for the weekly digest. Pure: the instant comes in as an argument, time
 * zones go through Intl (built into Node with full ICU), so no date library is needed.
 */
import { roundTo } from './numbers';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      // A clear message instead of Intl's "Invalid time zone specified: …" with a stack.
      throw new RangeError(`Unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin)`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl accepts (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The name to store and show for a time zone the person typed, or null when Intl does not know it.
 * ICU answers some current names with their old alias (Asia/Kolkata → Asia/Calcutta), so the typed name is
 * kept; ICU's spelling is used only to repair casing, and an all-lower-case name is capitalised per part.
 */
export function canonicalTimeZone(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const typed = name.trim();
  if (typed === '' || typed.length > 64 || !isValidTimeZone(typed)) return null;
  const resolved = formatterFor(typed).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === typed.toLowerCase()) return resolved;
  if (typed !== typed.toLowerCase()) return typed;
  return typed.replace(/(^|[/_-])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Wall-clock time of an instant in a time zone. Throws RangeError for an unknown zone. */
export interface LocalTime {
  /** yyyy-MM-dd */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar date (yyyy-MM-dd) of an instant in a time zone. Throws RangeError for an unknown zone. */
export function localDate(date: Date, timeZone: string): string {
  return localTime(date, timeZone).date;
}

/**
 * ISO-8601 week of the instant as seen in `timeZone`, e.g. "2026-W49". Weeks start on Monday and week
 * 1 holds the year's first Thursday, so 1 Jan can belong to the previous year's last week. The digest
 * uses it as the "once per week" key: it must flip at local midnight on Monday, not UTC's.
 */
export function isoWeekKey(date: Date, timeZone: string): string {
  const [y, m, d] = localDate(date, timeZone).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const weekYear = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-03" → "3 Dec 2026": unambiguous for every locale the bot's readers use. Other input is returned as is. */
export function formatDate(yyyyMmDd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(yyyyMmDd ?? '');
  if (!m) return String(yyyyMmDd ?? '');
  const month = Number(m[2]);
  if (month < 1 || month > 12) return yyyyMmDd;
  return `${Number(m[3])} ${MONTHS[month - 1]} ${m[1]}`;
}

/** 128 → "128", 815.22 → "815.22", 2.5 → "2.5"; "—" for null or NaN, never "NaN". */
export function formatPoints(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '\u2014';
  return String(roundTo(n, 2));
}

/** 46.7 → "46.7%", 50 → "50%"; "—" for null (no max, nothing to compare), never "NaN%" or "null%". */
export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '\u2014';
  return `${roundTo(p, 1)}%`;
}

/** Signed points for changes: "+3", "−2.5", "0". Uses a real minus sign so it reads well on cards. */
export function formatDelta(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '\u2014';
  const r = roundTo(n, 2);
  if (r > 0) return `+${r}`;
  if (r < 0) return `\u2212${Math.abs(r)}`;
  return '0';
}
