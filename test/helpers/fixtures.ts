/**
 * Access to the real Graph payloads in ../shared/fixtures/graph-public/ (see SOURCES.md there).
 * They are read in place and never copied into the project. In a clone outside this workplace the
 * folder is missing: suites declared with describeWithFixtures then report themselves skipped, and say why.
 */
import * as fs from 'fs';
import * as path from 'path';

/** <repo root>/../shared/fixtures/graph-public */
export const fixturesDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'graph-public');

export const haveFixtures = fs.existsSync(fixturesDir);

/** Parsed JSON of one fixture file (e.g. 'securescores_heimdall2_1day_68controls.json'). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readFixture<T = any>(name: string): T {
  // Without the folder, suites still load (some read fixtures at the top of the file) and then skip
  // through describeWithFixtures: an empty Graph response lets that module-level code run harmlessly.
  if (!haveFixtures) return { value: [] } as T;
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, name), 'utf8')) as T;
}

/** `describe` when the fixtures are there; otherwise `describe.skip`, after logging the reason. */
export function describeWithFixtures(name: string, fn: () => void): void {
  if (haveFixtures) {
    describe(name, fn);
  } else {
    const reason = `real Graph fixtures not found at ${fixturesDir} (they live in the workplace's shared/ folder)`;
    console.warn(`Skipping "${name}": ${reason}.`);
    // The suite's body is not run at all (it may read fixtures while it is being declared); one skipped
    // test carries the reason into jest's summary.
    describe(name, () => test.skip(`skipped: ${reason}`, () => undefined));
  }
}
