/**
 * The middleware chain under the Microsoft Graph client. Our own links instead of the stock
 * AuthenticationHandler/RetryHandler because:
 *  - the stock handlers only recognise https Graph hosts, so a configurable base URL (a proxy, a
 *    sovereign cloud, a local test server) would get no token;
 *  - retries need an injectable sleep and clock to be testable, and Retry-After may be an HTTP date;
 *  - the Security API's 4-concurrent-requests limit has to be enforced per tenant, per attempt.
 * Order: RequestState → Auth → Retry → Limit → Fetch.
 */
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { ConcurrencyLimit } from './concurrencyLimit';
import { RETRYABLE_STATUSES, RetrySettings, backoffDelay, parseRetryAfter } from './retryPolicy';
import { ScoreSourceError } from './scoreSource';
import { SourceLogger, redact } from './sourceLogger';

/**
 * Per-request state shared with the chain through the Graph client's middleware options.
 *  - `url`: send the request to this exact URL. The Graph client's path parser only understands
 *    https URLs and rebuilds query strings; an `@odata.nextLink` is opaque and must be followed
 *    byte for byte.
 *  - `failure`: the error the chain threw. The Graph client wraps errors from middleware in a
 *    GraphError that keeps only the message, so the original (e.g. a ScoreSourceError) is kept here.
 */
export class RequestState implements MiddlewareOptions {
  failure?: unknown;
  constructor(readonly url?: string) {}
}

abstract class Link implements Middleware {
  protected next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('middleware chain ends too early');
    await this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

export function requestUrl(context: Context): string {
  const r = context.request as unknown;
  return typeof r === 'string' ? r : r instanceof URL ? r.href : (r as { url: string }).url;
}

function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}

/** The URL for logs: path only, no query (skiptokens are opaque but need not be kept). */
export function loggableUrl(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(unparseable url)';
  }
}

export class RequestStateHandler extends Link {
  async execute(context: Context): Promise<void> {
    const state = context.middlewareControl?.getMiddlewareOptions(RequestState) as RequestState | undefined;
    if (state?.url) context.request = state.url;
    try {
      await this.forward(context);
    } catch (error) {
      if (state) state.failure = error;
      throw error;
    }
  }
}

/** Adds `Authorization: Bearer …`, and only for the configured Graph origin: a token never leaves for another host. */
export class BearerAuthHandler extends Link {
  constructor(
    private readonly allowedOrigin: string,
    private readonly getToken: () => Promise<string>,
    private readonly logger: SourceLogger,
    private readonly secrets: readonly (string | undefined)[],
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new ScoreSourceError('Microsoft Graph sent a link that is not a URL', 502);
    }
    if (origin !== this.allowedOrigin) {
      this.logger.warn(`refused to send a Graph token to ${origin} (configured ${this.allowedOrigin})`);
      throw new ScoreSourceError('Microsoft Graph sent a link to an unexpected host', 502);
    }
    let token: string;
    try {
      token = await this.getToken();
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logger.warn(`could not get a Graph token: ${redact(detail, this.secrets).slice(0, 500)}`);
      throw new ScoreSourceError(
        'could not sign in to Microsoft Graph: check the app registration (tenant, client id, secret)',
        401,
      );
    }
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.forward(context);
  }
}

export interface RetryDeps {
  settings: RetrySettings;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
  logger: SourceLogger;
}

/**
 * Retries 429/503/504, honouring Retry-After (seconds or date), else exponential backoff with
 * jitter. Network failures are retried for GET only: a PATCH might have landed, and every PATCH
 * adds an entry to the control's history.
 */
export class RetryHandler extends Link {
  constructor(private readonly deps: RetryDeps) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const { settings, sleep, random, now, logger } = this.deps;
    const method = requestMethod(context);
    for (let attempt = 1; ; attempt++) {
      let delay: number;
      try {
        await this.forward(context);
      } catch (error) {
        if (error instanceof ScoreSourceError || method !== 'GET' || attempt >= settings.maxAttempts) throw error;
        delay = backoffDelay(attempt, settings, random);
        logger.warn(`${method} ${loggableUrl(requestUrl(context))} failed (${errorName(error)}); retry ${attempt} in ${delay} ms`);
        await sleep(delay);
        continue;
      }
      const response = context.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status) || attempt >= settings.maxAttempts) return;
      // A write that timed out at a gateway (503/504) may have landed, and every PATCH adds an entry to the
      // control's history: only a 429 (refused before any work) is safe to repeat for a write.
      if (method !== 'GET' && response.status !== 429) return;
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
      // Sleeping through a long Retry-After would hold the user's turn; the caller gets the wait instead.
      if (retryAfter !== undefined && retryAfter > settings.maxRetryAfterMs) return;
      delay = retryAfter ?? backoffDelay(attempt, settings, random);
      logger.warn(
        `Graph answered ${response.status} to ${method} ${loggableUrl(requestUrl(context))}; retry ${attempt} of ${settings.maxAttempts - 1} in ${delay} ms`,
      );
      await sleep(delay);
    }
  }
}

function errorName(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? cause.code : error.name;
  }
  return 'error';
}

/** Holds one of the tenant's concurrency slots for the whole exchange, body included. */
export class ConcurrencyHandler extends Link {
  constructor(private readonly limit: ConcurrencyLimit) {
    super();
  }
  async execute(context: Context): Promise<void> {
    await this.limit.run(() => this.forward(context));
  }
}

/**
 * Sends the request with the given fetch and reads the body completely, so the concurrency slot
 * is released only when the server has finished answering.
 */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    const response = await this.fetchImpl(requestUrl(context), context.options as RequestInit);
    const noBody = response.status === 204 || response.status === 205 || response.status === 304;
    const body = noBody ? null : await response.arrayBuffer();
    context.response = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}
