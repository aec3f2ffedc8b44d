import { planToTarget } from '../../src/scoring/target';
import { buildTenantData } from '../../src/scoring/normalize';
import type { TenantData } from '../../src/scoring/model';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, H_PROFILES, H_SCORES, H_TENANT, profile, TENANT } from './synthetic';

/**
 * Current 20 of 100. Open actions (points, cost/impact → effort, effort per point):
 *   A 10  Low/Low    2  0.2
 *   B  4  None/None  1  0.25
 *   E  3  Low/Low    2  0.67
 *   C  6  High/High  6  1.0
 *   D  2  Low/Mod.   3  1.5      together 25 points
 */
const data: TenantData = {
  tenantId: TENANT,
  days: [day('2026-01-01', [control('A', 0), control('B', 0), control('C', 0), control('D', 0), control('E', 0), control('done', 20)], { maxScore: 100 })],
  profiles: [
    profile('A', { maxScore: 10, implementationCost: 'Low', userImpact: 'Low' }),
    profile('B', { maxScore: 4, implementationCost: 'None', userImpact: 'None' }),
    profile('C', { maxScore: 6, implementationCost: 'High', userImpact: 'High' }),
    profile('D', { maxScore: 2, implementationCost: 'Low', userImpact: 'Moderate' }),
    profile('E', { maxScore: 3, implementationCost: 'Low', userImpact: 'Low' }),
    profile('done', { maxScore: 20 }),
  ],
};
const ids = (p: { actions: { controlId: string }[] }) => p.actions.map((a) => a.controlId);

describe('planToTarget on a synthetic tenant', () => {
  test('31 points (gap 11): A, then B finishes the last point for the least effort', () => {
    const p = planToTarget(data, { points: 31 });
    expect(ids(p)).toEqual(['A', 'B']);
    expect(p).toMatchObject({ target: { points: 31, percent: 31 }, current: { score: 20, max: 100, percent: 20 }, reachable: true, alreadyMet: false, gap: 11, pointsGained: 14, maxReachable: 25 });
    expect(p.invalidReason).toBeUndefined();
  });

  test('the same target as a percentage gives the same plan', () => {
    const p = planToTarget(data, { percent: 31 });
    expect(ids(p)).toEqual(['A', 'B']);
    expect(p.target).toEqual({ points: 31, percent: 31 });
  });

  test('24 points (gap 4): B alone closes it with effort 1, rather than A (effort 2) as pure greedy would', () => {
    const p = planToTarget(data, { points: 24 });
    expect(ids(p)).toEqual(['B']);
    expect(p.pointsGained).toBe(4);
  });

  test('38 points (gap 18): A, B, E, then D (effort 3) finishes instead of C (effort 6)', () => {
    const p = planToTarget(data, { points: 38 });
    expect(ids(p)).toEqual(['A', 'B', 'E', 'D']);
    expect(p.pointsGained).toBe(19);
    expect(p.gap).toBe(18);
  });

  test('the pruning pass drops an action a later, bigger pick made redundant', () => {
    const t: TenantData = {
      tenantId: TENANT,
      days: [day('2026-01-01', [control('P', 0), control('Q', 0)], { maxScore: 20 })],
      profiles: [
        profile('P', { maxScore: 2, implementationCost: 'None', userImpact: 'None' }), // 0.5 effort per point
        profile('Q', { maxScore: 9, implementationCost: 'High', userImpact: 'High' }), // 0.67
      ],
    };
    const p = planToTarget(t, { points: 9 });
    expect(ids(p)).toEqual(['Q']);
    expect(p.pointsGained).toBe(9);
  });

  test('already met', () => {
    expect(planToTarget(data, { points: 15 })).toMatchObject({ reachable: true, alreadyMet: true, gap: 0, actions: [], pointsGained: 0 });
    expect(planToTarget(data, { percent: 20 })).toMatchObject({ reachable: true, alreadyMet: true, gap: 0 });
  });

  test('unreachable: every open action, cheapest first, as the best effort', () => {
    const p = planToTarget(data, { points: 50 });
    expect(p).toMatchObject({ reachable: false, alreadyMet: false, gap: 30, pointsGained: 25, maxReachable: 25 });
    expect(ids(p)).toEqual(['A', 'B', 'E', 'C', 'D']);
    expect(p.invalidReason).toBeUndefined();
  });

  test('invalid targets are representable, not thrown', () => {
    expect(planToTarget(data, { percent: 120 })).toMatchObject({ reachable: false, invalidReason: 'aboveMax', actions: [], target: { points: 120, percent: 120 } });
    expect(planToTarget(data, { points: 150 })).toMatchObject({ reachable: false, invalidReason: 'aboveMax', gap: 130 });
    expect(planToTarget(data, { points: 0 })).toMatchObject({ reachable: false, invalidReason: 'notPositive' });
    expect(planToTarget(data, { percent: -5 })).toMatchObject({ reachable: false, invalidReason: 'notPositive' });
    expect(planToTarget(data, {})).toMatchObject({ reachable: false, invalidReason: 'missing', target: { points: 0, percent: null } });
    expect(planToTarget(data, { points: NaN })).toMatchObject({ invalidReason: 'missing' });
    const none = planToTarget({ ...data, days: [] }, { percent: 50 });
    expect(none).toMatchObject({ reachable: false, invalidReason: 'noData', current: { score: 0, max: null, percent: null }, maxReachable: 0 });
    expect(JSON.stringify(none)).not.toContain('NaN');
  });
});

describeWithFixtures('planToTarget on the real heimdall2 day + profiles page', () => {
  const real = buildTenantData(H_TENANT, readFixture(H_SCORES).value, readFixture(H_PROFILES).value);

  test('50 % = 137 points (gap 9): one 8-point Moderate/Unknown action, then IntegratedApps (Low/Moderate) finishes', () => {
    const p = planToTarget(real, { percent: 50 });
    expect(p.target).toEqual({ points: 137, percent: 50 });
    expect(ids(p)).toEqual(['mdo_enabledomainstoprotect', 'IntegratedApps']);
    expect(p).toMatchObject({ reachable: true, gap: 9, pointsGained: 12, maxReachable: 101 });
  });

  test('60 % = 164.4 points (gap 36.4): the four 8-point actions and two 4-point Low/Moderate ones', () => {
    const p = planToTarget(real, { percent: 60 });
    expect(p.target.points).toBe(164.4);
    expect(p.gap).toBe(36.4);
    expect(ids(p)).toEqual([
      'mdo_enabledomainstoprotect',
      'mdo_mailboxintelligenceprotection',
      'mdo_mailboxintelligenceprotectionaction',
      'mdo_phishthresholdlevel',
      'IntegratedApps',
      'McasOAuthAppNotification',
    ]);
    expect(p.pointsGained).toBe(40);
  });

  test('100 % cannot be reached from open actions of known max: 101 of the 146 needed', () => {
    const p = planToTarget(real, { percent: 100 });
    expect(p).toMatchObject({ reachable: false, alreadyMet: false, gap: 146, pointsGained: 101, maxReachable: 101 });
    expect(p.actions).toHaveLength(24);
  });
});
