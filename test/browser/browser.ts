/**
 * Browser-test helpers: launch the system Chromium through playwright-core, and make sure the web
 * app is built (web/dist) before the server starts, since the server serves what is there at start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(repo, 'web');
const distDir = path.join(webDir, 'dist');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Run scripts/ensure-chromium.sh or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Newest modification time of the app's sources (index.html, configs, src/**). */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) for (const entry of readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['index.html', 'vite.config.ts', 'src']) visit(path.join(webDir, entry));
  return newest;
}

/**
 * Builds web/dist when it is missing or older than the sources. The build goes to a fresh folder
 * that replaces web/dist in one rename, so a parallel test file never sees a half-written build.
 */
export function ensureWebBuild(): void {
  const index = path.join(distDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSourceTime()) return;
  const staging = path.join(webDir, `.dist-${process.pid}`);
  execFileSync('npx', ['vite', 'build', '--config', path.join(webDir, 'vite.config.ts'), '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repo,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  rmSync(distDir, { recursive: true, force: true });
  renameSync(staging, distDir);
}
