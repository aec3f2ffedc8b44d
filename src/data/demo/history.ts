/**
 * Simulates 120 days of the demo tenant's Secure Score and renders them as Graph secureScore
 * objects, newest first. The story: steady progress as actions are completed, users registering
 * for MFA, devices coming into compliance; a regression around day 70 (legacy authentication and
 * Outlook add-ins switched back on during a migration) and a smaller one around day 101 (external
 * sharing opened for a project); a new action appearing on day 90 (max score rises); three
 * retired actions leaving on day 40.
 *
 * Quirks on purpose (real payloads have them): numbers as strings on some days, `on`/`count`/
 * `total` always strings, description null and no extras on the oldest days,
 * averageComparativeScores missing or [] on some days and all -1 on one.
 */
import type { RawSecureScore } from '../scoreSource';
import { CATALOGUE, CatalogueEntry, DemoCategory } from './catalogue';
import { isoDay } from './dates';
import { Random, hashSeed, mulberry32, randomInt } from './prng';
import { VENDOR_INFORMATION } from './profiles';
import { STATE_CHANGES } from './stateUpdates';

export const DEMO_DAYS = 120;
/** Day indexes count from the oldest day (0) to today (DEMO_DAYS - 1). */
export const RETIRED_FROM_DAY = 40;
export const NEW_ACTION_FROM_DAY = 90;
export const REGRESSIONS: { from: number; to: number; ids: string[] }[] = [
  { from: 70, to: 77, ids: ['BlockLegacyAuthV2', 'exo_user_addins_blocked'] },
  { from: 101, to: 108, ids: ['spo_external_sharing_limited'] },
];
/** The oldest days look like old Graph data: no extras, description null. */
const PLAIN_DAYS = 20;
const EMPTY_COMPARISON_DAYS = new Set([30, 31, 32, 33, 34, 35]);
const MISSING_COMPARISON_DAYS = new Set([52, 53]);
const UNKNOWN_COMPARISON_DAY = 84;

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Track {
  entry: CatalogueEntry;
  /** Fraction of the action's points earned on each day; undefined = not in that day's score. */
  fraction: (number | undefined)[];
  count?: number[];
  total?: number[];
}

function activeUsers(day: number): number {
  // Hires and a leaver, so user-based actions dip a little when new people arrive unregistered.
  return 38 + (day >= 25 ? 2 : 0) + (day >= 61 ? 3 : 0) - (day >= 80 ? 1 : 0) + (day >= 96 ? 1 : 0);
}

function deviceCount(day: number): number {
  return 52 + Math.floor(day / 20);
}

function stateFrom(entry: CatalogueEntry, state: string): number | undefined {
  const changes = STATE_CHANGES[entry.id] ?? [];
  const last = [...changes].reverse().find((c) => c.state === state);
  return last ? DEMO_DAYS - 1 - last.daysAgo : undefined;
}

function simulate(entry: CatalogueEntry, random: Random): Track {
  const present = (day: number) =>
    entry.availability === 'unlicensed'
      ? false
      : entry.availability === 'deprecated'
        ? day < RETIRED_FROM_DAY
        : entry.availability === 'new'
          ? day >= NEW_ACTION_FROM_DAY
          : true;
  const fraction: (number | undefined)[] = [];
  const track: Track = { entry, fraction };
  const blocked = new Set(REGRESSIONS.flatMap((r) => [r.from, r.from + 1]));

  if (entry.kind === 'users' || entry.kind === 'devices') {
    const population = (day: number) =>
      entry.id === 'AdminMFAV2' ? 4 : entry.id === 'mdi_sensor_all_dcs' ? 3 : entry.kind === 'users' ? activeUsers(day) : deviceCount(day);
    let covered = Math.round(population(0) * (0.3 + random() * 0.5));
    track.count = [];
    track.total = [];
    for (let day = 0; day < DEMO_DAYS; day++) {
      const total = population(day);
      if (!blocked.has(day)) {
        const roll = random();
        if (roll < (entry.kind === 'users' ? 0.14 : 0.3)) covered += 1;
        else if (entry.kind === 'devices' && roll > 0.9) covered -= 1;
      }
      covered = Math.max(0, Math.min(total, covered));
      const retired = entry.availability === 'deprecated';
      track.count.push(retired ? 0 : covered);
      track.total.push(total);
      fraction.push(present(day) ? (retired ? 0 : covered / total) : undefined);
    }
    return track;
  }

  // toggle / review: on or off, completed on some day or never.
  const startsOn = random() < 0.4;
  let completedOn = startsOn ? 0 : random() < 0.5 ? randomInt(random, 3, DEMO_DAYS - 3) : Infinity;
  if (blocked.has(completedOn)) completedOn += 2;
  const scripted: Record<string, number> = {
    BlockLegacyAuthV2: 0,
    exo_user_addins_blocked: 0,
    spo_external_sharing_limited: 20,
    PhishResistantMFAAdmins: 112,
  };
  if (entry.id in scripted) completedOn = scripted[entry.id];
  const ignoredFrom = stateFrom(entry, 'Ignored');
  const thirdPartyFrom = stateFrom(entry, 'ThirdParty');
  const reviewedFrom = stateFrom(entry, 'Reviewed');
  for (let day = 0; day < DEMO_DAYS; day++) {
    if (!present(day)) {
      fraction.push(undefined);
      continue;
    }
    let on = day >= completedOn && entry.availability !== 'deprecated';
    if (REGRESSIONS.some((r) => r.ids.includes(entry.id) && day >= r.from && day <= r.to)) on = false;
    if (thirdPartyFrom !== undefined && day >= thirdPartyFrom) on = true;
    if (reviewedFrom !== undefined && day >= reviewedFrom) on = true;
    if (ignoredFrom !== undefined && day >= ignoredFrom) on = false;
    fraction.push(on ? 1 : 0);
  }
  return track;
}

function implementationStatus(track: Track, day: number, earned: number): string {
  const { entry } = track;
  if (track.count && track.total) {
    const missing = track.total[day] - track.count[day];
    const noun = entry.kind === 'users' ? (entry.id === 'AdminMFAV2' ? 'administrators' : 'users') : entry.id === 'mdi_sensor_all_dcs' ? 'domain controllers' : 'devices';
    return day % 2 === 0
      ? `You have ${missing} of ${track.total[day]} ${noun} that don&rsquo;t meet this recommendation.`
      : `<p>${track.count[day]} of ${track.total[day]} ${noun} are covered.</p>`;
  }
  if (entry.kind === 'review') return earned > 0 ? 'You reviewed this within the recommended period.' : 'No review is recorded for the last 90 days.';
  return earned > 0 ? 'This setting is turned on.<br/>No action needed.' : 'This setting is turned off.';
}

function comparisons(day: number, categoryMax: Record<DemoCategory, number>): Record<string, unknown>[] | undefined {
  if (MISSING_COMPARISON_DAYS.has(day)) return undefined;
  if (EMPTY_COMPARISON_DAYS.has(day)) return [];
  const categories = Object.keys(categoryMax) as DemoCategory[];
  const key = (c: DemoCategory) => c.charAt(0).toLowerCase() + c.slice(1);
  if (day === UNKNOWN_COMPARISON_DAY) {
    const minusOne: Record<string, unknown> = { basis: 'AllTenants', averageScore: -1 };
    for (const c of categories) Object.assign(minusOne, { [`${key(c)}Score`]: -1, [`${key(c)}ScoreMax`]: -1 });
    return [minusOne, { ...minusOne, basis: 'TotalSeats', SeatSizeRangeLowerValue: '1', SeatSizeRangeUpperValue: '100' }];
  }
  // Peer averages drift slowly; a deterministic wave keeps them moving without randomness.
  const wave = Math.sin(day / 9);
  const basis = (name: string, percent: number, spread: number, extra: Record<string, unknown>) => {
    const item: Record<string, unknown> = { basis: name, averageScore: round2(percent), ...extra };
    categories.forEach((c, i) => {
      const max = round2(categoryMax[c] * (1 + spread * Math.cos(day / 13 + i)));
      item[`${key(c)}Score`] = round2((max * percent) / 100 * (0.9 + 0.05 * i));
      item[`${key(c)}ScoreMax`] = max;
    });
    return item;
  };
  const list = [
    basis('AllTenants', 44.6 + 1.2 * wave, 0.06, {}),
    basis('TotalSeats', 47.9 + 0.9 * wave, 0.04, { SeatSizeRangeLowerValue: '1', SeatSizeRangeUpperValue: '100' }),
  ];
  if (day >= 110) list.push({ basis: 'IndustryTypes', averageScore: round2(51.3 + wave) });
  return list;
}

export function buildSecureScores(tenantId: string, now: Date): RawSecureScore[] {
  const random = mulberry32(hashSeed('secure-score-demo/history'));
  const tracks = CATALOGUE.map((entry) => simulate(entry, random));
  const days: RawSecureScore[] = [];
  for (let day = 0; day < DEMO_DAYS; day++) {
    const daysBefore = DEMO_DAYS - 1 - day;
    const date = isoDay(now, daysBefore);
    // Built by hand: thousands of Date.toISOString calls were most of the generation time.
    const syncedDay = isoDay(now, daysBefore + 1);
    const plain = day < PLAIN_DAYS;
    const categoryMax: Record<DemoCategory, number> = { Identity: 0, Data: 0, Device: 0, Apps: 0, Infrastructure: 0 };
    let current = 0;
    let max = 0;
    const controlScores: Record<string, unknown>[] = [];
    tracks.forEach((track, index) => {
      const f = track.fraction[day];
      if (f === undefined) return;
      const { entry } = track;
      const score = round2(entry.maxScore * f);
      current += score;
      max += entry.maxScore;
      categoryMax[entry.category] += entry.maxScore;
      // On some days Graph sends user-based scores as strings.
      const scoreOut = entry.kind === 'users' && day % 11 === 3 ? String(score) : score;
      const item: Record<string, unknown> = {
        controlCategory: entry.category,
        controlName: entry.id,
        description: plain ? null : entry.summary,
        score: scoreOut,
      };
      if (!plain) {
        item.scoreInPercentage = round2(f * 100);
        item.implementationStatus = implementationStatus(track, day, score);
        item.lastSynced = `${syncedDay}T13:${String((index * 7) % 60).padStart(2, '0')}:06Z`;
        if (entry.kind === 'toggle') item.on = f > 0 ? 'true' : 'false';
        if (track.count && track.total) {
          item.count = String(track.count[day]);
          item.total = String(track.total[day]);
        }
      }
      controlScores.push(item);
    });
    const users = activeUsers(day);
    const score: RawSecureScore = {
      id: `${tenantId}_${date}`,
      azureTenantId: tenantId,
      activeUserCount: day % 17 === 5 ? String(users) : users,
      createdDateTime: `${date}T00:00:00Z`,
      currentScore: round2(current),
      enabledServices: ['HasAADP2', 'HasEXOP2', 'HasMDOP1', 'HasIntuneP1', 'HasMDEP2', 'HasMDIP1', 'HasSharePoint', 'HasTeams', 'HasIPP1'],
      licensedUserCount: day < 60 ? 0 : 50,
      maxScore: max,
    };
    const averages = comparisons(day, categoryMax);
    if (averages !== undefined) score.averageComparativeScores = averages;
    score.controlScores = controlScores;
    score.vendorInformation = { ...VENDOR_INFORMATION };
    days.push(score);
  }
  return days.reverse();
}
