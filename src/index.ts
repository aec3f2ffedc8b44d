/**
 * Composition root: config → score source → store → bot → server → digest scheduler.
 * Fails fast with one line naming the wrong setting; shuts down cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, loadConfig } from './config';
import { createScoreSource } from './data/createScoreSource';
import { createLogger } from './log';
import { TenantScores } from './services/tenantScores';
import { createStore } from './storage/createStore';
import { createAdapter } from './host/adapter';
import { createServer, listen } from './host/server';
import { createBot } from './bot/createBot';
import type { BotServices } from './bot/services';
import { startDigestScheduler } from './digest/scheduler';
import { startWritebackRetries } from './bot/actions';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const now = () => new Date();
  const source = createScoreSource(config.env, { now, log });
  if (!config.anonymous && config.allowedTenants.length === 0 && source.sharedData) {
    // A capture shown to any tenant is fine on a developer's machine, not on a registered bot.
    throw new ConfigError('SCORE_SOURCE=file without FILE_TENANT_ID would show the capture to every tenant: set FILE_TENANT_ID (or MicrosoftAppTenantId) when MicrosoftAppId is set');
  }
  const store = await createStore(config.env, log);
  const scores = new TenantScores(source, store, log);
  const services: BotServices = { config, store, source, scores, log, now };

  const adapter = createAdapter(config, log);
  const bot = createBot(services);
  const server = createServer({
    adapter,
    logic: (context) => bot.run(context),
    log,
    health: async () => ({ source: source.name, store: store.constructor.name }),
  });

  if (config.anonymous) {
    log.warn('LOCAL MODE: MicrosoftAppId is not set, so requests are NOT authenticated. Listening on 127.0.0.1 only; set MicrosoftAppId and MicrosoftAppPassword before exposing the bot.');
  }
  if (config.noteEditors.length === 0) {
    log.warn('NOTE_EDITORS is not set: everyone in a conversation may write notes and change status. Set it in production.');
  }
  const port = await listen(server, config.port, config.host);
  const scheduler = startDigestScheduler({ services, adapter, log });
  // Notes whose write-back to Graph failed are retried in the background (no-op unless GRAPH_WRITEBACK=true).
  const writeback = startWritebackRetries({ services, intervalMs: 60_000 });
  log.info('Secure Score for Teams is listening', {
    url: `http://${config.host}:${port}/api/messages`,
    source: source.name,
    startupMs: Date.now() - started,
  });

  const shutdown = async (signal: string) => {
    log.info('shutting down', { signal });
    server.close();
    writeback.stop();
    // Let a digest run record what Teams already accepted (bounded, so a stuck send cannot hold a deploy).
    await Promise.race([scheduler.stop(), new Promise((resolve) => setTimeout(resolve, 25_000).unref())]);
    await store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError || (error as Error)?.name === 'ConfigError') {
    process.stderr.write(`Configuration error: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${(error as Error)?.message ?? String(error)}\n`);
  }
  process.exit(1);
});
