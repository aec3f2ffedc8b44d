/**
 * Digest delivery benchmark: 2,000 subscribed conversations in one tenant, sent through a local Bot
 * Connector (real HTTP) that enforces Teams' limits — 7 messages/s per conversation and 50 requests/s
 * per app per tenant — and answers 429 when they are exceeded. The real runner, CloudAdapter sender,
 * SQLite store and demo score data are used.
 *
 * Reports the total time against the minimum those limits allow (2,000 / 50 = 40 s), duplicates and
 * losses (counted at the connector, by conversation), and how often the connector had to say 429.
 * Target: within 1.1× the minimum, 0 duplicates, 0 lost.
 */
import { fork, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../src/config';
import { DemoScoreSource } from '../src/data/demo/demoSource';
import { createAdapter } from '../src/host/adapter';
import { createLogger } from '../src/log';
import { TenantScores } from '../src/services/tenantScores';
import { createStore } from '../src/storage/createStore';
import { BotSender } from '../src/digest/senderBot';
import { DigestRunner } from '../src/digest/runner';
import { ScoreDigestComposer } from '../src/digest/scoreComposer';
import type { Store } from '../src/storage/store';

export interface DigestBenchResult {
  store: string;
  conversations: number;
  totalMs: number;
  minimumMs: number;
  ratio: number;
  duplicates: number;
  lost: number;
  throttled: number;
  cardBytes: number;
  latencyMs: number;
}

interface ConnectorStats {
  perConversation: Record<string, number>;
  throttled: number;
  cardSize: number;
}

/** Starts bench/digestConnector in a child process; resolves with its URL and a stats/stop handle. */
async function startConnectorProcess(latencyMs: number): Promise<{ url: string; stats(): Promise<ConnectorStats>; stop(): Promise<void> }> {
  const child: ChildProcess = fork(path.join(__dirname, 'digestConnector.js'), [], { env: { ...process.env, CONNECTOR_LATENCY_MS: String(latencyMs) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: any) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`connector process exited (${code})`)));
  });
  return {
    url,
    stats: () => new Promise((resolve) => {
      child.once('message', (m: any) => resolve(m as ConnectorStats));
      child.send('stats');
    }),
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.send('stop');
    }),
  };
}

export async function runDigestBench(opts: { conversations?: number; latencyMs?: number; databaseUrl?: string } = {}): Promise<DigestBenchResult> {
  const conversations = opts.conversations ?? 2000;
  const latencyMs = opts.latencyMs ?? 30;
  const tenantId = 'bench-tenant-0001';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-bench-digest-'));
  const env: Record<string, string> = { DATA_DIR: dir };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const config = loadConfig(env);
  const log = createLogger('warn');
  const monday = new Date('2026-01-12T09:00:00Z');
  const source = new DemoScoreSource({ now: () => monday });
  const store: Store = await createStore(env, log);
  const connector = await startConnectorProcess(latencyMs);
  try {
    for (let i = 0; i < conversations; i++) {
      const conversationId = `19:bench-${String(i).padStart(5, '0')}@thread.tacv2`;
      await store.upsertConversation({
        tenantId,
        conversationId,
        serviceUrl: connector.url,
        conversationType: 'channel',
        botId: '28:secure-score-bot',
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: conversationId, tenantId, conversationType: 'channel' }, bot: { id: '28:secure-score-bot', name: 'Secure Score' } },
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
      await store.upsertSubscription({ tenantId, conversationId, dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'UTC', createdBy: null, now: '2026-01-01T00:00:00.000Z' });
    }
    const scores = new TenantScores(source, store, log);
    // The score data is fetched before the clock starts: the benchmark measures delivery.
    await scores.get(tenantId, monday);
    const runner = new DigestRunner({
      store,
      sender: new BotSender(createAdapter(config, log), config.microsoftAppId),
      composer: new ScoreDigestComposer(scores, store, { dropAlertPoints: config.dropAlertPoints }),
      log,
    });
    const started = performance.now();
    const report = await runner.runDueDigests(monday);
    const totalMs = performance.now() - started;

    const stats = await connector.stats();
    const counts = Object.values(stats.perConversation);
    const duplicates = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = conversations - counts.length;
    if (report.digestsSent !== counts.length) log.warn('runner and connector disagree', { runner: report.digestsSent, connector: counts.length });
    const minimumMs = (conversations / 50) * 1000;
    return { store: opts.databaseUrl ? 'postgres' : 'sqlite (synchronous=FULL)', conversations, totalMs, minimumMs, ratio: totalMs / minimumMs, duplicates, lost, throttled: stats.throttled, cardBytes: stats.cardSize, latencyMs };
  } finally {
    await connector.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printDigestBench(r: DigestBenchResult): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log('Digest delivery (local connector enforcing 7/s per conversation, 50/s per tenant)');
  console.log(`  store:                ${r.store}`);
  console.log(`  conversations:        ${r.conversations} in one tenant, connector latency ${r.latencyMs} ms (connector in its own process)`);
  console.log(`  total time:           ${s(r.totalMs)}  (minimum the limits allow: ${s(r.minimumMs)}; ratio ${r.ratio.toFixed(3)}x, target <= 1.1x)`);
  console.log(`  duplicates:           ${r.duplicates}  (target 0)`);
  console.log(`  lost:                 ${r.lost}  (target 0)`);
  console.log(`  429s from connector:  ${r.throttled}`);
  console.log(`  digest card size:     ${r.cardBytes} UTF-16 units (limit 28000)`);
  const ok = r.ratio <= 1.1 && r.duplicates === 0 && r.lost === 0;
  console.log(`  verdict:              ${ok ? 'MEETS TARGET' : 'MISSES TARGET'}`);
}

if (require.main === module) {
  runDigestBench({ conversations: Number(process.env.BENCH_CONVERSATIONS ?? 2000) })
    .then(printDigestBench)
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
