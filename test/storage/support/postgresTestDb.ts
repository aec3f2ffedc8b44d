/**
 * A throwaway PostgreSQL database per test file, so runs never see each other's rows.
 * The server comes from DATABASE_URL_TEST (never the bot's own DATABASE_URL: each test creates and drops databases there), else postgres://postgres@127.0.0.1:5432/postgres.
 * Reachability is probed synchronously (in a child process) because jest must know while *defining*
 * the suite whether to run or skip it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { redactDatabaseUrl } from '../../../src/storage/createStore';

export const adminUrl = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/postgres';

/** CI=true or REQUIRE_POSTGRES=1: an unreachable server fails the suite instead of skipping it. */
export const postgresRequired = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1';

/** null when reachable, else why not. */
export function probePostgres(): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg');
       const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`,
      adminUrl,
    ],
    { encoding: 'utf8', timeout: 10000, cwd: __dirname },
  );
  if (probe.status === 0) return null;
  return `PostgreSQL at ${redactDatabaseUrl(adminUrl)} is not reachable (${(probe.stderr || probe.error?.message || 'no answer').trim()})`;
}

/** The admin URL pointed at another database on the same server. */
export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `securescore_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: urlForDatabase(name),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
