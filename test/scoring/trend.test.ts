import { computeTrend } from '../../src/scoring/trend';
import { buildTenantData } from '../../src/scoring/normalize';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { day, H_PROFILES, H_TENANT, heimdallSeries } from './synthetic';

const d = (date: string, score: number, max = 200) => day(date, [], { currentScore: score, maxScore: max });

describe('computeTrend on a synthetic sequence', () => {
  // Newest first, as TenantData keeps them; one day outside the window and one in the future.
  const days = [d('2026-03-12', 99), d('2026-03-10', 120), d('2026-03-08', 90.5), d('2026-03-05', 130), d('2026-03-03', 100), d('2026-02-20', 10)];
  const now = new Date('2026-03-10T15:00:00Z');

  test('window [now − 7 days, now], oldest first, min / max / start / end / change', () => {
    const t = computeTrend(days, 7, now);
    expect(t.days).toBe(7);
    expect(t.points.map((p) => p.date)).toEqual(['2026-03-03', '2026-03-05', '2026-03-08', '2026-03-10']);
    expect(t.start).toEqual({ date: '2026-03-03', score: 100, max: 200, percent: 50 });
    expect(t.end).toEqual({ date: '2026-03-10', score: 120, max: 200, percent: 60 });
    expect(t.min).toEqual({ date: '2026-03-08', score: 90.5, max: 200, percent: 45.3 });
    expect(t.max).toEqual({ date: '2026-03-05', score: 130, max: 200, percent: 65 });
    expect(t.change).toBe(20);
  });

  test('a shorter window drops the older days; one point gives no change', () => {
    const t = computeTrend(days, 1, now);
    expect(t.points.map((p) => p.date)).toEqual(['2026-03-10']);
    expect(t.change).toBeNull();
    expect(t.min).toEqual(t.max);
  });

  test('no day in the window, bad window, max 0: empty and null, never NaN', () => {
    expect(computeTrend(days, 7, new Date('2027-01-01T00:00:00Z'))).toEqual({ days: 7, points: [], start: null, end: null, min: null, max: null, change: null });
    expect(computeTrend([d('2026-03-10', 0, 0)], NaN, now).points).toEqual([{ date: '2026-03-10', score: 0, max: 0, percent: null }]);
  });

  test('ties: the first day that reached the min or max is reported', () => {
    const t = computeTrend([d('2026-03-10', 50), d('2026-03-09', 40), d('2026-03-08', 50), d('2026-03-07', 40)], 7, now);
    expect([t.min!.date, t.max!.date]).toEqual(['2026-03-07', '2026-03-08']);
  });
});

describeWithFixtures('computeTrend on a series derived from the real heimdall2 day', () => {
  test('30 days to 2024-01-01: 110 → 128, lowest 110 on 24 Dec, highest 131 on 31 Dec', () => {
    const data = buildTenantData(H_TENANT, heimdallSeries(), readFixture(H_PROFILES).value);
    const t = computeTrend(data.days, 30, new Date('2024-01-01T09:00:00Z'));
    expect(t.points.map((p) => [p.date, p.score, p.percent])).toEqual([
      ['2023-12-24', 110, 40.1],
      ['2023-12-25', 118, 43.1],
      ['2023-12-28', 121, 44.2],
      ['2023-12-31', 131, 47.8],
      ['2024-01-01', 128, 46.7],
    ]);
    expect(t.min!.date).toBe('2023-12-24');
    expect(t.max).toEqual({ date: '2023-12-31', score: 131, max: 274, percent: 47.8 });
    expect(t.change).toBe(18);
  });
});
