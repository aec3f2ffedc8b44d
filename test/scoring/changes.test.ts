import { changesOverPeriod, compareDays } from '../../src/scoring/changes';
import { buildTenantData } from '../../src/scoring/normalize';
import type { TenantData } from '../../src/scoring/model';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, H_PROFILES, H_TENANT, heimdallSeries, profile, TENANT } from './synthetic';

describe('compareDays on synthetic days', () => {
  const profiles = [profile('full', { maxScore: 5, title: 'Full one' }), profile('partial', { maxScore: 10, title: 'Partial' }), profile('gain_small', { title: 'Small' }), profile('gain_big', { title: 'Big' })];
  const from = day('2026-01-01', [
    control('full', 5),
    control('partial', 6),
    control('tozero', 2, { scoreInPercentage: 20 }),
    control('gain_small', 1),
    control('gain_big', 0),
    control('same', 4),
    control('gone', 1),
  ], { maxScore: 100 });
  const to = day('2026-01-08', [
    control('full', 4),
    control('partial', 3),
    control('tozero', 0, { scoreInPercentage: 0 }),
    control('gain_small', 2),
    control('gain_big', 7),
    control('same', 4),
    control('new', 0.5),
  ], { maxScore: 103 });

  const r = compareDays(from, to, profiles);

  test('totals, delta and maxDelta', () => {
    expect(r.fromDate).toBe('2026-01-01');
    expect(r.toDate).toBe('2026-01-08');
    expect(r.before).toEqual({ score: 19, max: 100, percent: 19 });
    expect(r.after).toEqual({ score: 20.5, max: 103, percent: 19.9 });
    expect(r.delta).toBe(1.5);
    expect(r.maxDelta).toBe(3);
  });

  test('gained largest first; lost largest loss first; controls that appear or vanish count from 0', () => {
    expect(r.gained.map((c) => [c.controlId, c.delta])).toEqual([
      ['gain_big', 7],
      ['gain_small', 1],
      ['new', 0.5],
    ]);
    expect(r.lost.map((c) => [c.controlId, c.before, c.after, c.delta])).toEqual([
      ['partial', 6, 3, -3],
      ['tozero', 2, 0, -2],
      ['full', 5, 4, -1],
      ['gone', 1, 0, -1],
    ]);
    const sum = [...r.gained, ...r.lost].reduce((s, c) => s + c.delta, 0);
    expect(sum).toBeCloseTo(r.delta, 9);
  });

  test('regressions: had full points and lost some, or fell from >0 to 0; a partial drop is not one', () => {
    expect(r.regressions.map((c) => c.controlId)).toEqual(['tozero', 'full', 'gone']);
    expect(r.lost.find((c) => c.controlId === 'partial')!.regression).toBe(false);
    expect(r.lost.find((c) => c.controlId === 'full')!.title).toBe('Full one');
    expect(r.gained.find((c) => c.controlId === 'new')!.title).toBe('New');
  });
});

describe('changesOverPeriod on synthetic days', () => {
  const mk = (date: string, score: number) => day(date, [control('a', score)], { maxScore: 50 });
  const data: TenantData = { tenantId: TENANT, days: [mk('2026-01-20', 30), mk('2026-01-15', 25), mk('2026-01-12', 20), mk('2026-01-05', 10)], profiles: [] };
  const now = new Date('2026-01-20T12:00:00Z');

  test('the day exactly `days` before the newest', () => {
    expect(changesOverPeriod(data, 8, now)).toMatchObject({ fromDate: '2026-01-12', toDate: '2026-01-20', delta: 10 });
  });

  test('missing exact day: the nearest older one', () => {
    expect(changesOverPeriod(data, 7, now)).toMatchObject({ fromDate: '2026-01-12', delta: 10 });
    expect(changesOverPeriod(data, 3, now)).toMatchObject({ fromDate: '2026-01-15', delta: 5 });
  });

  test('history shorter than the period: the oldest day; days after now are ignored', () => {
    expect(changesOverPeriod(data, 90, now)).toMatchObject({ fromDate: '2026-01-05', delta: 20 });
    expect(changesOverPeriod(data, 7, new Date('2026-01-16T00:00:00Z'))).toMatchObject({ fromDate: '2026-01-05', toDate: '2026-01-15', delta: 15 });
  });

  test('fewer than two days: null', () => {
    expect(changesOverPeriod({ ...data, days: data.days.slice(0, 1) }, 7, now)).toBeNull();
    expect(changesOverPeriod({ ...data, days: [] }, 7, now)).toBeNull();
  });
});

describeWithFixtures('changes over a series derived from the real heimdall2 day', () => {
  const data = buildTenantData(H_TENANT, heimdallSeries(), readFixture(H_PROFILES).value);
  const now = new Date('2024-01-01T10:00:00Z');

  test('7 days: 118 → 128, AdminMFAV2 gained 10, nothing lost', () => {
    const r = changesOverPeriod(data, 7, now)!;
    expect([r.fromDate, r.toDate, r.delta, r.maxDelta]).toEqual(['2023-12-25', '2024-01-01', 10, 0]);
    expect(r.gained).toEqual([
      { controlId: 'AdminMFAV2', title: 'Ensure multifactor authentication is enabled for all users in administrative roles', category: 'Identity', before: 0, after: 10, delta: 10, regression: false },
    ]);
    expect(r.lost).toEqual([]);
  });

  test('3 days: from 28 Dec (nearest older to 29 Dec), +10 and the MailTips regression (3 of 3 → 0)', () => {
    const r = changesOverPeriod(data, 3, now)!;
    expect([r.fromDate, r.delta]).toEqual(['2023-12-28', 7]);
    expect(r.gained.map((c) => c.controlId)).toEqual(['AdminMFAV2']);
    expect(r.regressions).toEqual([
      { controlId: 'exo_mailtipsenabled', title: 'Ensure MailTips are enabled for end users', category: 'Apps', before: 3, after: 0, delta: -3, regression: true },
    ]);
  });

  test('90 days: the whole series, 110 → 128 with two gains', () => {
    const r = changesOverPeriod(data, 90, now)!;
    expect([r.fromDate, r.delta]).toEqual(['2023-12-24', 18]);
    expect(r.gained.map((c) => [c.controlId, c.delta])).toEqual([
      ['AdminMFAV2', 10],
      ['BlockLegacyAuthentication', 8],
    ]);
  });
});
