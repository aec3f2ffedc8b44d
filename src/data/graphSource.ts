/**
 * Secure Score from Microsoft Graph v1.0 (app-only, SecurityEvents.Read.All; write-back needs
 * SecurityEvents.ReadWrite.All). One instance serves exactly one tenant: the app registration's.
 */
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import { ConcurrencyLimit } from './concurrencyLimit';
import { buildControlProfilePatch, validateControlId } from './controlProfilePatch';
import { GraphOperation, describeGraphErrorBody, errorForStatus } from './graphErrors';
import {
  BearerAuthHandler,
  ConcurrencyHandler,
  RequestState,
  RequestStateHandler,
  FetchHandler,
  RetryHandler,
} from './graphMiddleware';
import { GraphPage, collectPages } from './paging';
import { DEFAULT_RETRY, RetrySettings, parseRetryAfter } from './retryPolicy';
import {
  ControlProfileUpdate,
  RawControlProfile,
  RawSecureScore,
  ScoreSource,
  ScoreSourceError,
} from './scoreSource';
import { SourceLogger, consoleSourceLogger, redact } from './sourceLogger';
import { assertServedTenant, sameTenant } from './tenantGuard';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Security API: 4 concurrent requests per app per tenant. */
export const SECURITY_API_CONCURRENCY = 4;

const SECURE_SCORES_PATH = '/security/secureScores';
const PROFILES_PATH = '/security/secureScoreControlProfiles';

export interface GraphSourceOptions {
  /** The one tenant this source serves (the app registration's tenant). */
  tenantId: string;
  credential: TokenCredential;
  /** Default https://graph.microsoft.com/v1.0 */
  baseUrl?: string;
  scope?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  logger?: SourceLogger;
  retry?: Partial<RetrySettings>;
  maxConcurrent?: number;
  /** Values that must never appear in a log line (e.g. the client secret). */
  secrets?: readonly (string | undefined)[];
}

/** Splits a base URL into the Graph client's host and version parts ("https://graph.microsoft.com", "v1.0"). */
export function parseGraphBaseUrl(baseUrl: string): { origin: string; version: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(`not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`not an http(s) URL: ${baseUrl}`);
  if (url.search || url.hash) throw new RangeError(`base URL must not have a query or fragment: ${baseUrl}`);
  const version = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!version) throw new RangeError(`base URL needs the API version path, e.g. ${DEFAULT_GRAPH_BASE_URL}`);
  return { origin: url.origin, version };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class GraphScoreSource implements ScoreSource {
  readonly name = 'graph';
  private readonly client: Client;
  private readonly tenantId: string;
  private readonly logger: SourceLogger;
  private readonly secrets: readonly (string | undefined)[];
  private readonly now: () => Date;

  constructor(options: GraphSourceOptions) {
    if (!options.tenantId?.trim()) throw new RangeError('tenantId is required');
    this.tenantId = options.tenantId.trim();
    this.logger = options.logger ?? consoleSourceLogger;
    this.secrets = options.secrets ?? [];
    this.now = options.now ?? (() => new Date());
    const { origin, version } = parseGraphBaseUrl(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL);
    const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
      scopes: [options.scope ?? GRAPH_SCOPE],
    });
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    const chain = [
      new RequestStateHandler(),
      new BearerAuthHandler(origin, () => authProvider.getAccessToken(), this.logger, this.secrets),
      new RetryHandler({
        settings: { ...DEFAULT_RETRY, ...options.retry },
        sleep: options.sleep ?? realSleep,
        random: options.random ?? Math.random,
        now: this.now,
        logger: this.logger,
      }),
      new ConcurrencyHandler(new ConcurrencyLimit(options.maxConcurrent ?? SECURITY_API_CONCURRENCY)),
      new FetchHandler(fetchImpl),
    ];
    this.client = Client.initWithMiddleware({ baseUrl: origin, defaultVersion: version, middleware: chain });
  }

  async getSecureScores(tenantId: string, days: number): Promise<RawSecureScore[]> {
    assertServedTenant(this.tenantId, tenantId);
    const top = Math.floor(days);
    if (!Number.isFinite(top) || top < 1) return [];
    const first = await this.send(this.client.api(SECURE_SCORES_PATH).top(top), 'read', SECURE_SCORES_PATH);
    // Graph sends a nextLink even for $top=1; follow only while short of the days asked for.
    const items = await collectPages(first, (link) => this.followLink(link, SECURE_SCORES_PATH), top);
    return this.checkTenant(items);
  }

  async getControlProfiles(tenantId: string): Promise<RawControlProfile[]> {
    assertServedTenant(this.tenantId, tenantId);
    const first = await this.send(this.client.api(PROFILES_PATH), 'read', PROFILES_PATH);
    const items = await collectPages(first, (link) => this.followLink(link, PROFILES_PATH));
    return this.checkTenant(items);
  }

  async updateControlProfile(tenantId: string, controlId: string, update: ControlProfileUpdate): Promise<void> {
    assertServedTenant(this.tenantId, tenantId);
    const id = validateControlId(controlId);
    const body = buildControlProfilePatch(update);
    const state = new RequestState();
    const request = this.client.api(`${PROFILES_PATH}/${encodeURIComponent(id)}`).middlewareOptions([state]);
    const response = await this.perform(state, () => request.responseType(ResponseType.RAW).patch(body));
    if (response.status === 204 || response.status === 200) return;
    throw await this.failure(response, 'update', id);
  }

  private followLink(link: string, path: string): Promise<GraphPage> {
    // The path is a placeholder: RequestStateHandler replaces the URL with the link as given.
    return this.send(this.client.api(path), 'read', path, new RequestState(link));
  }

  /** `path` names the collection in log lines. */
  private async send(
    request: ReturnType<Client['api']>,
    operation: GraphOperation,
    path: string,
    state = new RequestState(),
  ): Promise<GraphPage> {
    request.middlewareOptions([state]);
    const response = await this.perform(state, () => request.responseType(ResponseType.RAW).get());
    if (!response.ok) throw await this.failure(response, operation);
    if (response.status === 206) {
      // One of the security providers failed: the rest of the data is still worth showing.
      const warning = response.headers.get('Warning') ?? '(no Warning header)';
      this.logger.warn(`Graph returned partial content for ${path}: ${redact(warning, this.secrets).slice(0, 300)}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.logger.warn(`Graph sent ${text.length} characters that are not JSON (status ${response.status})`);
      throw new ScoreSourceError('Microsoft Graph sent a response that could not be read', 502);
    }
    if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as GraphPage).value)) {
      throw new ScoreSourceError('Microsoft Graph sent a response without a value list', 502);
    }
    return parsed as GraphPage;
  }

  /** Runs a request; whatever goes wrong below the Graph client comes out as a ScoreSourceError. */
  private async perform(state: RequestState, run: () => Promise<unknown>): Promise<Response> {
    try {
      return (await run()) as Response;
    } catch (error) {
      const original = state.failure ?? error;
      if (original instanceof ScoreSourceError) throw original;
      const detail = original instanceof Error ? `${original.name}: ${original.message}` : String(original);
      const cause = (original as { cause?: { code?: unknown } })?.cause?.code;
      this.logger.warn(`Graph request failed: ${redact(detail, this.secrets).slice(0, 300)}${cause ? ` (${String(cause)})` : ''}`);
      throw new ScoreSourceError('could not reach Microsoft Graph; try again later', 503);
    }
  }

  private async failure(response: Response, operation: GraphOperation, controlId?: string): Promise<ScoreSourceError> {
    const body = await response.text().catch(() => '');
    const requestId = response.headers.get('request-id') ?? response.headers.get('client-request-id') ?? '-';
    this.logger.warn(
      `Graph ${operation} failed with ${response.status} (request-id ${requestId}): ${redact(describeGraphErrorBody(body), this.secrets)}`,
    );
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), this.now());
    return errorForStatus(response.status, operation, retryAfter, controlId);
  }

  /** Defence in depth: Graph scopes data by token, but a mis-routed response must still not leak. */
  private checkTenant<T extends Record<string, unknown>>(items: T[]): T[] {
    for (const item of items) {
      const owner = item?.azureTenantId;
      if (typeof owner === 'string' && owner !== '' && !sameTenant(owner, this.tenantId)) {
        this.logger.warn('Graph returned items of another tenant; refusing them');
        throw new ScoreSourceError('Microsoft Graph returned data for a different tenant', 502);
      }
    }
    return items;
  }
}
