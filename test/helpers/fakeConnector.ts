/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot), speaking its
 * REST wire format over real HTTP: the bot's replies, proactive sends and updates arrive here.
 *
 *   POST /v3/conversations/{conversationId}/activities                 send to a conversation
 *   POST /v3/conversations/{conversationId}/activities/{replyToId}     reply to an activity
 *   PUT  /v3/conversations/{conversationId}/activities/{activityId}    update a sent activity
 *
 * A test can make the connector misbehave per request (429 with Retry-After, 403 roster errors, …)
 * through `respond`.
 *
 * Options (all off by default): `limits` makes it enforce Teams' send limits the way the service does,
 * as sliding windows over accepted requests per conversation and per tenant, answering 429 with
 * Retry-After when a request would exceed one (rejections are kept in `throttled`); `latencyMs` delays
 * every answer, like a real round trip to the service.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path (reply-to for POST, the updated activity for PUT). */
  activityId?: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  at: number;
}

export interface ConnectorReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (req: ConnectorRequest) => ConnectorReply | undefined | Promise<ConnectorReply | undefined>;

export interface ConnectorWindow {
  count: number;
  windowMs: number;
}

export interface FakeConnectorOptions {
  limits?: { perConversation?: ConnectorWindow[]; perTenant?: ConnectorWindow[] };
  latencyMs?: number;
}

/** Teams' published limits (GUIDE §2). */
export const TEAMS_CONNECTOR_LIMITS = {
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 8, windowMs: 2000 },
    { count: 60, windowMs: 30_000 },
    { count: 1800, windowMs: 3_600_000 },
  ],
  perTenant: [{ count: 50, windowMs: 1000 }],
};

export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  /** Requests refused with 429 by the `limits` option. */
  readonly throttled: ConnectorRequest[] = [];
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly options: FakeConnectorOptions = {}) {}

  /** Override the answer to a request; return undefined for the normal 200/201 with an id. */
  respond: Responder | undefined;
  private server: http.Server | undefined;
  private nextId = 1;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('FakeConnector is not started');
    return `http://127.0.0.1:${addr.port}/`;
  }

  /** Activities the bot sent or updated (POST/PUT bodies), in arrival order. */
  get activities(): any[] {
    return this.requests.filter((r) => r.method === 'POST' || r.method === 'PUT').map((r) => r.body);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Resolves once at least `count` activities have arrived (or rejects after timeoutMs). */
  waitForActivities(count: number, timeoutMs = 10000): Promise<void> {
    if (this.activities.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`FakeConnector: expected ${count} activities, got ${this.activities.length}`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(url.pathname);
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `no route ${req.method} ${url.pathname}` } }));
      return;
    }
    const request: ConnectorRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      conversationId: decodeURIComponent(match[1]),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      headers: req.headers,
      body,
      at: Date.now(),
    };
    const custom = (this.respond ? await this.respond(request) : undefined) ?? this.enforceLimits(request);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    if (custom) {
      res.writeHead(custom.status, { 'content-type': 'application/json', ...(custom.headers ?? {}) });
      res.end(custom.body === undefined ? '' : JSON.stringify(custom.body));
      return;
    }
    this.requests.push(request);
    const id = request.method === 'PUT' && request.activityId ? request.activityId : `activity-${this.nextId++}`;
    res.writeHead(request.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
    this.waiters = this.waiters.filter((w) => (this.activities.length >= w.count ? (w.resolve(), false) : true));
  }

  /** 429 when this request would exceed a limit; otherwise counts it as accepted. */
  private enforceLimits(req: ConnectorRequest): ConnectorReply | undefined {
    const limits = this.options.limits;
    if (!limits || req.method !== 'POST') return undefined;
    const tenant = String(req.body?.conversation?.tenantId ?? req.body?.channelData?.tenant?.id ?? 'unknown');
    const keys: Array<[string, ConnectorWindow[]]> = [
      [`c:${tenant}:${req.conversationId}`, limits.perConversation ?? []],
      [`t:${tenant}`, limits.perTenant ?? []],
    ];
    let waitMs = 0;
    for (const [key, windows] of keys) {
      const stamps = this.accepted.get(key) ?? [];
      for (const w of windows) {
        const inWindow = stamps.filter((t) => t > req.at - w.windowMs);
        if (inWindow.length >= w.count) waitMs = Math.max(waitMs, inWindow[inWindow.length - w.count] + w.windowMs - req.at);
      }
    }
    if (waitMs > 0) {
      this.throttled.push(req);
      return {
        status: 429,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
        body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
      };
    }
    for (const [key, windows] of keys) {
      if (windows.length === 0) continue;
      const longest = Math.max(...windows.map((w) => w.windowMs));
      const stamps = (this.accepted.get(key) ?? []).filter((t) => t > req.at - longest);
      stamps.push(req.at);
      this.accepted.set(key, stamps);
    }
    return undefined;
  }
}
