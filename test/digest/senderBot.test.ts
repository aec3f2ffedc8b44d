/**
 * The botbuilder sender against a local Bot Connector over real HTTP: what reaches the wire, how the
 * connector's errors are mapped, and that botbuilder's own retry pipeline never sends a second copy.
 */
import { loadConfig } from '../../src/config';
import { createAdapter } from '../../src/host/adapter';
import { memoryLogger } from '../../src/log';
import { BotSender } from '../../src/digest/senderBot';
import { NotSentError, SendError } from '../../src/digest/messageSender';
import type { ConversationRecord } from '../../src/storage/store';
import { FakeConnector } from '../helpers/fakeConnector';

function conversation(serviceUrl: string, id = '19:chan@thread.tacv2'): ConversationRecord {
  return {
    tenantId: 'tenant-a',
    conversationId: id,
    serviceUrl,
    conversationType: 'channel',
    botId: '28:bot',
    botName: 'Secure Score',
    reference: { channelId: 'msteams', serviceUrl, conversation: { id, tenantId: 'tenant-a', conversationType: 'channel' }, bot: { id: '28:bot', name: 'Secure Score' } },
    installedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    failureCount: 0,
    firstFailureAt: null,
  };
}

describe('BotSender (CloudAdapter.continueConversationAsync)', () => {
  const connector = new FakeConnector();
  let sender: BotSender;

  beforeAll(async () => {
    await connector.start();
    sender = new BotSender(createAdapter(loadConfig({}), memoryLogger()), '');
  });
  afterAll(() => connector.stop());
  beforeEach(() => {
    connector.requests.length = 0;
    connector.respond = undefined;
  });

  test('posts one Adaptive Card message into the stored conversation and returns the connector id', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hello' }] };
    const result = await sender.send(conversation(connector.url), { card, text: 'Weekly digest' });
    expect(connector.requests).toHaveLength(1);
    const req = connector.requests[0];
    expect(req.method).toBe('POST');
    // A new message (sendToConversation), not a reply to the synthetic continuation activity.
    expect(req.path).toBe('/v3/conversations/19%3Achan%40thread.tacv2/activities');
    expect(req.body.replyToId).toBeUndefined();
    expect(req.conversationId).toBe('19:chan@thread.tacv2');
    expect(req.body.type).toBe('message');
    expect(req.body.summary).toBe('Weekly digest');
    expect(req.body.text).toBeUndefined();
    expect(req.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(req.body.attachments[0].content).toEqual(card);
    expect(req.body.conversation.tenantId).toBe('tenant-a');
    expect(result.activityId).toBe('activity-1');
  });

  test('429 maps to SendError with Retry-After in ms, after exactly one request', async () => {
    let calls = 0;
    connector.respond = () => (calls++, { status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } });
    const err = await sender.send(conversation(connector.url), { text: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBe(2000);
    expect(calls).toBe(1);
  });

  test('403 roster error carries its code', async () => {
    let calls = 0;
    connector.respond = () => (calls++, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const err = await sender.send(conversation(connector.url), { text: 'x' }).catch((e) => e);
    expect(err.status).toBe(403);
    expect(err.code).toBe('BotNotInConversationRoster');
    expect(calls).toBe(1);
  });

  test.each([412, 502, 503, 504])('%i is attempted once only (no hidden retries in the connector client)', async (status) => {
    let calls = 0;
    connector.respond = () => (calls++, { status, headers: { 'Retry-After': '0' }, body: { error: { code: 'ServiceError', message: 'try later' } } });
    const err = await sender.send(conversation(connector.url), { text: 'x' }).catch((e) => e);
    expect(err.status).toBe(status);
    expect(calls).toBe(1);
  });

  test('a connector that never answers: the send times out as status 0 instead of hanging', async () => {
    const quick = new BotSender(createAdapter(loadConfig({}), memoryLogger()), '', 300);
    connector.respond = () => new Promise(() => undefined);
    const started = Date.now();
    const err = await quick.send(conversation(connector.url), { text: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  test('beforeRequest runs before the request leaves; NotSentError from it means nothing was sent', async () => {
    let gateCalls = 0;
    await sender.send(conversation(connector.url), { text: 'x' }, { beforeRequest: async () => void gateCalls++ });
    expect(gateCalls).toBe(1);
    expect(connector.requests).toHaveLength(1);
    const err = await sender
      .send(conversation(connector.url), { text: 'y' }, { beforeRequest: async () => { throw new NotSentError('lease running out'); } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(NotSentError);
    expect(connector.requests).toHaveLength(1);
  });

  test('a connection that is refused becomes status 0, sent once', async () => {
    const dead = new FakeConnector();
    await dead.start();
    const url = dead.url;
    await dead.stop();
    // A short timeout: the HTTP client keeps its timeout timer after a refused connection, which would
    // otherwise hold jest open for the full 25 s default.
    const quick = new BotSender(createAdapter(loadConfig({}), memoryLogger()), '', 300);
    const err = await quick.send(conversation(url), { text: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err.status).toBe(0);
  });
});
