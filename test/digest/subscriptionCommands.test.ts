/**
 * The chat and card handlers for subscribing, against a real SQLite store: which schedule and time zone
 * is stored, what the user is told, and that bad form input saves nothing.
 */
import { subscribeCommand } from '../../src/bot/commands/subscribe';
import { unsubscribeCommand } from '../../src/bot/commands/unsubscribe';
import { digestSettingsCommand, saveDigestSettingsAction } from '../../src/bot/commands/digestSettings';
import type { TurnInfo } from '../../src/bot/services';
import { cardText } from '../helpers/botHarness';
import { createWorld, TENANT, type World } from './digestWorld';

const CONV = '19:settings@thread.tacv2';

function turn(extra: Partial<TurnInfo> = {}): TurnInfo {
  return {
    tenantId: TENANT,
    conversationId: CONV,
    conversationType: 'channel',
    userId: '29:user-1',
    aadObjectId: 'aad-user-1',
    userName: 'Alex Admin',
    localTimezone: 'Europe/Berlin',
    activityId: 'act-1',
    replyToId: null,
    ...extra,
  };
}

function said(reply: { text?: string; card?: Record<string, unknown> }): string {
  return `${reply.text ?? ''}\n${reply.card ? cardText(reply.card) : ''}`;
}

describe('subscribe / unsubscribe / digest settings', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld({ now: new Date('2026-01-14T10:00:00Z') }); // a Wednesday
    await w.addConversation(CONV);
  });
  afterEach(() => w.stop());

  test('"subscribe": Monday 09:00 in the Teams time zone, and the reply says which and when the next one is', async () => {
    const reply = await subscribeCommand({}, turn(), w.services);
    const sub = await w.store.getSubscription(TENANT, CONV);
    expect(sub).toMatchObject({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin', createdBy: 'aad-user-1' });
    expect(said(reply)).toContain('Mondays at 09:00 (Europe/Berlin), your time zone in Teams');
    expect(said(reply)).toContain('Next one: Mon, 19 Jan 2026, 09:00');
  });

  test('without localTimezone the default is UTC, and the reply says so and how to change it', async () => {
    const reply = await subscribeCommand({}, turn({ localTimezone: null }), w.services);
    expect((await w.store.getSubscription(TENANT, CONV))?.timeZone).toBe('UTC');
    expect(said(reply)).toContain('UTC, because Teams did not tell me your time zone');
  });

  test('"digest on Fridays 16:00 Europe/Berlin" and "every Monday at 9" store exactly that', async () => {
    await subscribeCommand({ schedule: { dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin' } }, turn({ localTimezone: 'America/New_York' }), w.services);
    expect(await w.store.getSubscription(TENANT, CONV)).toMatchObject({ dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin' });
    // Changing only the day and hour keeps the time zone chosen before; minutes go to :00.
    const reply = await subscribeCommand({ schedule: { dayOfWeek: 1, hour: 9 } }, turn({ localTimezone: 'America/New_York' }), w.services);
    expect(await w.store.getSubscription(TENANT, CONV)).toMatchObject({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin' });
    expect(said(reply)).toContain('Digest schedule changed: Mondays at 09:00 (Europe/Berlin)');
  });

  test('"subscribe" again changes nothing and says it is already on', async () => {
    await subscribeCommand({ schedule: { dayOfWeek: 3, hour: 7, minute: 30 } }, turn(), w.services);
    const again = await subscribeCommand({}, turn(), w.services);
    expect(said(again)).toContain('already gets the digest, on Wednesdays at 07:30');
    expect(await w.store.getSubscription(TENANT, CONV)).toMatchObject({ dayOfWeek: 3, hour: 7, minute: 30 });
  });

  test('the Subscribe button subscribes with the default slot and answers with the card', async () => {
    const result = await subscribeCommand({}, turn(), w.services); // what the router runs for the button
    expect('card' in result && cardText(result.card)).toContain('Weekly digest: on');
    expect(await w.store.getSubscription(TENANT, CONV)).not.toBeNull();
  });

  test('settings form: valid input saves; a bad time zone or time saves nothing and says why', async () => {
    await subscribeCommand({}, turn(), w.services);
    const bad = await saveDigestSettingsAction({ verb: 'saveDigestSettings', day: '5', time: '16:00', timeZone: 'Mars/Olympus' }, turn(), w.services);
    expect('card' in bad && cardText(bad.card)).toContain('That time zone is not one I know');
    expect(await w.store.getSubscription(TENANT, CONV)).toMatchObject({ dayOfWeek: 1, hour: 9, timeZone: 'Europe/Berlin' });
    const badTime = await saveDigestSettingsAction({ day: '5', time: '25:00', timeZone: 'UTC' }, turn(), w.services);
    expect('card' in badTime && cardText(badTime.card)).toContain('Give the time as HH:mm');
    const missing = await saveDigestSettingsAction({ verb: 'saveDigestSettings' }, turn(), w.services);
    expect('card' in missing && cardText(missing.card)).toContain('I did not receive the new settings');

    const ok = await saveDigestSettingsAction({ day: '5', time: '16:05', timeZone: 'america/new_york' }, turn(), w.services);
    expect(await w.store.getSubscription(TENANT, CONV)).toMatchObject({ dayOfWeek: 5, hour: 16, minute: 5, timeZone: 'America/New_York' });
    // The banner is markdown-escaped by the card (it may quote user input): New\_York.
    expect('card' in ok && cardText(ok.card)).toMatch(/Saved: the digest is posted here on Fridays at 16:05 \(America\/New\\?_York\)/);
  });

  test('unsubscribe removes it; a second time says it was not subscribed; settings then offer it again', async () => {
    await subscribeCommand({}, turn(), w.services);
    expect(said(await unsubscribeCommand({}, turn(), w.services))).toContain('Unsubscribed');
    expect(await w.store.getSubscription(TENANT, CONV)).toBeNull();
    expect(said(await unsubscribeCommand({}, turn(), w.services))).toContain('was not subscribed');
    expect(said(await digestSettingsCommand({}, turn(), w.services))).toContain('This conversation does not get the digest');
  });

  test('no tenant on the activity: a clear answer, nothing stored', async () => {
    const reply = await subscribeCommand({}, turn({ tenantId: '' }), w.services);
    expect(said(reply)).toContain('only be set up in a Teams conversation of an organisation');
  });
});
