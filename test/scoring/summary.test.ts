import { buildTenantData } from '../../src/scoring/normalize';
import { change7d, comparisonLabel, summarize } from '../../src/scoring/summary';
import type { TenantData } from '../../src/scoring/model';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, DOCS, G_PROFILES, G_SCORES, G_TENANT, H_PROFILES, H_SCORES, H_TENANT, heimdallSeries, profile, TENANT } from './synthetic';

describeWithFixtures('summarize on the real heimdall2 day + profiles page', () => {
  const data = buildTenantData(H_TENANT, readFixture(H_SCORES).value, readFixture(H_PROFILES).value);
  const s = summarize(data)!;

  test('128 of 274 is 46.7 %', () => {
    expect(s.asOf).toBe('2024-01-01');
    expect(s.tenantId).toBe(H_TENANT);
    expect(s.total).toEqual({ score: 128, max: 274, percent: 46.7 });
  });

  test('categories: Apps 71, Identity 50, Data 7 points; max null where some control max is unknown', () => {
    expect(s.categories).toEqual([
      // Identity: 9 controls with a known max (59) + OneAdmin and RoleOverlap at 0 / 0 %, no profile.
      { category: 'Identity', score: 50, max: null, percent: null, unknownMaxControls: 2, knownMax: 59 },
      { category: 'Data', score: 7, max: null, percent: null, unknownMaxControls: 2, knownMax: 7 },
      { category: 'Device', score: 0, max: 0, percent: null, unknownMaxControls: 0, knownMax: 0 },
      { category: 'Apps', score: 71, max: null, percent: null, unknownMaxControls: 12, knownMax: 163 },
      { category: 'Infrastructure', score: 0, max: 0, percent: null, unknownMaxControls: 0, knownMax: 0 },
    ]);
  });

  test('comparisons with labels, rounded averages and differences from the rounded figures', () => {
    expect(s.comparisons).toEqual([
      { basis: 'AllTenants', label: 'All tenants', averagePercent: 54.7, differencePercent: -8, seatRange: null },
      { basis: 'TotalSeats', label: 'Similar size (1\u2013100 seats)', averagePercent: 49, differencePercent: -2.3, seatRange: { lower: 1, upper: 100 } },
    ]);
  });

  test('action counts: 24 open, 28 completed, 16 of unknown max (68 controls), top 5 in rank order', () => {
    expect(s.openActionCount).toBe(24);
    expect(s.completedActionCount).toBe(28);
    expect(s.unknownMaxActionCount).toBe(16);
    expect(s.resolvedActionCount).toBe(0);
    expect(s.change7d).toBeNull();
    expect(s.topActions.map((a) => a.controlId)).toEqual([
      'exo_storageproviderrestricted',
      'mdo_blockmailforward',
      // rank 10 and 3 points each: by title, "Ensure mailbox…" < "Ensure MailTips…" < "Ensure that…"
      'exo_mailboxaudit',
      'exo_mailtipsenabled',
      'mdo_antiphishingpolicies',
    ]);
    expect(summarize(data, { topCount: 2 })!.topActions).toHaveLength(2);
  });

  test('over a derived series the 7-day change is 128 − 118 = 10', () => {
    const series = buildTenantData(H_TENANT, heimdallSeries(), readFixture(H_PROFILES).value);
    expect(summarize(series)!.change7d).toBe(10);
  });
});

describeWithFixtures('summarize on graph2otel and the docs example', () => {
  test('graph2otel: 815.22 of 1376 = 59.2 %; its 5 controls have no profile in the 5-profile page but 100 % gives their max', () => {
    const data = buildTenantData(G_TENANT, readFixture(G_SCORES).value, readFixture(G_PROFILES).value);
    const s = summarize(data)!;
    expect(s.total).toEqual({ score: 815.22, max: 1376, percent: 59.2 });
    expect(s.categories[0]).toEqual({ category: 'Identity', score: 30, max: 30, percent: 100, unknownMaxControls: 0, knownMax: 30 });
    expect(s.comparisons.map((c) => [c.label, c.averagePercent, c.differencePercent])).toEqual([
      ['All tenants', 52.9, 6.3],
      ['Similar size (1\u2013100 seats)', 48.1, 11.1],
    ]);
    expect(s.openActionCount).toBe(0);
    expect(s.completedActionCount).toBe(5);
    expect(s.topActions).toEqual([]);
  });

  test('docs example: 387 of 697 = 55.5 %; the points-based averages and the industry label', () => {
    const docs = readFixture(DOCS);
    const data = buildTenantData(
      '00000000-0000-0000-0000-000000000003',
      docs['GET /v1.0/security/secureScores?$top=1 -> 200'].value,
      docs['GET /v1.0/security/secureScoreControlProfiles -> 200 (truncated in docs)'].value,
    );
    const s = summarize(data)!;
    expect(s.total).toEqual({ score: 387, max: 697, percent: 55.5 });
    expect(s.comparisons.map((c) => [c.label, c.averagePercent, c.differencePercent])).toEqual([
      ['All tenants', 5.3, 50.2],
      ['Similar size', 6.6, 48.9],
      ['Same industry', 15.6, 39.9],
    ]);
    // DLPEnabled: profile max 20, score 20 → completed. AdminMFA: no profile and no scoreInPercentage → unknown.
    expect(s.categories.find((c) => c.category === 'Data')).toEqual({ category: 'Data', score: 20, max: 20, percent: 100, unknownMaxControls: 0, knownMax: 20 });
    expect(s.categories.find((c) => c.category === 'Identity')).toEqual({ category: 'Identity', score: 35, max: null, percent: null, unknownMaxControls: 1, knownMax: 0 });
    expect([s.openActionCount, s.completedActionCount, s.unknownMaxActionCount]).toEqual([0, 1, 1]);
  });
});

describe('summarize edge cases', () => {
  test('no days (Graph sent value: []) gives null', () => {
    expect(summarize(buildTenantData(TENANT, [], []))).toBeNull();
  });

  test('maxScore 0, no comparisons, no controls: percents null and no NaN anywhere', () => {
    const data = buildTenantData(TENANT, [{ id: `${TENANT}_2026-01-01`, currentScore: 0, maxScore: 0, controlScores: [] }], []);
    const s = summarize(data)!;
    expect(s.total).toEqual({ score: 0, max: 0, percent: null });
    expect(s.comparisons).toEqual([]);
    expect(s.categories.map((c) => c.percent)).toEqual([null, null, null, null, null]);
    const json = JSON.stringify(s);
    expect(json).not.toContain('NaN');
    expect(json).not.toContain('null%');
    expect(json).not.toContain('Infinity');
  });

  test('numbers as strings and a missing averageComparativeScores still summarise', () => {
    const data = buildTenantData(
      TENANT,
      [
        {
          id: `${TENANT}_2026-01-01`,
          currentScore: '12.5',
          maxScore: '50',
          controlScores: [
            { controlName: 'P', controlCategory: 'Identity', score: '10', scoreInPercentage: '100' },
            { controlName: 'Q', controlCategory: 'Device', score: '2.5', scoreInPercentage: '25' },
          ],
        },
      ],
      [],
    );
    const s = summarize(data)!;
    expect(s.total).toEqual({ score: 12.5, max: 50, percent: 25 });
    expect(s.categories.find((c) => c.category === 'Device')).toEqual({ category: 'Device', score: 2.5, max: 10, percent: 25, unknownMaxControls: 0, knownMax: 10 });
    expect(s.openActionCount).toBe(1); // Q: 7.5 points to gain
    expect(JSON.stringify(s)).not.toContain('NaN');
  });

  test('Ignored and ThirdParty actions are counted as resolved, not open', () => {
    const data: TenantData = {
      tenantId: TENANT,
      days: [day('2026-01-01', [control('A', 0), control('B', 0), control('C', 0), control('D', 10)])],
      profiles: [profile('A', { state: 'Ignored' }), profile('B', { state: 'ThirdParty' }), profile('C', { state: 'Reviewed' }), profile('D')],
    };
    const s = summarize(data)!;
    expect([s.openActionCount, s.completedActionCount, s.resolvedActionCount]).toEqual([1, 1, 2]);
    expect(s.topActions.map((a) => a.controlId)).toEqual(['C']);
  });
});

describe('change7d', () => {
  const d = (date: string, score: number) => day(date, [], { currentScore: score });

  test('exact day 7 days earlier', () => {
    expect(change7d([d('2026-01-10', 50), d('2026-01-05', 45), d('2026-01-03', 40), d('2026-01-01', 30)])).toBe(10);
  });

  test('the exact day is missing: the oldest day within the 7 days', () => {
    expect(change7d([d('2026-01-10', 50), d('2026-01-08', 47), d('2026-01-05', 44.5), d('2026-01-01', 30)])).toBe(5.5);
  });

  test('one day, or no other day within 7 days: null', () => {
    expect(change7d([d('2026-01-10', 50)])).toBeNull();
    expect(change7d([d('2026-01-10', 50), d('2026-01-01', 30)])).toBeNull();
  });

  test('float noise is rounded away', () => {
    expect(change7d([d('2026-01-08', 0.3), d('2026-01-01', 0.1)])).toBe(0.2);
  });
});

test('comparisonLabel without a seat range', () => {
  expect(comparisonLabel({ basis: 'TotalSeats', seatRange: null })).toBe('Similar size');
  expect(comparisonLabel({ basis: 'TotalSeats', seatRange: { lower: 101, upper: 500 } })).toBe('Similar size (101\u2013500 seats)');
});
