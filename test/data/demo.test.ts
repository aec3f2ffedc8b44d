/**
 * The generated demo tenant: deterministic, realistic in shape, with the quirks real Graph data has,
 * and served as pages through the shared paging code.
 */
import { DemoScoreSource } from '../../src/data/demo/demoSource';
import { PROFILE_PAGE_SIZE, generateDemoTenant, toGraphPages } from '../../src/data/demo/generateDemoTenant';
import { NEW_ACTION_FROM_DAY } from '../../src/data/demo/history';
import { ScoreSource, ScoreSourceError } from '../../src/data/scoreSource';
import { haveFixtures, readFixture } from '../helpers/fixtures';

const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const NOW = new Date('2026-12-03T10:00:00Z');
const demo = generateDemoTenant(TENANT, NOW);
const days = demo.secureScores;
const profiles = demo.controlProfiles;
type Control = Record<string, unknown>;
const controls = (day: Record<string, unknown>) => day.controlScores as Control[];
/** Oldest first, for reading the history as a story. */
const chronological = [...days].reverse();
const deltas = chronological.slice(1).map((d, i) => Number(d.currentScore) - Number(chronological[i].currentScore));

describe('generateDemoTenant', () => {
  test('is deterministic: the same now gives deep-equal data, without Math.random or the clock', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(generateDemoTenant(TENANT, new Date(NOW))).toEqual(demo);
    } finally {
      random.mockRestore();
      clock.mockRestore();
    }
  });

  test('a later now shifts the dates and keeps the story', () => {
    const nextDay = generateDemoTenant(TENANT, new Date('2026-12-04T01:00:00Z'));
    expect(nextDay.secureScores[0].id).toBe(`${TENANT}_2026-12-04`);
    expect(nextDay.secureScores[119].id).toBe(`${TENANT}_2026-08-07`);
    expect(nextDay.secureScores.map((d) => d.currentScore)).toEqual(days.map((d) => d.currentScore));
    expect(nextDay.secureScores[0]).not.toEqual(days[0]);
  });

  test('120 days, newest first, one per UTC day ending today, ids tenant_yyyy-MM-dd at midnight', () => {
    expect(days).toHaveLength(120);
    expect(days[0].id).toBe(`${TENANT}_2026-12-03`);
    expect(days[119].id).toBe(`${TENANT}_2026-08-06`);
    days.forEach((day, i) => {
      const expected = new Date(Date.UTC(2026, 11, 3 - i)).toISOString().slice(0, 10);
      expect(day.id).toBe(`${TENANT}_${expected}`);
      expect(day.createdDateTime).toBe(`${expected}T00:00:00Z`);
      expect(day.azureTenantId).toBe(TENANT);
    });
  });

  test('each day’s control scores add up to its currentScore', () => {
    for (const day of days) {
      const sum = controls(day).reduce((total, c) => total + Number(c.score), 0);
      expect(Math.abs(sum - Number(day.currentScore))).toBeLessThanOrEqual(0.01);
      expect(Number(day.currentScore)).toBeLessThanOrEqual(Number(day.maxScore));
    }
  });

  test('the history goes up and down: a drop of 5+ points, many rises, overall progress', () => {
    expect(Math.min(...deltas)).toBeLessThanOrEqual(-5);
    expect(deltas.filter((d) => d <= -5).length).toBeGreaterThanOrEqual(2);
    expect(deltas.filter((d) => d > 0).length).toBeGreaterThanOrEqual(20);
    expect(Number(days[0].currentScore)).toBeGreaterThan(Number(days[119].currentScore) + 30);
  });

  test('max score rises on the day a new action appears, and falls when retired ones leave', () => {
    const maxes = chronological.map((d) => Number(d.maxScore));
    const risesAt = maxes.findIndex((m, i) => i > 0 && m > maxes[i - 1]);
    expect(risesAt).toBe(NEW_ACTION_FROM_DAY);
    const newcomer = 'PhishResistantMFAAdmins';
    expect(controls(chronological[risesAt - 1]).some((c) => c.controlName === newcomer)).toBe(false);
    expect(controls(chronological[risesAt]).find((c) => c.controlName === newcomer)?.score).toBe(0);
    expect(maxes[risesAt] - maxes[risesAt - 1]).toBe(profiles.find((p) => p.id === newcomer)?.maxScore);
    expect(maxes.some((m, i) => i > 0 && m < maxes[i - 1])).toBe(true);
  });

  test('at least 60 profiles over all five categories; more profiles than scored controls', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(60);
    expect(new Set(profiles.map((p) => p.controlCategory))).toEqual(new Set(['Identity', 'Data', 'Device', 'Apps', 'Infrastructure']));
    expect(new Set(controls(days[0]).map((c) => c.controlCategory))).toEqual(new Set(['Identity', 'Data', 'Device', 'Apps', 'Infrastructure']));
    const scored = new Set(days.flatMap((d) => controls(d).map((c) => String(c.controlName))));
    const unlicensed = profiles.filter((p) => !scored.has(String(p.id)));
    expect(unlicensed.length).toBeGreaterThanOrEqual(5);
    // every scored control has a profile (the join the scoring module relies on)
    const ids = new Set(profiles.map((p) => p.id));
    expect([...scored].filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    for (const p of profiles) {
      expect(p.maxScore).toBeGreaterThanOrEqual(1);
      expect(p.maxScore).toBeLessThanOrEqual(10);
    }
    expect(profiles.some((p) => String(p.id).startsWith('scid_'))).toBe(true);
  });

  test('profiles carry the quirks of real payloads', () => {
    const levels = new Set(profiles.flatMap((p) => [p.implementationCost, p.userImpact]));
    const casings = [...levels].filter((l) => typeof l === 'string');
    expect(casings.length).toBeGreaterThanOrEqual(4);
    for (const l of ['Low', 'low', 'Moderate', 'Medium', 'medium', 'High', 'high', 'Unknown', null]) expect(levels.has(l)).toBe(true);
    const threats = new Set(profiles.flatMap((p) => p.threats as string[]));
    expect(threats.has('Account breach') && threats.has('Account Breach')).toBe(true);
    const remediation = profiles.map((p) => String(p.remediation)).join('\n');
    for (const html of ['<p>', '<br/>', '<ol><li>', '&nbsp;', '&rsquo;', '<a href="https://']) expect(remediation).toContain(html);
    expect(profiles.filter((p) => p.deprecated === true).length).toBeGreaterThanOrEqual(2);
    const latestStates = profiles.map((p) => (p.controlStateUpdates as Control[]).at(-1)!);
    for (const state of ['Ignored', 'ThirdParty', 'Reviewed']) {
      expect(latestStates.some((s) => s.state === state && typeof s.assignedTo === 'string')).toBe(true);
    }
    expect(profiles.every((p) => p.azureTenantId === TENANT)).toBe(true);
  });

  test('scores carry the quirks of real payloads', () => {
    const all = days.flatMap(controls);
    expect(days.some((d) => typeof d.activeUserCount === 'string')).toBe(true);
    expect(all.some((c) => typeof c.score === 'string')).toBe(true);
    expect(all.filter((c) => 'on' in c).every((c) => c.on === 'true' || c.on === 'false')).toBe(true);
    expect(all.filter((c) => 'count' in c).every((c) => typeof c.count === 'string' && typeof c.total === 'string')).toBe(true);
    expect(all.some((c) => 'count' in c)).toBe(true);
    // the oldest days look like old Graph data
    expect(controls(days[119]).every((c) => c.description === null && !('lastSynced' in c))).toBe(true);
    expect(controls(days[0]).every((c) => typeof c.description === 'string' && typeof c.scoreInPercentage === 'number')).toBe(true);
    expect(all.some((c) => /<p>|<br\/>/.test(String(c.implementationStatus)))).toBe(true);
    // comparisons: usually AllTenants + TotalSeats (seat range as PascalCase strings), sometimes [] or missing
    const seats = (days[0].averageComparativeScores as Control[]).find((a) => a.basis === 'TotalSeats')!;
    expect(seats.SeatSizeRangeLowerValue).toBe('1');
    expect(seats.SeatSizeRangeUpperValue).toBe('100');
    expect(days.some((d) => Array.isArray(d.averageComparativeScores) && (d.averageComparativeScores as unknown[]).length === 0)).toBe(true);
    expect(days.some((d) => !('averageComparativeScores' in d))).toBe(true);
    expect(days.some((d) => (d.averageComparativeScores as Control[] | undefined)?.some((a) => a.averageScore === -1))).toBe(true);
  });

  (haveFixtures ? test : test.skip)('invents its own texts: nothing shared with the public fixtures beyond the ids the brief named', () => {
    const fixtureProfiles = [
      ...readFixture('securescorecontrolprofiles_heimdall2_page1_200.json').value,
      ...readFixture('securescorecontrolprofiles_graph2otel_page1_5profiles.json').value,
    ] as Control[];
    const fixtureScores = [
      ...readFixture('securescores_heimdall2_1day_68controls.json').value[0].controlScores,
      ...readFixture('securescores_graph2otel_e5_top1_5controls.json').value[0].controlScores,
    ] as Control[];
    const words = (t: unknown) => String(t ?? '').replace(/<[^>]+>/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
    const grams = new Set<string>();
    const add = (t: unknown) => {
      const w = words(t);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    };
    fixtureProfiles.forEach((p) => [p.title, p.remediation, p.remediationImpact].forEach(add));
    fixtureScores.forEach((c) => [c.description, c.implementationStatus].forEach(add));
    const shared: string[] = [];
    const ours = [...profiles.flatMap((p) => [p.title, p.remediation, p.remediationImpact]), ...controls(days[0]).map((c) => c.description)];
    for (const text of ours) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) if (grams.has(w.slice(i, i + 8).join(' '))) shared.push(w.slice(i, i + 8).join(' '));
    }
    expect(shared).toEqual([]);
    const fixtureIds = new Set([...fixtureProfiles.map((p) => p.id), ...fixtureScores.map((c) => c.controlName)]);
    expect(profiles.map((p) => p.id).filter((id) => fixtureIds.has(id)).sort()).toEqual(['AdminMFAV2', 'exo_mailboxaudit']);
  });
});

describe('toGraphPages', () => {
  test('profiles come in pages of 50 linked by nextLink, the last without one', () => {
    const pages = toGraphPages(profiles, PROFILE_PAGE_SIZE, 'security/secureScoreControlProfiles');
    expect(pages.map((p) => p.value.length)).toEqual([50, profiles.length - 50]);
    expect(pages[0]['@odata.nextLink']).toBe('https://demo.invalid/v1.0/security/secureScoreControlProfiles?$skiptoken=50');
    expect(pages[1]['@odata.nextLink']).toBeUndefined();
  });
});

describe('DemoScoreSource', () => {
  const source: ScoreSource = new DemoScoreSource({ now: () => NOW });

  test('walks all profile pages and returns the whole catalogue', async () => {
    const result = await source.getControlProfiles(TENANT);
    expect(result.map((p) => p.id)).toEqual(profiles.map((p) => p.id));
  });

  test('returns the days asked for across score pages, newest first', async () => {
    expect((await source.getSecureScores(TENANT, 1)).map((d) => d.id)).toEqual([`${TENANT}_2026-12-03`]);
    const ninety = await source.getSecureScores(TENANT, 90);
    expect(ninety).toHaveLength(90);
    expect(ninety[89].id).toBe(days[89].id);
    expect(await source.getSecureScores(TENANT, 365)).toHaveLength(120);
    expect(await source.getSecureScores(TENANT, 0)).toEqual([]);
  });

  test('each tenant gets data tagged with its own id and nothing of another tenant', async () => {
    const other = 'c0ffee00-1111-4222-8333-444455556666';
    const mine = await source.getSecureScores(TENANT, 3);
    const theirs = await source.getSecureScores(other, 3);
    expect(theirs.map((d) => d.id)).toEqual([`${other}_2026-12-03`, `${other}_2026-12-02`, `${other}_2026-12-01`]);
    expect(JSON.stringify(theirs)).not.toContain(TENANT);
    expect(theirs.map((d) => d.currentScore)).toEqual(mine.map((d) => d.currentScore));
    expect((await source.getControlProfiles(other)).every((p) => p.azureTenantId === other)).toBe(true);
  });

  test('an empty tenant id is refused', async () => {
    await expect(source.getSecureScores('  ', 7)).rejects.toBeInstanceOf(ScoreSourceError);
    await expect(source.getControlProfiles('')).rejects.toBeInstanceOf(ScoreSourceError);
  });

  test('has no write-back', () => {
    expect(source.updateControlProfile).toBeUndefined();
    expect(source.name).toBe('demo');
  });
});
