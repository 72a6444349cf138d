#!/usr/bin/env node
// `npm test`: the whole suite on a fresh machine. Installs dependencies and Debian's Chromium when
// missing, checks PostgreSQL is up, then lint, type-check, web build, and every vitest test (unit,
// storage on PGlite and PostgreSQL, HTTP integration, browser). Ends with one line
// 'tests: N passed, N failed, N skipped'. Node built-ins only, so it runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const extraArgs = process.argv.slice(2);

function step(title, cmd, args, { allowFail = false } = {}) {
  console.log(`\n› ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0 && !allowFail) {
    console.error(`\n${title} mislukte (exit ${result.status}).`);
    process.exit(result.status || 2);
  }
  return result.status;
}

if (!existsSync('node_modules/.package-lock.json') || statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs) {
  step('Afhankelijkheden installeren (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
}
step('Chromium voor de browsertests', 'bash', ['scripts/ensure-chromium.sh']);

const pgReady = () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432'], { stdio: 'ignore' }).status === 0;
if (!process.env.TEST_DATABASE_URL && !pgReady() && existsSync('/etc/postgresql')) {
  console.log('\n› PostgreSQL starten (pg_ctlcluster)');
  for (const version of spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).stdout.trim().split('\n')) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
}

step('Lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
step('Typecheck (tsc, server en tests)', 'npx', ['tsc', '-p', 'tsconfig.check.json']);
step('Typecheck (tsc, webapp)', 'npx', ['tsc', '-p', 'web/tsconfig.json']);
step('Webapp bouwen (vite)', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

const report = path.join(root, '.vitest-report.json');
rmSync(report, { force: true });
const status = step('Tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs], { allowFail: true });

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  rmSync(report, { force: true });
  if (r.numTotalTests === 0) {
    console.error('Geen enkele test uitgevoerd.');
    process.exit(2);
  }
}
process.exit(status ?? 2);
