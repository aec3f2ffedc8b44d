/**
 * Serves the generated demo tenant to whichever tenant asks, tagged with that tenant's id (so a
 * tenant only ever sees data labelled as its own; the numbers are the same for everyone).
 */
import { GraphPage, collectPages } from '../paging';
import { RawControlProfile, RawSecureScore, ScoreSource, ScoreSourceError } from '../scoreSource';
import { OTHER_TENANT_MESSAGE } from '../tenantGuard';
import { PROFILE_PAGE_SIZE, SCORE_PAGE_SIZE, toGraphPages } from './generateDemoTenant';
import { buildSecureScores } from './history';
import { buildControlProfiles } from './profiles';

export interface DemoSourceOptions {
  now: () => Date;
}

export class DemoScoreSource implements ScoreSource {
  readonly name = 'demo';

  constructor(private readonly options: DemoSourceOptions) {}

  async getSecureScores(tenantId: string, days: number): Promise<RawSecureScore[]> {
    const top = Math.floor(days);
    if (!Number.isFinite(top) || top < 1) {
      checkTenantId(tenantId);
      return [];
    }
    const pages = toGraphPages(buildSecureScores(checkTenantId(tenantId), this.now()), SCORE_PAGE_SIZE, 'security/secureScores');
    return walk(pages, top);
  }

  async getControlProfiles(tenantId: string): Promise<RawControlProfile[]> {
    const pages = toGraphPages(buildControlProfiles(checkTenantId(tenantId), this.now()), PROFILE_PAGE_SIZE, 'security/secureScoreControlProfiles');
    return walk(pages);
  }

  /** Checked like generateDemoTenant does: an invalid clock is a bug, not a user error. */
  private now(): Date {
    const now = this.options.now();
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now() must return a valid Date');
    return now;
  }
}

function checkTenantId(tenantId: unknown): string {
  if (typeof tenantId !== 'string' || tenantId.trim() === '' || tenantId.length > 100) {
    throw new ScoreSourceError(OTHER_TENANT_MESSAGE, 403);
  }
  return tenantId.trim();
}

/** Follows the pages' nextLinks through the shared collector, resolving links in memory. */
function walk<T>(pages: GraphPage<T>[], limit?: number): Promise<T[]> {
  const byLink = new Map<string, GraphPage<T>>();
  pages.forEach((page, i) => {
    const link = page['@odata.nextLink'];
    if (link) byLink.set(link, pages[i + 1]);
  });
  return collectPages(
    pages[0],
    async (link) => {
      const page = byLink.get(link);
      if (!page) throw new ScoreSourceError('demo data has a broken page link', 500);
      return page;
    },
    limit,
  );
}
