/**
 * Subscribing a conversation to the weekly digest, from chat or from a card: which schedule and time
 * zone to store, checking what users typed into the settings form, and the words that tell them what
 * was stored. The chat and card handlers in src/bot/ are thin wrappers around these.
 */
import type { BotServices, TurnInfo } from '../bot/services';
import type { Subscription } from '../storage/store';
import { describeSlot, nextSlot } from './schedule';
import { canonicalTimeZone } from '../scoring/period';

export interface ScheduleRequest {
  dayOfWeek?: number;
  hour?: number;
  minute?: number;
  timeZone?: string;
}

export type TimeZoneSource = 'asked' | 'kept' | 'teams' | 'utcFallback';

export interface ResolvedSchedule {
  dayOfWeek: number;
  hour: number;
  minute: number;
  timeZone: string;
  timeZoneSource: TimeZoneSource;
}

/** Fields asked for win, then what the conversation had, then the configured default (Monday 09:00). */
export function resolveSchedule(request: ScheduleRequest | undefined, existing: Subscription | null, turn: TurnInfo, defaults: BotServices['config']['digestDefault']): ResolvedSchedule {
  const pick = (asked: number | undefined, had: number | undefined, fallback: number, max: number) =>
    Number.isInteger(asked) && asked! >= 0 && asked! <= max ? asked! : had ?? fallback;
  const askedZone = canonicalTimeZone(request?.timeZone);
  const teamsZone = canonicalTimeZone(turn.localTimezone);
  let timeZone: string;
  let timeZoneSource: TimeZoneSource;
  if (askedZone) [timeZone, timeZoneSource] = [askedZone, 'asked'];
  else if (existing) [timeZone, timeZoneSource] = [existing.timeZone, 'kept'];
  else if (teamsZone) [timeZone, timeZoneSource] = [teamsZone, 'teams'];
  else [timeZone, timeZoneSource] = ['UTC', 'utcFallback'];
  return {
    dayOfWeek: pick(request?.dayOfWeek, existing?.dayOfWeek, defaults.dayOfWeek, 6),
    hour: pick(request?.hour, existing?.hour, defaults.hour, 23),
    // A new hour without minutes means on the hour ("at 9" is 09:00, not 09:30 kept from before).
    minute: pick(request?.minute, request?.hour !== undefined ? 0 : existing?.minute, defaults.minute, 59),
    timeZone,
    timeZoneSource,
  };
}

/** The schedule offered before anyone subscribed: the default slot in the user's Teams time zone. */
export function offeredSchedule(turn: TurnInfo, defaults: BotServices['config']['digestDefault']): ResolvedSchedule {
  return resolveSchedule(undefined, null, turn, defaults);
}

export function timeZoneNote(source: TimeZoneSource): string {
  switch (source) {
    case 'asked':
      return '';
    case 'kept':
      return ', the time zone set before';
    case 'teams':
      return ', your time zone in Teams';
    case 'utcFallback':
      return ': UTC, because Teams did not tell me your time zone (say e.g. "digest on Mondays 9:00 Europe/Berlin" to change it)';
  }
}

export async function saveSubscription(services: BotServices, turn: TurnInfo, schedule: ResolvedSchedule): Promise<Subscription> {
  if (!(await services.store.getConversation(turn.tenantId, turn.conversationId))) {
    // The bot records every conversation it hears from before commands run; without the record the
    // digest has nowhere to go, so this is worth knowing about.
    services.log.warn('subscription saved for a conversation the bot has not recorded', { tenantId: turn.tenantId, conversationId: turn.conversationId });
  }
  const sub = await services.store.upsertSubscription({
    tenantId: turn.tenantId,
    conversationId: turn.conversationId,
    dayOfWeek: schedule.dayOfWeek,
    hour: schedule.hour,
    minute: schedule.minute,
    timeZone: schedule.timeZone,
    createdBy: turn.aadObjectId ?? turn.userId ?? null,
    now: services.now().toISOString(),
  });
  services.log.info('digest subscription saved', { tenantId: turn.tenantId, conversationId: turn.conversationId, schedule: describeSlot(sub) });
  return sub;
}

/** "Mondays at 09:00 (Europe/Berlin). Next one: Mon 12 Jan 2026, 09:00." */
export function scheduleSentence(sub: Subscription, now: Date, source: TimeZoneSource): string {
  const next = nextSlot(sub, now);
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: sub.timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
  return `${describeSlot(sub).replace(/^(\w+) /, '$1s at ')}${timeZoneNote(source)}. Next one: ${when}.`;
}

export type SettingsInput = { ok: true; schedule: ScheduleRequest } | { ok: false; message: string };

/**
 * The settings form's inputs (day "0"–"6", time "HH:mm", timeZone), checked again here: the client's
 * checks can be bypassed, and in channels an Execute can arrive without the inputs at all.
 */
export function parseSettingsInput(data: Record<string, unknown>): SettingsInput {
  const schedule: ScheduleRequest = {};
  const day = str(data.day);
  const time = str(data.time);
  const zone = str(data.timeZone);
  if (day === null && time === null && zone === null) {
    return { ok: false, message: 'I did not receive the new settings. Please open the form and press Save again.' };
  }
  if (day !== null) {
    if (!/^[0-6]$/.test(day)) return { ok: false, message: 'Pick a day of the week.' };
    schedule.dayOfWeek = Number(day);
  }
  if (time !== null) {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(time);
    if (!m) return { ok: false, message: 'Give the time as HH:mm, for example 09:00.' };
    schedule.hour = Number(m[1]);
    schedule.minute = Number(m[2]);
  }
  if (zone !== null) {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) return { ok: false, message: 'That time zone is not one I know. Use a name such as Europe/Berlin or America/New_York.' };
    schedule.timeZone = canonical;
  }
  return { ok: true, schedule };
}

function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t.slice(0, 100);
}
