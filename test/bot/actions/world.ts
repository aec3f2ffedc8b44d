/**
 * A world for card-action tests: the real SQLite store in a temp folder, the real heimdall2 fixtures
 * (through the file source, or through the real Graph source talking to a local server that answers
 * like Graph), TenantScores, a fixed clock, and an ActionContext whose identity comes from a TurnInfo
 * just like the activity would give it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { loadConfig, type Env } from '../../../src/config';
import { FileScoreSource } from '../../../src/data/fileSource';
import { GraphScoreSource } from '../../../src/data/graphSource';
import type { ScoreSource } from '../../../src/data/scoreSource';
import { memoryLogger } from '../../../src/log';
import { TenantScores } from '../../../src/services/tenantScores';
import type { GroupMembership } from '../../../src/services/groupMembership';
import { createStore } from '../../../src/storage/createStore';
import type { Store } from '../../../src/storage/store';
import type { BotServices, TurnInfo } from '../../../src/bot/services';
import type { ActionContext } from '../../../src/bot/context';
import { fixturesDir, readFixture } from '../../helpers/fixtures';
import { FakeGraphServer, sendGraphError, sendJson, sendNoContent } from '../../data/fakeGraphServer';

export const FIXTURE_TENANT = '00000000-0000-0000-0000-000000000001';
export const SCORES_FILE = 'securescores_heimdall2_1day_68controls.json';
export const PROFILES_FILE = 'securescorecontrolprofiles_heimdall2_page1_200.json';
/** The fixture day is 2024-01-01; "now" is the next morning. */
export const NOW = new Date('2024-01-02T09:30:00Z');
/** A control that is in the fixture's score and catalogue, with HTML steps, a guidance link and one threat. */
export const CONTROL = 'McasFirewallLogUpload';

export const ALEX = { aadObjectId: '11111111-1111-4111-8111-111111111111', userName: 'Alex Admin', userId: '29:alex' };
export const MEGAN = { aadObjectId: '22222222-2222-4222-8222-222222222222', userName: 'Megan Bowen', userId: '29:megan' };
export const GROUP = '99999999-9999-4999-8999-999999999999';

export const fixedCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'test-token', expiresOnTimestamp: NOW.getTime() + 3_600_000 }),
};

export interface World {
  services: BotServices & { groupMembership?: GroupMembership | null };
  store: Store;
  log: ReturnType<typeof memoryLogger>;
  clock: { now: Date };
  /** Cards passed to updateOriginal, in order. */
  updates: Record<string, unknown>[];
  ctx(who?: Partial<typeof ALEX>, extra?: Partial<TurnInfo>): ActionContext;
  stop(): Promise<void>;
}

export function fileSource(): ScoreSource {
  return new FileScoreSource({
    secureScoreFiles: [path.join(fixturesDir, SCORES_FILE)],
    controlProfileFiles: [path.join(fixturesDir, PROFILES_FILE)],
  });
}

export function graphSource(graph: FakeGraphServer): GraphScoreSource {
  return new GraphScoreSource({
    tenantId: FIXTURE_TENANT,
    credential: fixedCredential,
    baseUrl: graph.baseUrl,
    sleep: async () => undefined,
    random: () => 0.5,
    now: () => NOW,
    logger: { info: () => undefined, warn: () => undefined },
  });
}

let seq = 0;

export async function startWorld(opts: { env?: Env; source?: ScoreSource } = {}): Promise<World> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-actions-'));
  const env: Env = { DATA_DIR: dataDir, ...opts.env };
  const config = loadConfig(env);
  const log = memoryLogger();
  const clock = { now: NOW };
  const source = opts.source ?? fileSource();
  const store = await createStore(env);
  const services: World['services'] = { config, store, source, scores: new TenantScores(source, store, log), log, now: () => clock.now };
  const updates: Record<string, unknown>[] = [];
  return {
    services,
    store,
    log,
    clock,
    updates,
    ctx: (who = {}, extra = {}) => ({
      turn: {
        tenantId: FIXTURE_TENANT,
        conversationId: 'a:conv-1',
        conversationType: 'channel',
        userId: who.userId ?? ALEX.userId,
        aadObjectId: who.aadObjectId ?? ALEX.aadObjectId,
        userName: who.userName ?? ALEX.userName,
        localTimezone: null,
        activityId: `activity-${++seq}`,
        replyToId: 'card-message-1',
        ...extra,
      },
      services,
      pending: { get: () => undefined, set: () => undefined },
      // These contexts stand for card invokes (Action.Execute), as the bot builds them.
      answersInvoke: true,
      updateOriginal: async (card) => {
        updates.push(card);
      },
    }),
    stop: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A local Graph that serves the heimdall2 fixtures and behaves like Graph for the calls the bot makes:
 * GET secureScores / secureScoreControlProfiles, PATCH a profile (applied to what later GETs return,
 * 204), POST /users/{id}/checkMemberGroups. `patchFailures` makes the next PATCHes answer 500.
 */
export class FixtureGraph {
  readonly server = new FakeGraphServer();
  patchFailures = 0;
  patchStatus = 500;
  /** While set, every GET answers with this status (e.g. 503: Graph is down). */
  readStatus: number | null = null;
  /** The time Graph stamps on a state update (tests point it at their clock). */
  now: () => Date = () => NOW;
  /** userId (lower case) → group ids the user is in. */
  readonly groups = new Map<string, string[]>();
  private profiles: Record<string, any>[] = readFixture(PROFILES_FILE).value;
  private readonly scores: Record<string, unknown>[] = readFixture(SCORES_FILE).value;

  /** `extraProfiles`: catalogue entries added to the fixture's (e.g. a device scid_ action, which the fixture lacks). */
  constructor(extraProfiles: Record<string, unknown>[] = []) {
    this.profiles = [...this.profiles, ...extraProfiles];
  }

  async start(): Promise<this> {
    await this.server.start();
    this.server.handler = (req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (req.method === 'GET' && this.readStatus !== null) return sendGraphError(res, this.readStatus, 'ServiceUnavailable', 'Service unavailable');
      if (req.method === 'GET' && url.pathname === '/v1.0/security/secureScores') {
        return sendJson(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#security/secureScores', value: this.scores });
      }
      if (req.method === 'GET' && url.pathname === '/v1.0/security/secureScoreControlProfiles') {
        return sendJson(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#security/secureScoreControlProfiles', value: this.profiles });
      }
      const patch = /^\/v1\.0\/security\/secureScoreControlProfiles\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'PATCH' && patch) {
        if (this.patchFailures > 0) {
          this.patchFailures--;
          return sendGraphError(res, this.patchStatus, 'InternalServerError', 'Something went wrong');
        }
        const id = decodeURIComponent(patch[1]);
        const profile = this.profiles.find((p) => p.id === id);
        if (!profile) return sendGraphError(res, 404, 'ResourceNotFound', 'not found');
        const body = JSON.parse(req.body);
        // Graph appends the new entry (the normaliser takes the latest date, the later entry on a tie).
        profile.controlStateUpdates = [
          ...profile.controlStateUpdates,
          { assignedTo: body.assignedTo ?? null, comment: body.comment ?? null, state: body.state ?? 'Default', updatedBy: 'app', updatedDateTime: this.now().toISOString() },
        ];
        return sendNoContent(res);
      }
      const member = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(url.pathname);
      if (req.method === 'POST' && member) {
        const mine = this.groups.get(decodeURIComponent(member[1]).toLowerCase()) ?? [];
        const asked: string[] = JSON.parse(req.body).groupIds ?? [];
        return sendJson(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: asked.filter((g) => mine.includes(g)) });
      }
      return sendGraphError(res, 404, 'ResourceNotFound', `no route ${req.method} ${url.pathname}`);
    };
    return this;
  }

  patches() {
    return this.server.requests.filter((r) => r.method === 'PATCH').map((r) => ({ url: r.url, body: JSON.parse(r.body) }));
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

/** A note text with everything that could break a card or be interpreted. */
export const NASTY = 'She said "ship it" \\ then\nline two ${secret} <b>bold</b> *md* [x](https://evil.example) {{DATE(2017-02-14T06:08:39Z, SHORT)}} 😀 مرحبا بالعالم';
