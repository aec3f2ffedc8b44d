/**
 * End to end over HTTP: the real bot (restify + CloudAdapter) is installed in a channel and asked to
 * subscribe; the scheduler's clock reaches Monday 09:00 in the channel's time zone; exactly one digest
 * reaches the local Bot Connector, with the numbers Graph (the demo source) reported. Unsubscribing
 * stops next week's.
 */
import { loadConfig } from '../../src/config';
import { createAdapter } from '../../src/host/adapter';
import { BotSender } from '../../src/digest/senderBot';
import { startDigestScheduler, type DigestScheduler } from '../../src/digest/scheduler';
import { BOT_ID, TENANT, cardOf, cardText, startHarness, type Harness } from '../helpers/botHarness';
import { kindOf } from './digestWorld';

const CHANNEL = '19:general-e2e@thread.tacv2';
// Monday 12 Jan 2026; the harness's users are in Europe/Berlin (UTC+1 in January).
const BEFORE_SUBSCRIBING = new Date('2026-01-12T06:30:00Z');

function installActivity(serviceUrl: string) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: 'install-1',
    timestamp: BEFORE_SUBSCRIBING.toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Alex Admin', aadObjectId: '00000000-0000-4000-8000-0000000000aa' },
    conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    recipient: { id: BOT_ID, name: 'Secure Score' },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team-e2e@thread.tacv2', name: 'Security' }, channel: { id: CHANNEL, name: 'General' } },
  };
}

/** Digests that arrived proactively (not as a reply) in a conversation. */
function digestsIn(h: Harness, conversationId: string) {
  return h.connector.requests.filter((r) => r.method === 'POST' && !r.activityId && r.conversationId === conversationId && kindOf(r.body) === 'digest');
}

describe('weekly digest end to end', () => {
  let h: Harness;
  let scheduler: DigestScheduler;

  beforeAll(async () => {
    h = await startHarness({ now: BEFORE_SUBSCRIBING });
    const config = loadConfig({});
    scheduler = startDigestScheduler({ services: h.services, sender: new BotSender(createAdapter(config, h.log), ''), runOnStart: false, cron: '0 0 1 1 *' });
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.stop();
  });

  test('install in a channel → subscribe → Monday 09:00 → exactly one digest with the right numbers; unsubscribe → none next week', async () => {
    const install = await h.post(installActivity(h.connector.url));
    expect(install.status).toBe(200);
    expect(await h.store.getConversation(TENANT, CHANNEL)).not.toBeNull();
    // The welcome in a channel offers the digest with a Subscribe button.
    const welcome = h.connector.requests.find((r) => r.conversationId === CHANNEL && r.activityId === 'install-1');
    expect(JSON.stringify(welcome?.body)).toContain('"verb":"subscribe"');

    const replies = await h.say('subscribe', { conversationId: CHANNEL, conversationType: 'channel' });
    const confirmation = replies.map((a) => `${a.text ?? ''}\n${cardText(cardOf(a))}`).join('\n');
    expect(confirmation).toContain('Mondays at 09:00 (Europe/Berlin)');
    expect(confirmation).toContain('your time zone in Teams');
    const sub = await h.store.getSubscription(TENANT, CHANNEL);
    expect(sub).toMatchObject({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin' });

    // 08:59 in Berlin: nothing yet.
    h.clock.now = new Date('2026-01-12T07:59:00Z');
    await scheduler.tick();
    expect(digestsIn(h, CHANNEL)).toHaveLength(0);

    // 09:00 in Berlin.
    h.clock.now = new Date('2026-01-12T08:00:00Z');
    await scheduler.tick();
    const digests = digestsIn(h, CHANNEL);
    expect(digests).toHaveLength(1);

    // The numbers, from the raw Graph-shaped payloads the demo source serves (not through scoring).
    const raw = await h.services.source.getSecureScores(TENANT, 30);
    const byDate = new Map(raw.map((r) => [String(r.createdDateTime).slice(0, 10), r]));
    const newestDate = [...byDate.keys()].filter((d) => d <= '2026-01-12').sort().pop()!;
    const newest = byDate.get(newestDate)!;
    const score = Number(newest.currentScore);
    const max = Number(newest.maxScore);
    const weekAgo = byDate.get(new Date(Date.parse(`${newestDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10))!;
    const delta = Math.round((score - Number(weekAgo.currentScore)) * 100) / 100;
    const text = cardText(digests[0].body.attachments[0].content);
    expect(text).toContain(String(Math.round(score * 100) / 100));
    expect(text).toContain(`of ${Math.round(max * 100) / 100} points`);
    expect(text).toContain(`${Math.round((score / max) * 1000) / 10}%`);
    const signed = delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${Math.abs(delta)}` : '0';
    expect(text).toContain(`${signed} ${Math.abs(delta) === 1 ? 'pt' : 'pts'} since`);
    expect(text).toContain('Top 5 actions by points available');
    expect(digests[0].body.conversation.id).toBe(CHANNEL);

    // Later ticks the same week: still exactly one.
    h.clock.now = new Date('2026-01-12T08:30:00Z');
    await scheduler.tick();
    h.clock.now = new Date('2026-01-14T12:00:00Z');
    await scheduler.tick();
    expect(digestsIn(h, CHANNEL)).toHaveLength(1);

    const bye = await h.say('unsubscribe', { conversationId: CHANNEL, conversationType: 'channel' });
    expect(bye.map((a) => `${a.text ?? ''}\n${cardText(cardOf(a))}`).join('\n')).toContain('Unsubscribed');
    expect(await h.store.getSubscription(TENANT, CHANNEL)).toBeNull();

    h.clock.now = new Date('2026-01-19T08:00:00Z');
    await scheduler.tick();
    h.clock.now = new Date('2026-01-19T12:00:00Z');
    await scheduler.tick();
    expect(digestsIn(h, CHANNEL)).toHaveLength(1);
  });

  test('the Subscribe button (Action.Execute) and the chat phrases set the schedule; "digest settings" shows it', async () => {
    const conv = '19:buttons-e2e@thread.tacv2';
    const invoke = await h.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'invoke-1',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: '29:user-1', name: 'Alex Admin', aadObjectId: '00000000-0000-4000-8000-0000000000aa' },
      conversation: { id: conv, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      recipient: { id: BOT_ID, name: 'Secure Score' },
      channelData: { tenant: { id: TENANT } },
      localTimezone: 'Europe/Berlin',
      value: { action: { type: 'Action.Execute', verb: 'subscribe', data: { verb: 'subscribe', v: 1 } }, trigger: 'manual' },
    });
    expect(invoke.status).toBe(200);
    expect(invoke.body.statusCode).toBe(200);
    expect(invoke.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await h.store.getSubscription(TENANT, conv)).toMatchObject({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin' });

    await h.say('digest on Fridays 16:00 Europe/Berlin', { conversationId: conv, conversationType: 'channel' });
    expect(await h.store.getSubscription(TENANT, conv)).toMatchObject({ dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin' });
    await h.say('send the digest here every Monday at 9', { conversationId: conv, conversationType: 'channel' });
    expect(await h.store.getSubscription(TENANT, conv)).toMatchObject({ dayOfWeek: 1, hour: 9, minute: 0 });
    const settings = await h.say('digest settings', { conversationId: conv, conversationType: 'channel' });
    expect(settings.map((a) => `${a.text ?? ''}\n${cardText(cardOf(a))}`).join('\n')).toContain('Weekly digest: on');
  });
});
