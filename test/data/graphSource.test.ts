/**
 * The Graph source against a local server that speaks Graph's wire format: paging, $top, throttling,
 * partial content, consent errors, tenant isolation, write-back and the 4-request concurrency limit.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { generateDemoTenant } from '../../src/data/demo/generateDemoTenant';
import { READ_CONSENT_MESSAGE, WRITE_CONSENT_MESSAGE } from '../../src/data/graphErrors';
import { GraphScoreSource, GraphSourceOptions } from '../../src/data/graphSource';
import { ScoreSourceError } from '../../src/data/scoreSource';
import type { SourceLogger } from '../../src/data/sourceLogger';
import { OTHER_TENANT_MESSAGE } from '../../src/data/tenantGuard';
import { haveFixtures, readFixture } from '../helpers/fixtures';
import { FakeGraphServer, delay, sendGraphError, sendJson, sendNoContent } from './fakeGraphServer';

const TENANT = '3f2c6a1e-5b7d-4c8e-9a0f-1d2e3f4a5b6c';
const OTHER_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TOKEN = 'test-token-3f2c.abc_DEF-123';
const NOW = new Date('2026-12-03T10:00:00Z');
const demo = generateDemoTenant(TENANT, NOW);

const fixedCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: TOKEN, expiresOnTimestamp: NOW.getTime() + 3_600_000 }),
};

function capturingLogger(): SourceLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

let server: FakeGraphServer;
let sleeps: number[];
let log: ReturnType<typeof capturingLogger>;

function source(extra: Partial<GraphSourceOptions> = {}): GraphScoreSource {
  return new GraphScoreSource({
    tenantId: TENANT,
    credential: fixedCredential,
    baseUrl: server.baseUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => NOW,
    logger: log,
    ...extra,
  });
}

beforeAll(async () => {
  server = await new FakeGraphServer().start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.reset();
  sleeps = [];
  log = capturingLogger();
});

async function expectSourceError(promise: Promise<unknown>): Promise<ScoreSourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScoreSourceError);
  return error as ScoreSourceError;
}

describe('GraphScoreSource reading', () => {
  test('follows every nextLink of the profiles, byte for byte, with the bearer token on each page', async () => {
    const profiles = demo.controlProfiles;
    // Opaque skiptokens with encoded characters: the source must not re-encode them.
    const pages = [profiles.slice(0, 25), profiles.slice(25, 50), profiles.slice(50)];
    const links = [`${server.baseUrl}/security/secureScoreControlProfiles?$skiptoken=X%2Bp2%3D%3D`, `${server.baseUrl}/security/secureScoreControlProfiles?$skiptoken=X%2Bp3%3D%3D`];
    server.handler = (req, res) => {
      const index = req.url.endsWith('p3%3D%3D') ? 2 : req.url.endsWith('p2%3D%3D') ? 1 : 0;
      sendJson(res, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#security/secureScoreControlProfiles',
        ...(index < 2 ? { '@odata.nextLink': links[index] } : {}),
        value: pages[index],
      });
    };

    const result = await source().getControlProfiles(TENANT);

    expect(result.map((p) => p.id)).toEqual(profiles.map((p) => p.id));
    expect(result).toHaveLength(63);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1.0/security/secureScoreControlProfiles',
      '/v1.0/security/secureScoreControlProfiles?$skiptoken=X%2Bp2%3D%3D',
      '/v1.0/security/secureScoreControlProfiles?$skiptoken=X%2Bp3%3D%3D',
    ]);
    for (const r of server.requests) {
      expect(r.method).toBe('GET');
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  test('asks for $top=N and does not follow the nextLink Graph sends even when it already has N days', async () => {
    server.handler = (req, res) => {
      const top = Number(new URL(req.url, server.origin).searchParams.get('$top'));
      sendJson(res, 200, {
        '@odata.nextLink': `${server.baseUrl}/security/secureScores?$top=${top}&$skiptoken=next`,
        value: demo.secureScores.slice(0, top),
      });
    };

    const days = await source().getSecureScores(TENANT, 5);

    expect(days.map((d) => d.id)).toEqual(demo.secureScores.slice(0, 5).map((d) => d.id));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].url).toBe('/v1.0/security/secureScores?$top=5');
  });

  test('follows nextLinks only while short of N days, and returns exactly N', async () => {
    // A server that pages 3 days at a time whatever $top says.
    server.handler = (req, res) => {
      const skip = Number(new URL(req.url, server.origin).searchParams.get('$skip') ?? '0');
      sendJson(res, 200, {
        '@odata.nextLink': `${server.baseUrl}/security/secureScores?$top=7&$skip=${skip + 3}`,
        value: demo.secureScores.slice(skip, skip + 3),
      });
    };

    const days = await source().getSecureScores(TENANT, 7);

    expect(days.map((d) => d.id)).toEqual(demo.secureScores.slice(0, 7).map((d) => d.id));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1.0/security/secureScores?$top=7',
      '/v1.0/security/secureScores?$top=7&$skip=3',
      '/v1.0/security/secureScores?$top=7&$skip=6',
    ]);
  });

  test('429 with Retry-After: 1 waits at least 1000 ms through the injected sleep, then succeeds', async () => {
    let calls = 0;
    server.handler = (_req, res) => {
      calls++;
      if (calls === 1) sendGraphError(res, 429, 'TooManyRequests', 'Too many requests', { 'Retry-After': '1' });
      else sendJson(res, 200, { value: demo.secureScores.slice(0, 1) });
    };

    const days = await source().getSecureScores(TENANT, 1);

    expect(days[0].id).toBe(`${TENANT}_2026-12-03`);
    expect(sleeps).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
    expect(log.lines.some((l) => l.includes('429') && l.includes('1000 ms'))).toBe(true);
  });

  test('Retry-After given as an HTTP date is turned into the wait until then', async () => {
    let calls = 0;
    server.handler = (_req, res) => {
      calls++;
      if (calls === 1) sendGraphError(res, 429, 'TooManyRequests', 'slow down', { 'Retry-After': new Date(NOW.getTime() + 3000).toUTCString() });
      else sendJson(res, 200, { value: demo.secureScores.slice(0, 1) });
    };
    await source().getSecureScores(TENANT, 1);
    expect(sleeps).toEqual([3000]);
  });

  test('503 and 504 without Retry-After back off exponentially (jitter from the injected random)', async () => {
    let calls = 0;
    server.handler = (_req, res) => {
      calls++;
      if (calls === 1) sendGraphError(res, 503, 'ServiceUnavailable', 'try later');
      else if (calls === 2) sendGraphError(res, 504, 'GatewayTimeout', 'timeout');
      else sendJson(res, 200, { value: demo.controlProfiles.slice(0, 2) });
    };

    const profiles = await source().getControlProfiles(TENANT);

    expect(profiles).toHaveLength(2);
    // base 500 ms: attempt 1 → 250 + 0.5·250, attempt 2 → 500 + 0.5·500
    expect(sleeps).toEqual([375, 750]);
  });

  test('gives up after the bounded attempts with a throttling error that carries the wait', async () => {
    server.handler = (_req, res) => sendGraphError(res, 429, 'TooManyRequests', 'no', { 'Retry-After': '2' });

    const error = await expectSourceError(source().getSecureScores(TENANT, 3));

    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toBe('Microsoft Graph is throttling requests; try again in 2 s');
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toEqual([2000, 2000, 2000]);
  });

  test('a Retry-After longer than the cap fails at once instead of holding the caller', async () => {
    server.handler = (_req, res) => sendGraphError(res, 429, 'TooManyRequests', 'no', { 'Retry-After': '300' });
    const error = await expectSourceError(source().getSecureScores(TENANT, 3));
    expect(error.retryAfterMs).toBe(300_000);
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  test.each([401, 403])('%i → consent message, no retry', async (status) => {
    server.handler = (_req, res) => sendGraphError(res, status, 'Forbidden', 'Insufficient privileges to complete the operation.');
    const error = await expectSourceError(source().getSecureScores(TENANT, 7));
    expect(error.status).toBe(status);
    expect(error.message).toBe(READ_CONSENT_MESSAGE);
    expect(error.message).toContain('SecurityEvents.Read.All consent');
    expect(server.requests).toHaveLength(1);
  });

  test('206 Partial Content with a Warning: the data is used and the warning logged', async () => {
    server.handler = (_req, res) =>
      sendJson(res, 206, { value: demo.secureScores.slice(0, 2) }, { Warning: '199 - "MDE provider failed to respond"' });

    const days = await source().getSecureScores(TENANT, 2);

    expect(days.map((d) => d.currentScore)).toEqual([demo.secureScores[0].currentScore, demo.secureScores[1].currentScore]);
    expect(log.lines).toContainEqual(expect.stringContaining('partial content for /security/secureScores: 199 - "MDE provider failed to respond"'));
  });

  test('a body that is not JSON becomes a readable error', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html>proxy error</html>');
    };
    const error = await expectSourceError(source().getControlProfiles(TENANT));
    expect(error.message).toBe('Microsoft Graph sent a response that could not be read');
  });

  test('an unreachable Graph is retried for GET, then reported without a stack', async () => {
    const dead = await new FakeGraphServer().start();
    const baseUrl = dead.baseUrl;
    await dead.stop();
    const error = await expectSourceError(source({ baseUrl }).getSecureScores(TENANT, 1));
    expect(error.message).toBe('could not reach Microsoft Graph; try again later');
    expect(sleeps).toHaveLength(3);
  });

  test('another tenant is refused before any request is made; casing of the own id does not matter', async () => {
    server.handler = (_req, res) => sendJson(res, 200, { value: demo.secureScores.slice(0, 1) });
    const s = source();

    const refused = await expectSourceError(s.getSecureScores(OTHER_TENANT, 1));
    expect(refused.message).toBe(OTHER_TENANT_MESSAGE);
    expect(refused.status).toBe(403);
    await expectSourceError(s.getControlProfiles(OTHER_TENANT));
    await expectSourceError(s.updateControlProfile(OTHER_TENANT, 'AdminMFAV2', { state: 'Reviewed' }));
    expect(server.requests).toHaveLength(0);

    const own = await s.getSecureScores(TENANT.toUpperCase(), 1);
    expect(own).toHaveLength(1);
  });

  test('items of a different tenant in a response are refused', async () => {
    const foreign = generateDemoTenant(OTHER_TENANT, NOW).secureScores.slice(0, 1);
    server.handler = (_req, res) => sendJson(res, 200, { value: foreign });
    const error = await expectSourceError(source().getSecureScores(TENANT, 1));
    expect(error.message).toBe('Microsoft Graph returned data for a different tenant');
  });

  test('a nextLink to another host is not followed and gets no token', async () => {
    const elsewhere = await new FakeGraphServer().start();
    try {
      server.handler = (_req, res) =>
        sendJson(res, 200, { '@odata.nextLink': `${elsewhere.baseUrl}/security/secureScoreControlProfiles?$skiptoken=2`, value: demo.controlProfiles.slice(0, 1) });
      const error = await expectSourceError(source().getControlProfiles(TENANT));
      expect(error.message).toBe('Microsoft Graph sent a link to an unexpected host');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  test('never more than 4 requests in flight at Graph while 10 are asked for', async () => {
    server.handler = async (_req, res) => {
      await delay(25);
      sendJson(res, 200, { value: demo.secureScores.slice(0, 1) });
    };
    const s = source();

    const results = await Promise.all(Array.from({ length: 10 }, () => s.getSecureScores(TENANT, 1)));

    expect(results.every((r) => r.length === 1)).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(4);
  });

  test('a credential that fails gives a sign-in error and logs no secret', async () => {
    const secret = 'sup3r-secret-value-xyz';
    const failing: TokenCredential = {
      getToken: async () => {
        throw new Error(`AADSTS7000215: Invalid client secret provided: ${secret}`);
      },
    };
    const error = await expectSourceError(source({ credential: failing, secrets: [secret] }).getSecureScores(TENANT, 1));
    expect(error.message).toBe('could not sign in to Microsoft Graph: check the app registration (tenant, client id, secret)');
    expect(server.requests).toHaveLength(0);
    expect(log.lines.join('\n')).toContain('AADSTS7000215');
    expect(log.lines.join('\n')).not.toContain(secret);
  });
});

describe('GraphScoreSource write-back', () => {
  const expectedBody = {
    assignedTo: '',
    comment: 'control is reviewed',
    state: 'Reviewed',
    vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
  };

  test('PATCH sends exactly the documented body to the profile URL and accepts 204', async () => {
    server.handler = (_req, res) => sendNoContent(res);

    await source().updateControlProfile(TENANT, 'NonOwnerAccess', { assignedTo: '', comment: 'control is reviewed', state: 'Reviewed' });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('PATCH');
    expect(req.url).toBe('/v1.0/security/secureScoreControlProfiles/NonOwnerAccess');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(req.body)).toEqual(expectedBody);
    if (haveFixtures) {
      // The same update as Microsoft's documented example gives the documented body.
      const docs = readFixture('docs_v1_examples_securescore.json');
      expect(JSON.parse(req.body)).toEqual(docs['PATCH /v1.0/security/secureScoreControlProfiles/NonOwnerAccess request body']);
    }
  });

  test('PATCH sends only the fields given, and accepts 200 with a representation', async () => {
    server.handler = (_req, res) => sendJson(res, 200, { ...demo.controlProfiles[0] });
    await source().updateControlProfile(TENANT, 'AdminMFAV2', { comment: 'Rolling out to admins this week' });
    expect(JSON.parse(server.requests[0].body)).toEqual({
      comment: 'Rolling out to admins this week',
      vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
    });
  });

  test('scid_ device controls are refused without a request', async () => {
    const error = await expectSourceError(source().updateControlProfile(TENANT, 'scid_2010', { state: 'Ignored' }));
    expect(error.message).toContain('"scid_2010" is a device improvement action');
    expect(error.message).toContain('cannot be updated through Microsoft Graph');
    expect(server.requests).toHaveLength(0);
  });

  test('an empty update or an unknown state is refused without a request', async () => {
    const empty = await expectSourceError(source().updateControlProfile(TENANT, 'AdminMFAV2', {}));
    expect(empty.message).toBe('nothing to update: give a state, a comment or an owner');
    const bad = await expectSourceError(
      source().updateControlProfile(TENANT, 'AdminMFAV2', { state: 'Resolved' as unknown as 'Reviewed' }),
    );
    expect(bad.message).toBe('state must be one of Default, Ignored, ThirdParty, Reviewed');
    expect(server.requests).toHaveLength(0);
  });

  test('403 on PATCH names the write permission; 404 names the action', async () => {
    server.handler = (_req, res) => sendGraphError(res, 403, 'Forbidden', 'Insufficient privileges');
    const denied = await expectSourceError(source().updateControlProfile(TENANT, 'AdminMFAV2', { state: 'Reviewed' }));
    expect(denied.message).toBe(WRITE_CONSENT_MESSAGE);

    server.handler = (_req, res) => sendGraphError(res, 404, 'ResourceNotFound', 'Not found');
    const missing = await expectSourceError(source().updateControlProfile(TENANT, 'NoSuchControl', { state: 'Reviewed' }));
    expect(missing.message).toBe('improvement action "NoSuchControl" was not found in Secure Score');
  });

  test('a throttled PATCH is retried after Retry-After and lands once', async () => {
    let calls = 0;
    server.handler = (_req, res) => {
      calls++;
      if (calls === 1) sendGraphError(res, 429, 'TooManyRequests', 'wait', { 'Retry-After': '1' });
      else sendNoContent(res);
    };
    await source().updateControlProfile(TENANT, 'AdminMFAV2', { state: 'Reviewed' });
    expect(sleeps).toEqual([1000]);
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
    expect(server.requests[1].body).toBe(server.requests[0].body);
  });

  test('a PATCH answered 504 is not repeated (it may have landed): one request, a ScoreSourceError', async () => {
    server.handler = (_req, res) => sendGraphError(res, 504, 'GatewayTimeout', 'upstream timed out');
    const err = await source().updateControlProfile(TENANT, 'AdminMFAV2', { state: 'Reviewed' }).catch((e) => e);
    expect(err).toBeInstanceOf(ScoreSourceError);
    expect(err.status).toBe(504);
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect(sleeps).toEqual([]);
  });
});
