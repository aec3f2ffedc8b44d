/**
 * The one behavioural contract both Store implementations must meet. sqliteStore.test.ts and
 * postgresStore.test.ts run it against a real database each, so the two stay interchangeable.
 * Every test works in its own random tenant, so tests share a database without seeing each other.
 */
import { randomUUID } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import type { NewNote, Store, StateItem } from '../../src/storage/store';
import { StateConflictError } from '../../src/storage/store';
import { StoreInputError } from '../../src/storage/storeInput';
import { LATEST_VERSION, MIGRATIONS } from '../../src/storage/migrations';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';

export type TestStore = Store & { appliedMigrations(): Promise<{ version: number; name: string; appliedAt: string }[]> };

export interface StoreHarness {
  /** A migrated store on the suite's database. Each call is a separate instance (own connection/pool). */
  open(): Promise<TestStore>;
}

const tenant = () => `tenant-${randomUUID()}`;
const T0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function conversation(tenantId: string, conversationId: string, extra: Record<string, unknown> = {}) {
  return {
    tenantId,
    conversationId,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversationType: 'channel' as const,
    botId: '28:11111111-2222-3333-4444-555555555555',
    botName: 'Secure Score',
    teamId: '19:team@thread.tacv2',
    teamName: 'Security',
    channelName: 'General',
    reference: { conversation: { id: conversationId, tenantId }, serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' },
    updatedAt: T0,
    ...extra,
  };
}

function note(tenantId: string, extra: Partial<NewNote> = {}): NewNote {
  return {
    tenantId,
    controlId: 'MFARegistrationV2',
    kind: 'note',
    text: 'Rolling out MFA to the finance team first.',
    authorId: 'aad-user-1',
    authorName: 'Adele Vance',
    createdAt: T0,
    ...extra,
  };
}

export function defineStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name}: Store contract`, () => {
    let store: TestStore;
    let replica: TestStore;
    beforeAll(async () => {
      store = await harness.open();
      replica = await harness.open();
    });
    afterAll(async () => {
      await store?.close();
      await replica?.close();
    });

    describe('migrations', () => {
      test('every version is applied once, in order, and migrating again changes nothing', async () => {
        await store.migrate();
        await replica.migrate();
        const applied = await store.appliedMigrations();
        expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
        expect(applied[applied.length - 1].version).toBe(LATEST_VERSION);
        expect(applied[0].name).toBe('conversations and subscriptions');
      });
    });

    describe('conversations', () => {
      test('upsert then get returns the record; installedAt defaults to updatedAt', async () => {
        const t = tenant();
        await store.upsertConversation(conversation(t, '19:abc@thread.tacv2'));
        const got = await store.getConversation(t, '19:abc@thread.tacv2');
        expect(got).toEqual({
          tenantId: t,
          conversationId: '19:abc@thread.tacv2',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          conversationType: 'channel',
          botId: '28:11111111-2222-3333-4444-555555555555',
          botName: 'Secure Score',
          teamId: '19:team@thread.tacv2',
          teamName: 'Security',
          channelName: 'General',
          reference: { conversation: { id: '19:abc@thread.tacv2', tenantId: t }, serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' },
          installedAt: T0,
          updatedAt: T0,
          failureCount: 0,
          firstFailureAt: null,
        });
        expect(await store.getConversation(t, 'missing')).toBeNull();
      });

      test('a later upsert keeps installedAt and fields it does not carry, clears fields set to null', async () => {
        const t = tenant();
        await store.upsertConversation(conversation(t, 'c1', { installedAt: '2026-01-01T08:00:00Z' }));
        await store.upsertConversation({
          tenantId: t,
          conversationId: 'c1',
          serviceUrl: 'https://smba.trafficmanager.net/amer/',
          conversationType: 'channel',
          botId: '28:11111111-2222-3333-4444-555555555555',
          channelName: null,
          reference: { v: 2 },
          updatedAt: at(60),
        });
        const got = await store.getConversation(t, 'c1');
        expect(got).toMatchObject({
          serviceUrl: 'https://smba.trafficmanager.net/amer/',
          botName: 'Secure Score',
          teamName: 'Security',
          channelName: null,
          reference: { v: 2 },
          installedAt: '2026-01-01T08:00:00.000Z',
          updatedAt: at(60),
        });
      });

      test('times are returned in one canonical ISO form whatever offset they came in', async () => {
        const t = tenant();
        await store.upsertConversation(conversation(t, 'c1', { updatedAt: '2026-03-02T10:00:00+01:00' }));
        expect((await store.getConversation(t, 'c1'))?.updatedAt).toBe('2026-03-02T09:00:00.000Z');
      });

      test('pages by conversation id in byte order with an opaque cursor', async () => {
        const t = tenant();
        const ids = ['a:personal', '19:b@thread.v2', '19:A@thread.v2', 'Z-upper', '19:c@thread.v2'];
        for (const id of ids) await store.upsertConversation(conversation(t, id));
        const seen: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listConversations(t, { limit: 2, cursor });
          seen.push(page.items.map((c) => c.conversationId));
          cursor = page.next;
        } while (cursor);
        expect(seen).toEqual([['19:A@thread.v2', '19:b@thread.v2'], ['19:c@thread.v2', 'Z-upper'], ['a:personal']]);
        const all = await store.listConversations(t);
        expect(all.next).toBeUndefined();
        expect(all.items).toHaveLength(5);
      });

      test('a forged cursor gets a clear input error', async () => {
        await expect(store.listConversations(tenant(), { cursor: 'not-a-cursor' })).rejects.toThrow(StoreInputError);
        await expect(store.listSubscriptions(tenant(), { cursor: '%%%' })).rejects.toThrow('The page cursor is not valid');
      });

      test('failures count up from the first one and reset on success', async () => {
        const t = tenant();
        await store.upsertConversation(conversation(t, 'c1'));
        await store.recordConversationFailure(t, 'c1', false, at(1));
        const twice = await store.recordConversationFailure(t, 'c1', false, at(30));
        expect(twice).toMatchObject({ failureCount: 2, firstFailureAt: at(1) });
        const ok = await store.recordConversationFailure(t, 'c1', true, at(40));
        expect(ok).toMatchObject({ failureCount: 0, firstFailureAt: null });
        expect(await store.recordConversationFailure(t, 'nope', false, at(1))).toBeNull();
      });

      test('removing a conversation removes its subscription; a second removal reports false', async () => {
        const t = tenant();
        await store.upsertConversation(conversation(t, 'c1'));
        await store.upsertSubscription({ tenantId: t, conversationId: 'c1', dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin', createdBy: 'u1', now: T0 });
        expect(await store.removeConversation(t, 'c1')).toBe(true);
        expect(await store.getConversation(t, 'c1')).toBeNull();
        expect(await store.getSubscription(t, 'c1')).toBeNull();
        expect(await store.removeConversation(t, 'c1')).toBe(false);
      });

      test('listTenants lists each tenant with a conversation once, sorted', async () => {
        const a = `a-${tenant()}`;
        const b = `b-${tenant()}`;
        await store.upsertConversation(conversation(b, 'c1'));
        await store.upsertConversation(conversation(a, 'c1'));
        await store.upsertConversation(conversation(a, 'c2'));
        const tenants = await store.listTenants();
        expect(tenants.filter((x) => x === a || x === b)).toEqual([a, b]);
        expect([...tenants].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(tenants);
        expect(new Set(tenants).size).toBe(tenants.length);
      });

      test('bad input is refused with a clear message, not a database error', async () => {
        await expect(store.upsertConversation({ ...conversation('', 'c1') })).rejects.toThrow('tenantId is required.');
        await expect(store.upsertConversation({ ...conversation(tenant(), 'c1'), conversationType: 'meeting' as never })).rejects.toThrow(StoreInputError);
        await expect(store.upsertConversation({ ...conversation(tenant(), 'c1'), updatedAt: 'yesterday' })).rejects.toThrow('updatedAt must be an ISO-8601 time.');
      });
    });

    describe('subscriptions', () => {
      test('upsert creates, a second upsert changes the slot but keeps createdAt and createdBy', async () => {
        const t = tenant();
        const first = await store.upsertSubscription({ tenantId: t, conversationId: 'c1', dayOfWeek: 1, hour: 9, minute: 30, timeZone: 'Europe/Berlin', createdBy: 'alice', now: T0 });
        expect(first).toEqual({ tenantId: t, conversationId: 'c1', dayOfWeek: 1, hour: 9, minute: 30, timeZone: 'Europe/Berlin', createdBy: 'alice', createdAt: T0, updatedAt: T0 });
        const second = await store.upsertSubscription({ tenantId: t, conversationId: 'c1', dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'America/New_York', createdBy: 'bob', now: at(10) });
        expect(second).toEqual({ tenantId: t, conversationId: 'c1', dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'America/New_York', createdBy: 'alice', createdAt: T0, updatedAt: at(10) });
        expect(await store.getSubscription(t, 'c1')).toEqual(second);
        expect(await store.removeSubscription(t, 'c1')).toBe(true);
        expect(await store.removeSubscription(t, 'c1')).toBe(false);
        expect(await store.getSubscription(t, 'c1')).toBeNull();
      });

      test('pages like conversations', async () => {
        const t = tenant();
        for (const id of ['c3', 'c1', 'c2']) {
          await store.upsertSubscription({ tenantId: t, conversationId: id, dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'UTC', createdBy: null, now: T0 });
        }
        const p1 = await store.listSubscriptions(t, { limit: 2 });
        expect(p1.items.map((s) => s.conversationId)).toEqual(['c1', 'c2']);
        const p2 = await store.listSubscriptions(t, { limit: 2, cursor: p1.next });
        expect(p2.items.map((s) => s.conversationId)).toEqual(['c3']);
        expect(p2.next).toBeUndefined();
      });

      test('an unknown time zone or an impossible hour is refused', async () => {
        const base = { tenantId: tenant(), conversationId: 'c1', dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'UTC', createdBy: null, now: T0 };
        await expect(store.upsertSubscription({ ...base, timeZone: 'Mars/Olympus' })).rejects.toThrow('timeZone must be an IANA time zone');
        await expect(store.upsertSubscription({ ...base, hour: 24 })).rejects.toThrow('hour must be a whole number from 0 to 23.');
        await expect(store.upsertSubscription({ ...base, dayOfWeek: 7 })).rejects.toThrow(StoreInputError);
      });
    });

    describe('notes', () => {
      test('a note is stored with writeback none, or pending when asked', async () => {
        const t = tenant();
        const plain = await store.appendNote(note(t, { createdAt: '2026-03-02T09:00:00Z' }));
        expect(plain.duplicate).toBe(false);
        expect(plain.note).toEqual({
          id: expect.any(Number),
          tenantId: t,
          controlId: 'MFARegistrationV2',
          kind: 'note',
          text: 'Rolling out MFA to the finance team first.',
          authorId: 'aad-user-1',
          authorName: 'Adele Vance',
          state: null,
          assignedTo: null,
          activityId: null,
          createdAt: T0,
          writeback: 'none',
          writebackAttempts: 0,
          writebackRetryAt: null,
        });
        const status = await store.appendNote(note(t, { kind: 'status', text: 'Ignored: covered by third party', state: 'ThirdParty', createdAt: at(1) }), { writeback: true });
        expect(status.note).toMatchObject({ kind: 'status', state: 'ThirdParty', writeback: 'pending' });
        expect(status.note.id).toBeGreaterThan(plain.note.id);
      });

      test('the same activity id stores once, even with other text', async () => {
        const t = tenant();
        const first = await store.appendNote(note(t, { activityId: 'act-1' }));
        const again = await store.appendNote(note(t, { activityId: 'act-1', text: 'edited', createdAt: at(60) }));
        expect(again).toEqual({ note: first.note, duplicate: true });
        expect(await store.listNotes(t, 'MFARegistrationV2', 10)).toHaveLength(1);
      });

      test('the same author/control/text inside the window is the same note; outside it, or with another state, it is new', async () => {
        const t = tenant();
        const first = await store.appendNote(note(t, { activityId: 'a1' }));
        const doubleClick = await store.appendNote(note(t, { activityId: 'a2', createdAt: at(1.5) }));
        expect(doubleClick).toEqual({ note: first.note, duplicate: true });
        const later = await store.appendNote(note(t, { createdAt: at(3) }));
        expect(later.duplicate).toBe(false);
        const otherState = await store.appendNote(note(t, { kind: 'status', state: 'Ignored', createdAt: at(3) }));
        const otherState2 = await store.appendNote(note(t, { kind: 'status', state: 'Reviewed', createdAt: at(3) }));
        expect([otherState.duplicate, otherState2.duplicate]).toEqual([false, false]);
        const otherAuthor = await store.appendNote(note(t, { authorId: 'aad-user-2', createdAt: at(3) }));
        expect(otherAuthor.duplicate).toBe(false);
        const noWindow = await store.appendNote(note(t, { createdAt: at(3) }), { dedupeWindowMs: 0 });
        expect(noWindow.duplicate).toBe(false);
        const customWindow = await store.appendNote(note(t, { createdAt: at(8) }), { dedupeWindowMs: 10 * 60_000 });
        expect(customWindow.duplicate).toBe(true);
        expect(await store.countNotesSince(t, T0)).toBe(6);
      });

      test('an entry that repeats an older one after a different one is new (owner alice → bob → alice)', async () => {
        const t = tenant();
        const owner = (who: string, minutes: number) =>
          store.appendNote(note(t, { kind: 'owner', text: `Owner: ${who}`, assignedTo: who, createdAt: at(minutes) }));
        expect((await owner('alice', 0)).duplicate).toBe(false);
        expect((await owner('bob', 0.5)).duplicate).toBe(false);
        expect((await owner('alice', 1)).duplicate).toBe(false);
        expect((await owner('alice', 1.2)).duplicate).toBe(true);
        expect((await store.listNotes(t, 'MFARegistrationV2', 10)).map((n) => n.assignedTo)).toEqual(['alice', 'bob', 'alice']);
      });

      test('lists newest first with a limit, and counts since a time', async () => {
        const t = tenant();
        for (let i = 0; i < 5; i++) await store.appendNote(note(t, { text: `step ${i}`, createdAt: at(i * 10) }));
        await store.appendNote(note(t, { controlId: 'OtherControl', text: 'elsewhere', createdAt: at(100) }));
        const newest = await store.listNotes(t, 'MFARegistrationV2', 3);
        expect(newest.map((n) => n.text)).toEqual(['step 4', 'step 3', 'step 2']);
        expect(await store.countNotesSince(t, at(20))).toBe(4);
        expect(await store.countNotesSince(t, at(101))).toBe(0);
      });

      test('write-back: pending is due, failed is due at its retry time, done and given-up are not', async () => {
        const t = tenant();
        const a = (await store.appendNote(note(t, { text: 'a' }), { writeback: true })).note;
        const b = (await store.appendNote(note(t, { text: 'b', createdAt: at(1) }), { writeback: true })).note;
        const c = (await store.appendNote(note(t, { text: 'c', createdAt: at(2) }), { writeback: true })).note;
        await store.appendNote(note(t, { text: 'no writeback', createdAt: at(3) }));
        expect((await store.listWritebacksDue(t, at(5), 10)).map((n) => n.text)).toEqual(['a', 'b', 'c']);

        await store.markWriteback(t, a.id, { ok: false, retryAt: at(30) });
        await store.markWriteback(t, b.id, { ok: true });
        await store.markWriteback(t, c.id, { ok: false, retryAt: null });
        expect(await store.listWritebacksDue(t, at(29), 10)).toEqual([]);
        const due = await store.listWritebacksDue(t, at(30), 10);
        expect(due).toEqual([{ ...a, writeback: 'failed', writebackAttempts: 1, writebackRetryAt: at(30) }]);
        await store.markWriteback(t, a.id, { ok: true });
        const all = await store.listNotes(t, 'MFARegistrationV2', 10);
        expect(all.map((n) => [n.text, n.writeback, n.writebackAttempts])).toEqual([
          ['no writeback', 'none', 0],
          ['c', 'failed', 1],
          ['b', 'done', 1],
          ['a', 'done', 2],
        ]);
      });

      test('50 different notes written at once are all stored', async () => {
        const t = tenant();
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? store : replica).appendNote(note(t, { text: `note ${i}`, activityId: `act-${i}` }))),
        );
        expect(results.filter((r) => r.duplicate)).toHaveLength(0);
        expect(new Set(results.map((r) => r.note.id)).size).toBe(50);
        const stored = await store.listNotes(t, 'MFARegistrationV2', 100);
        expect(stored.map((n) => n.text).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `note ${i}`).sort());
      });

      test('50 writes of the same activity at once store one note', async () => {
        const t = tenant();
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? store : replica).appendNote(note(t, { activityId: 'same-activity', authorId: `racer-${i}` }))),
        );
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.note.id)).size).toBe(1);
        expect(await store.listNotes(t, 'MFARegistrationV2', 100)).toHaveLength(1);
      });

      test('50 identical notes without activity ids at once store one (dedupe window under concurrency)', async () => {
        const t = tenant();
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? store : replica).appendNote(note(t))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(await store.countNotesSince(t, T0)).toBe(1);
      });

      test('a note with an unknown kind or a bad time is refused', async () => {
        await expect(store.appendNote(note(tenant(), { kind: 'comment' as never }))).rejects.toThrow('kind must be note, status or owner.');
        await expect(store.appendNote(note(tenant(), { createdAt: '2026-13-45' }))).rejects.toThrow(StoreInputError);
        await expect(store.appendNote(note(tenant()), { dedupeWindowMs: -1 })).rejects.toThrow(StoreInputError);
      });
    });

    describe('snapshots', () => {
      const day = (tenantId: string, date: string, score: number) => ({ tenantId, date, payload: { id: `${tenantId}_${date}`, currentScore: score, controlScores: [{ controlName: 'MFA', score: 1.5 }] } });

      test('upsert counts new days, replaces stored ones, lists an inclusive range newest first', async () => {
        const t = tenant();
        expect(await store.upsertSnapshots([day(t, '2026-03-01', 40), day(t, '2026-03-02', 41), day(t, '2026-03-03', 42)])).toBe(3);
        expect(await store.upsertSnapshots([day(t, '2026-03-03', 50), day(t, '2026-03-04', 51)])).toBe(1);
        const range = await store.listSnapshots(t, '2026-03-02', '2026-03-04');
        expect(range.map((s) => [s.date, s.payload.currentScore])).toEqual([
          ['2026-03-04', 51],
          ['2026-03-03', 50],
          ['2026-03-02', 41],
        ]);
        expect(range[0]).toEqual(day(t, '2026-03-04', 51));
        expect(await store.latestSnapshotDate(t)).toBe('2026-03-04');
        expect(await store.listSnapshots(t, '2026-03-05', '2026-03-09')).toEqual([]);
      });

      test('a batch naming a day twice stores it once, keeping the last', async () => {
        const t = tenant();
        expect(await store.upsertSnapshots([day(t, '2026-03-01', 1), day(t, '2026-03-01', 2)])).toBe(1);
        expect((await store.listSnapshots(t, '2026-03-01', '2026-03-01')).map((s) => s.payload.currentScore)).toEqual([2]);
        expect(await store.upsertSnapshots([])).toBe(0);
      });

      test('no snapshots → null latest date; an impossible date is refused', async () => {
        const t = tenant();
        expect(await store.latestSnapshotDate(t)).toBeNull();
        await expect(store.upsertSnapshots([day(t, '2026-02-30', 1)])).rejects.toThrow('date must be a date yyyy-MM-dd.');
        await expect(store.listSnapshots(t, '2026-3-1', '2026-03-09')).rejects.toThrow(StoreInputError);
      });

      describeWithFixtures('real Graph payload', () => {
        test('a secureScores item from Graph round-trips unchanged', async () => {
          const t = tenant();
          const item = readFixture<{ value: Record<string, unknown>[] }>('securescores_heimdall2_1day_68controls.json').value[0];
          expect(await store.upsertSnapshots([{ tenantId: t, date: '2026-03-01', payload: item }])).toBe(1);
          const [back] = await store.listSnapshots(t, '2026-03-01', '2026-03-01');
          expect(back.payload).toEqual(item);
          expect((back.payload.controlScores as unknown[]).length).toBe(68);
        });
      });
    });

    describe('deliveries', () => {
      const claimArgs = (tenantId: string, extra: Record<string, string> = {}) => ({
        tenantId,
        conversationId: 'c1',
        kind: 'digest' as const,
        period: '2026-W10',
        owner: 'replica-a',
        now: T0,
        leaseUntil: at(5),
        ...extra,
      });

      test('the first claim inserts and wins; a live lease refuses everyone else, even its owner', async () => {
        const t = tenant();
        const won = await store.claimDelivery(claimArgs(t));
        expect(won).toEqual({
          id: expect.any(Number),
          tenantId: t,
          conversationId: 'c1',
          kind: 'digest',
          period: '2026-W10',
          status: 'claimed',
          attempts: 1,
          claimedBy: 'replica-a',
          leaseUntil: at(5),
          retryAt: null,
          lastError: null,
          activityId: null,
          createdAt: T0,
          updatedAt: T0,
        });
        expect(await store.claimDelivery(claimArgs(t, { owner: 'replica-b', now: at(4), leaseUntil: at(9) }))).toBeNull();
        expect(await store.claimDelivery(claimArgs(t, { now: at(4), leaseUntil: at(9) }))).toBeNull();
        expect(await store.getDelivery(t, 'c1', 'digest', '2026-W10')).toEqual(won);
      });

      test('an expired lease is taken over and counts an attempt; a sent delivery is never claimed again', async () => {
        const t = tenant();
        const first = await store.claimDelivery(claimArgs(t));
        const taken = await store.claimDelivery(claimArgs(t, { owner: 'replica-b', now: at(6), leaseUntil: at(11) }));
        expect(taken).toMatchObject({ id: first!.id, status: 'claimed', attempts: 2, claimedBy: 'replica-b', leaseUntil: at(11), updatedAt: at(6) });
        await store.markDeliverySent(t, taken!.id, 'activity-9', at(7));
        expect(await store.getDelivery(t, 'c1', 'digest', '2026-W10')).toMatchObject({ status: 'sent', activityId: 'activity-9', leaseUntil: null, attempts: 2 });
        expect(await store.claimDelivery(claimArgs(t, { now: at(60), leaseUntil: at(65) }))).toBeNull();
        await store.markDeliveryFailed(t, taken!.id, 'late failure', at(70), at(61));
        expect((await store.getDelivery(t, 'c1', 'digest', '2026-W10'))?.status).toBe('sent');
      });

      test('failed with a retry time is claimable from then on; failed without one is dropped for good', async () => {
        const t = tenant();
        const d = await store.claimDelivery(claimArgs(t));
        await store.markDeliveryFailed(t, d!.id, '429 Too Many Requests', at(20), at(1));
        expect(await store.getDelivery(t, 'c1', 'digest', '2026-W10')).toMatchObject({ status: 'failed', retryAt: at(20), lastError: '429 Too Many Requests', leaseUntil: null });
        expect(await store.claimDelivery(claimArgs(t, { now: at(19), leaseUntil: at(25) }))).toBeNull();
        const retry = await store.claimDelivery(claimArgs(t, { now: at(20), leaseUntil: at(25) }));
        expect(retry).toMatchObject({ status: 'claimed', attempts: 2, retryAt: null, lastError: '429 Too Many Requests' });
        await store.markDeliveryFailed(t, d!.id, '403 BotNotInConversationRoster', null, at(21));
        expect(await store.getDelivery(t, 'c1', 'digest', '2026-W10')).toMatchObject({ status: 'dropped', retryAt: null, lastError: '403 BotNotInConversationRoster' });
        expect(await store.claimDelivery(claimArgs(t, { now: at(10_000), leaseUntil: at(10_005) }))).toBeNull();
      });

      test('periods, kinds and conversations are separate deliveries', async () => {
        const t = tenant();
        const a = await store.claimDelivery(claimArgs(t));
        const b = await store.claimDelivery(claimArgs(t, { period: '2026-W11' }));
        const c = await store.claimDelivery({ ...claimArgs(t), kind: 'alert' });
        const d = await store.claimDelivery(claimArgs(t, { conversationId: 'c2' }));
        expect(new Set([a?.id, b?.id, c?.id, d?.id]).size).toBe(4);
      });

      test('listDeliveriesDue lists expired leases and due retries only', async () => {
        const t = tenant();
        const live = await store.claimDelivery(claimArgs(t, { period: 'live', leaseUntil: at(100) }));
        const expired = await store.claimDelivery(claimArgs(t, { period: 'expired', leaseUntil: at(5) }));
        const retry = await store.claimDelivery(claimArgs(t, { period: 'retry' }));
        const later = await store.claimDelivery(claimArgs(t, { period: 'later' }));
        const sent = await store.claimDelivery(claimArgs(t, { period: 'sent' }));
        const dropped = await store.claimDelivery(claimArgs(t, { period: 'dropped' }));
        await store.markDeliveryFailed(t, retry!.id, 'boom', at(8), at(1));
        await store.markDeliveryFailed(t, later!.id, 'boom', at(50), at(1));
        await store.markDeliverySent(t, sent!.id, null, at(1));
        await store.markDeliveryFailed(t, dropped!.id, 'gone', null, at(1));
        const due = await store.listDeliveriesDue(t, at(10), 10);
        expect(due.map((d) => d.period)).toEqual(['expired', 'retry']);
        expect(live?.status).toBe('claimed');
        expect(expired?.id).toBe(due[0].id);
      });

      test('two replicas claiming the same delivery at once: exactly one wins', async () => {
        const t = tenant();
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? store : replica).claimDelivery(claimArgs(t, { owner: `replica-${i}` }))),
        );
        const winners = claims.filter((c) => c !== null);
        expect(winners).toHaveLength(1);
        expect((await store.getDelivery(t, 'c1', 'digest', '2026-W10'))?.claimedBy).toBe(winners[0]!.claimedBy);
      });

      test('two replicas taking over the same expired lease at once: exactly one wins', async () => {
        const t = tenant();
        await store.claimDelivery(claimArgs(t));
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? store : replica).claimDelivery(claimArgs(t, { owner: `late-${i}`, now: at(6), leaseUntil: at(11) }))),
        );
        const winners = claims.filter((c) => c !== null);
        expect(winners).toHaveLength(1);
        expect(winners[0]!.attempts).toBe(2);
      });

      test('a lease that ends before it starts is refused', async () => {
        await expect(store.claimDelivery(claimArgs(tenant(), { leaseUntil: T0 }))).rejects.toThrow('leaseUntil must be later than now.');
      });
    });

    describe('bot state (botbuilder Storage semantics)', () => {
      const key = () => `msteams/conversations/${randomUUID()}/`;

      test('read returns written items with an eTag; missing keys are left out', async () => {
        const k = key();
        await store.writeState({ [k]: { dialogStack: [{ id: 'main' }], count: 1 } });
        const read = await store.readState([k, key()]);
        expect(Object.keys(read)).toEqual([k]);
        expect(read[k]).toEqual({ dialogStack: [{ id: 'main' }], count: 1, eTag: expect.any(String) });
      });

      test('a stale eTag is rejected and nothing changes; the current one, "*" and no eTag all write', async () => {
        const k = key();
        await store.writeState({ [k]: { count: 1 } });
        const v1 = (await store.readState([k]))[k];
        await store.writeState({ [k]: { ...v1, count: 2 } });
        const v2 = (await store.readState([k]))[k];
        expect(v2.eTag).not.toBe(v1.eTag);

        await expect(store.writeState({ [k]: { ...v1, count: 99 } })).rejects.toThrow(StateConflictError);
        await expect(replica.writeState({ [k]: { ...v1, count: 99 } })).rejects.toThrow(`Storage: error writing "${k}" due to eTag conflict.`);
        expect((await store.readState([k]))[k]).toEqual(v2);

        await store.writeState({ [k]: { count: 3, eTag: '*' } });
        expect((await store.readState([k]))[k].count).toBe(3);
        await store.writeState({ [k]: { count: 4 } });
        expect((await store.readState([k]))[k].count).toBe(4);
      });

      test('a batch with one stale item writes none of it', async () => {
        const k1 = key();
        const k2 = key();
        await store.writeState({ [k1]: { n: 1 }, [k2]: { n: 1 } });
        const fresh = await store.readState([k1, k2]);
        await store.writeState({ [k2]: { ...fresh[k2], n: 2 } });
        await expect(store.writeState({ [k1]: { ...fresh[k1], n: 5 }, [k2]: { ...fresh[k2], n: 5 } })).rejects.toThrow(StateConflictError);
        const after = await store.readState([k1, k2]);
        expect([after[k1].n, after[k2].n]).toEqual([1, 2]);
      });

      test('delete removes items', async () => {
        const k = key();
        await store.writeState({ [k]: { a: 1 } });
        await store.deleteState([k, key()]);
        expect(await store.readState([k])).toEqual({});
      });

      test('two writers with the same eTag at once: exactly one succeeds', async () => {
        const k = key();
        await store.writeState({ [k]: { n: 0 } });
        const base = (await store.readState([k]))[k];
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? store : replica).writeState({ [k]: { ...base, n: i + 1 } })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof StateConflictError)).toHaveLength(9);
      });

      test('accepts and refuses the same writes as botbuilder MemoryStorage', async () => {
        const memory = new MemoryStorage();
        const k = key();
        const outcome = async (write: () => Promise<void>) => write().then(() => 'ok', (e: Error) => e.message);
        const both = async (item: StateItem) => [await outcome(() => memory.write({ [k]: { ...item } })), await outcome(() => store.writeState({ [k]: { ...item } }))];
        // A brand-new key is written whatever eTag it carries.
        expect(await both({ v: 1, eTag: 'made-up' })).toEqual(['ok', 'ok']);
        const memV1 = (await memory.read([k]))[k];
        const storeV1 = (await store.readState([k]))[k];
        expect(await outcome(() => memory.write({ [k]: { ...memV1, v: 2 } }))).toBe('ok');
        expect(await outcome(() => store.writeState({ [k]: { ...storeV1, v: 2 } }))).toBe('ok');
        const conflicts = [await outcome(() => memory.write({ [k]: { ...memV1, v: 3 } })), await outcome(() => store.writeState({ [k]: { ...storeV1, v: 3 } }))];
        expect(conflicts).toEqual([`Storage: error writing "${k}" due to eTag conflict.`, `Storage: error writing "${k}" due to eTag conflict.`]);
        expect(await both({ v: 4, eTag: '*' })).toEqual(['ok', 'ok']);
        expect(await both({ v: 5 })).toEqual(['ok', 'ok']);
        const { eTag: _m, ...memItem } = (await memory.read([k]))[k];
        const { eTag: _s, ...storeItem } = (await store.readState([k]))[k];
        expect(storeItem).toEqual(memItem);
      });
    });

    describe('tenant isolation', () => {
      test("tenant B sees none of tenant A's records and cannot change them", async () => {
        const a = tenant();
        const b = tenant();
        await store.upsertConversation(conversation(a, 'shared-conv'));
        await store.upsertSubscription({ tenantId: a, conversationId: 'shared-conv', dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'UTC', createdBy: null, now: T0 });
        const n = (await store.appendNote(note(a, { activityId: 'act-a' }), { writeback: true })).note;
        await store.upsertSnapshots([{ tenantId: a, date: '2026-03-01', payload: { currentScore: 1 } }]);
        const d = await store.claimDelivery({ tenantId: a, conversationId: 'shared-conv', kind: 'digest', period: 'P', owner: 'x', now: T0, leaseUntil: at(1) });

        expect(await store.getConversation(b, 'shared-conv')).toBeNull();
        expect((await store.listConversations(b)).items).toEqual([]);
        expect(await store.getSubscription(b, 'shared-conv')).toBeNull();
        expect((await store.listSubscriptions(b)).items).toEqual([]);
        expect(await store.listNotes(b, 'MFARegistrationV2', 10)).toEqual([]);
        expect(await store.countNotesSince(b, '2000-01-01T00:00:00Z')).toBe(0);
        expect(await store.listWritebacksDue(b, at(60), 10)).toEqual([]);
        expect(await store.listSnapshots(b, '2000-01-01', '2100-01-01')).toEqual([]);
        expect(await store.latestSnapshotDate(b)).toBeNull();
        expect(await store.getDelivery(b, 'shared-conv', 'digest', 'P')).toBeNull();
        expect(await store.listDeliveriesDue(b, at(60), 10)).toEqual([]);
        expect(await store.recordConversationFailure(b, 'shared-conv', false, at(1))).toBeNull();

        // Writes through B's tenant id do not reach A's rows.
        expect(await store.removeConversation(b, 'shared-conv')).toBe(false);
        expect(await store.removeSubscription(b, 'shared-conv')).toBe(false);
        await store.markWriteback(b, n.id, { ok: true });
        await store.markDeliverySent(b, d!.id, 'forged', at(1));
        await store.markDeliveryFailed(b, d!.id, 'forged', null, at(1));
        // The same activity id and delivery key in B are B's own, not duplicates of A's.
        expect((await store.appendNote(note(b, { activityId: 'act-a' }))).duplicate).toBe(false);
        expect(await store.claimDelivery({ tenantId: b, conversationId: 'shared-conv', kind: 'digest', period: 'P', owner: 'y', now: T0, leaseUntil: at(1) })).not.toBeNull();

        expect(await store.getConversation(a, 'shared-conv')).not.toBeNull();
        expect(await store.getSubscription(a, 'shared-conv')).not.toBeNull();
        expect((await store.listNotes(a, 'MFARegistrationV2', 10)).map((x) => [x.id, x.writeback])).toEqual([[n.id, 'pending']]);
        expect(await store.getDelivery(a, 'shared-conv', 'digest', 'P')).toMatchObject({ status: 'claimed', activityId: null, lastError: null });
      });
    });
  });
}
