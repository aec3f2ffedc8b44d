/**
 * The one way the bot gets a tenant's Secure Score: from the score source, kept in a short cache, with
 * every day it sees stored as a snapshot so history outlives Graph's 90 days. Chat, cards and the digest
 * all read through here, so they agree on the numbers.
 */
import type { RawSecureScore, ScoreSource } from '../data/scoreSource';
import { buildTenantData } from '../scoring';
import type { TenantData } from '../scoring/model';
import type { Store } from '../storage/store';
import type { Logger } from '../log';

/** Graph keeps about 90 days; asking for more buys nothing. */
const GRAPH_DAYS = 90;
/** The score refreshes about once a day: fetching more often than hourly only spends throttling budget. */
const DEFAULT_TTL_MS = 60 * 60 * 1000;
/** How far back stored snapshots are merged in (trend over a year). */
const HISTORY_DAYS = 400;

interface CacheEntry {
  at: number;
  data: TenantData;
}

export class TenantScores {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<TenantData>>();

  constructor(
    private readonly source: ScoreSource,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** The tenant's data as of `now`: cached, or fetched once however many callers ask at the same time. */
  async get(tenantId: string, now: Date): Promise<TenantData> {
    const hit = this.cache.get(tenantId);
    if (hit && now.getTime() - hit.at < this.ttlMs) return hit.data;
    const running = this.inFlight.get(tenantId);
    if (running) return running;
    const promise = this.load(tenantId, now).finally(() => this.inFlight.delete(tenantId));
    this.inFlight.set(tenantId, promise);
    return promise;
  }

  /** Forget the cached copy (after a write-back, or when a test moves the clock). */
  invalidate(tenantId?: string): void {
    if (tenantId) this.cache.delete(tenantId);
    else this.cache.clear();
  }

  private async load(tenantId: string, now: Date): Promise<TenantData> {
    const [scores, profiles] = await Promise.all([
      this.source.getSecureScores(tenantId, GRAPH_DAYS),
      this.source.getControlProfiles(tenantId),
    ]);
    const fresh = scores.filter((s) => dayOf(s) !== null);
    const stored = await this.store.upsertSnapshots(
      fresh.map((payload) => ({ tenantId, date: dayOf(payload)!, payload })),
    );
    if (stored > 0) this.log.info('stored new score snapshots', { tenantId, days: stored, source: this.source.name });

    // Stored days extend the history backwards only, past the oldest day the source still has: the
    // source is the truth for every day it covers, and a store that once held another source's days
    // (demo, then a capture) never mixes them into today's numbers.
    const oldest = fresh.map((s) => dayOf(s)!).sort()[0];
    const fromDate = isoDate(new Date(now.getTime() - HISTORY_DAYS * 86400000));
    const history = oldest && oldest > fromDate ? await this.store.listSnapshots(tenantId, fromDate, previousDay(oldest)) : [];
    const merged: RawSecureScore[] = [...fresh, ...history.map((h) => h.payload)];

    // Items that name another tenant are dropped (defence in depth), unless the source serves one shared capture.
    const data = buildTenantData(tenantId, merged, profiles, { strictTenant: !this.source.sharedData });
    this.cache.set(tenantId, { at: now.getTime(), data });
    return data;
  }
}

/** The yyyy-MM-dd a raw secureScores item is for, from createdDateTime or the id's suffix. */
function dayOf(item: RawSecureScore): string | null {
  const created = typeof item.createdDateTime === 'string' ? item.createdDateTime : '';
  const fromCreated = /^\d{4}-\d{2}-\d{2}/.exec(created)?.[0];
  if (fromCreated) return fromCreated;
  const id = typeof item.id === 'string' ? item.id : '';
  return /_(\d{4}-\d{2}-\d{2})$/.exec(id)?.[1] ?? null;
}

function previousDay(date: string): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) - 86400000));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
