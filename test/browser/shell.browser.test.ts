/**
 * The web app in a real Chromium against the real server and a real (PGlite) database with the
 * demo seed: log-in through the form, the shell, the providers table and its scoping for a
 * provider user, the Dutch error on a wrong password, and axe-core on the main pages.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ensureWebBuild, launchBrowser } from './browser.js';

/** The demo seed's own log-ins, so the test follows the seed when a password changes. */
function demoLogin(role: 'purchaser' | 'provider') {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`no demo log-in for role ${role}`);
  return { email: login.email, password: login.password };
}
const demo = { purchaser: demoLogin('purchaser'), provider: demoLogin('provider') };

describe('web shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  /** A fresh context (no cookies) per test; uncaught script errors are collected for `closePage`. */
  async function openPage(path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url + path);
    return page;
  }

  async function closePage(page: Page) {
    await page.context().close();
    expect(pageErrors.get(page)).toEqual([]);
  }

  async function logIn(page: Page, credentials: { email: string; password: string }) {
    await page.getByLabel('E-mailadres').fill(credentials.email);
    await page.getByLabel('Wachtwoord').fill(credentials.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  test('a purchaser logs in through the form and sees the shell and the providers table', async () => {
    const page = await openPage('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await logIn(page, demo.purchaser);

    await page.waitForURL(`${server.url}/providers`);
    await page.getByRole('heading', { level: 1, name: 'Zorgaanbieders' }).waitFor();
    const header = page.getByRole('banner');
    expect(await header.getByText('Zorginkoop', { exact: true }).isVisible()).toBe(true);
    expect(await header.getByText(demo.purchaser.email).isVisible()).toBe(true);
    expect(await header.getByText('Zorginkoper', { exact: true }).isVisible()).toBe(true);
    expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Zorgaanbieders' }).getAttribute('aria-current')).toBe('page');

    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    // Amounts are Dutch euros: € 12.345.678,90.
    expect(await rows.first().locator('td.amount').textContent()).toMatch(/^€ -?\d{1,3}(\.\d{3})*,\d{2}$/);

    // The filter narrows the table to the provider typed in.
    const firstAgb = (await rows.first().locator('td').first().textContent()) ?? '';
    await page.getByLabel('Zoeken').fill(firstAgb);
    await expect.poll(() => rows.count()).toBe(1);

    // The detail page of a provider, then log out.
    await rows.first().getByRole('link').click();
    await page.waitForURL(`${server.url}/providers/${firstAgb}`);
    await page.getByRole('heading', { level: 2, name: 'Locaties' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorginkoop' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await closePage(page);
  });

  test('a provider user sees exactly its own provider', async () => {
    const page = await openPage('/login');
    await logIn(page, demo.provider);
    await page.waitForURL(`${server.url}/providers`);
    await page.getByRole('banner').getByText('Zorgaanbieder', { exact: true }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await page.locator('.result-count').textContent()).toBe('1 zorgaanbieder');
    // No import for a provider user.
    expect(await page.getByRole('link', { name: /importeren/i }).count()).toBe(0);
    await closePage(page);
  });

  test('a wrong password shows the Dutch error and stays on the log-in page', async () => {
    const page = await openPage('/login');
    await logIn(page, { email: demo.purchaser.email, password: 'niet-het-wachtwoord' });
    await page.getByText('E-mailadres of wachtwoord onjuist').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await closePage(page);
  });

  test('a protected page sends a visitor to the log-in page and back after logging in', async () => {
    const page = await openPage('/providers');
    await page.waitForURL(/\/login\?next=%2Fproviders$/);
    await logIn(page, demo.purchaser);
    await page.waitForURL(`${server.url}/providers`);
    await closePage(page);
  });

  test('the log-in and providers pages have no serious or critical axe violations', async () => {
    const page = await openPage('/login');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await logIn(page, demo.purchaser);
    await page.waitForURL(`${server.url}/providers`);
    await page.locator('table tbody tr').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });
});
