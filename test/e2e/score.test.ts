/**
 * The walking skeleton end to end: a Teams-shaped message over real HTTP into the real restify server and
 * CloudAdapter; the bot's answer arrives at a local Bot Connector (the activity's serviceUrl).
 */
import { cardOf, cardText, messageActivity, startHarness, heimdallFileEnv, BOT_ID, TENANT, type Harness } from '../helpers/botHarness';
import { describeWithFixtures } from '../helpers/fixtures';

const MENTION = {
  type: 'mention',
  text: '<at>Secure Score</at>',
  mentioned: { id: BOT_ID, name: 'Secure Score' },
};

describeWithFixtures('score over HTTP on the real heimdall2 capture (file source)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: heimdallFileEnv() });
  });
  afterAll(() => h.stop());

  test('"<at>Secure Score</at> what\'s our score?" in a channel answers with a card showing 128 of 274 = 46.7%', async () => {
    const activity = messageActivity(h.connector.url, "<at>Secure Score</at> what's our score?", {
      conversationType: 'channel',
      conversationId: '19:security-team@thread.tacv2;messageid=1',
      entities: [MENTION],
      id: 'incoming-1',
    });
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    expect(h.connector.activities).toHaveLength(1);

    const request = h.connector.requests[0];
    // A reply to the incoming message, in the conversation it came from.
    expect(request.method).toBe('POST');
    expect(request.conversationId).toBe('19:security-team@thread.tacv2;messageid=1');
    expect(request.activityId).toBe('incoming-1');

    const card = cardOf(request.body);
    expect(card.type).toBe('AdaptiveCard');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    const text = cardText(card);
    expect(text).toContain('128');
    expect(text).toContain('274');
    expect(text).toContain('46.7%');
    expect(text).toContain('1 Jan 2024');
    // The first-ranked open action leads the top 3.
    expect(text).toContain('Ensure additional storage providers are restricted in Outlook on the web');
  });

  test('variants without a mention, in any case, answer with the same score', async () => {
    for (const phrase of ['SCORE', 'secure score?', 'How are we doing']) {
      const replies = await h.say(phrase);
      expect(replies).toHaveLength(1);
      expect(cardText(cardOf(replies[0]))).toContain('46.7%');
    }
  });
});

describe('score over HTTP on the demo tenant', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  test('the card shows the numbers the scoring module computes for the same data', async () => {
    const { summarize } = await import('../../src/scoring');
    const data = await h.services.scores.get(TENANT, h.clock.now);
    const summary = summarize(data)!;
    const replies = await h.say("what's our score");
    const text = cardText(cardOf(replies[0]));
    expect(text).toContain(`${summary.total.percent}%`);
    expect(summary.total.percent).toBeGreaterThan(0);
  });

  test('help lists what the bot understands; an unknown message gets a short hint, not silence', async () => {
    const help = await h.say('help');
    expect(cardText(cardOf(help[0])).toLowerCase()).toContain('score');
    const other = await h.say('the weather in Lisbon');
    expect(other).toHaveLength(1);
    expect(other[0].text).toContain('help');
  });

  test('a message with no text and no value gets a polite reply', async () => {
    const activity = messageActivity(h.connector.url, '');
    delete (activity as Record<string, unknown>).text;
    const before = h.connector.activities.length;
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    expect(h.connector.activities[before].text).toMatch(/didn't catch a question/);
  });

  test('malformed activities get a clean 400, never a 500', async () => {
    expect((await h.post({ hello: 'world' } as never)).status).toBe(400);
    expect((await h.post({ type: 'message', serviceUrl: h.connector.url } as never)).status).toBe(400);
    expect((await h.post({ type: 'message', serviceUrl: h.connector.url, conversation: { id: 'x' }, text: 42 } as never)).status).toBe(400);
    const raw = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(raw.status).toBe(400);
  });

  test('an activity without a tenant (Bot Framework Emulator) gets a polite refusal, not an error', async () => {
    const activity = messageActivity(h.connector.url, "what's our score") as Record<string, any>;
    delete activity.conversation.tenantId;
    delete activity.channelData;
    const before = h.connector.activities.length;
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.activities[before].text).toMatch(/not connected to your organization/);
  });

  test('GET /healthz answers ok', async () => {
    const res = await fetch(h.url.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });
});

describe('with a MicrosoftAppId the bot authenticates every request', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
      },
    });
  });
  afterAll(() => h.stop());

  test('a request without a token gets 401 and nothing is sent', async () => {
    const res = await h.post(messageActivity(h.connector.url, "what's our score"));
    expect(res.status).toBe(401);
    expect(h.connector.requests).toHaveLength(0);
  });

  test('a forged token gets 401 and the secret appears in no log line', async () => {
    const res = await h.post(messageActivity(h.connector.url, "what's our score"), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
    expect(res.status).toBe(401);
    expect(JSON.stringify(h.log.lines)).not.toContain('not-a-real-secret');
  });
});
