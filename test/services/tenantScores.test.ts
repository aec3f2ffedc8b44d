/**
 * TenantScores merges the source's days with stored snapshots. Stored days only extend history past the
 * source's oldest day: a day the source covers is never taken from the store, so switching sources (demo,
 * then a capture) never mixes two tenants' worth of numbers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { RawSecureScore, ScoreSource } from '../../src/data/scoreSource';
import { memoryLogger } from '../../src/log';
import { TenantScores } from '../../src/services/tenantScores';
import { SqliteStore } from '../../src/storage/sqliteStore';

const TENANT = '00000000-0000-4000-8000-000000000077';

function day(date: string, score: number): RawSecureScore {
  return {
    id: `${TENANT}_${date}`,
    azureTenantId: TENANT,
    createdDateTime: `${date}T00:00:00Z`,
    currentScore: score,
    maxScore: 100,
    controlScores: [{ controlName: 'c1', controlCategory: 'Identity', score }],
  };
}

/** A score source that serves fixed days: the interface's in-memory default for tests. */
function source(days: RawSecureScore[]): ScoreSource & { calls: number } {
  return {
    name: 'fixed',
    calls: 0,
    async getSecureScores() {
      this.calls++;
      return days;
    },
    async getControlProfiles() {
      return [{ id: 'c1', title: 'Control one', controlCategory: 'Identity', maxScore: 100, rank: 1 }];
    },
  };
}

describe('TenantScores', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-scores-'));
    store = new SqliteStore({ file: path.join(dir, 'db.sqlite') });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const now = new Date('2026-12-03T10:00:00Z');

  test('stores every fetched day and extends history with stored days older than the source has', async () => {
    await store.upsertSnapshots([{ tenantId: TENANT, date: '2026-08-01', payload: day('2026-08-01', 10) }]);
    const scores = new TenantScores(source([day('2026-12-03', 42), day('2026-12-02', 40)]), store, memoryLogger());
    const data = await scores.get(TENANT, now);
    expect(data.days.map((d) => [d.date, d.currentScore])).toEqual([
      ['2026-12-03', 42],
      ['2026-12-02', 40],
      ['2026-08-01', 10],
    ]);
    expect((await store.listSnapshots(TENANT, '2026-01-01', '2026-12-31')).map((s) => s.date)).toEqual(['2026-12-03', '2026-12-02', '2026-08-01']);
  });

  test('stored days newer than the source\'s oldest day (another source\'s data) are not mixed in', async () => {
    // Yesterday a demo run stored 2026-12-02; today the source is a capture from 2024-01-01.
    await store.upsertSnapshots([{ tenantId: TENANT, date: '2026-12-02', payload: day('2026-12-02', 99) }]);
    const scores = new TenantScores(source([day('2024-01-01', 12)]), store, memoryLogger());
    const data = await scores.get(TENANT, now);
    expect(data.days.map((d) => [d.date, d.currentScore])).toEqual([['2024-01-01', 12]]);
  });

  test('answers from the cache within the hour and fetches once for concurrent callers', async () => {
    const src = source([day('2026-12-03', 42)]);
    const scores = new TenantScores(src, store, memoryLogger());
    await Promise.all([scores.get(TENANT, now), scores.get(TENANT, now), scores.get(TENANT, now)]);
    await scores.get(TENANT, new Date(now.getTime() + 30 * 60 * 1000));
    expect(src.calls).toBe(1);
    await scores.get(TENANT, new Date(now.getTime() + 61 * 60 * 1000));
    expect(src.calls).toBe(2);
  });
});
