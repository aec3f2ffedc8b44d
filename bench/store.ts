/**
 * Store benchmark: how long the durable store takes for the writes and reads the bot does most.
 *   - 1,000 note writes, one after another (each awaited, as a card action would), distinct notes with
 *     activity ids, so every one runs the full dedupe check + insert transaction;
 *   - 10,000 single-day snapshot reads (listSnapshots(t, d, d), cycling over 90 stored days), and
 *     1,000 reads of a 30-day range (what a trend chart asks for). Each payload is a real Graph
 *     secureScores item (~53 KB with 68 controls), so range reads are dominated by JSON parsing: 10,000
 *     range reads would take minutes, which is why ranges are measured 1,000 times.
 * Runs on SQLite (synchronous=FULL, the default, and NORMAL for comparison) in a temp directory, and
 * on PostgreSQL in a temporary database when the server is reachable (DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres). Prints figures; never asserts anything.
 *
 *   npm run build && node dist/bench/store.js
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Store } from '../src/storage/store';
import { SqliteStore } from '../src/storage/sqliteStore';
import { PostgresStore } from '../src/storage/postgresStore';
import { redactDatabaseUrl } from '../src/storage/createStore';

export interface Timing {
  operations: number;
  totalMs: number;
  perOpMs: number;
  opsPerSec: number;
}

export interface StoreBenchResult {
  database: string;
  noteWrites: Timing;
  /** listSnapshots of one day. */
  snapshotReads: Timing;
  /** listSnapshots of a 30-day range. */
  snapshotRangeReads: Timing;
}

export interface StoreBenchFigures {
  results: StoreBenchResult[];
  /** Databases not measured, with the reason. */
  skipped: string[];
  payloadBytes: number;
}

const NOTE_WRITES = 1000;
const SNAPSHOT_READS = 10_000;
const RANGE_READS = 1_000;
const STORED_DAYS = 90;
const RANGE_DAYS = 30;

function timing(operations: number, startNs: bigint): Timing {
  const totalMs = Number(process.hrtime.bigint() - startNs) / 1e6;
  return { operations, totalMs: round(totalMs), perOpMs: round(totalMs / operations, 4), opsPerSec: Math.round((operations / totalMs) * 1000) };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A real secureScores item when the shared fixtures are next to the repo, else one of the same shape and size. */
function samplePayload(): Record<string, unknown> {
  const file = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'graph-public', 'securescores_heimdall2_1day_68controls.json');
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { value: Record<string, unknown>[] }).value[0];
  return {
    currentScore: 412.5,
    maxScore: 900,
    enabledServices: ['HasExchange', 'HasSharePoint', 'HasOD4B'],
    controlScores: Array.from({ length: 68 }, (_, i) => ({
      controlCategory: 'Identity',
      controlName: `Control${i}`,
      description: 'Synthetic control of the size Graph sends, used when the real fixtures are not available.',
      score: i % 7,
      scoreInPercentage: (i * 3) % 100,
      implementationStatus: 'You have 3 of 10 users that are not registered for MFA.',
      lastSynced: '2026-03-01T00:00:00Z',
    })),
  };
}

async function measure(database: string, store: Store, payload: Record<string, unknown>): Promise<StoreBenchResult> {
  await store.migrate();
  const tenantId = `bench-${randomBytes(4).toString('hex')}`;
  const base = Date.UTC(2026, 0, 1);

  let start = process.hrtime.bigint();
  for (let i = 0; i < NOTE_WRITES; i++) {
    await store.appendNote({
      tenantId,
      controlId: `Control${i % 20}`,
      kind: 'note',
      text: `Bench note ${i}`,
      authorId: 'bench-user',
      authorName: 'Bench',
      activityId: `bench-activity-${i}`,
      createdAt: new Date(base + i * 1000).toISOString(),
    });
  }
  const noteWrites = timing(NOTE_WRITES, start);

  const days = Array.from({ length: STORED_DAYS }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10));
  await store.upsertSnapshots(days.map((date) => ({ tenantId, date, payload: { ...payload, createdDateTime: `${date}T00:00:00Z` } })));
  start = process.hrtime.bigint();
  for (let i = 0; i < SNAPSHOT_READS; i++) {
    const day = days[i % STORED_DAYS];
    const got = await store.listSnapshots(tenantId, day, day);
    if (got.length !== 1) throw new Error(`expected 1 snapshot, got ${got.length}`);
  }
  const snapshotReads = timing(SNAPSHOT_READS, start);

  const from = days[STORED_DAYS - RANGE_DAYS];
  const to = days[STORED_DAYS - 1];
  start = process.hrtime.bigint();
  for (let i = 0; i < RANGE_READS; i++) {
    const got = await store.listSnapshots(tenantId, from, to);
    if (got.length !== RANGE_DAYS) throw new Error(`expected ${RANGE_DAYS} snapshots, got ${got.length}`);
  }
  const snapshotRangeReads = timing(RANGE_READS, start);
  return { database, noteWrites, snapshotReads, snapshotRangeReads };
}

async function postgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `securescore_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function runStoreBench(opts: { log?: (line: string) => void; postgresUrl?: string } = {}): Promise<StoreBenchFigures> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const payload = samplePayload();
  const figures: StoreBenchFigures = { results: [], skipped: [], payloadBytes: Buffer.byteLength(JSON.stringify(payload)) };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'securescore-bench-'));
  try {
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const store = new SqliteStore({ file: path.join(dir, `bench-${synchronous}.db`), synchronous });
      try {
        figures.results.push(await measure(`sqlite (WAL, synchronous=${synchronous})`, store, payload));
      } finally {
        await store.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = opts.postgresUrl ?? process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let db: { url: string; drop(): Promise<void> } | undefined;
  try {
    db = await postgresDatabase(adminUrl);
  } catch (err) {
    figures.skipped.push(`postgres: ${redactDatabaseUrl(adminUrl)} not usable (${(err as Error).message})`);
  }
  if (db) {
    const store = new PostgresStore({ connectionString: db.url });
    try {
      figures.results.push(await measure('postgres', store, payload));
    } finally {
      await store.close();
      await db.drop();
    }
  }

  log(
    `Store benchmark — ${NOTE_WRITES} sequential note writes; ${SNAPSHOT_READS} one-day and ${RANGE_READS} ${RANGE_DAYS}-day listSnapshots ` +
      `over ${STORED_DAYS} stored days (payload ${figures.payloadBytes} bytes each)`,
  );
  const fmt = (t: Timing, unit: string) => `${t.operations} in ${t.totalMs} ms (${t.perOpMs} ms/${unit}, ${t.opsPerSec}/s)`;
  for (const r of figures.results) {
    log(`  ${r.database}`);
    log(`    note writes        ${fmt(r.noteWrites, 'write')}`);
    log(`    1-day snapshot     ${fmt(r.snapshotReads, 'read')}`);
    log(`    30-day snapshots   ${fmt(r.snapshotRangeReads, 'read')}`);
  }
  for (const s of figures.skipped) log(`  skipped ${s}`);
  return figures;
}

if (require.main === module) {
  runStoreBench().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
