/**
 * When the weekly digest should go out: "every Monday at 9", "Fridays 16:00 Europe/Berlin",
 * "8am on tuesday", "9:30 pm PST". Time zones are checked with Intl.DateTimeFormat, so only zones
 * the runtime (and therefore the scheduler) knows are accepted.
 */
import { canonicalTimeZone } from '../../scoring/period';
import { invalid, type Intent, type Schedule } from './intent';

const DAYS: Record<string, number> = {
  sunday: 0, sundays: 0, sun: 0,
  monday: 1, mondays: 1, mon: 1,
  tuesday: 2, tuesdays: 2, tue: 2, tues: 2,
  wednesday: 3, wednesdays: 3, wed: 3, weds: 3,
  thursday: 4, thursdays: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fridays: 5, fri: 5,
  saturday: 6, saturdays: 6, sat: 6,
};
export const DAY_WORDS: readonly string[] = Object.keys(DAYS);
const DAY = new RegExp(`\\b(${DAY_WORDS.join('|')})\\b`);
const NOT_WEEKLY = /\b(daily|every day|each day|everyday|every morning|every evening|every weekday|weekdays|twice a week|every other week|biweekly|monthly|every month|hourly)\b/;

const TWELVE_HOUR = /\b(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a m|p m)\b/;
const TWENTY_FOUR_HOUR = /\b(\d{1,2})[:.](\d{2})\b|\b(\d{1,2})h(\d{2})?\b/;
const AT_HOUR = /\b(?:at|around|by) (\d{1,2})\b(?! ?(?:%|percent|points|days|weeks))|\b(\d{1,2}) oclock\b/;

// Words people use for zones, mapped to the IANA name the scheduler needs.
const ZONE_WORDS: Record<string, string> = {
  utc: 'UTC', gmt: 'UTC',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles',
  mst: 'America/Denver', mdt: 'America/Denver', 'mountain time': 'America/Denver',
  cst: 'America/Chicago', cdt: 'America/Chicago', 'central time': 'America/Chicago',
  est: 'America/New_York', edt: 'America/New_York', 'eastern time': 'America/New_York',
  bst: 'Europe/London', cet: 'Europe/Paris', cest: 'Europe/Paris', eet: 'Europe/Athens', eest: 'Europe/Athens',
  aest: 'Australia/Sydney', aedt: 'Australia/Sydney', jst: 'Asia/Tokyo',
};
const ZONE_WORD = new RegExp(`\\b(${Object.keys(ZONE_WORDS).join('|')})\\b`);
const IANA_AREAS = /^(africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific|etc|us|canada|brazil|mexico|chile)$/i;
const SLASHED = /(?:^|[\s(,])([A-Za-z][A-Za-z_+-]*(?:\/[A-Za-z0-9_+-]+)+)/;
const OFFSET = /\b(?:utc|gmt) ?([+-]) ?(\d{1,2})(?::?(\d{2}))?\b/i;
const NAMED_AFTER = /\b(?:time ?zone|tz)[: ]+([A-Za-z][\w/+-]*)/i;

const EXAMPLE = 'e.g. "digest on Mondays at 9:00 Europe/Berlin"';

function badZone(name: string): Intent {
  return invalid('timeZone', `I don't know the time zone "${name}". Use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
}

/** A zone named in `clean` (case kept): undefined when none is named. */
function findZone(clean: string, text: string): string | Intent | undefined {
  const offset = OFFSET.exec(clean);
  if (offset) {
    const hours = Number(offset[2]);
    if ((offset[3] && offset[3] !== '00') || hours > 14) {
      return invalid('timeZone', `I can't schedule for "${offset[0]}". Use an IANA name such as Asia/Kolkata or Europe/Berlin.`);
    }
    // Etc/GMT names have the sign inverted: UTC+2 is Etc/GMT-2.
    return hours === 0 ? 'UTC' : (canonicalTimeZone(`Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`) ?? badZone(offset[0]));
  }
  const slashed = SLASHED.exec(clean);
  if (slashed) {
    const name = slashed[1];
    const area = name.split('/')[0];
    if (IANA_AREAS.test(area) || /^[A-Z]/.test(area)) return canonicalTimeZone(name) ?? badZone(name);
  }
  const named = NAMED_AFTER.exec(clean);
  if (named) return ZONE_WORDS[named[1].toLowerCase()] ?? canonicalTimeZone(named[1]) ?? badZone(named[1]);
  const word = ZONE_WORD.exec(text);
  return word ? ZONE_WORDS[word[1]] : undefined;
}

function badTime(what: string): Intent {
  return invalid('time', `"${what}" is not a time of day. Use something like 9:00, 16:30 or 8am.`);
}

/** Hour and minute named in `text`; undefined when none is named. */
function findTime(text: string): { hour: number; minute: number } | Intent | undefined {
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return badTime(twelve[0]);
    return { hour: (hour % 12) + (twelve[3].startsWith('p') ? 12 : 0), minute };
  }
  const full = TWENTY_FOUR_HOUR.exec(text);
  if (full) {
    const hour = Number(full[1] ?? full[3]);
    const minute = Number(full[2] ?? full[4] ?? 0);
    return hour > 23 || minute > 59 ? badTime(full[0]) : { hour, minute };
  }
  const at = AT_HOUR.exec(text);
  if (at) {
    const hour = Number(at[1] ?? at[2]);
    return hour > 23 ? badTime(at[0]) : { hour, minute: 0 };
  }
  if (/\b(noon|midday)\b/.test(text)) return { hour: 12, minute: 0 };
  if (/\bmidnight\b/.test(text)) return { hour: 0, minute: 0 };
  return undefined;
}

export type ScheduleResult = { schedule?: Schedule } | { error: Intent };

/**
 * The schedule a subscribe request names. `text` is the normalised text, `clean` the same message
 * with case and "/" kept (for zone names). `schedule` is absent when nothing about timing was said.
 */
export function findSchedule(text: string, clean: string): ScheduleResult {
  if (NOT_WEEKLY.test(text)) {
    return { error: invalid('schedule', `The digest goes out once a week: pick one day and time, ${EXAMPLE}.`) };
  }
  const time = findTime(text);
  if (time && 'kind' in time) return { error: time };
  const zone = findZone(clean, text);
  if (zone && typeof zone !== 'string') return { error: zone };
  const day = DAY.exec(text);
  const schedule: Schedule = {
    ...(day && { dayOfWeek: DAYS[day[1]] }),
    ...(time && { hour: time.hour, minute: time.minute }),
    ...(zone && { timeZone: zone }),
  };
  return Object.keys(schedule).length > 0 ? { schedule } : {};
}

/** Every pattern above, so the vocabulary can list their words. */
export const SCHEDULE_PATTERNS: readonly RegExp[] = [DAY, NOT_WEEKLY, TWELVE_HOUR, AT_HOUR, ZONE_WORD, NAMED_AFTER, /\b(noon|midday|midnight)\b/];
