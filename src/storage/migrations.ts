/**
 * The schema, written once as versioned steps that both databases apply in order. Type words that differ
 * between SQLite and PostgreSQL are tokens so each step reads as one schema:
 *   {{ID}}   surrogate key   SQLite INTEGER PRIMARY KEY AUTOINCREMENT / PG identity bigint
 *   {{KEY}}  an id we sort or page by: PG gets COLLATE "C" so it orders bytewise exactly like SQLite's
 *            BINARY collation (otherwise keyset pages would differ between the two databases)
 *   {{TIME}} a point in time: SQLite TEXT holding canonical ISO-8601 (see storeInput.isoTime), PG timestamptz
 *   {{JSON}} a JSON document: SQLite TEXT, PG jsonb
 * A step may instead give per-dialect SQL when a statement really differs.
 *
 * Every business table carries tenant_id and leads its keys and indexes with it. bot_state is the one
 * exception: botbuilder's Storage contract reads by key alone (its keys embed channel and conversation /
 * user ids, which Teams makes unique across tenants), so there is no tenant to scope it by.
 *
 * Never edit a released step: add a new version.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string[] | Record<Dialect, string[]>;
}

const TOKENS: Record<Dialect, Record<string, string>> = {
  sqlite: {
    ID: 'id INTEGER PRIMARY KEY AUTOINCREMENT',
    KEY: 'TEXT',
    TIME: 'TEXT',
    JSON: 'TEXT',
  },
  postgres: {
    ID: 'id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    KEY: 'TEXT COLLATE "C"',
    TIME: 'TIMESTAMPTZ',
    JSON: 'JSONB',
  },
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations and subscriptions',
    sql: [
      `CREATE TABLE conversations (
        tenant_id {{KEY}} NOT NULL,
        conversation_id {{KEY}} NOT NULL,
        service_url TEXT NOT NULL,
        conversation_type TEXT NOT NULL CHECK (conversation_type IN ('personal', 'groupChat', 'channel')),
        bot_id TEXT NOT NULL,
        bot_name TEXT,
        team_id TEXT,
        team_name TEXT,
        channel_name TEXT,
        reference {{JSON}} NOT NULL,
        installed_at {{TIME}} NOT NULL,
        updated_at {{TIME}} NOT NULL,
        failure_count INTEGER NOT NULL DEFAULT 0,
        first_failure_at {{TIME}},
        PRIMARY KEY (tenant_id, conversation_id)
      )`,
      `CREATE TABLE subscriptions (
        tenant_id {{KEY}} NOT NULL,
        conversation_id {{KEY}} NOT NULL,
        day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
        time_zone TEXT NOT NULL,
        created_by TEXT,
        created_at {{TIME}} NOT NULL,
        updated_at {{TIME}} NOT NULL,
        PRIMARY KEY (tenant_id, conversation_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'notes',
    sql: [
      `CREATE TABLE notes (
        {{ID}},
        tenant_id {{KEY}} NOT NULL,
        control_id {{KEY}} NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('note', 'status', 'owner')),
        text TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        state TEXT,
        assigned_to TEXT,
        activity_id TEXT,
        created_at {{TIME}} NOT NULL,
        writeback TEXT NOT NULL DEFAULT 'none' CHECK (writeback IN ('none', 'pending', 'done', 'failed')),
        writeback_attempts INTEGER NOT NULL DEFAULT 0,
        writeback_retry_at {{TIME}},
        UNIQUE (tenant_id, activity_id)
      )`,
      `CREATE INDEX notes_by_control ON notes (tenant_id, control_id, created_at)`,
      `CREATE INDEX notes_by_time ON notes (tenant_id, created_at)`,
      `CREATE INDEX notes_writeback_open ON notes (tenant_id, writeback) WHERE writeback IN ('pending', 'failed')`,
    ],
  },
  {
    version: 3,
    name: 'daily score snapshots',
    sql: [
      `CREATE TABLE snapshots (
        tenant_id {{KEY}} NOT NULL,
        date TEXT NOT NULL,
        payload {{JSON}} NOT NULL,
        updated_at {{TIME}} NOT NULL,
        PRIMARY KEY (tenant_id, date)
      )`,
    ],
  },
  {
    version: 4,
    name: 'deliveries',
    sql: [
      `CREATE TABLE deliveries (
        {{ID}},
        tenant_id {{KEY}} NOT NULL,
        conversation_id {{KEY}} NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('digest', 'alert')),
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'dropped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        lease_until {{TIME}},
        retry_at {{TIME}},
        last_error TEXT,
        activity_id TEXT,
        created_at {{TIME}} NOT NULL,
        updated_at {{TIME}} NOT NULL,
        UNIQUE (tenant_id, conversation_id, kind, period)
      )`,
      `CREATE INDEX deliveries_open ON deliveries (tenant_id, status) WHERE status IN ('claimed', 'failed')`,
    ],
  },
  {
    version: 5,
    name: 'bot state',
    sql: [
      `CREATE TABLE bot_state (
        state_key {{KEY}} PRIMARY KEY,
        etag TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at {{TIME}} NOT NULL
      )`,
    ],
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The statements of one step for one database, tokens replaced. */
export function migrationStatements(m: Migration, dialect: Dialect): string[] {
  const raw = Array.isArray(m.sql) ? m.sql : m.sql[dialect];
  return raw.map((stmt) =>
    stmt.replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
      const sub = TOKENS[dialect][token];
      if (sub === undefined) throw new Error(`Migration ${m.version}: unknown token {{${token}}}`);
      return sub;
    }),
  );
}

/** Steps not applied yet, in order. */
export function pendingMigrations(applied: Iterable<number>): Migration[] {
  const done = new Set(applied);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}
