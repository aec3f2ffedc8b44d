/**
 * "Is this user in one of these groups?" for NOTE_EDITORS entries that are group ids. Only Microsoft
 * Graph knows, through POST /users/{id}/checkMemberGroups (application permission GroupMember.Read.All
 * or Directory.Read.All), so this exists only with the graph score source. One small interface, the
 * Graph implementation, and a factory that builds it from the same GRAPH_* settings the source uses.
 */
import type { TokenCredential } from '@azure/identity';
import type { Env } from '../config';
import { createGraphCredential, GRAPH_AUTH_MODES, type GraphAuthMode } from '../data/graphCredential';
import { DEFAULT_GRAPH_BASE_URL, GRAPH_SCOPE } from '../data/graphSource';

export interface GroupMembership {
  /** The subset of `groupIds` the user belongs to (directly or through nested groups). Throws when it cannot tell. */
  memberGroups(userObjectId: string, groupIds: string[]): Promise<string[]>;
}

/** checkMemberGroups takes at most 20 ids per call. */
const MAX_IDS_PER_CALL = 20;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GraphGroupMembershipOptions {
  credential: TokenCredential;
  /** Default https://graph.microsoft.com/v1.0 */
  baseUrl?: string;
  scope?: string;
  fetch?: typeof fetch;
  /** Give up after this long: a permission check runs inside a card invoke (Teams waits 15 s). */
  timeoutMs?: number;
}

export class GraphGroupMembership implements GroupMembership {
  private readonly baseUrl: string;

  constructor(private readonly options: GraphGroupMembershipOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  }

  async memberGroups(userObjectId: string, groupIds: string[]): Promise<string[]> {
    // Only GUIDs go into the URL and body: the ids come from settings and the activity, but a typo must
    // not turn into a different request.
    if (!GUID.test(userObjectId)) return [];
    const ids = [...new Set(groupIds.filter((id) => GUID.test(id)).map((id) => id.toLowerCase()))];
    const found: string[] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) {
      found.push(...(await this.check(userObjectId, ids.slice(i, i + MAX_IDS_PER_CALL))));
    }
    return found;
  }

  private async check(userObjectId: string, groupIds: string[]): Promise<string[]> {
    const token = await this.options.credential.getToken(this.options.scope ?? GRAPH_SCOPE);
    if (!token?.token) throw new Error('no Graph token for the group check');
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const res = await doFetch(`${this.baseUrl}/users/${encodeURIComponent(userObjectId)}/checkMemberGroups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ groupIds }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    const text = await res.text();
    // A user id that is not in the directory is simply not a member.
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`checkMemberGroups answered ${res.status}`);
    const body = JSON.parse(text) as { value?: unknown };
    if (!Array.isArray(body.value)) throw new Error('checkMemberGroups answered without a value list');
    const asked = new Set(groupIds);
    return body.value.filter((v): v is string => typeof v === 'string' && asked.has(v.toLowerCase())).map((v) => v.toLowerCase());
  }
}

/** The Graph group check from the GRAPH_* settings, or null when the bot does not read from Graph. */
export function groupMembershipFromEnv(env: Env): GroupMembership | null {
  if ((env.SCORE_SOURCE ?? '').trim().toLowerCase() !== 'graph') return null;
  const tenantId = env.GRAPH_TENANT_ID?.trim();
  if (!tenantId) return null;
  const mode = ((env.GRAPH_AUTH ?? 'client-secret').trim().toLowerCase() || 'client-secret') as GraphAuthMode;
  if (!GRAPH_AUTH_MODES.includes(mode)) return null;
  const credential = createGraphCredential({
    mode,
    tenantId,
    clientId: env.GRAPH_CLIENT_ID?.trim() || undefined,
    clientSecret: env.GRAPH_CLIENT_SECRET?.trim() || undefined,
    authorityHost: env.GRAPH_AUTHORITY_HOST?.trim() || undefined,
  });
  return new GraphGroupMembership({ credential, baseUrl: env.GRAPH_BASE_URL?.trim() || undefined });
}
