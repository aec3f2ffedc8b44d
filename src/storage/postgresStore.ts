/**
 * The Store on PostgreSQL, for when one machine is not enough: several bot replicas share one database.
 *
 * What keeps replicas from stepping on each other:
 * - migrations run in one transaction under pg_advisory_xact_lock, so replicas starting together apply
 *   each version once (the others wait, then find nothing pending);
 * - deliveries are claimed with INSERT … ON CONFLICT DO NOTHING, then a conditional UPDATE … RETURNING
 *   that only matches an unsent row whose lease ran out or whose retry time came; PostgreSQL re-checks
 *   that WHERE clause after waiting for a concurrent updater, so exactly one claimer gets the row back;
 * - notes for one (tenant, control) are serialised with pg_advisory_xact_lock so the dedupe look-up and
 *   the insert act as one step; the unique (tenant_id, activity_id) index backs this up;
 * - state writes use INSERT … ON CONFLICT DO UPDATE … WHERE etag = expected, one atomic compare-and-set.
 * Times are timestamptz (returned as ISO strings), JSON is jsonb.
 */
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient, PoolConfig } from 'pg';
import type { ConversationRecord, Delivery, DeliveryKind, NewNote, Note, Page, Snapshot, StateItem, Store, Subscription } from './store';
import { StateConflictError } from './store';
import { migrationStatements, pendingMigrations } from './migrations';
import { decodeCursor, encodeCursor } from './cursor';
import { conversationFromRow, deliveryFromRow, noteFromRow, Row, snapshotFromRow, subscriptionFromRow, timeOut } from './rows';
import {
  conversationInput,
  deliveryKind,
  expectedETag,
  isoDate,
  isoTime,
  isoTimeOrNull,
  leaseAfter,
  noteInput,
  pageLimit,
  requireId,
  snapshotsInput,
  stateItemJson,
  subscriptionInput,
  text,
} from './storeInput';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Pool size per replica. Default 10. */
  max?: number;
  /** Where to report an idle client's connection error (it must not crash the process). */
  onPoolError?: (err: Error) => void;
  /** Extra pg pool settings (ssl, timeouts). */
  pool?: Omit<PoolConfig, 'connectionString' | 'max'>;
}

type Queryable = Pick<PoolClient, 'query'>;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;

  constructor(opts: PostgresStoreOptions) {
    // A bounded connect timeout: an unroutable host should fail start-up in seconds, not hang on TCP.
    this.pool = new Pool({ connectionTimeoutMillis: 10_000, ...opts.pool, connectionString: opts.connectionString, max: opts.max ?? 10 });
    this.pool.on('error', (err) => opts.onPoolError?.(err));
  }

  private async rows(sql: string, params: unknown[] = [], client: Queryable = this.pool): Promise<Row[]> {
    return (await client.query(sql, params)).rows as Row[];
  }

  private async one(sql: string, params: unknown[] = [], client: Queryable = this.pool): Promise<Row | null> {
    return (await this.rows(sql, params, client))[0] ?? null;
  }

  /** BEGIN … COMMIT on one pooled client; rolled back when fn throws. */
  private async tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
      client.release(broken);
    }
  }

  async migrate(): Promise<void> {
    await this.tx(async (c) => {
      // Keyed by schema so test schemas / databases do not wait on each other needlessly.
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('securescore:migrate:' || current_schema()))`);
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      const applied = (await this.rows('SELECT version FROM schema_migrations', [], c)).map((r) => Number(r.version));
      for (const m of pendingMigrations(applied)) {
        for (const stmt of migrationStatements(m, 'postgres')) await c.query(stmt);
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
    });
  }

  /** Applied versions, oldest first (for health checks and tests). */
  async appliedMigrations(): Promise<{ version: number; name: string; appliedAt: string }[]> {
    return (await this.rows('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).map((r) => ({
      version: Number(r.version),
      name: String(r.name),
      appliedAt: timeOut(r.applied_at),
    }));
  }

  private closed = false;

  /** Safe to call twice (shutdown paths often do). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  // ---- conversations ----

  async upsertConversation(rec: Omit<ConversationRecord, 'installedAt' | 'failureCount' | 'firstFailureAt'> & { installedAt?: string }): Promise<void> {
    const c = conversationInput(rec);
    await this.pool.query(
      `INSERT INTO conversations (tenant_id, conversation_id, service_url, conversation_type, bot_id, bot_name, team_id, team_name,
         channel_name, reference, installed_at, updated_at, failure_count, first_failure_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, COALESCE($11::timestamptz, $12::timestamptz), $12, 0, NULL)
       ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
         service_url = EXCLUDED.service_url,
         conversation_type = EXCLUDED.conversation_type,
         bot_id = EXCLUDED.bot_id,
         bot_name = CASE WHEN $13::boolean THEN EXCLUDED.bot_name ELSE conversations.bot_name END,
         team_id = CASE WHEN $14::boolean THEN EXCLUDED.team_id ELSE conversations.team_id END,
         team_name = CASE WHEN $15::boolean THEN EXCLUDED.team_name ELSE conversations.team_name END,
         channel_name = CASE WHEN $16::boolean THEN EXCLUDED.channel_name ELSE conversations.channel_name END,
         reference = EXCLUDED.reference,
         installed_at = COALESCE($11::timestamptz, conversations.installed_at),
         updated_at = EXCLUDED.updated_at`,
      [
        c.tenantId,
        c.conversationId,
        c.serviceUrl,
        c.conversationType,
        c.botId,
        c.botName ?? null,
        c.teamId ?? null,
        c.teamName ?? null,
        c.channelName ?? null,
        c.referenceJson,
        c.installedAt,
        c.updatedAt,
        c.botName !== undefined,
        c.teamId !== undefined,
        c.teamName !== undefined,
        c.channelName !== undefined,
      ],
    );
  }

  async getConversation(tenantId: string, conversationId: string): Promise<ConversationRecord | null> {
    const row = await this.one('SELECT * FROM conversations WHERE tenant_id = $1 AND conversation_id = $2', [
      requireId(tenantId, 'tenantId'),
      requireId(conversationId, 'conversationId'),
    ]);
    return row ? conversationFromRow(row) : null;
  }

  /** Also removes the conversation's digest subscription: nobody is left to receive it. */
  async removeConversation(tenantId: string, conversationId: string): Promise<boolean> {
    const params = [requireId(tenantId, 'tenantId'), requireId(conversationId, 'conversationId')];
    return this.tx(async (c) => {
      await c.query('DELETE FROM subscriptions WHERE tenant_id = $1 AND conversation_id = $2', params);
      const res = await c.query('DELETE FROM conversations WHERE tenant_id = $1 AND conversation_id = $2', params);
      return (res.rowCount ?? 0) > 0;
    });
  }

  async listConversations(tenantId: string, opts?: { limit?: number; cursor?: string }): Promise<Page<ConversationRecord>> {
    return this.page('conversations', requireId(tenantId, 'tenantId'), opts, conversationFromRow);
  }

  private async page<T extends { conversationId: string }>(
    table: 'conversations' | 'subscriptions',
    tenantId: string,
    opts: { limit?: number; cursor?: string } | undefined,
    map: (r: Row) => T,
  ): Promise<Page<T>> {
    const limit = pageLimit(opts?.limit);
    const after = decodeCursor(opts?.cursor);
    const rows = await this.rows(
      `SELECT * FROM ${table} WHERE tenant_id = $1 AND ($2::text IS NULL OR conversation_id > $2::text) ORDER BY conversation_id LIMIT $3`,
      [tenantId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(map);
    return rows.length > limit ? { items, next: encodeCursor(items[items.length - 1].conversationId) } : { items };
  }

  async recordConversationFailure(tenantId: string, conversationId: string, ok: boolean, now: string): Promise<ConversationRecord | null> {
    const row = await this.one(
      `UPDATE conversations SET
         failure_count = CASE WHEN $3::boolean THEN 0 ELSE failure_count + 1 END,
         first_failure_at = CASE WHEN $3::boolean THEN NULL ELSE COALESCE(first_failure_at, $4::timestamptz) END
       WHERE tenant_id = $1 AND conversation_id = $2
       RETURNING *`,
      [requireId(tenantId, 'tenantId'), requireId(conversationId, 'conversationId'), ok, isoTime(now, 'now')],
    );
    return row ? conversationFromRow(row) : null;
  }

  async listTenants(): Promise<string[]> {
    return (await this.rows('SELECT DISTINCT tenant_id FROM conversations ORDER BY tenant_id')).map((r) => String(r.tenant_id));
  }

  // ---- subscriptions ----

  async upsertSubscription(sub: Omit<Subscription, 'createdAt' | 'updatedAt'> & { now: string }): Promise<Subscription> {
    const s = subscriptionInput(sub);
    const row = await this.one(
      `INSERT INTO subscriptions (tenant_id, conversation_id, day_of_week, hour, minute, time_zone, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
         day_of_week = EXCLUDED.day_of_week, hour = EXCLUDED.hour, minute = EXCLUDED.minute,
         time_zone = EXCLUDED.time_zone,
         created_by = COALESCE(subscriptions.created_by, EXCLUDED.created_by),
         updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [s.tenantId, s.conversationId, s.dayOfWeek, s.hour, s.minute, s.timeZone, s.createdBy, s.now],
    );
    return subscriptionFromRow(row as Row);
  }

  async getSubscription(tenantId: string, conversationId: string): Promise<Subscription | null> {
    const row = await this.one('SELECT * FROM subscriptions WHERE tenant_id = $1 AND conversation_id = $2', [
      requireId(tenantId, 'tenantId'),
      requireId(conversationId, 'conversationId'),
    ]);
    return row ? subscriptionFromRow(row) : null;
  }

  async removeSubscription(tenantId: string, conversationId: string): Promise<boolean> {
    const res = await this.pool.query('DELETE FROM subscriptions WHERE tenant_id = $1 AND conversation_id = $2', [
      requireId(tenantId, 'tenantId'),
      requireId(conversationId, 'conversationId'),
    ]);
    return (res.rowCount ?? 0) > 0;
  }

  async listSubscriptions(tenantId: string, opts?: { limit?: number; cursor?: string }): Promise<Page<Subscription>> {
    return this.page('subscriptions', requireId(tenantId, 'tenantId'), opts, subscriptionFromRow);
  }

  // ---- notes ----

  /**
   * Under an advisory lock on (tenant, control), held to commit: look for the same activity, then for an
   * identical note inside the dedupe window (same tenant, control, author, kind, text, state and owner),
   * else insert. ON CONFLICT on (tenant_id, activity_id) covers the one case the lock does not: the same
   * activity id arriving for two different controls.
   */
  async appendNote(note: NewNote, opts?: { dedupeWindowMs?: number; writeback?: boolean }): Promise<{ note: Note; duplicate: boolean }> {
    const n = noteInput(note, opts);
    return this.tx(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('securescore:notes'), hashtext($1::text || '/' || $2::text))`, [n.tenantId, n.controlId]);
      const byActivity = async () =>
        n.activityId === null ? null : this.one('SELECT * FROM notes WHERE tenant_id = $1 AND activity_id = $2', [n.tenantId, n.activityId], c);
      const same = await byActivity();
      if (same) return { note: noteFromRow(same), duplicate: true };
      if (n.dedupeFrom !== null) {
        const twin = await this.one(
          // Only the newest entry of this kind can be the twin: owner alice → bob → alice is three entries.
          `SELECT * FROM (SELECT * FROM notes WHERE tenant_id = $1 AND control_id = $2 AND kind = $4
                           ORDER BY id DESC LIMIT 1) newest
           WHERE author_id = $3 AND text = $5
             AND state IS NOT DISTINCT FROM $6::text AND assigned_to IS NOT DISTINCT FROM $7::text
             AND created_at BETWEEN $8::timestamptz AND $9::timestamptz`,
          [n.tenantId, n.controlId, n.authorId, n.kind, n.text, n.state, n.assignedTo, n.dedupeFrom, n.dedupeTo],
          c,
        );
        if (twin) return { note: noteFromRow(twin), duplicate: true };
      }
      const inserted = await this.one(
        `INSERT INTO notes (tenant_id, control_id, kind, text, author_id, author_name, state, assigned_to, activity_id, created_at, writeback)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, activity_id) DO NOTHING
         RETURNING *`,
        [n.tenantId, n.controlId, n.kind, n.text, n.authorId, n.authorName, n.state, n.assignedTo, n.activityId, n.createdAt, n.writeback],
        c,
      );
      if (inserted) return { note: noteFromRow(inserted), duplicate: false };
      const raced = await byActivity();
      if (!raced) throw new Error('appendNote: conflicting note vanished');
      return { note: noteFromRow(raced), duplicate: true };
    });
  }

  async listNotes(tenantId: string, controlId: string, limit: number): Promise<Note[]> {
    return (
      await this.rows('SELECT * FROM notes WHERE tenant_id = $1 AND control_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3', [
        requireId(tenantId, 'tenantId'),
        requireId(controlId, 'controlId'),
        pageLimit(limit),
      ])
    ).map(noteFromRow);
  }

  async countNotesSince(tenantId: string, since: string): Promise<number> {
    const row = await this.one('SELECT COUNT(*) AS n FROM notes WHERE tenant_id = $1 AND created_at >= $2', [
      requireId(tenantId, 'tenantId'),
      isoTime(since, 'since'),
    ]);
    return Number(row?.n ?? 0);
  }

  async listWritebacksDue(tenantId: string, now: string, limit: number): Promise<Note[]> {
    return (
      await this.rows(
        `SELECT * FROM notes
         WHERE tenant_id = $1 AND writeback IN ('pending', 'failed')
           AND ((writeback = 'pending' AND (writeback_retry_at IS NULL OR writeback_retry_at <= $2))
             OR (writeback = 'failed' AND writeback_retry_at <= $2))
         ORDER BY COALESCE(writeback_retry_at, created_at), id LIMIT $3`,
        [requireId(tenantId, 'tenantId'), isoTime(now, 'now'), pageLimit(limit)],
      )
    ).map(noteFromRow);
  }

  /** ok → 'done'; failed with retryAt → 'failed' and due again then; failed without retryAt → 'failed' for good (never due). */
  async markWriteback(tenantId: string, noteId: number, result: { ok: boolean; retryAt?: string | null }): Promise<void> {
    await this.pool.query(
      `UPDATE notes SET writeback = $3, writeback_attempts = writeback_attempts + 1, writeback_retry_at = $4
       WHERE tenant_id = $1 AND id = $2 AND writeback IN ('pending', 'failed')`,
      [requireId(tenantId, 'tenantId'), noteId, result.ok ? 'done' : 'failed', result.ok ? null : isoTimeOrNull(result.retryAt, 'retryAt')],
    );
  }

  // ---- snapshots ----

  /**
   * One statement; xmax = 0 marks rows this statement inserted (an updated row carries our xid), which
   * counts new days exactly even when two replicas store the same days at once. Rows go in key order so
   * two overlapping batches take their row locks in the same order and cannot deadlock.
   */
  async upsertSnapshots(snapshots: Snapshot[]): Promise<number> {
    const items = snapshotsInput(snapshots);
    if (items.length === 0) return 0;
    const rows = await this.rows(
      `INSERT INTO snapshots (tenant_id, date, payload, updated_at)
       SELECT x.tenant_id, x.date, x.payload, now()
       FROM jsonb_to_recordset($1::jsonb) AS x(tenant_id text, date text, payload jsonb)
       ORDER BY x.tenant_id COLLATE "C", x.date
       ON CONFLICT (tenant_id, date) DO UPDATE SET payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(items.map((i) => ({ tenant_id: i.tenantId, date: i.date, payload: JSON.parse(i.payloadJson) })))],
    );
    return rows.filter((r) => r.inserted === true).length;
  }

  async listSnapshots(tenantId: string, fromDate: string, toDate: string): Promise<Snapshot[]> {
    return (
      await this.rows('SELECT tenant_id, date, payload FROM snapshots WHERE tenant_id = $1 AND date >= $2 AND date <= $3 ORDER BY date DESC', [
        requireId(tenantId, 'tenantId'),
        isoDate(fromDate, 'fromDate'),
        isoDate(toDate, 'toDate'),
      ])
    ).map(snapshotFromRow);
  }

  async latestSnapshotDate(tenantId: string): Promise<string | null> {
    const row = await this.one('SELECT MAX(date) AS d FROM snapshots WHERE tenant_id = $1', [requireId(tenantId, 'tenantId')]);
    return row?.d === null || row?.d === undefined ? null : String(row.d);
  }

  // ---- deliveries ----

  /**
   * Insert the row (we win) or take over an unsent, free one: a 'claimed' lease that ran out, or a
   * 'failed' one whose retry time came. A live lease is refused even to the same owner, so two
   * overlapping ticks of one process cannot both send.
   */
  async claimDelivery(args: { tenantId: string; conversationId: string; kind: DeliveryKind; period: string; owner: string; now: string; leaseUntil: string }): Promise<Delivery | null> {
    const p = [
      requireId(args.tenantId, 'tenantId'),
      requireId(args.conversationId, 'conversationId'),
      deliveryKind(args.kind),
      requireId(args.period, 'period'),
      requireId(args.owner, 'owner'),
      isoTime(args.now, 'now'),
      isoTime(args.leaseUntil, 'leaseUntil'),
    ];
    leaseAfter(p[5], p[6]);
    const inserted = await this.one(
      `INSERT INTO deliveries (tenant_id, conversation_id, kind, period, status, attempts, claimed_by, lease_until, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'claimed', 1, $5, $7, $6, $6)
       ON CONFLICT (tenant_id, conversation_id, kind, period) DO NOTHING
       RETURNING *`,
      p,
    );
    if (inserted) return deliveryFromRow(inserted);
    const taken = await this.one(
      `UPDATE deliveries SET status = 'claimed', attempts = attempts + 1, claimed_by = $5, lease_until = $7,
         retry_at = NULL, updated_at = $6
       WHERE tenant_id = $1 AND conversation_id = $2 AND kind = $3 AND period = $4
         AND ((status = 'claimed' AND lease_until < $6::timestamptz) OR (status = 'failed' AND retry_at <= $6::timestamptz))
       RETURNING *`,
      p,
    );
    return taken ? deliveryFromRow(taken) : null;
  }

  async markDeliverySent(tenantId: string, id: number, activityId: string | null, now: string): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'sent', activity_id = $3, lease_until = NULL, retry_at = NULL, updated_at = $4
       WHERE tenant_id = $1 AND id = $2`,
      [requireId(tenantId, 'tenantId'), id, activityId ?? null, isoTime(now, 'now')],
    );
  }

  /** retryAt given → 'failed', claimable again from retryAt; retryAt null → 'dropped': we give up for good. */
  async markDeliveryFailed(tenantId: string, id: number, error: string, retryAt: string | null, now: string): Promise<void> {
    const retry = isoTimeOrNull(retryAt, 'retryAt');
    await this.pool.query(
      `UPDATE deliveries SET status = $3, last_error = $4, retry_at = $5, lease_until = NULL, updated_at = $6
       WHERE tenant_id = $1 AND id = $2 AND status <> 'sent'`,
      [requireId(tenantId, 'tenantId'), id, retry ? 'failed' : 'dropped', text(error, 'error'), retry, isoTime(now, 'now')],
    );
  }

  async listDeliveriesDue(tenantId: string, now: string, limit: number): Promise<Delivery[]> {
    return (
      await this.rows(
        `SELECT * FROM deliveries
         WHERE tenant_id = $1 AND status IN ('claimed', 'failed')
           AND ((status = 'failed' AND retry_at <= $2) OR (status = 'claimed' AND lease_until < $2))
         ORDER BY COALESCE(retry_at, lease_until), id LIMIT $3`,
        [requireId(tenantId, 'tenantId'), isoTime(now, 'now'), pageLimit(limit)],
      )
    ).map(deliveryFromRow);
  }

  async getDelivery(tenantId: string, conversationId: string, kind: DeliveryKind, period: string): Promise<Delivery | null> {
    const row = await this.one('SELECT * FROM deliveries WHERE tenant_id = $1 AND conversation_id = $2 AND kind = $3 AND period = $4', [
      requireId(tenantId, 'tenantId'),
      requireId(conversationId, 'conversationId'),
      deliveryKind(kind),
      requireId(period, 'period'),
    ]);
    return row ? deliveryFromRow(row) : null;
  }

  // ---- botbuilder state ----

  async readState(keys: string[]): Promise<Record<string, StateItem>> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const out: Record<string, StateItem> = {};
    if (keys.length === 0) return out;
    const rows = await this.rows('SELECT state_key, etag, data FROM bot_state WHERE state_key = ANY($1::text[])', [keys]);
    for (const r of rows) out[String(r.state_key)] = { ...(JSON.parse(String(r.data)) as Record<string, unknown>), eTag: String(r.etag) };
    return out;
  }

  /**
   * All-or-nothing: one stale item rolls back the whole batch (botbuilder's MemoryStorage would keep the
   * items before it). Like MemoryStorage, an item that is not stored yet is written whatever its eTag.
   */
  async writeState(changes: Record<string, StateItem>): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    const prepared = Object.entries(changes).map(([key, item]) => ({ key, data: stateItemJson(key, item), expected: expectedETag(item) }));
    if (prepared.length === 0) return;
    const write = async (c: Queryable) => {
      for (const p of prepared) {
        if (p.expected === null) {
          await c.query(
            `INSERT INTO bot_state (state_key, etag, data, updated_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (state_key) DO UPDATE SET etag = EXCLUDED.etag, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
            [p.key, randomUUID(), p.data],
          );
        } else {
          const row = await this.one(
            `INSERT INTO bot_state (state_key, etag, data, updated_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (state_key) DO UPDATE SET etag = EXCLUDED.etag, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
             WHERE bot_state.etag = $4
             RETURNING state_key`,
            [p.key, randomUUID(), p.data, p.expected],
            c,
          );
          if (!row) throw new StateConflictError(p.key);
        }
      }
    };
    // A single item needs no transaction: its one statement is already atomic.
    if (prepared.length === 1) await write(this.pool);
    else await this.tx(write);
  }

  async deleteState(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.pool.query('DELETE FROM bot_state WHERE state_key = ANY($1::text[])', [keys]);
  }
}
