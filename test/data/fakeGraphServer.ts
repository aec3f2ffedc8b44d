/**
 * A local HTTP server that answers like Microsoft Graph (JSON with OData annotations, request-id
 * headers, error bodies in Graph's shape). Each test installs a handler; the server records every
 * request and the highest number of requests it was answering at once.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received, e.g. "/v1.0/security/secureScores?$top=5". */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse, server: FakeGraphServer) => void | Promise<void>;

export const GRAPH_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export class FakeGraphServer {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  handler: Handler = (_req, res) => sendGraphError(res, 404, 'ResourceNotFound', 'no handler');
  private server?: http.Server;
  private port = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        res.on('close', () => this.inFlight--);
        const recorded: RecordedRequest = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(recorded);
        Promise.resolve(this.handler(recorded, res, this)).catch((error) => {
          sendGraphError(res, 500, 'TestHandlerFailed', String(error));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** http://127.0.0.1:port */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The GRAPH_BASE_URL for this server. */
  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  reset(): void {
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': GRAPH_JSON,
    'request-id': '7c1a9d3e-0000-4000-8000-000000000001',
    'Content-Length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export function sendGraphError(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message, innerError: { 'request-id': '7c1a9d3e-0000-4000-8000-000000000001', date: '2026-12-03T10:00:00' } } }, headers);
}

export function sendNoContent(res: http.ServerResponse): void {
  res.writeHead(204, { 'request-id': '7c1a9d3e-0000-4000-8000-000000000002' });
  res.end();
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
