/**
 * A digest test world: a real SQLite store in a temporary folder, the demo score source behind
 * TenantScores, the real CloudAdapter sender, and a FakeConnector as Teams' service URL.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig, type Env } from '../../src/config';
import { DemoScoreSource } from '../../src/data/demo/demoSource';
import type { ScoreSource } from '../../src/data/scoreSource';
import { createAdapter } from '../../src/host/adapter';
import { memoryLogger } from '../../src/log';
import { TenantScores } from '../../src/services/tenantScores';
import { createStore } from '../../src/storage/createStore';
import type { ConversationRecord, Store } from '../../src/storage/store';
import type { BotServices } from '../../src/bot/services';
import { BotSender } from '../../src/digest/senderBot';
import { DigestRunner, type RunnerOptions } from '../../src/digest/runner';
import { ScoreDigestComposer } from '../../src/digest/scoreComposer';
import { FakeConnector, type FakeConnectorOptions } from '../helpers/fakeConnector';

export const TENANT = '72f988bf-0000-4000-8000-00000000d001';

export interface World {
  dir: string;
  store: Store;
  services: BotServices;
  log: ReturnType<typeof memoryLogger>;
  connector: FakeConnector;
  sender: BotSender;
  clock: { now: Date };
  runner(options?: Partial<RunnerOptions>): DigestRunner;
  addConversation(conversationId: string, opts?: { tenantId?: string; type?: ConversationRecord['conversationType'] }): Promise<void>;
  subscribe(conversationId: string, opts?: { tenantId?: string; dayOfWeek?: number; hour?: number; minute?: number; timeZone?: string; createdAt?: string }): Promise<void>;
  /** Digest/alert activities that reached the connector, by conversation id. */
  countBy(kind?: 'digest' | 'alert'): Map<string, number>;
  stop(): Promise<void>;
}

/** Tells a digest from an alert (and from the subscribe card, whose title is similar) by the card's text. */
export function kindOf(activity: any): 'digest' | 'alert' | 'other' {
  const body = JSON.stringify(activity?.attachments?.[0]?.content ?? {});
  if (body.includes('Weekly Secure Score digest') && body.includes('data as of')) return 'digest';
  if (body.includes('Secure Score fell by')) return 'alert';
  return 'other';
}

export async function createWorld(opts: { now?: Date; source?: ScoreSource; connector?: FakeConnectorOptions; env?: Env } = {}): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-digest-'));
  const env: Env = { DATA_DIR: dir, ...opts.env };
  const config = loadConfig(env);
  const log = memoryLogger();
  const clock = { now: opts.now ?? new Date('2026-01-12T08:00:00Z') };
  const now = () => clock.now;
  const source = opts.source ?? new DemoScoreSource({ now });
  const store = await createStore(env, log);
  const scores = new TenantScores(source, store, log);
  const services: BotServices = { config, store, source, scores, log, now };
  const connector = await new FakeConnector(opts.connector).start();
  const sender = new BotSender(createAdapter(config, log), config.microsoftAppId);

  return {
    dir,
    store,
    services,
    log,
    connector,
    sender,
    clock,
    runner: (options) =>
      new DigestRunner({
        store,
        sender,
        composer: new ScoreDigestComposer(scores, store, { dropAlertPoints: config.dropAlertPoints }),
        log,
        options: { backoffBaseMs: 20, backoffMaxMs: 100, ...options },
      }),
    addConversation: async (conversationId, o = {}) => {
      const tenantId = o.tenantId ?? TENANT;
      const type = o.type ?? 'channel';
      await store.upsertConversation({
        tenantId,
        conversationId,
        serviceUrl: connector.url,
        conversationType: type,
        botId: '28:secure-score-bot',
        botName: 'Secure Score',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: conversationId, tenantId, conversationType: type, isGroup: type !== 'personal' },
          bot: { id: '28:secure-score-bot', name: 'Secure Score' },
        },
        updatedAt: '2026-01-01T00:00:00.000Z',
        installedAt: '2026-01-01T00:00:00.000Z',
      });
    },
    subscribe: async (conversationId, o = {}) => {
      await store.upsertSubscription({
        tenantId: o.tenantId ?? TENANT,
        conversationId,
        dayOfWeek: o.dayOfWeek ?? 1,
        hour: o.hour ?? 9,
        minute: o.minute ?? 0,
        timeZone: o.timeZone ?? 'UTC',
        createdBy: null,
        now: o.createdAt ?? '2026-01-01T00:00:00.000Z',
      });
    },
    countBy: (kind) => {
      const counts = new Map<string, number>();
      for (const r of connector.requests) {
        if (r.method !== 'POST') continue;
        if (kind && kindOf(r.body) !== kind) continue;
        counts.set(r.conversationId, (counts.get(r.conversationId) ?? 0) + 1);
      }
      return counts;
    },
    stop: async () => {
      await connector.stop();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
