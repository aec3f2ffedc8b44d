/**
 * Drop alerts, on real Graph payloads: the heimdall2 day (128 of 274 points) as yesterday, and today the
 * same day with one full-points control switched off. Subscribed conversations get one short alert per
 * drop, however often the runner looks.
 */
import type { RawSecureScore, ScoreSource } from '../../src/data/scoreSource';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { createWorld, kindOf, TENANT, type World } from './digestWorld';

const SCORES = 'securescores_heimdall2_1day_68controls.json';
const PROFILES = 'securescorecontrolprofiles_heimdall2_page1_200.json';

/**
 * Graph-shaped days for TENANT (re-tagged, as a tenant only sees data labelled as its own): the fixture
 * day as yesterday and today, with some control scores changed on either day.
 */
function fixtureSource(today: Record<string, number>, yesterdayEdits: Record<string, number> = {}): ScoreSource {
  const base = readFixture(SCORES).value[0] as Record<string, any>;
  const profiles = (readFixture(PROFILES).value as Record<string, unknown>[]).map((p) => ({ ...p, azureTenantId: TENANT }));
  const edit = (edits: Record<string, number>) => base.controlScores.map((c: any) => (c.controlName in edits ? { ...c, score: edits[c.controlName] } : c));
  const dayOf = (date: string, controls: any[]): RawSecureScore => ({
    ...base,
    id: `${TENANT}_${date}`,
    azureTenantId: TENANT,
    createdDateTime: `${date}T00:00:00Z`,
    controlScores: controls,
    currentScore: controls.reduce((sum, c) => sum + Number(c.score), 0),
  });
  const day1 = dayOf('2026-01-13', edit(yesterdayEdits));
  const day2 = dayOf('2026-01-14', edit({ ...yesterdayEdits, ...today }));
  return {
    name: 'fixture',
    getSecureScores: async (tenantId, days) => (tenantId === TENANT ? [day2, day1].slice(0, days) : []),
    getControlProfiles: async (tenantId) => (tenantId === TENANT ? profiles : []),
  };
}

const WEDNESDAY = new Date('2026-01-14T10:00:00Z');

describeWithFixtures('drop alerts', () => {
  let w: World;
  afterEach(() => w.stop());

  async function setUp(source: ScoreSource) {
    w = await createWorld({ now: WEDNESDAY, source });
    for (const id of ['19:a@thread.tacv2', '19:b@thread.tacv2']) {
      await w.addConversation(id);
      await w.subscribe(id, { dayOfWeek: 5, hour: 16 }); // Fridays: no digest due on Wednesday
    }
    await w.addConversation('19:late@thread.tacv2');
    await w.subscribe('19:late@thread.tacv2', { dayOfWeek: 5, hour: 16, createdAt: '2026-01-14T08:00:00.000Z' });
  }

  test('a full-points control switched off (Safe Attachments, 8 pts): one alert per subscriber, once', async () => {
    await setUp(fixtureSource({ mdo_safeattachments: 0 }));
    const first = await w.runner().runDueDigests(WEDNESDAY);
    expect(first.alertsSent).toBe(2);
    const again = await w.runner().runDueDigests(new Date(WEDNESDAY.getTime() + 60_000));
    expect(again.alertsSent).toBe(0);
    expect(Object.fromEntries(w.countBy('alert'))).toEqual({ '19:a@thread.tacv2': 1, '19:b@thread.tacv2': 1 });
    const body = JSON.stringify(w.connector.requests[0].body.attachments[0].content);
    expect(body).toContain('Secure Score fell by 8 pts');
    expect(body).toContain('Turn on Safe Attachments in block mode');
    expect(body).toContain('From 128 on 13 Jan 2026 to 120 on 14 Jan 2026');
    const row = await w.store.getDelivery(TENANT, '19:a@thread.tacv2', 'alert', `${TENANT}:2026-01-13->2026-01-14`);
    expect(row?.status).toBe('sent');
    expect(w.connector.requests.every((r) => kindOf(r.body) === 'alert')).toBe(true);
  });

  test('no alert for a loss under the threshold (default 5 points) from controls that were not full', async () => {
    // DLP (max 5) at 3 yesterday and 0 today: 3 points lost, and it never had its full points.
    await setUp(fixtureSource({ dlp_datalossprevention: 0 }, { dlp_datalossprevention: 3 }));
    const report = await w.runner().runDueDigests(WEDNESDAY);
    expect(report.alertsSent).toBe(0);
    expect(w.connector.requests).toHaveLength(0);
  });

  test('the same partial loss of 6 points does alert', async () => {
    // Safe Attachments (max 8) at 6 yesterday and 0 today: not full before, but 6 ≥ 5 points.
    await setUp(fixtureSource({ mdo_safeattachments: 0 }, { mdo_safeattachments: 6 }));
    const report = await w.runner().runDueDigests(WEDNESDAY);
    expect(report.alertsSent).toBe(2);
    expect(JSON.stringify(w.connector.requests[0].body)).toContain('Secure Score fell by 6 pts');
  });
});
