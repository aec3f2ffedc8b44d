/**
 * createStore: the environment picks the database, the schema is migrated on start, and the log says
 * which store is in use without ever showing a password.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore, redactDatabaseUrl, sqliteFileFor } from '../../src/storage/createStore';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { PostgresStore } from '../../src/storage/postgresStore';
import { LATEST_VERSION } from '../../src/storage/migrations';
import { memoryLogger } from '../../src/log';
import { createTestDatabase, postgresRequired, probePostgres } from './support/postgresTestDb';

describe('redactDatabaseUrl', () => {
  test('masks user and password and drops the query string', () => {
    expect(redactDatabaseUrl('postgres://bot:s3cr%40t@db.internal:6543/securescore?sslmode=require&password=x')).toBe('postgres://***@db.internal:6543/securescore');
    expect(redactDatabaseUrl('postgresql://db.internal/securescore')).toBe('postgresql://db.internal/securescore');
    expect(redactDatabaseUrl('host=db password=hunter2')).toBe('(unparseable DATABASE_URL, not shown)');
  });
});

describe('createStore with SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'securescore-create-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('without DATABASE_URL: SQLite file securescore.db under DATA_DIR, created and migrated', async () => {
    const log = memoryLogger();
    const dataDir = path.join(dir, 'data');
    const store = await createStore({ DATA_DIR: dataDir }, log);
    expect(store).toBeInstanceOf(SqliteStore);
    const applied = await (store as SqliteStore).appliedMigrations();
    expect(applied[applied.length - 1].version).toBe(LATEST_VERSION);
    await store.close();
    expect(fs.existsSync(path.join(dataDir, 'securescore.db'))).toBe(true);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', msg: 'Store: SQLite', file: path.join(dataDir, 'securescore.db') })]);
  });

  test('DATA_DIR defaults to ./.data', () => {
    expect(sqliteFileFor({})).toBe(path.resolve('.data', 'securescore.db'));
    expect(sqliteFileFor({ DATA_DIR: '  ' })).toBe(path.resolve('.data', 'securescore.db'));
  });
});

describe('createStore with a PostgreSQL that is not there', () => {
  test('an unreachable DATABASE_URL fails start-up instead of falling back to SQLite', async () => {
    await expect(createStore({ DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/none' })).rejects.toThrow(/ECONNREFUSED/);
  });
});

const unreachable = probePostgres();
const describePg = unreachable && !postgresRequired ? describe.skip : describe;
if (unreachable) console.warn(`createStore PostgreSQL tests: ${unreachable}`);

describePg('createStore with PostgreSQL', () => {
  test('DATABASE_URL set: PostgreSQL, migrated; the password never reaches the log', async () => {
    if (unreachable) throw new Error(unreachable);
    const db = await createTestDatabase();
    try {
      const url = new URL(db.url);
      url.username = 'postgres';
      url.password = 'Sup3r-Secret-Pw'; // trust auth on the test server ignores it
      const log = memoryLogger();
      const store = await createStore({ DATABASE_URL: url.toString(), DATA_DIR: '/nonexistent/never-used' }, log);
      expect(store).toBeInstanceOf(PostgresStore);
      expect((await (store as PostgresStore).appliedMigrations()).map((m) => m.version)).toContain(LATEST_VERSION);
      await store.close();
      expect(log.lines).toEqual([expect.objectContaining({ level: 'info', msg: 'Store: PostgreSQL', database: `postgres://***@${url.host}/${db.name}` })]);
      expect(JSON.stringify(log.lines)).not.toContain('Sup3r-Secret-Pw');
    } finally {
      await db.drop();
    }
  });
});
