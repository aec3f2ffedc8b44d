/**
 * One digest run in its own process, for the crash test: the real runner, CloudAdapter sender, SQLite
 * store under DATA_DIR and demo scores, at DIGEST_NOW. Prints the run report as one JSON line.
 */
import { loadConfig } from '../../../src/config';
import { DemoScoreSource } from '../../../src/data/demo/demoSource';
import { createAdapter } from '../../../src/host/adapter';
import { createLogger } from '../../../src/log';
import { TenantScores } from '../../../src/services/tenantScores';
import { createStore } from '../../../src/storage/createStore';
import { BotSender } from '../../../src/digest/senderBot';
import { DigestRunner } from '../../../src/digest/runner';
import { ScoreDigestComposer } from '../../../src/digest/scoreComposer';

async function main(): Promise<void> {
  const env = { DATA_DIR: process.env.DATA_DIR };
  const config = loadConfig(env);
  const log = createLogger('error');
  const now = new Date(process.env.DIGEST_NOW ?? '');
  const store = await createStore(env, log);
  const scores = new TenantScores(new DemoScoreSource({ now: () => now }), store, log);
  const runner = new DigestRunner({
    store,
    sender: new BotSender(createAdapter(config, log), config.microsoftAppId),
    composer: new ScoreDigestComposer(scores, store, { dropAlertPoints: config.dropAlertPoints }),
    log,
    options: { concurrency: 16 },
  });
  const report = await runner.runDueDigests(now);
  process.stdout.write(JSON.stringify(report) + '\n');
  await store.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err) + '\n');
    process.exit(1);
  },
);
