/**
 * The file source on the real Graph payloads in ../shared/fixtures/graph-public (read in place),
 * plus the error cases on temporary files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileScoreSource, readPageFile } from '../../src/data/fileSource';
import { ScoreSourceError } from '../../src/data/scoreSource';
import { OTHER_TENANT_MESSAGE } from '../../src/data/tenantGuard';
import { describeWithFixtures, fixturesDir } from '../helpers/fixtures';

const HEIMDALL_DAY = path.join(fixturesDir, 'securescores_heimdall2_1day_68controls.json');
const HEIMDALL_PROFILES = path.join(fixturesDir, 'securescorecontrolprofiles_heimdall2_page1_200.json');
const OTEL_DAY = path.join(fixturesDir, 'securescores_graph2otel_e5_top1_5controls.json');
const OTEL_PROFILES = path.join(fixturesDir, 'securescorecontrolprofiles_graph2otel_page1_5profiles.json');
const HEIMDALL_TENANT = '00000000-0000-0000-0000-000000000001';
const ANY_TENANT = '12121212-3434-4565-8787-909090909090';

async function failure(promise: Promise<unknown>): Promise<ScoreSourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScoreSourceError);
  return error as ScoreSourceError;
}

describeWithFixtures('FileScoreSource on the public Graph payloads', () => {
  test('heimdall2: one day with 68 controls and 200 profiles', async () => {
    const source = new FileScoreSource({ secureScoreFiles: [HEIMDALL_DAY], controlProfileFiles: [HEIMDALL_PROFILES] });
    const days = await source.getSecureScores(ANY_TENANT, 90);
    const profiles = await source.getControlProfiles(ANY_TENANT);

    expect(days).toHaveLength(1);
    expect(days[0].id).toBe(`${HEIMDALL_TENANT}_2024-01-01`);
    expect(days[0].currentScore).toBe(128);
    expect(days[0].controlScores as unknown[]).toHaveLength(68);
    expect(profiles).toHaveLength(200);
    expect(source.name).toBe('file');
  });

  test('a comma-separated list of page files is concatenated in order, scores newest first', async () => {
    const source = new FileScoreSource({
      secureScoreFiles: [HEIMDALL_DAY, OTEL_DAY],
      controlProfileFiles: [HEIMDALL_PROFILES, OTEL_PROFILES],
    });
    const profiles = await source.getControlProfiles(ANY_TENANT);
    expect(profiles).toHaveLength(205);
    expect(profiles[199].id).toBe((JSON.parse(fs.readFileSync(HEIMDALL_PROFILES, 'utf8')).value as { id: string }[])[199].id);
    expect(profiles[200].id).toBe((JSON.parse(fs.readFileSync(OTEL_PROFILES, 'utf8')).value as { id: string }[])[0].id);

    const days = await source.getSecureScores(ANY_TENANT, 10);
    expect(days.map((d) => String(d.createdDateTime).slice(0, 10))).toEqual(['2026-07-17', '2024-01-01']);
    expect(await source.getSecureScores(ANY_TENANT, 1)).toHaveLength(1);
  });

  test('with FILE_TENANT_ID the data goes to that tenant only', async () => {
    const source = new FileScoreSource({ secureScoreFiles: [HEIMDALL_DAY], controlProfileFiles: [HEIMDALL_PROFILES], tenantId: HEIMDALL_TENANT });
    expect(await source.getSecureScores(HEIMDALL_TENANT, 7)).toHaveLength(1);
    const refused = await failure(source.getControlProfiles(ANY_TENANT));
    expect(refused.message).toBe(OTHER_TENANT_MESSAGE);
    expect(refused.status).toBe(403);
  });

  test('FILE_TENANT_ID that does not match the data in the files is reported, naming the file', async () => {
    const source = new FileScoreSource({ secureScoreFiles: [OTEL_DAY], controlProfileFiles: [HEIMDALL_PROFILES], tenantId: HEIMDALL_TENANT });
    const error = await failure(source.getSecureScores(HEIMDALL_TENANT, 7));
    expect(error.message).toBe(`score file ${OTEL_DAY} holds data of tenant 00000000-0000-0000-0000-000000000002, not FILE_TENANT_ID`);
  });
});

describe('FileScoreSource errors and formats', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssft-files-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('a bare array file is read like a Graph response', async () => {
    const items = [{ id: 'A', title: 'first' }, { id: 'B', title: 'second' }];
    expect(await readPageFile(write('bare.json', JSON.stringify(items)))).toEqual(items);
    expect(await readPageFile(write('wrapped.json', JSON.stringify({ '@odata.nextLink': 'x', value: items })))).toEqual(items);
  });

  test('a missing file is named in the error', async () => {
    const missing = path.join(dir, 'nope', 'scores.json');
    const source = new FileScoreSource({ secureScoreFiles: [missing], controlProfileFiles: [missing] });
    const error = await failure(source.getSecureScores(ANY_TENANT, 7));
    expect(error.message).toBe(`score file ${missing} is not found`);
  });

  test('invalid JSON is named in the error', async () => {
    const broken = write('broken.json', '{"value": [ {"id": "x"}, ]}');
    const error = await failure(readPageFile(broken));
    expect(error.message).toMatch(new RegExp(`^score file ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(`));
  });

  test('JSON that is not a Graph response is named in the error', async () => {
    const odd = write('odd.json', '{"error": {"code": "Forbidden"}}');
    const error = await failure(readPageFile(odd));
    expect(error.message).toBe(`score file ${odd} is not a Graph response (expected an object with value[] or an array)`);
    const items = write('items.json', '[1, 2]');
    expect((await failure(readPageFile(items))).message).toBe(`score file ${items}: item 0 is not an object`);
  });

  test('a directory instead of a file is reported as not readable', async () => {
    const error = await failure(readPageFile(dir));
    expect(error.message).toBe(`score file ${dir} is not readable (EISDIR)`);
  });

  test('a UTF-8 byte order mark (as Windows tools write) is accepted', async () => {
    const bom = write('bom.json', '\uFEFF{"value": [{"id": "x"}]}');
    expect(await readPageFile(bom)).toEqual([{ id: 'x' }]);
  });
});
