/**
 * Picks the score source from settings. Misconfiguration throws ConfigError with one line naming
 * the setting, at start-up rather than on a user's first question.
 *
 * Settings read:
 *   SCORE_SOURCE         demo (default) | file | graph
 *   graph: GRAPH_TENANT_ID, GRAPH_AUTH (client-secret default | managed-identity | default),
 *          GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, GRAPH_BASE_URL, GRAPH_AUTHORITY_HOST
 *   file:  SECURE_SCORES_FILE, CONTROL_PROFILES_FILE (path or comma-separated page files), FILE_TENANT_ID
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ClientSecretCredentialOptions, TokenCredential } from '@azure/identity';
import { ConfigError } from './configError';
import { DemoScoreSource } from './demo/demoSource';
import { FileScoreSource, splitFileList } from './fileSource';
import { GRAPH_AUTH_MODES, GraphAuthMode, createGraphCredential } from './graphCredential';
import { DEFAULT_GRAPH_BASE_URL, GraphScoreSource, parseGraphBaseUrl } from './graphSource';
import type { RetrySettings } from './retryPolicy';
import type { ScoreSource } from './scoreSource';
import { SourceLogger, consoleSourceLogger } from './sourceLogger';

export const SCORE_SOURCES = ['demo', 'file', 'graph'] as const;

export interface ScoreSourceDeps {
  now?: () => Date;
  log?: SourceLogger;
  /** graph: the HTTP client (default global fetch). */
  fetch?: typeof fetch;
  /** graph: how retries wait (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetrySettings>;
  /** graph: use this credential instead of building one from GRAPH_AUTH settings. */
  credential?: TokenCredential;
  /** graph, client-secret: extra @azure/identity options (e.g. tlsOptions for a test token endpoint). */
  credentialOptions?: ClientSecretCredentialOptions;
}

type Env = NodeJS.ProcessEnv | Record<string, string | undefined>;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createScoreSource(env: Env, deps: ScoreSourceDeps = {}): ScoreSource {
  const kind = (setting(env, 'SCORE_SOURCE') ?? 'demo').toLowerCase();
  switch (kind) {
    case 'demo':
      return new DemoScoreSource({ now: deps.now ?? (() => new Date()) });
    case 'file':
      return createFileSource(env);
    case 'graph':
      return createGraphSource(env, deps);
    default:
      throw new ConfigError(`SCORE_SOURCE must be one of ${SCORE_SOURCES.join(', ')} (got "${env.SCORE_SOURCE}")`);
  }
}

function createFileSource(env: Env): FileScoreSource {
  const names = ['SECURE_SCORES_FILE', 'CONTROL_PROFILES_FILE'] as const;
  // Name every missing setting before looking at the disk, so the first message is the most useful one.
  const lists = names.map((name) => {
    const files = splitFileList(setting(env, name) ?? '');
    if (files.length === 0) throw new ConfigError(`SCORE_SOURCE=file needs ${name}`);
    return files;
  });
  lists.forEach((files, i) => {
    for (const file of files) {
      if (!fs.existsSync(path.resolve(file))) throw new ConfigError(`${names[i]}: file not found: ${file}`);
    }
  });
  const tenantId = setting(env, 'FILE_TENANT_ID');
  if (tenantId && !GUID.test(tenantId)) throw new ConfigError(`FILE_TENANT_ID must be a tenant id (GUID) (got "${tenantId}")`);
  return new FileScoreSource({ secureScoreFiles: lists[0], controlProfileFiles: lists[1], tenantId });
}

function createGraphSource(env: Env, deps: ScoreSourceDeps): GraphScoreSource {
  const tenantId = setting(env, 'GRAPH_TENANT_ID');
  if (!tenantId) throw new ConfigError('SCORE_SOURCE=graph needs GRAPH_TENANT_ID');
  if (!GUID.test(tenantId)) throw new ConfigError(`GRAPH_TENANT_ID must be a tenant id (GUID) (got "${tenantId}")`);

  const mode = (setting(env, 'GRAPH_AUTH') ?? 'client-secret').toLowerCase() as GraphAuthMode;
  if (!GRAPH_AUTH_MODES.includes(mode)) {
    throw new ConfigError(`GRAPH_AUTH must be one of ${GRAPH_AUTH_MODES.join(', ')} (got "${env.GRAPH_AUTH}")`);
  }
  const clientId = setting(env, 'GRAPH_CLIENT_ID');
  const clientSecret = setting(env, 'GRAPH_CLIENT_SECRET');
  if (mode === 'client-secret' && !deps.credential) {
    if (!clientId) throw new ConfigError('SCORE_SOURCE=graph needs GRAPH_CLIENT_ID');
    if (!clientSecret) throw new ConfigError('SCORE_SOURCE=graph needs GRAPH_CLIENT_SECRET');
  }

  const baseUrl = setting(env, 'GRAPH_BASE_URL') ?? DEFAULT_GRAPH_BASE_URL;
  try {
    parseGraphBaseUrl(baseUrl);
  } catch (error) {
    throw new ConfigError(`GRAPH_BASE_URL: ${(error as Error).message}`);
  }
  const authorityHost = setting(env, 'GRAPH_AUTHORITY_HOST');
  if (authorityHost && !/^https:\/\/[^/\s]+\/?$/i.test(authorityHost)) {
    throw new ConfigError(`GRAPH_AUTHORITY_HOST must be an https origin such as https://login.microsoftonline.com (got "${authorityHost}")`);
  }

  const credential =
    deps.credential ??
    createGraphCredential({ mode, tenantId, clientId, clientSecret, authorityHost }, deps.credentialOptions);
  return new GraphScoreSource({
    tenantId,
    credential,
    baseUrl,
    fetch: deps.fetch,
    sleep: deps.sleep,
    random: deps.random,
    now: deps.now,
    retry: deps.retry,
    logger: deps.log ?? consoleSourceLogger,
    secrets: [clientSecret],
  });
}
