/**
 * Browser-test helpers: launch the system Chromium through playwright-core, and make sure the web
 * app is built (web/dist) before the server starts, since the server serves what is there at start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { demoSecondFactorCode } from '../support/server.js';

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

export type DemoRole = 'purchaser' | 'controller' | 'medical-adviser' | 'provider';

/** The demo log-in of a role, from the seed's own list. */
export function demoLogin(role: DemoRole): { email: string; password: string } {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`no demo log-in for role ${role}`);
  return { email: login.email, password: login.password };
}

/**
 * Submits the filled log-in form. When the answer says `second_factor: 'required'` (controller,
 * medical adviser), fills the form's second step with the demo user's current code.
 */
export async function submitLogin(page: Page, baseUrl: string, email: string): Promise<void> {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
  const body = (await answer.json().catch(() => ({}))) as { second_factor?: string };
  if (body.second_factor !== 'required') return;
  await page.getByLabel('Verificatiecode').fill(await demoSecondFactorCode(baseUrl, email));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

/**
 * Pages on one server in one browser: each page has its own context (no shared session), page
 * errors are collected and must be empty when the page closes, log-in goes through the real form,
 * and axe reports the serious and critical violations.
 */
export function pageHelpers(getBrowser: () => Browser, getBaseUrl: () => string, timeoutMs = 20_000) {
  const pageErrors = new WeakMap<Page, string[]>();

  async function openPage(urlPath: string): Promise<Page> {
    const context = await getBrowser().newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(timeoutMs);
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(getBaseUrl() + urlPath);
    return page;
  }

  async function closePage(page: Page): Promise<void> {
    await page.context().close();
    expect(pageErrors.get(page)).toEqual([]);
  }

  async function logInTo(urlPath: string, role: DemoRole): Promise<Page> {
    const login = demoLogin(role);
    const page = await openPage(`/login?next=${encodeURIComponent(urlPath)}`);
    await page.getByLabel('E-mailadres').fill(login.email);
    await page.getByLabel('Wachtwoord').fill(login.password);
    await submitLogin(page, getBaseUrl(), login.email);
    await page.waitForURL(`${getBaseUrl()}${urlPath}`);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  return { openPage, closePage, logInTo, seriousViolations };
}
