#!/usr/bin/env node
// `npm start`: everything a fresh machine needs to run the product, then serve it.
// Installs dependencies (npm ci) when missing, builds server and web app when out of date,
// migrates the embedded database, seeds the demo data on first run, and serves on port 3000.
// Uses Node built-ins only, so it runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env, ...options });
  if (result.status !== 0) {
    console.error(`\n'${cmd} ${args.join(' ')}' mislukte (exit ${result.status}).`);
    process.exit(result.status ?? 2);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const outdated = (output, ...inputs) =>
  !existsSync(output) || inputs.some((input) => newestMtime(input) > statSync(output).mtimeMs);

if (!existsSync('node_modules/.package-lock.json') || statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs) {
  console.log('› Afhankelijkheden installeren (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (outdated('dist/cli/main.js', 'src')) {
  console.log('› Server bouwen (tsc)…');
  run('npx', ['tsc', '-p', 'tsconfig.json']);
}
if (outdated('web/dist/index.html', 'web/src')) {
  console.log('› Webapp bouwen (vite)…');
  run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}
const cli = ['bin/zorginkoop.js'];
run('node', [...cli, 'db', 'migrate']);
run('node', [...cli, 'demo', 'seed', '--if-empty']);

// The demo controller and medical adviser log in with a second factor (TOTP). Demo only: their
// secrets are fixed and printed so anyone can try the demo; a real system never shows a secret.
const { DEMO_LOGINS } = await import(pathToFileURL(path.join(root, 'dist/app/demo/demo-users.js')).href);
const withTotp = DEMO_LOGINS.filter((u) => u.totpSecret);
if (withTotp.length > 0) {
  console.log('\nTweede factor (TOTP) van de demo-inlogs. Alleen voor de demo: een echt systeem toont nooit een geheim.');
  for (const u of withTotp) console.log(`  ${u.label.padEnd(26)} ${u.email}  geheim ${u.totpSecret}`);
  console.log('  Voeg het geheim toe aan een authenticator-app, of bereken de code: oathtool --totp -b <geheim>');
}
const port = process.env.PORT ?? '3000';
run('node', [...cli, 'serve', '--port', port, ...process.argv.slice(2)]);
