/**
 * The HTTP host: restify with POST /api/messages (the Bot Framework endpoint) and GET /healthz.
 * Every request gets a deliberate status: 400 for a malformed activity, 401 for a bad token, 200 for a
 * turn — and never a 500 with internals in the body.
 */
import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { checkActivity } from './activityGuard';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** Runs one turn; the bot's `run`. */
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** What /healthz reports besides "ok". */
  health?: () => Promise<Record<string, unknown>>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'secure-score-for-teams', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const check = checkActivity(req.body);
    if (!check.ok) {
      deps.log.warn('rejected malformed activity', { reason: check.reason });
      res.send(400, { error: { code: 'BadRequest', message: check.reason } });
      return;
    }
    try {
      await deps.adapter.process(req, res, deps.logic);
    } catch (error) {
      // The adapter answers auth failures itself; anything that still escapes is logged, not shown.
      deps.log.error('request failed', { error: error as Error });
      if (!res.headersSent) res.send(400, { error: { code: 'BadRequest', message: 'the activity could not be processed' } });
    }
  });

  // Agents Playground and some probes check the endpoint with HEAD before they POST.
  server.head('/api/messages', async (_req: restify.Request, res: restify.Response) => {
    res.send(200);
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const extra = deps.health ? await deps.health().catch(() => ({ store: 'unavailable' })) : {};
    res.send(200, { status: 'ok', ...extra });
  });

  // restify answers body-parser failures (invalid JSON, too large) with its own 4xx; log them for us.
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
    deps.log.warn('request rejected', { path: req.path(), status: err.statusCode, reason: err.message });
    cb();
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}
