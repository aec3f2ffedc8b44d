/**
 * Runs the real bot over real HTTP for end-to-end tests: the restify server with a CloudAdapter in local
 * (anonymous) mode, a temporary SQLite store, a chosen score source and a fixed clock, with a FakeConnector
 * as the serviceUrl the bot answers to.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'restify';
import { loadConfig, type Env } from '../../src/config';
import { createScoreSource } from '../../src/data/createScoreSource';
import type { ScoreSource } from '../../src/data/scoreSource';
import { createAdapter } from '../../src/host/adapter';
import { createServer, listen } from '../../src/host/server';
import { memoryLogger } from '../../src/log';
import { TenantScores } from '../../src/services/tenantScores';
import { createStore } from '../../src/storage/createStore';
import type { Store } from '../../src/storage/store';
import { createBot } from '../../src/bot/createBot';
import type { BotServices } from '../../src/bot/services';
import { FakeConnector } from './fakeConnector';
import { fixturesDir } from './fixtures';

/** The file source on the real heimdall2 capture (1 day, 68 controls, first page of 200 profiles). */
export function heimdallFileEnv(): Env {
  return {
    SCORE_SOURCE: 'file',
    SECURE_SCORES_FILE: path.join(fixturesDir, 'securescores_heimdall2_1day_68controls.json'),
    CONTROL_PROFILES_FILE: path.join(fixturesDir, 'securescorecontrolprofiles_heimdall2_page1_200.json'),
  };
}

export const TENANT = '72f988bf-0000-4000-8000-00000000a001';
export const BOT_ID = '28:secure-score-bot';

export interface Harness {
  url: string;
  connector: FakeConnector;
  services: BotServices;
  store: Store;
  log: ReturnType<typeof memoryLogger>;
  clock: { now: Date };
  /** POSTs an activity to /api/messages; returns the HTTP status and parsed body. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Sends a message as a user and returns the activities the bot sent in answer. */
  say(text: string, extra?: Partial<ActivityOptions>): Promise<any[]>;
  stop(): Promise<void>;
}

export interface ActivityOptions {
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId: string;
  userId: string;
  aadObjectId: string;
  userName: string;
}

export async function startHarness(opts: { env?: Env; now?: Date; source?: ScoreSource } = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-e2e-'));
  const env: Env = { SCORE_SOURCE: 'demo', DATA_DIR: dataDir, PORT: '0', ...opts.env };
  const config = loadConfig(env);
  const log = memoryLogger();
  const clock = { now: opts.now ?? new Date('2026-12-03T10:00:00Z') };
  const now = () => clock.now;
  const source = opts.source ?? createScoreSource(env, { now, log });
  const store = await createStore(env, log);
  const scores = new TenantScores(source, store, log);
  const services: BotServices = { config, store, source, scores, log, now };
  const adapter = createAdapter(config, log);
  const bot = createBot(services);
  const server: Server = createServer({ adapter, logic: (c) => bot.run(c), log });
  const port = await listen(server, 0, '127.0.0.1');
  const connector = await new FakeConnector().start();
  const url = `http://127.0.0.1:${port}/api/messages`;
  let seq = 0;

  const post: Harness['post'] = async (activity, headers = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body };
  };

  const say: Harness['say'] = async (text, extra = {}) => {
    const before = connector.activities.length;
    const res = await post(messageActivity(connector.url, text, { id: `msg-${++seq}`, ...extra }));
    if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${JSON.stringify(res.body)}`);
    return connector.activities.slice(before);
  };

  return {
    url,
    connector,
    services,
    store,
    log,
    clock,
    post,
    say,
    stop: async () => {
      server.close();
      await connector.stop();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Teams message activity as the channel sends it. */
export function messageActivity(serviceUrl: string, text: string, o: Partial<ActivityOptions> & { id?: string; entities?: unknown[]; value?: unknown; replyToId?: string } = {}) {
  const conversationType = o.conversationType ?? 'personal';
  const tenantId = o.tenantId ?? TENANT;
  return {
    type: 'message',
    id: o.id ?? `msg-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: o.userId ?? '29:user-1', name: o.userName ?? 'Alex Admin', aadObjectId: o.aadObjectId ?? '00000000-0000-4000-8000-0000000000aa' },
    conversation: {
      id: o.conversationId ?? 'a:personal-conversation-1',
      conversationType,
      tenantId,
      ...(conversationType === 'channel' ? { isGroup: true } : {}),
    },
    recipient: { id: BOT_ID, name: 'Secure Score' },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    localTimezone: 'Europe/Berlin',
    entities: o.entities ?? [],
    channelData: { tenant: { id: tenantId } },
    ...(o.value !== undefined ? { value: o.value } : {}),
    ...(o.replyToId ? { replyToId: o.replyToId } : {}),
  };
}

/** The Adaptive Card in an activity the bot sent, or undefined. */
export function cardOf(activity: any): any {
  return activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** All text a person would read on a card (TextBlock/RichText/FactSet/Action titles), joined by newlines. */
export function cardText(card: any): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') out.push(node.text);
    if (typeof node.title === 'string') out.push(node.title);
    if (typeof node.value === 'string' && node.type === 'Fact') out.push(node.value);
    if (node.type === undefined && typeof node.title === 'string' && typeof node.value === 'string') out.push(node.value);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(card);
  return out.join('\n');
}
