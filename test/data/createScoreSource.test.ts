/**
 * Choosing the score source from settings, and the one-line message for every misconfiguration.
 */
import * as path from 'path';
import { ConfigError } from '../../src/data/configError';
import { createScoreSource } from '../../src/data/createScoreSource';
import { DemoScoreSource } from '../../src/data/demo/demoSource';
import { FileScoreSource } from '../../src/data/fileSource';
import { GraphScoreSource } from '../../src/data/graphSource';
import { describeWithFixtures, fixturesDir } from '../helpers/fixtures';

const TENANT = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
const graphEnv = {
  SCORE_SOURCE: 'graph',
  GRAPH_TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: '99999999-8888-4777-8666-555555555555',
  GRAPH_CLIENT_SECRET: 'not-a-real-secret',
};

function configError(env: Record<string, string | undefined>): string {
  try {
    createScoreSource(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('createScoreSource', () => {
  test('demo is the default, and the injected clock dates its data', async () => {
    const source = createScoreSource({}, { now: () => new Date('2026-03-01T12:00:00Z') });
    expect(source).toBeInstanceOf(DemoScoreSource);
    expect((await source.getSecureScores(TENANT, 1))[0].id).toBe(`${TENANT}_2026-03-01`);
    expect(createScoreSource({ SCORE_SOURCE: ' Demo ' }).name).toBe('demo');
  });

  test('graph with client secret settings builds the graph source', () => {
    const source = createScoreSource(graphEnv);
    expect(source).toBeInstanceOf(GraphScoreSource);
    expect(typeof source.updateControlProfile).toBe('function');
  });

  test('graph with managed identity or DefaultAzureCredential needs no secret', () => {
    expect(createScoreSource({ SCORE_SOURCE: 'graph', GRAPH_TENANT_ID: TENANT, GRAPH_AUTH: 'managed-identity' }).name).toBe('graph');
    expect(createScoreSource({ SCORE_SOURCE: 'graph', GRAPH_TENANT_ID: TENANT, GRAPH_AUTH: 'default' }).name).toBe('graph');
  });

  test.each([
    [{ SCORE_SOURCE: 'graphs' }, 'SCORE_SOURCE must be one of demo, file, graph (got "graphs")'],
    [{ ...graphEnv, GRAPH_TENANT_ID: undefined }, 'SCORE_SOURCE=graph needs GRAPH_TENANT_ID'],
    [{ ...graphEnv, GRAPH_TENANT_ID: 'contoso.onmicrosoft.com' }, 'GRAPH_TENANT_ID must be a tenant id (GUID) (got "contoso.onmicrosoft.com")'],
    [{ ...graphEnv, GRAPH_CLIENT_ID: '' }, 'SCORE_SOURCE=graph needs GRAPH_CLIENT_ID'],
    [{ ...graphEnv, GRAPH_CLIENT_SECRET: '   ' }, 'SCORE_SOURCE=graph needs GRAPH_CLIENT_SECRET'],
    [{ ...graphEnv, GRAPH_AUTH: 'certificate' }, 'GRAPH_AUTH must be one of client-secret, managed-identity, default (got "certificate")'],
    [{ ...graphEnv, GRAPH_BASE_URL: 'graph.microsoft.com/v1.0' }, 'GRAPH_BASE_URL: not a URL: graph.microsoft.com/v1.0'],
    [{ ...graphEnv, GRAPH_BASE_URL: 'https://graph.microsoft.com' }, 'GRAPH_BASE_URL: base URL needs the API version path, e.g. https://graph.microsoft.com/v1.0'],
    [{ ...graphEnv, GRAPH_BASE_URL: 'ftp://graph.example/v1.0' }, 'GRAPH_BASE_URL: not an http(s) URL: ftp://graph.example/v1.0'],
    [{ ...graphEnv, GRAPH_AUTHORITY_HOST: 'http://login.example' }, 'GRAPH_AUTHORITY_HOST must be an https origin such as https://login.microsoftonline.com (got "http://login.example")'],
    [{ SCORE_SOURCE: 'file', CONTROL_PROFILES_FILE: 'p.json' }, 'SCORE_SOURCE=file needs SECURE_SCORES_FILE'],
    [{ SCORE_SOURCE: 'file', SECURE_SCORES_FILE: 's.json' }, 'SCORE_SOURCE=file needs CONTROL_PROFILES_FILE'],
    [{ SCORE_SOURCE: 'file', SECURE_SCORES_FILE: ' , ', CONTROL_PROFILES_FILE: 'p.json' }, 'SCORE_SOURCE=file needs SECURE_SCORES_FILE'],
  ])('%j → %s', (env, message) => {
    expect(configError(env)).toBe(message);
  });

  test('the secret never appears in a configuration message', () => {
    const message = configError({ ...graphEnv, GRAPH_AUTH: 'nope' });
    expect(message).not.toContain(graphEnv.GRAPH_CLIENT_SECRET);
  });
});

describeWithFixtures('createScoreSource with files', () => {
  const day = path.join(fixturesDir, 'securescores_heimdall2_1day_68controls.json');
  const profiles = path.join(fixturesDir, 'securescorecontrolprofiles_heimdall2_page1_200.json');
  const otel = path.join(fixturesDir, 'securescorecontrolprofiles_graph2otel_page1_5profiles.json');

  test('reads the comma-separated page lists', async () => {
    const source = createScoreSource({ SCORE_SOURCE: 'file', SECURE_SCORES_FILE: day, CONTROL_PROFILES_FILE: `${profiles}, ${otel}` });
    expect(source).toBeInstanceOf(FileScoreSource);
    expect(await source.getControlProfiles(TENANT)).toHaveLength(205);
  });

  test('a missing file is named at start-up', () => {
    const missing = path.join(fixturesDir, 'no-such-page.json');
    expect(configError({ SCORE_SOURCE: 'file', SECURE_SCORES_FILE: day, CONTROL_PROFILES_FILE: `${profiles},${missing}` })).toBe(
      `CONTROL_PROFILES_FILE: file not found: ${missing}`,
    );
  });

  test('FILE_TENANT_ID must be a tenant id', () => {
    expect(configError({ SCORE_SOURCE: 'file', SECURE_SCORES_FILE: day, CONTROL_PROFILES_FILE: profiles, FILE_TENANT_ID: 'mine' })).toBe(
      'FILE_TENANT_ID must be a tenant id (GUID) (got "mine")',
    );
  });
});
