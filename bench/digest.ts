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
import { FakeConnector, TEAMS_CONNECTOR_LIMITS } from '../test/helpers/fakeConnector';

export interface DigestBenchResult {
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

export async function runDigestBench(opts: { conversations?: number; latencyMs?: number } = {}): Promise<DigestBenchResult> {
  const conversations = opts.conversations ?? 2000;
  const latencyMs = opts.latencyMs ?? 30;
  const tenantId = 'bench-tenant-0001';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-bench-digest-'));
  const env = { DATA_DIR: dir };
  const config = loadConfig(env);
  const log = createLogger('warn');
  const monday = new Date('2026-01-12T09:00:00Z');
  const source = new DemoScoreSource({ now: () => monday });
  const store = await createStore(env, log);
  const connector = await new FakeConnector({ limits: TEAMS_CONNECTOR_LIMITS, latencyMs }).start();
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
      composer: new ScoreDigestComposer(scores, store, { dropAlertPoints: 1_000_000 }),
      log,
    });
    const started = performance.now();
    const report = await runner.runDueDigests(monday);
    const totalMs = performance.now() - started;

    const perConversation = new Map<string, number>();
    let cardBytes = 0;
    for (const r of connector.requests) {
      if (r.method !== 'POST' || !JSON.stringify(r.body?.attachments?.[0]?.content ?? '').includes('Weekly Secure Score digest')) continue;
      perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
      cardBytes = JSON.stringify(r.body.attachments[0].content).length;
    }
    let duplicates = 0;
    for (const n of perConversation.values()) if (n > 1) duplicates += n - 1;
    const lost = conversations - perConversation.size;
    if (report.digestsSent !== perConversation.size) log.warn('runner and connector disagree', { runner: report.digestsSent, connector: perConversation.size });
    const minimumMs = (conversations / 50) * 1000;
    return { conversations, totalMs, minimumMs, ratio: totalMs / minimumMs, duplicates, lost, throttled: connector.throttled.length, cardBytes, latencyMs };
  } finally {
    await connector.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printDigestBench(r: DigestBenchResult): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log('Digest delivery (local connector enforcing 7/s per conversation, 50/s per tenant)');
  console.log(`  conversations:        ${r.conversations} in one tenant, connector latency ${r.latencyMs} ms`);
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
