/**
 * The runner against a real SQLite store and a local Bot Connector over HTTP: claims, exactly once,
 * and what each of Teams' error answers does to the delivery and the subscription.
 */
import { createWorld, kindOf, TENANT, type World } from './digestWorld';

const MONDAY_0905 = new Date('2026-01-12T09:05:00Z'); // ISO week 2026-W03

describe('DigestRunner', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld({ now: MONDAY_0905 });
  });
  afterEach(() => w.stop());

  test('each due conversation gets exactly one digest; the next run sends nothing; the rows say sent', async () => {
    for (const id of ['19:a@thread.tacv2', '19:b@thread.tacv2', 'a:personal-c']) {
      await w.addConversation(id);
      await w.subscribe(id);
    }
    await w.addConversation('19:not-subscribed@thread.tacv2');
    const runner = w.runner();
    const first = await runner.runDueDigests(MONDAY_0905);
    expect(first.digestsSent).toBe(3);
    const second = await runner.runDueDigests(new Date(MONDAY_0905.getTime() + 60_000));
    expect(second.digestsSent).toBe(0);
    // A fresh process (new owner, no memory) does not resend either.
    const third = await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 120_000));
    expect(third.digestsSent).toBe(0);
    expect(Object.fromEntries(w.countBy('digest'))).toEqual({ '19:a@thread.tacv2': 1, '19:b@thread.tacv2': 1, 'a:personal-c': 1 });
    const row = await w.store.getDelivery(TENANT, '19:a@thread.tacv2', 'digest', '2026-W03');
    expect(row?.status).toBe('sent');
    expect(row?.activityId).toMatch(/^activity-\d+$/);
  });

  test('not due before the slot; due for the rest of the ISO week; not for the next week before its slot', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2', { dayOfWeek: 1, hour: 9, minute: 30 });
    const runner = w.runner();
    expect((await runner.runDueDigests(new Date('2026-01-12T09:29:00Z'))).digestsSent).toBe(0);
    expect((await runner.runDueDigests(new Date('2026-01-14T12:00:00Z'))).digestsSent).toBe(1); // back on Wednesday
    expect((await runner.runDueDigests(new Date('2026-01-19T09:00:00Z'))).digestsSent).toBe(0);
    expect((await runner.runDueDigests(new Date('2026-01-19T09:30:00Z'))).digestsSent).toBe(1);
    expect(w.countBy('digest').get('19:a@thread.tacv2')).toBe(2);
  });

  test('429 with Retry-After: the next attempt waits at least that long, then the digest arrives once', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    const rejectedAt: number[] = [];
    w.connector.respond = (req) => {
      if (rejectedAt.length === 0) {
        rejectedAt.push(req.at);
        return { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } };
      }
      return undefined;
    };
    const report = await w.runner().runDueDigests(MONDAY_0905);
    expect(report.digestsSent).toBe(1);
    expect(w.connector.requests).toHaveLength(1);
    expect(w.connector.requests[0].at - rejectedAt[0]).toBeGreaterThanOrEqual(1000);
    expect(w.log.lines.some((l) => l.msg === 'throttled by Teams, waiting' && l.retryAfterMs === 1000)).toBe(true);
  });

  test('a Retry-After too long to wait in the run: failed with retryAt, logged with the reason, sent by a later run', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    let refused = 0;
    w.connector.respond = () => (refused++ === 0 ? { status: 429, headers: { 'Retry-After': '600' }, body: { error: { code: 'TooManyRequests' } } } : undefined);
    const first = await w.runner().runDueDigests(MONDAY_0905);
    expect(first.retryLater).toBe(1);
    const row = await w.store.getDelivery(TENANT, '19:a@thread.tacv2', 'digest', '2026-W03');
    expect(row?.status).toBe('failed');
    expect(Date.parse(row!.retryAt!) - MONDAY_0905.getTime()).toBeGreaterThanOrEqual(600_000);
    const logged = w.log.lines.find((l) => l.msg === 'delivery failed, will retry');
    expect(logged?.reason).toBe('throttled (429 TooManyRequests)');
    expect((await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 5 * 60_000))).digestsSent).toBe(0); // too early
    expect((await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 11 * 60_000))).digestsSent).toBe(1);
    expect(w.countBy('digest').get('19:a@thread.tacv2')).toBe(1);
  });

  test('403 BotNotInConversationRoster: the subscription and the conversation are removed, nothing retried', async () => {
    await w.addConversation('19:gone@thread.tacv2');
    await w.subscribe('19:gone@thread.tacv2');
    await w.addConversation('19:ok@thread.tacv2');
    await w.subscribe('19:ok@thread.tacv2');
    w.connector.respond = (req) =>
      req.conversationId === '19:gone@thread.tacv2' ? { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'not in roster' } } } : undefined;
    const report = await w.runner().runDueDigests(MONDAY_0905);
    expect(report.digestsSent).toBe(1);
    expect((await w.store.getDelivery(TENANT, '19:gone@thread.tacv2', 'digest', '2026-W03'))?.status).toBe('dropped');
    expect(await w.store.getSubscription(TENANT, '19:gone@thread.tacv2')).toBeNull();
    expect(await w.store.getConversation(TENANT, '19:gone@thread.tacv2')).toBeNull();
    expect(await w.store.getSubscription(TENANT, '19:ok@thread.tacv2')).not.toBeNull();
    const logged = w.log.lines.find((l) => l.msg === 'delivery dropped' && l.kind === 'digest');
    expect(logged?.conversationId).toBe('19:gone@thread.tacv2');
    expect(String(logged?.reason)).toContain('BotNotInConversationRoster');
    // Next week nothing is attempted there.
    w.connector.respond = undefined;
    await w.runner().runDueDigests(new Date('2026-01-19T09:05:00Z'));
    expect(w.connector.requests.filter((r) => r.conversationId === '19:gone@thread.tacv2')).toHaveLength(0);
  });

  test('404 once then success: kept, retried later, delivered once, failure count reset', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    let calls = 0;
    w.connector.respond = () => (calls++ === 0 ? { status: 404, body: { error: { code: 'ConversationNotFound', message: 'not found' } } } : undefined);
    const first = await w.runner().runDueDigests(MONDAY_0905);
    expect(first.retryLater).toBe(1);
    expect(await w.store.getSubscription(TENANT, '19:a@thread.tacv2')).not.toBeNull();
    expect((await w.store.getConversation(TENANT, '19:a@thread.tacv2'))?.failureCount).toBe(1);
    const second = await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 61 * 60_000));
    expect(second.digestsSent).toBe(1);
    expect(w.countBy('digest').get('19:a@thread.tacv2')).toBe(1);
    const conv = await w.store.getConversation(TENANT, '19:a@thread.tacv2');
    expect(conv?.failureCount).toBe(0);
    expect(await w.store.getSubscription(TENANT, '19:a@thread.tacv2')).not.toBeNull();
  });

  test('404 on every try for a day: then the subscription and conversation are removed', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    w.connector.respond = () => ({ status: 404, body: { error: { code: 'ConversationNotFound' } } });
    const runner = w.runner();
    let t = MONDAY_0905.getTime();
    const hour = 61 * 60_000;
    for (let i = 0; i < 23; i++, t += hour) await runner.runDueDigests(new Date(t));
    expect(await w.store.getSubscription(TENANT, '19:a@thread.tacv2')).not.toBeNull(); // 22 h 58 min of failures
    for (let i = 0; i < 3; i++, t += hour) await runner.runDueDigests(new Date(t));
    expect(await w.store.getSubscription(TENANT, '19:a@thread.tacv2')).toBeNull();
    expect(await w.store.getConversation(TENANT, '19:a@thread.tacv2')).toBeNull();
  });

  test('503 twice then success is retried within the run with backoff, one digest', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    const seen: number[] = [];
    w.connector.respond = (req) => (seen.push(req.at), seen.length <= 2 ? { status: 503, body: { error: { code: 'ServiceUnavailable' } } } : undefined);
    const report = await w.runner().runDueDigests(MONDAY_0905);
    expect(report.digestsSent).toBe(1);
    expect(seen).toHaveLength(3);
    expect(w.countBy('digest').get('19:a@thread.tacv2')).toBe(1);
    // Backoff (base 20 ms in tests): the retries are spaced, not immediate.
    expect(seen[1] - seen[0]).toBeGreaterThanOrEqual(10);
  });

  test('a delivery claimed by a process that died (lease expired) is resumed once; a sent one is never resent', async () => {
    for (const id of ['19:claimed@thread.tacv2', '19:sent@thread.tacv2']) {
      await w.addConversation(id);
      await w.subscribe(id);
    }
    const claimedAt = MONDAY_0905.toISOString();
    const dead = { tenantId: TENANT, kind: 'digest' as const, period: '2026-W03', owner: 'dead-process', now: claimedAt, leaseUntil: new Date(MONDAY_0905.getTime() + 120_000).toISOString() };
    await w.store.claimDelivery({ ...dead, conversationId: '19:claimed@thread.tacv2' });
    const sent = await w.store.claimDelivery({ ...dead, conversationId: '19:sent@thread.tacv2' });
    await w.store.markDeliverySent(TENANT, sent!.id, 'activity-earlier', claimedAt);

    // While the dead process's lease runs, nobody else sends it.
    expect((await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 60_000))).digestsSent).toBe(0);
    const after = await w.runner().runDueDigests(new Date(MONDAY_0905.getTime() + 180_000));
    expect(after.digestsSent).toBe(1);
    expect(Object.fromEntries(w.countBy('digest'))).toEqual({ '19:claimed@thread.tacv2': 1 });
  });

  test('unsent last-week delivery is given up, not sent in a later week; an unsubscribed conversation gets nothing', async () => {
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
    await w.store.claimDelivery({ tenantId: TENANT, conversationId: '19:a@thread.tacv2', kind: 'digest', period: '2026-W02', owner: 'dead', now: '2026-01-05T09:00:00.000Z', leaseUntil: '2026-01-05T09:02:00.000Z' });
    await w.addConversation('19:left@thread.tacv2');
    await w.subscribe('19:left@thread.tacv2');
    await w.store.removeSubscription(TENANT, '19:left@thread.tacv2');
    const report = await w.runner().runDueDigests(MONDAY_0905);
    expect(report.digestsSent).toBe(1);
    expect((await w.store.getDelivery(TENANT, '19:a@thread.tacv2', 'digest', '2026-W02'))?.status).toBe('dropped');
    expect(w.connector.requests.map((r) => kindOf(r.body))).toEqual(['digest']);
    expect(w.connector.requests[0].conversationId).toBe('19:a@thread.tacv2');
  });
});
