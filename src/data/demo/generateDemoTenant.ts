/**
 * The built-in demo tenant: deterministic (seeded PRNG, `now` passed in), served as Graph pages so
 * the demo source walks `@odata.nextLink` the same way the graph source does.
 */
import type { GraphPage } from '../paging';
import type { RawControlProfile, RawSecureScore } from '../scoreSource';
import { buildSecureScores } from './history';
import { buildControlProfiles } from './profiles';

export interface DemoTenant {
  tenantId: string;
  /** Newest first. */
  secureScores: RawSecureScore[];
  controlProfiles: RawControlProfile[];
}

export const PROFILE_PAGE_SIZE = 50;
export const SCORE_PAGE_SIZE = 30;
/** Links on a reserved host: they are resolved in memory and never fetched. */
export const DEMO_LINK_BASE = 'https://demo.invalid/v1.0';

export function generateDemoTenant(tenantId: string, now: Date): DemoTenant {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  return {
    tenantId,
    secureScores: buildSecureScores(tenantId, now),
    controlProfiles: buildControlProfiles(tenantId, now),
  };
}

/** Splits items into Graph pages, each but the last linking to the next. */
export function toGraphPages<T>(items: T[], pageSize: number, collection: string): GraphPage<T>[] {
  const pages: GraphPage<T>[] = [];
  for (let offset = 0; offset === 0 || offset < items.length; offset += pageSize) {
    const page: GraphPage<T> = {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${collection}`,
      value: items.slice(offset, offset + pageSize),
    };
    if (offset + pageSize < items.length) {
      page['@odata.nextLink'] = `${DEMO_LINK_BASE}/${collection}?$skiptoken=${offset + pageSize}`;
    }
    pages.push(page);
  }
  return pages;
}
