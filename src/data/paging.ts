/**
 * Graph collections arrive in pages linked by `@odata.nextLink`. One collector serves the graph
 * source and the demo source, so the demo exercises the same paging rules the real API needs.
 */
import { ScoreSourceError } from './scoreSource';

/** One page of a Graph collection response. */
export interface GraphPage<T = Record<string, unknown>> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: T[];
  [key: string]: unknown;
}

/** Guards against a server that links a page to itself forever. */
export const MAX_PAGES = 500;

/**
 * Concatenates `value[]` across pages. With `limit`, stops following links once it holds that many
 * items (Graph sends a nextLink even for `$top=1`) and trims to exactly `limit`.
 */
export async function collectPages<T>(
  first: GraphPage<T>,
  fetchNext: (nextLink: string) => Promise<GraphPage<T>>,
  limit?: number,
): Promise<T[]> {
  const items: T[] = [];
  let page: GraphPage<T> = first;
  const seen = new Set<string>();
  for (let pages = 1; ; pages++) {
    if (!page || !Array.isArray(page.value)) {
      throw new ScoreSourceError('Microsoft Graph sent a page without a value list', 502);
    }
    items.push(...page.value);
    if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
    const next = page['@odata.nextLink'];
    if (typeof next !== 'string' || next === '') return items;
    if (seen.has(next) || pages >= MAX_PAGES) {
      throw new ScoreSourceError('Microsoft Graph kept sending more pages than expected', 502);
    }
    seen.add(next);
    page = await fetchNext(next);
  }
}
