/**
 * Figures for the score sources (not a test; numbers depend on the machine):
 *  - generating the demo tenant (cold and warm) and its size;
 *  - the demo source serving 90 days + the catalogue through the paging code;
 *  - the graph source paging profiles from a local Graph-like server, and 10 parallel requests
 *    squeezed through the 4-concurrent-requests limit at 20 ms server latency;
 *  - the file source reading the 345 KB public profiles page, when the fixtures are present.
 * Run alone: `npx tsc -p tsconfig.json && node dist/bench/data/sources.js`.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { DemoScoreSource } from '../../src/data/demo/demoSource';
import { generateDemoTenant } from '../../src/data/demo/generateDemoTenant';
import { FileScoreSource } from '../../src/data/fileSource';
import { GraphScoreSource } from '../../src/data/graphSource';
import { silentSourceLogger } from '../../src/data/sourceLogger';

const TENANT = '3f2c6a1e-5b7d-4c8e-9a0f-1d2e3f4a5b6c';
const NOW = new Date('2026-12-03T10:00:00Z');

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function mean(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return ms(start) / runs;
}

export async function runDataBench(): Promise<string> {
  const lines: string[] = ['score sources'];
  let start = process.hrtime.bigint();
  const tenant = generateDemoTenant(TENANT, NOW);
  const cold = ms(start);
  const warm = await mean(50, () => generateDemoTenant(TENANT, NOW));
  const bytes = Buffer.byteLength(JSON.stringify(tenant.secureScores)) + Buffer.byteLength(JSON.stringify(tenant.controlProfiles));
  lines.push(`  demo generate: cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(2)} ms (mean of 50); ${tenant.secureScores.length} days, ${tenant.controlProfiles.length} profiles, ${(bytes / 1024).toFixed(0)} KB JSON`);

  const demo = new DemoScoreSource({ now: () => NOW });
  const served = await mean(20, async () => {
    await demo.getSecureScores(TENANT, 90);
    await demo.getControlProfiles(TENANT);
  });
  lines.push(`  demo source: 90 days + catalogue in ${served.toFixed(2)} ms (mean of 20)`);

  // A Graph-like server: profiles in 3 pages; secureScores with a fixed latency.
  const pages = [tenant.controlProfiles.slice(0, 25), tenant.controlProfiles.slice(25, 50), tenant.controlProfiles.slice(50)];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
    const send = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith('/v1.0/security/secureScores')) {
      setTimeout(() => send({ value: tenant.secureScores.slice(0, 1) }), 20);
      return;
    }
    const index = Number(new URL(req.url ?? '/', base).searchParams.get('$skiptoken') ?? '0');
    send({ ...(index < 2 ? { '@odata.nextLink': `${base}/security/secureScoreControlProfiles?$skiptoken=${index + 1}` } : {}), value: pages[index] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const graph = new GraphScoreSource({
      tenantId: TENANT,
      credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: NOW.getTime() + 3_600_000 }) },
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`,
      logger: silentSourceLogger,
    });
    await graph.getControlProfiles(TENANT);
    const paged = await mean(30, () => graph.getControlProfiles(TENANT));
    lines.push(`  graph source: ${tenant.controlProfiles.length} profiles over 3 pages from a local server in ${paged.toFixed(2)} ms (mean of 30)`);
    maxInFlight = 0;
    start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 10 }, () => graph.getSecureScores(TENANT, 1)));
    lines.push(`  graph source: 10 parallel requests at 20 ms latency took ${ms(start).toFixed(0)} ms, at most ${maxInFlight} in flight (limit 4: about 3 rounds)`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // From dist/bench/data or from the repo root as working directory.
  const candidates = [
    path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'graph-public'),
    path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'graph-public'),
  ];
  const dir = candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
  const profiles = path.join(dir, 'securescorecontrolprofiles_heimdall2_page1_200.json');
  if (fs.existsSync(profiles)) {
    const file = new FileScoreSource({ secureScoreFiles: [path.join(dir, 'securescores_heimdall2_1day_68controls.json')], controlProfileFiles: [profiles] });
    const read = await mean(20, () => file.getControlProfiles(TENANT));
    lines.push(`  file source: 200 public profiles (345 KB) read and parsed in ${read.toFixed(2)} ms (mean of 20)`);
  } else {
    lines.push('  file source: skipped, public fixtures not found');
  }
  return lines.join('\n');
}

if (require.main === module) {
  runDataBench().then(
    (text) => console.log(text),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
