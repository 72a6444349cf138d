/**
 * `npm run bench:api`: the public price finder against the health endpoint, on loopback.
 *
 * Starts the real server in a child process (so the load generator and the server each have a
 * core of their own) on the demo data in embedded PGlite in a temporary data folder, imports the
 * GeoNames postcode areas from ../shared/reference/geo/ when present (else searches by place name
 * only), warms up, then loads each endpoint with autocannon for a fixed time: first
 * `GET /api/health` (the baseline), then the price finder cycling through a few searches. Prints
 * requests per second, p50/p99 latency and errors for both, and the ratio. Goals: the price finder
 * at least half the health endpoint's throughput, p99 under 20 ms, zero errors; the exit code is 1
 * when a goal is missed.
 *
 * The public routes' rate limit (300/min per IP) is raised for this run through
 * ZORGINKOOP_PUBLIC_RATE_LIMIT, so the limiter still runs on every request but never answers 429.
 * Options (environment): BENCH_SECONDS (10), BENCH_CONNECTIONS (20), BENCH_CLAIMS (2000).
 * Traffic goes only to 127.0.0.1; every run is bounded in time and stops by itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  requests?: { method: 'GET'; path: string }[];
}) => Promise<AutocannonResult>;

const here = fileURLToPath(import.meta.url);
const repo = path.resolve(path.dirname(here), '..');
const GEONAMES = path.resolve(repo, '..', 'shared', 'reference', 'geo', 'geonames-postal-NL-2024-04-12.txt');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const claims = Number(process.env.BENCH_CLAIMS ?? 2000);

// ------------------------------------------------------------------------------------------------
// The server side (child process).

async function serve(): Promise<void> {
  process.env.ZORGINKOOP_PUBLIC_RATE_LIMIT = '100000000';
  const { openDatabase } = await import('../src/storage/database.js');
  const { migrate } = await import('../src/storage/migrate.js');
  const { seedDemo } = await import('../src/app/demo/seed-demo.js');
  const { loadPolicyCatalogue } = await import('../src/app/policies.js');
  const { importPostcodeAreas } = await import('../src/app/public/geo-import.js');
  const { systemActor } = await import('../src/domain/auth/actor.js');
  const { expectOk } = await import('../src/domain/errors.js');
  const { buildServer } = await import('../src/http/server.js');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zorginkoop-bench-'));
  const db = await openDatabase({ kind: 'pglite', dataDir });
  const cleanUp = async () => {
    await db.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate(db);
    expectOk(await seedDemo(db, { seed: 'zorginkoop', claims }));
    const postcodes = existsSync(GEONAMES)
      ? expectOk(await importPostcodeAreas({ db, actor: systemActor('bench') }, { name: path.basename(GEONAMES), content: readFileSync(GEONAMES) })).imported
      : 0;
    const policies = expectOk(await loadPolicyCatalogue());
    // The public pages' clock: after the publication of 2018 (12 November 2017).
    const app = await buildServer({ db, policies, logger: false, now: () => new Date('2018-03-01T12:00:00Z') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    process.send?.({ port: address.port, postcodes });
    process.on('message', async (message) => {
      if (message !== 'stop') return;
      await app.close();
      await cleanUp();
      process.exit(0);
    });
    process.on('disconnect', () => void cleanUp().then(() => process.exit(0)));
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

// ------------------------------------------------------------------------------------------------
// The load side (parent process).

function startServer(): Promise<{ child: ChildProcess; port: number; postcodes: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(here, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => reject(new Error('server did not start within 300 s')), 300_000);
    child.once('message', (message: { port: number; postcodes: number }) => {
      clearTimeout(timer);
      resolve({ child, ...message });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(10);

function line(label: string, r: AutocannonResult): string {
  const errors = r.errors + r.timeouts + r.non2xx;
  return `${label.padEnd(14)} ${fmt(r.requests.average)} req/s ${fmt(r.latency.p50, 2)} ms p50 ${fmt(r.latency.p99, 2)} ms p99 ${String(errors).padStart(6)} errors  (${r.requests.total} requests)`;
}

async function main(): Promise<number> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  console.log(`bench:api: demo data (${claims} claims per year) in PGlite, ${connections} connections, ${seconds} s per endpoint, loopback only.`);
  const { child, port, postcodes } = await startServer();
  const base = `http://127.0.0.1:${port}`;
  try {
    const near = postcodes > 0 ? ['3511', '1012', '8911', '6211'] : ['Utrecht', 'Amsterdam', 'Leeuwarden', 'Maastricht'];
    console.log(postcodes > 0 ? `${postcodes} GeoNames postcode areas imported; searching by postcode area.` : `No GeoNames file at ${GEONAMES}; searching by place name.`);
    const searches = [`q=staar&near=${near[0]}`, `q=knieprothese&near=${near[1]}`, `q=hernia&near=${near[2]}`, `q=001051101&near=${near[3]}`].map((q) => `/api/public/prices?${q}&year=2018`);
    for (const url of ['/api/health', ...searches]) {
      const response = await fetch(base + url);
      const body = (await response.json()) as unknown;
      if (response.status !== 200 || (url !== '/api/health' && (!Array.isArray(body) || body.length === 0))) throw new Error(`warm-up ${url}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    const prices = { requests: searches.map((p) => ({ method: 'GET' as const, path: p })) };
    await autocannon({ url: base, connections, duration: 2 });
    await autocannon({ url: base, connections, duration: 2, ...prices });

    const health = await autocannon({ url: `${base}/api/health`, connections, duration: seconds });
    const finder = await autocannon({ url: base, connections, duration: seconds, ...prices });
    const ratio = finder.requests.average / health.requests.average;
    const finderErrors = finder.errors + finder.timeouts + finder.non2xx;
    const healthErrors = health.errors + health.timeouts + health.non2xx;

    console.log('');
    console.log(line('GET /api/health', health));
    console.log(line('price finder', finder));
    console.log(`ratio price finder / health: ${ratio.toFixed(2)}`);
    const goals = [
      { goal: 'price finder ≥ 0.5 × health throughput', met: ratio >= 0.5 },
      { goal: 'price finder p99 < 20 ms', met: finder.latency.p99 < 20 },
      { goal: 'zero errors', met: finderErrors === 0 && healthErrors === 0 },
    ];
    for (const g of goals) console.log(`${g.met ? 'ok  ' : 'MISS'} ${g.goal}`);
    return goals.every((g) => g.met) ? 0 : 1;
  } finally {
    child.send('stop');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  process.exitCode = await main();
}
