/**
 * `npm run bench`: every benchmark, figures printed. Not a test: numbers depend on the machine.
 *   BENCH_ONLY=store|digest|data|recognize   run one of them
 *   BENCH_CONVERSATIONS=N                    digest benchmark size (default 2000)
 */
import { runDataBench } from './data/sources';
import { printDigestBench, runDigestBench } from './digest';
import { runRecognizeBench } from './recognize';
import { runStoreBench } from './store';

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const wanted = (name: string) => !only || only === name;
  if (wanted('recognize')) runRecognizeBench();
  if (wanted('data')) console.log(await runDataBench());
  if (wanted('store')) await runStoreBench(); // prints its own figures
  if (wanted('digest')) printDigestBench(await runDigestBench({ conversations: Number(process.env.BENCH_CONVERSATIONS ?? 2000) }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
