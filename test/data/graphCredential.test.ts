/**
 * The real @azure/identity ClientSecretCredential path, end to end: createScoreSource reads the
 * GRAPH_* settings, MSAL discovers a local authority and asks its token endpoint for a client
 * credentials token, and the token reaches the local Graph server. MSAL refuses plain-http
 * authorities, so the token endpoint runs over https with a throw-away self-signed certificate
 * (made with openssl; the suite is skipped, saying why, where openssl is missing).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { createScoreSource } from '../../src/data/createScoreSource';
import { generateDemoTenant } from '../../src/data/demo/generateDemoTenant';
import { ScoreSourceError } from '../../src/data/scoreSource';
import { FakeGraphServer, sendJson } from './fakeGraphServer';

const TENANT = '5e1d0c2b-7a69-4f3e-8d2c-1b0a9f8e7d6c';
const CLIENT_ID = '0f9e8d7c-6b5a-4e3d-9c2b-1a0f9e8d7c6b';
const SECRET = 'Qx8~local.test-secret_value';
const ISSUED = 'eyJ0eXAiOiJKV1QifQ.local-issued-token.sig';

function makeCertificate(): { key: string; cert: string } | undefined {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-cert-'));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
        '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    const pair = { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    fs.rmSync(dir, { recursive: true, force: true });
    return pair;
  } catch {
    return undefined;
  }
}

const tls = makeCertificate();
const describeTls = tls ? describe : describe.skip;
if (!tls) console.warn('Skipping ClientSecretCredential tests: openssl is not available to make a local TLS certificate (MSAL refuses http authorities).');

interface TokenRequest {
  url: string;
  form: URLSearchParams;
}

describeTls('ClientSecretCredential against a local authority', () => {
  let authority: https.Server;
  let authorityUrl: string;
  let tokenRequests: TokenRequest[];
  let tokenStatus: number;
  let graph: FakeGraphServer;
  let logLines: string[];

  beforeAll(async () => {
    authority = https.createServer({ key: tls!.key, cert: tls!.cert }, (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const base = authorityUrl;
        const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/.exec(req.url ?? '');
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (discovery) {
          const t = discovery[1];
          res.end(JSON.stringify({
            token_endpoint: `${base}/${t}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/${t}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/${t}/oauth2/v2.0/logout`,
            issuer: `${base}/${t}/v2.0`,
            jwks_uri: `${base}/${t}/discovery/v2.0/keys`,
            response_types_supported: ['code', 'id_token', 'token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          }));
          return;
        }
        if (/\/oauth2\/v2\.0\/token/.test(req.url ?? '')) {
          tokenRequests.push({ url: req.url ?? '', form: new URLSearchParams(body) });
          if (tokenStatus !== 200) {
            res.statusCode = tokenStatus;
            res.end(JSON.stringify({
              error: 'invalid_client',
              error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the client secret value. client_secret=${SECRET}`,
              error_codes: [7000215],
            }));
            return;
          }
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: ISSUED }));
          return;
        }
        res.statusCode = 404;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => authority.listen(0, '127.0.0.1', resolve));
    authorityUrl = `https://127.0.0.1:${(authority.address() as AddressInfo).port}`;
    graph = await new FakeGraphServer().start();
  });

  afterAll(async () => {
    authority.closeAllConnections();
    await new Promise<void>((resolve) => authority.close(() => resolve()));
    await graph.stop();
  });

  beforeEach(() => {
    tokenRequests = [];
    tokenStatus = 200;
    logLines = [];
    graph.reset();
  });

  function graphSourceFromEnv() {
    return createScoreSource(
      {
        SCORE_SOURCE: 'graph',
        GRAPH_TENANT_ID: TENANT,
        GRAPH_CLIENT_ID: CLIENT_ID,
        GRAPH_CLIENT_SECRET: SECRET,
        GRAPH_BASE_URL: graph.baseUrl,
        GRAPH_AUTHORITY_HOST: authorityUrl,
      },
      {
        credentialOptions: { tlsOptions: { ca: tls!.cert } },
        log: { info: (m) => logLines.push(m), warn: (m) => logLines.push(m) },
        sleep: async () => undefined,
      },
    );
  }

  test('gets an app-only token for the Graph scope and sends it to Graph', async () => {
    const scores = generateDemoTenant(TENANT, new Date('2026-12-03T10:00:00Z')).secureScores.slice(0, 1);
    graph.handler = (_req, res) => sendJson(res, 200, { value: scores });

    const source = graphSourceFromEnv();
    const days = await source.getSecureScores(TENANT, 1);

    expect(source.name).toBe('graph');
    expect(days[0].id).toBe(`${TENANT}_2026-12-03`);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0].url.startsWith(`/${TENANT}/oauth2/v2.0/token`)).toBe(true);
    const form = tokenRequests[0].form;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('client_secret')).toBe(SECRET);
    expect(form.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(graph.requests[0].headers.authorization).toBe(`Bearer ${ISSUED}`);
  });

  test('a rejected secret becomes a sign-in error, Graph is not called, and the secret is not logged', async () => {
    tokenStatus = 401;
    const error = await graphSourceFromEnv().getControlProfiles(TENANT).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScoreSourceError);
    expect((error as ScoreSourceError).message).toBe('could not sign in to Microsoft Graph: check the app registration (tenant, client id, secret)');
    expect(graph.requests).toHaveLength(0);
    expect(logLines.join('\n')).toContain('AADSTS7000215');
    expect(logLines.join('\n')).not.toContain(SECRET);
  });
});
