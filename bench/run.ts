/**
 * `npm run bench`: every benchmark, figures printed. Not a test: numbers depend on the machine.
 *   BENCH_ONLY=digest|store   run one of them
 *   BENCH_CONVERSATIONS=N     digest benchmark size (default 2000)
 */
import * as fs from 'fs';
import * as path from 'path';
import { printDigestBench, runDigestBench } from './digest';

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'store') {
    // bench/store.ts belongs to the storage work; it is optional here so either can land first.
    const storeBench = path.join(__dirname, 'store.js');
    if (fs.existsSync(storeBench)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(storeBench) as { runStoreBench?: () => Promise<unknown> };
      if (typeof mod.runStoreBench === 'function') {
        await mod.runStoreBench(); // prints its own figures
      } else {
        console.log('bench/store.ts has no runStoreBench export; skipped');
      }
    } else {
      console.log('store benchmark not present (bench/store.ts); skipped');
    }
  }
  if (!only || only === 'digest') {
    printDigestBench(await runDigestBench({ conversations: Number(process.env.BENCH_CONVERSATIONS ?? 2000) }));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
