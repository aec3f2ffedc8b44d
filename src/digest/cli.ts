/**
 * npm run digest -- --preview   print the digest card JSON for the demo tenant (nothing is sent)
 * npm run digest -- --now       send the digests (and drop alerts) that are due now, with the bot's
 *                               settings from the environment, then print what happened
 */
import { loadConfig } from '../config';
import { createScoreSource } from '../data/createScoreSource';
import { DemoScoreSource } from '../data/demo/demoSource';
import { createAdapter } from '../host/adapter';
import { createLogger } from '../log';
import { TenantScores } from '../services/tenantScores';
import { createStore } from '../storage/createStore';
import { SqliteStore } from '../storage/sqliteStore';
import { cardSize } from '../cards/render';
import { createDigestRunner } from './createRunner';
import { ScoreDigestComposer } from './scoreComposer';
import { BotSender } from './senderBot';
import { nextSlot } from './schedule';
import type { Store } from '../storage/store';

const USAGE = 'Usage: npm run digest -- --preview | --now';
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-00000000de00';

async function preview(): Promise<number> {
  const now = new Date();
  const log = createLogger('error', (line) => process.stderr.write(line + '\n'));
  const store = new SqliteStore({ file: ':memory:' });
  await store.migrate();
  try {
    const scores = new TenantScores(new DemoScoreSource({ now: () => now }), store, log);
    const composer = new ScoreDigestComposer(scores, store, { dropAlertPoints: loadConfig().dropAlertPoints });
    const message = await composer.digest(process.env.DEMO_TENANT_ID || DEMO_TENANT_ID, now);
    process.stdout.write(JSON.stringify(message.card ?? { text: message.text }, null, 2) + '\n');
    if (message.card) process.stderr.write(`digest card: ${cardSize(message.card)} UTF-16 units (limit 28000)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function sendNow(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const now = () => new Date();
  const source = createScoreSource(config.env, { now, log });
  const store = await createStore(config.env, log);
  try {
    const scores = new TenantScores(source, store, log);
    const sender = new BotSender(createAdapter(config, log), config.microsoftAppId);
    const runner = createDigestRunner({ config, store, source, scores, log, now }, sender);
    const report = await runner.runDueDigests(now());
    process.stdout.write(
      `Digest run: ${report.digestsSent} digest(s) and ${report.alertsSent} alert(s) sent, ${report.retryLater} to retry later, ` +
        `${report.dropped} dropped, ${report.skipped} already done or held elsewhere, across ${report.tenants} tenant(s).\n`,
    );
    // "--now" sends what is due, not every digest early: say when the next one is, so nothing looks lost.
    if (report.digestsSent === 0 && report.alertsSent === 0) process.stdout.write(await nextDueText(store, now()));
    return report.tenantErrors > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

async function nextDueText(store: Store, now: Date): Promise<string> {
  let next: { at: Date; conversationId: string } | null = null;
  let count = 0;
  for (const tenantId of await store.listTenants()) {
    let cursor: string | undefined;
    do {
      const page = await store.listSubscriptions(tenantId, { limit: 500, cursor });
      for (const sub of page.items) {
        count++;
        const at = nextSlot(sub, now);
        if (!next || at < next.at) next = { at, conversationId: sub.conversationId };
      }
      cursor = page.next;
    } while (cursor);
  }
  if (!next) return 'Nothing was due: no conversation has subscribed yet (say "subscribe" to the bot in Teams).\n';
  return `Nothing was due now. ${count} subscription(s); the next digest is due ${next.at.toISOString()}.\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--preview')) return preview();
  if (argv.includes('--now')) return sendNow();
  process.stderr.write(USAGE + '\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const e = err as Error;
    process.stderr.write(`${e?.name === 'ConfigError' ? 'Configuration error' : 'Digest failed'}: ${e?.message ?? String(err)}\n`);
    process.exit(1);
  },
);
