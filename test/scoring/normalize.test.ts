import {
  averagePercentFrom,
  buildTenantData,
  normalizeCategory,
  normalizeLevel,
  normalizeProfiles,
  normalizeScores,
  normalizeState,
  normalizeThreats,
} from '../../src/scoring/normalize';
import { parseNumber, round1, roundTo } from '../../src/scoring/numbers';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { DOCS, G_PROFILES, G_SCORES, G_TENANT, H_PROFILES, H_SCORES, H_TENANT } from './synthetic';

describe('small normalisers', () => {
  test('levels: every spelling in real data maps to one of five', () => {
    expect(['Low', 'low', 'Moderate', 'moderate', 'Medium', 'medium', 'High', 'high', 'None', 'Unknown', null, undefined, 7, 'weird'].map(normalizeLevel)).toEqual([
      'Low', 'Low', 'Moderate', 'Moderate', 'Moderate', 'Moderate', 'High', 'High', 'None', 'Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown',
    ]);
  });

  test('categories and states are case-insensitive; unknown state is Default', () => {
    expect(normalizeCategory('identity')).toBe('Identity');
    expect(normalizeCategory('DEVICES')).toBe('Device');
    expect(normalizeCategory('Network')).toBeNull();
    expect(normalizeState('thirdParty')).toBe('ThirdParty');
    expect(normalizeState('Third party')).toBe('ThirdParty');
    expect(normalizeState('ignored')).toBe('Ignored');
    expect(normalizeState('Risk accepted')).toBe('Default');
    expect(normalizeState(null)).toBe('Default');
  });

  test('threats are title-cased and de-duplicated case-insensitively, small words kept lower', () => {
    expect(normalizeThreats(['Account breach', 'Account Breach', 'elevation of privilege', ' Data  Exfiltration ', '', 3])).toEqual([
      'Account Breach',
      'Elevation of Privilege',
      'Data Exfiltration',
    ]);
  });

  test('number parsing: strings, empty, null, garbage', () => {
    expect(['12', '12.5', ' 3 ', '', null, 'abc', 4, NaN, Infinity].map(parseNumber)).toEqual([12, 12.5, 3, null, null, null, 4, null, null]);
  });

  test('rounding is half away from zero in decimal, not binary', () => {
    expect(round1(54.65)).toBe(54.7);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(round1(-7.95)).toBe(-8);
    expect(Object.is(round1(-0.01), 0)).toBe(true);
  });

  test('rounding survives floating-point dust and huge values (no NaN from exponent notation)', () => {
    expect(roundTo(412.81000000000006 - 412.81, 2)).toBe(0);
    expect(roundTo(10 - 9.999999999999998, 2)).toBe(0);
    expect(roundTo(-5.5e-17, 1)).toBe(0);
    expect(roundTo(3e21, 2)).toBe(3e21);
  });

  test('averagePercentFrom: -1 / missing unusable; >100 points; breakdown → percent; bare → points', () => {
    expect(averagePercentFrom(-1, true, 274)).toEqual({ percent: null, unit: null });
    expect(averagePercentFrom(null, true, 274)).toEqual({ percent: null, unit: null });
    expect(averagePercentFrom(54.65, true, 274)).toEqual({ percent: 54.65, unit: 'percent' });
    expect(averagePercentFrom(137, true, 274)).toEqual({ percent: 50, unit: 'points' });
    expect(averagePercentFrom(37, false, 697).percent).toBeCloseTo(5.3085, 4);
    expect(averagePercentFrom(37, false, 0)).toEqual({ percent: null, unit: 'points' });
  });
});

describe('normalizeScores on synthetic and malformed items', () => {
  const base = { currentScore: 10, maxScore: 20, controlScores: [] };

  test('newest first, one per date, the newest createdDateTime wins a duplicated date', () => {
    const days = normalizeScores([
      { ...base, id: 't_2026-01-01', createdDateTime: '2026-01-01T00:00:00Z', currentScore: 1 },
      { ...base, id: 't_2026-01-03', createdDateTime: '2026-01-03T00:00:00Z', currentScore: 3 },
      { ...base, id: 't_2026-01-03', createdDateTime: '2026-01-03T05:00:00Z', currentScore: 4 },
      { ...base, id: 't_2026-01-03', createdDateTime: '2026-01-03T02:00:00Z', currentScore: 5 },
      { ...base, id: 't_2026-01-02', currentScore: 2 }, // no createdDateTime: the id gives the date
    ]);
    expect(days.map((d) => [d.date, d.currentScore])).toEqual([
      ['2026-01-03', 4],
      ['2026-01-02', 2],
      ['2026-01-01', 1],
    ]);
    expect(days[1].createdDateTime).toBe('2026-01-02T00:00:00.000Z');
    expect(days[0].tenantId).toBe('t');
  });

  test('items without a usable date or score are skipped, the rest kept, nothing throws', () => {
    const days = normalizeScores([
      null,
      'x',
      42,
      [],
      { ...base, id: 'no-date' },
      { ...base, id: 't_2026-02-30' }, // not a real date
      { ...base, id: 't_2026-01-05', currentScore: 'abc' },
      { ...base, id: 't_2026-01-06', currentScore: '7.5', maxScore: '', controlScores: 'nope', averageComparativeScores: null },
    ]);
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ date: '2026-01-06', currentScore: 7.5, maxScore: 0, controls: [], comparisons: [] });
    expect(normalizeScores(undefined as unknown as unknown[])).toEqual([]);
  });

  test('control fields: strings for numbers, "true"/"false", null description, unknown category', () => {
    const [d] = normalizeScores([
      {
        ...base,
        id: 't_2026-01-01',
        controlScores: [
          { controlName: 'A', controlCategory: 'identity', score: '2.5', scoreInPercentage: '50', on: 'true', count: '4', total: '', description: null },
          { controlName: 'B', controlCategory: 'Galaxy', score: null, on: 'false' },
          { controlCategory: 'Apps', score: 3 }, // no name: skipped
          { controlName: 'A', score: 9 }, // duplicate: first kept
        ],
      },
    ]);
    expect(d.controls).toEqual([
      { controlId: 'A', category: 'Identity', score: 2.5, scoreInPercentage: 50, description: '', implementationStatus: '', lastSynced: null, on: true, count: 4, total: null },
      { controlId: 'B', category: 'Apps', score: 0, scoreInPercentage: null, description: '', implementationStatus: '', lastSynced: null, on: false, count: null, total: null },
    ]);
  });

  test('comparisons: basis case-insensitive, seat range from camelCase strings, -1 average is null', () => {
    const [d] = normalizeScores([
      {
        ...base,
        id: 't_2026-01-01',
        averageComparativeScores: [
          { basis: 'totalseats', averageScore: '40', seatSizeRangeLowerValue: '101', seatSizeRangeUpperValue: '500', identityScore: 3, identityScoreMax: 6 },
          { basis: 'AllTenants', averageScore: -1, appsScore: -1, appsScoreMax: -1 },
          { basis: 'Galaxy', averageScore: 5 },
          { basis: 'ALLTENANTS', averageScore: 50 }, // duplicate basis: first kept
        ],
      },
    ]);
    expect(d.comparisons).toEqual([
      { basis: 'TotalSeats', averagePercent: 40, averageScoreRaw: 40, averageUnit: 'percent', seatRange: { lower: 101, upper: 500 }, categories: { Identity: { score: 3, max: 6 } } },
      { basis: 'AllTenants', averagePercent: null, averageScoreRaw: null, averageUnit: null, seatRange: null, categories: {} },
    ]);
  });
});

describe('normalizeProfiles', () => {
  test('dedupe by id, later page wins; the newest state update is used; bad items skipped', () => {
    const profiles = normalizeProfiles([
      { id: 'X', title: 'Old', maxScore: '5', rank: '3' },
      { title: 'no id' },
      null,
      {
        id: 'X',
        title: ' New &amp; <b>better</b> ',
        maxScore: 6,
        rank: 0,
        implementationCost: 'medium',
        userImpact: null,
        deprecated: 'true',
        controlCategory: 'data',
        controlStateUpdates: [
          { state: 'Ignored', assignedTo: 'a@x', updatedDateTime: '2026-01-02T00:00:00Z' },
          { state: 'thirdparty', comment: 'via vendor', updatedBy: 'b@x', updatedDateTime: '2026-01-05T00:00:00Z' },
          { state: 'Reviewed', updatedDateTime: null },
        ],
        complianceInformation: [{ certificationName: 'ISO', certificationControls: [{ name: 'A.1' }, { url: '' }] }],
      },
      { id: 'Y', maxScore: -3 },
    ]);
    expect(profiles.map((p) => p.id)).toEqual(['X', 'Y']);
    expect(profiles[0]).toMatchObject({
      title: 'New & better',
      maxScore: 6,
      rank: 9999,
      implementationCost: 'Moderate',
      userImpact: 'Unknown',
      deprecated: true,
      category: 'Data',
      state: 'ThirdParty',
      stateComment: 'via vendor',
      stateUpdatedBy: 'b@x',
      assignedTo: null,
      compliance: [{ standard: 'ISO', controls: ['A.1'] }],
    });
    expect(profiles[1]).toMatchObject({ title: 'Y', maxScore: 0, category: 'Apps', state: 'Default' });
  });
});

describeWithFixtures('normalising the real payloads', () => {
  test('heimdall2: one day, 68 controls, 2 comparisons with the percentage rule and the 1–100 seat range', () => {
    const [d, ...rest] = normalizeScores(readFixture(H_SCORES).value);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ tenantId: H_TENANT, date: '2024-01-01', currentScore: 128, maxScore: 274, activeUserCount: 1, licensedUserCount: 0 });
    expect(d.enabledServices).toEqual(['HasOCAS', 'HasCLB', 'HasMDOP1', 'HasMDOP2', 'HasEXOP2', 'HasSPOP2', 'HasAADFree']);
    expect(d.controls).toHaveLength(68);
    expect(d.controls.reduce((s, c) => s + c.score, 0)).toBe(128);
    expect(d.controls.filter((c) => c.on !== null)).toHaveLength(16);
    expect(d.controls.filter((c) => c.count !== null)).toHaveLength(45);
    expect(d.controls.filter((c) => c.total !== null)).toHaveLength(43);
    expect(d.controls.every((c) => !/<[a-z/]/i.test(c.description) && !/<[a-z/]/i.test(c.implementationStatus))).toBe(true);
    expect(d.comparisons).toEqual([
      {
        basis: 'AllTenants',
        averagePercent: 54.65,
        averageScoreRaw: 54.65,
        averageUnit: 'percent',
        seatRange: null,
        categories: {
          Identity: { score: 36.02, max: 59.42 },
          Data: { score: 0.46, max: 3.27 },
          Device: { score: 9.13, max: 16.76 },
          Apps: { score: 29.65, max: 79 },
          Infrastructure: { score: 0, max: 0 },
        },
      },
      {
        basis: 'TotalSeats',
        averagePercent: 48.98,
        averageScoreRaw: 48.98,
        averageUnit: 'percent',
        seatRange: { lower: 1, upper: 100 },
        categories: {
          Identity: { score: 34.16, max: 59.5 },
          Data: { score: 0.5, max: 3.97 },
          Device: { score: 6.87, max: 12.65 },
          Apps: { score: 34.15, max: 94.46 },
          Infrastructure: { score: 0, max: 0 },
        },
      },
    ]);
  });

  test('heimdall2 profiles: 200 unique, levels counted per normalised value, threats merged', () => {
    const profiles = normalizeProfiles(readFixture(H_PROFILES).value);
    expect(profiles).toHaveLength(200);
    const count = (key: 'implementationCost' | 'userImpact') =>
      profiles.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p[key]]: (acc[p[key]] ?? 0) + 1 }), {});
    // Raw: Unknown 140, low 23, Medium 23, Low 5, medium 3, high 3, Moderate 3
    expect(count('implementationCost')).toEqual({ Unknown: 140, Low: 28, Moderate: 29, High: 3 });
    // Raw: Unknown 138, null 19, low 16, high 8, Moderate 6, High 6, medium 3, Low 2, moderate 2
    expect(count('userImpact')).toEqual({ Unknown: 157, Low: 18, Moderate: 11, High: 14 });
    const threats = new Map<string, number>();
    for (const p of profiles) for (const t of p.threats) threats.set(t, (threats.get(t) ?? 0) + 1);
    // "Account breach" 116 + "Account Breach" 7; "Password Cracking" 20 + "Password cracking" 1
    expect(threats.get('Account Breach')).toBe(123);
    expect(threats.get('Password Cracking')).toBe(21);
    expect(threats.has('Account breach')).toBe(false);
    expect(profiles.every((p) => p.state === 'Default' && p.stateUpdatedAt === null)).toBe(true);
    expect(profiles.every((p) => !/<\/?[a-z][^>]*>/i.test(p.remediation))).toBe(true);
    const admin = profiles.find((p) => p.id === 'AdminMFAV2')!;
    expect(admin).toMatchObject({ rank: 1, maxScore: 10, category: 'Identity', service: 'AzureAD', implementationCost: 'Low', userImpact: 'Low', tier: 'Core' });
  });

  test('graph2otel: 815.22 of 1376 with 14 services; 5 Identity profiles, one with null userImpact', () => {
    const [d] = normalizeScores(readFixture(G_SCORES).value);
    expect(d).toMatchObject({ tenantId: G_TENANT, date: '2026-07-17', currentScore: 815.22, maxScore: 1376, activeUserCount: 3 });
    expect(d.enabledServices).toHaveLength(14);
    expect(d.controls.map((c) => [c.controlId, c.score, c.on, c.count])).toEqual([
      ['IntegratedApps', 4, true, null],
      ['PWAgePolicyNew', 8, null, null],
      ['SelfServicePasswordReset', 1, null, 4],
      ['BlockLegacyAuthentication', 8, null, 1],
      ['MFARegistrationV2', 9, null, 3],
    ]);
    expect(d.comparisons.map((c) => [c.basis, c.averagePercent, c.averageUnit, c.seatRange])).toEqual([
      ['AllTenants', 52.86, 'percent', null],
      ['TotalSeats', 48.1, 'percent', { lower: 1, upper: 100 }],
    ]);
    const profiles = normalizeProfiles(readFixture(G_PROFILES).value);
    expect(profiles.map((p) => p.id)).toEqual([
      '11770.MDA_Google_EnableTwoFactorAuth',
      'aad_admin_accounts_separate_unassigned_cloud_only',
      'aad_admin_consent_workflow',
      'aad_custom_banned_passwords',
      'aad_limited_administrative_roles',
    ]);
    expect(profiles.every((p) => p.category === 'Identity')).toBe(true);
    expect(profiles.find((p) => p.id === 'aad_admin_consent_workflow')!.userImpact).toBe('Unknown');
  });

  test('docs example: the bare 2019 comparisons are points, converted against maxScore 697', () => {
    const docs = readFixture(DOCS);
    const [d] = normalizeScores(docs['GET /v1.0/security/secureScores?$top=1 -> 200'].value);
    expect(d.date).toBe('2019-03-19');
    expect(d.controls.map((c) => [c.controlId, c.category, c.score, c.scoreInPercentage, c.on])).toEqual([
      ['AdminMFA', 'Identity', 35, null, null],
      ['DLPEnabled', 'Data', 20, null, null],
    ]);
    expect(d.comparisons.map((c) => [c.basis, c.averageUnit, round1(c.averagePercent!)])).toEqual([
      ['AllTenants', 'points', 5.3],
      ['TotalSeats', 'points', 6.6],
      ['IndustryTypes', 'points', 15.6],
    ]);
    const [dlp] = normalizeProfiles(docs['GET /v1.0/security/secureScoreControlProfiles -> 200 (truncated in docs)'].value);
    expect(dlp).toMatchObject({ id: 'DLPEnabled', rank: 55, maxScore: 20, compliance: [{ standard: 'ISO 27001:2013', controls: ['A.8.2.1'] }] });
    const [patched] = normalizeProfiles([docs["PATCH ... with 'Prefer: return=representation' -> 200"]]);
    expect(patched).toMatchObject({ state: 'Reviewed', stateComment: 'control is reviewed', stateUpdatedBy: 'user@contoso.example', assignedTo: null });
    expect(patched.remediation).toBe('Once you have opened the search tool, specify a date range and select access by **All non-owners** or **External users**');
  });

  test('buildTenantData keeps a tenant to its own data and follows the profile category', () => {
    const scores = readFixture(H_SCORES).value;
    const profiles = readFixture(H_PROFILES).value;
    const own = buildTenantData(H_TENANT, scores, profiles);
    expect(own.days).toHaveLength(1);
    expect(own.profiles).toHaveLength(200);
    const other = buildTenantData(G_TENANT, scores, profiles);
    expect(other.days).toHaveLength(0);
    expect(other.profiles).toHaveLength(0);
    const demo = buildTenantData('demo', scores, profiles, { strictTenant: false });
    expect(demo.days[0].tenantId).toBe('demo');
    // A control whose own category disagrees with its profile takes the profile's.
    const edited = readFixture(H_SCORES).value;
    edited[0].controlScores.find((c: { controlName: string }) => c.controlName === 'AdminMFAV2').controlCategory = 'Apps';
    const fixed = buildTenantData(H_TENANT, edited, profiles);
    expect(fixed.days[0].controls.find((c) => c.controlId === 'AdminMFAV2')!.category).toBe('Identity');
  });
});
