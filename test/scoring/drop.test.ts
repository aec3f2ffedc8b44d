import { detectDrop } from '../../src/scoring/drop';
import { buildTenantData } from '../../src/scoring/normalize';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, H_PROFILES, H_TENANT, heimdallSeries, profile } from './synthetic';

describe('detectDrop on synthetic days', () => {
  const profiles = [profile('full', { maxScore: 2 }), profile('big', { maxScore: 20 })];
  const prev = day('2026-02-01', [control('full', 2), control('big', 15)]);

  test('a fall of exactly the threshold fires; dropId is tenant:prev->cur', () => {
    const cur = day('2026-02-02', [control('full', 2), control('big', 10)]);
    expect(detectDrop(prev, cur, profiles)).toEqual({ fromDate: '2026-02-01', toDate: '2026-02-02', delta: -5, lostFullControls: [], dropId: 'tenant-a:2026-02-01->2026-02-02' });
  });

  test('a fall below the threshold without a full control lost does not fire', () => {
    expect(detectDrop(prev, day('2026-02-02', [control('full', 2), control('big', 11)]), profiles)).toBeNull();
    expect(detectDrop(prev, day('2026-02-02', [control('full', 2), control('big', 11)]), profiles, 4)).not.toBeNull();
  });

  test('a full control losing 1 point fires even though the total fell by 1', () => {
    const alert = detectDrop(prev, day('2026-02-02', [control('full', 1), control('big', 15)]), profiles)!;
    expect(alert.delta).toBe(-1);
    expect(alert.lostFullControls.map((c) => [c.controlId, c.before, c.after])).toEqual([['full', 2, 1]]);
  });

  test('a rise, the same day twice, days out of order or from another tenant: null', () => {
    expect(detectDrop(prev, day('2026-02-02', [control('full', 2), control('big', 20)]), profiles)).toBeNull();
    expect(detectDrop(prev, prev, profiles)).toBeNull();
    expect(detectDrop(day('2026-02-03', []), prev, profiles)).toBeNull();
    expect(detectDrop(prev, { ...day('2026-02-02', []), tenantId: 'tenant-b' }, profiles)).toBeNull();
  });
});

describeWithFixtures('detectDrop on a series derived from the real heimdall2 day', () => {
  const data = buildTenantData(H_TENANT, heimdallSeries(), readFixture(H_PROFILES).value);
  const [jan1, dec31, dec28] = data.days;

  test('31 Dec → 1 Jan: only −3 points, but MailTips had its full 3 and lost them: an alert', () => {
    const alert = detectDrop(dec31, jan1, data.profiles)!;
    expect(alert.dropId).toBe(`${H_TENANT}:2023-12-31->2024-01-01`);
    expect(alert.delta).toBe(-3);
    expect(alert.lostFullControls.map((c) => c.controlId)).toEqual(['exo_mailtipsenabled']);
    expect(detectDrop(dec31, jan1, data.profiles)!.dropId).toBe(alert.dropId); // deterministic
  });

  test('28 Dec → 31 Dec is a gain: no alert', () => {
    expect(detectDrop(dec28, dec31, data.profiles)).toBeNull();
  });
});
