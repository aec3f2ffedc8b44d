/**
 * Picks the Store from the environment and brings its schema up to date:
 *   DATABASE_URL set → PostgreSQL (several replicas may share it)
 *   otherwise        → SQLite file securescore.db under DATA_DIR (default ./.data)
 * The log line names the choice but never the password: credentials in the URL are masked.
 */
import path from 'node:path';
import type { Store } from './store';
import { SqliteStore } from './sqliteStore';
import { PostgresStore } from './postgresStore';

export interface StoreLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export const DEFAULT_DATA_DIR = './.data';
export const SQLITE_FILE_NAME = 'securescore.db';

/** postgres://user:secret@host/db?password=x → postgres://***@host/db (query dropped: it may hold secrets too). */
export function redactDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const auth = url.username || url.password ? '***@' : '';
    return `${url.protocol}//${auth}${url.host}${url.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL, not shown)';
  }
}

export function sqliteFileFor(env: Record<string, string | undefined>): string {
  const dir = env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR.trim() : DEFAULT_DATA_DIR;
  return path.resolve(dir, SQLITE_FILE_NAME);
}

export async function createStore(env: Record<string, string | undefined>, log?: StoreLog): Promise<Store> {
  const url = env.DATABASE_URL?.trim();
  let store: SqliteStore | PostgresStore;
  if (url) {
    store = new PostgresStore({
      connectionString: url,
      // The pool's own message may quote the host; the logger redacts credentials in strings.
      onPoolError: (err) => log?.warn('PostgreSQL connection lost; the pool will reconnect', { error: err.message }),
    });
    log?.info('Store: PostgreSQL', { database: redactDatabaseUrl(url) });
  } else {
    const file = sqliteFileFor(env);
    store = new SqliteStore({ file });
    log?.info('Store: SQLite', { file });
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
