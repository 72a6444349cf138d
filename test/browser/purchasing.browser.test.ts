/// <reference lib="dom" />
/**
 * The purchaser's screens of the purchasing engine in a real Chromium against the real server and
 * a real (PGlite) database with the demo seed: a provider with a transitieafspraak shows its
 * decision and reasons, its proposal (richtpunt, volume corrections, price list), its settlement
 * with the Fig. 1 chart, and the downloads; changing the negotiation to "price/volume rejected"
 * turns the decision into "Geen overeenkomst". The ceiling monitor and the simulator work, a
 * provider user sees its own provider read-only, and axe-core finds no serious violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { ensureWebBuild, launchBrowser, submitLogin } from './browser.js';

type Role = 'purchaser' | 'controller' | 'provider';

/** The demo seed's own log-ins, so the test follows the seed when a password changes. */
function demoLogin(role: Role) {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`no demo log-in for role ${role}`);
  return { email: login.email, password: login.password };
}
const demo = { purchaser: demoLogin('purchaser'), controller: demoLogin('controller'), provider: demoLogin('provider') };

const EURO = /€ -?\d{1,3}(\.\d{3})*,\d{2}/;
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

interface ProviderRow {
  agb: string;
  name: string;
  kernregio: boolean;
  zk_revenue_cents: number | string;
}

describe('purchasing screens in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** A demo provider whose agreement (2018) is a transitieafspraak, found through the API. */
  let transitie: ProviderRow;
  /** A demo provider with an add-on agreement (2022), so the nacalculatie conditions show. */
  let addon: ProviderRow;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchBrowser();

    const client = new ApiClient(server.url);
    expect((await client.login(demo.purchaser.email, demo.purchaser.password)).status).toBe(200);
    const providers = (await (await client.get('/api/providers')).json()) as ProviderRow[];
    // Likely candidates first: a transitieafspraak needs a kernregio and revenue above the threshold.
    const ordered = [...providers].sort((a, b) => Number(b.kernregio) - Number(a.kernregio) || Number(b.zk_revenue_cents) - Number(a.zk_revenue_cents));
    for (const provider of ordered) {
      const response = await client.get(`/api/providers/${provider.agb}/agreement?year=2018`);
      expect(response.status).toBe(200);
      const decision = (await response.json()) as { type: string };
      if (decision.type === 'transitie') {
        transitie = provider;
        break;
      }
    }
    if (!transitie) throw new Error('the demo seed has no provider with a transitieafspraak in 2018');
    for (const provider of ordered) {
      const view = (await (await client.get(`/api/providers/${provider.agb}/addon?year=2022`)).json()) as { eligibility: unknown };
      if (view.eligibility) {
        addon = provider;
        break;
      }
    }
    if (!addon) throw new Error('the demo seed has no provider with an add-on agreement in 2022');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  async function openPage(path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
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

  /** Logs in through the form on the log-in page, which then sends the user on to `next`. */
  async function logInTo(path: string, role: Role): Promise<Page> {
    const page = await openPage(`/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel('E-mailadres').fill(demo[role].email);
    await page.getByLabel('Wachtwoord').fill(demo[role].password);
    await submitLogin(page, server.url, demo[role].email);
    await page.waitForURL(`${server.url}${path}`);
    return page;
  }

  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** A download through the browser's own session: status and content type. */
  async function download(page: Page, href: string | null) {
    expect(href).toBeTruthy();
    const response = await page.context().request.get(new URL(href as string, server.url).href);
    return { status: response.status(), type: response.headers()['content-type'] ?? '', size: (await response.body()).length };
  }

  test('a purchaser sees the decision, the proposal and the settlement of a transitieafspraak, with downloads', async () => {
    const page = await logInTo(`/providers/${transitie.agb}`, 'purchaser');
    await page.getByRole('heading', { level: 1, name: transitie.name }).waitFor();
    const tabs = page.getByRole('tablist');

    // Afspraak: the decision card with type badge and reasons (message, rule, source, inputs).
    await tabs.getByRole('tab', { name: 'Afspraak' }).click();
    expect(await tabs.getByRole('tab', { name: 'Afspraak' }).getAttribute('aria-selected')).toBe('true');
    const card = page.locator('.decision-card');
    await card.waitFor();
    expect(await card.locator('.badge-type-transitie').textContent()).toBe('Transitieafspraak');
    const reasons = page.getByRole('list', { name: 'Redenen van de afspraak' }).locator('> li');
    expect(await reasons.count()).toBeGreaterThan(0);
    expect(await reasons.first().locator('.rule-ref .code').textContent()).toMatch(/^agreement\./);
    expect(await reasons.first().locator('.source-ref').textContent()).toMatch(/^MSZ/);
    // The inputs open from a <details>.
    const inputs = reasons.first().locator('details.reason-inputs');
    await inputs.locator('summary').click();
    expect(await inputs.locator('dl dt').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/provider-afspraak.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: arrow keys move between the tabs (roving tabindex).
    await tabs.getByRole('tab', { name: 'Afspraak' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.getByRole('tab', { name: 'Voorstel' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Voorstel');

    // Voorstel: the richtpunt, the volume corrections and the price table, and both downloads.
    await page.getByRole('heading', { level: 3, name: /Volumevoorstel/ }).waitFor();
    const keyFigures = page.locator('.key-figures');
    expect(await keyFigures.getByText('Richtpunt', { exact: true }).count()).toBe(1);
    expect(await keyFigures.locator('.key-amount').textContent()).toMatch(EURO);
    const volumeRows = page.getByRole('table', { name: /Volumevoorstel/ }).locator('tbody tr');
    expect(await volumeRows.count()).toBeGreaterThan(1);
    expect(await volumeRows.first().locator('.rule-ref').textContent()).toMatch(/volume\.\w+.*MSZ/);
    expect(await page.getByRole('table', { name: /Prijzen per zorgproduct/ }).locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/provider-voorstel.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const pdf = await download(page, await page.getByRole('link', { name: 'Voorstelbrief (PDF)' }).getAttribute('href'));
    expect(pdf.status).toBe(200);
    expect(pdf.type).toMatch(/^application\/pdf/);
    expect(pdf.size).toBeGreaterThan(1000);
    const xlsx = await download(page, await page.getByRole('link', { name: 'Prijslijst (Excel)' }).getAttribute('href'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toMatch(/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
    const csv = await download(page, await page.getByRole('link', { name: 'Prijslijst (CSV)' }).getAttribute('href'));
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);

    // Afrekening: the statement, its lines with rule and source, the chart loaded, the PDF.
    await tabs.getByRole('tab', { name: 'Afrekening' }).click();
    const statement = page.getByRole('table', { name: /Afrekening 2018: overzicht/ });
    await statement.waitFor();
    for (const row of ['Gerealiseerd', 'Richtpunt', 'Te betalen']) {
      expect(await statement.getByRole('rowheader', { name: row, exact: true }).count()).toBe(1);
    }
    const lineRows = page.getByRole('table', { name: 'Onderdelen van het te betalen bedrag' }).locator('tbody tr');
    expect(await lineRows.count()).toBeGreaterThan(0);
    expect(await lineRows.first().locator('.rule-ref').textContent()).toMatch(/settlement\.transition.*MSZ/);
    const chart = page.locator('img.chart-image');
    expect(await chart.getAttribute('alt')).toMatch(/Richtpunt € .*gerealiseerd € .*te betalen € /);
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    const svg = await download(page, await chart.getAttribute('src'));
    expect(svg.status).toBe(200);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    const statementPdf = await download(page, await page.getByRole('link', { name: 'Afrekening (PDF)' }).getAttribute('href'));
    expect(statementPdf.status).toBe(200);
    expect(statementPdf.type).toMatch(/^application\/pdf/);
    await page.screenshot({ path: `${SHOTS}/provider-afrekening.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Add-on: the three conditions, each met or not, with its reason (at a provider with an add-on agreement).
    await tabs.getByRole('tab', { name: 'Add-on' }).click();
    await page.getByRole('heading', { level: 3, name: /Nacalculatie: voorwaarden/ }).waitFor();
    if (addon.agb !== transitie.agb) {
      await page.goto(`${server.url}/providers/${addon.agb}?tab=addon`);
      await page.getByRole('heading', { level: 3, name: /Nacalculatie: voorwaarden/ }).waitFor();
    }
    const conditions = page.locator('.conditions > li');
    await conditions.first().waitFor();
    expect(await conditions.count()).toBe(3);
    for (const text of await conditions.locator('.condition-head strong').allTextContents()) expect(text).toMatch(/^(Voldaan|Niet voldaan)$/);
    expect(await conditions.first().locator('.rule-ref').textContent()).toMatch(/addon\.condition\..*ADD §5/);
    await page.getByRole('heading', { level: 3, name: 'Nacalculatie per cluster' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/provider-addon.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('price and volume rejected: the decision becomes "Geen overeenkomst" and the settlement says why not', async () => {
    const page = await logInTo(`/providers/${transitie.agb}?tab=afspraak`, 'purchaser');
    const card = page.locator('.decision-card');
    await card.locator('.badge-type-transitie').waitFor();

    await page.getByLabel('Overeenstemming prijs en volume').selectOption('rejected');
    await page.getByRole('button', { name: /Opslaan/ }).click();
    await page.getByText('Onderhandelingsstand opgeslagen').waitFor();
    await card.locator('.badge-type-none', { hasText: 'Geen overeenkomst' }).waitFor();
    expect(await page.getByRole('list', { name: 'Redenen van de afspraak' }).locator('> li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/provider-geen-overeenkomst.png`, fullPage: true });

    // Without an agreement there is nothing to settle: the server's message is shown.
    await page.getByRole('tablist').getByRole('tab', { name: 'Afrekening' }).click();
    await page.locator('.alert-info .alert-title', { hasText: 'Niets af te rekenen' }).waitFor();
    expect(await page.locator('.alert-info').textContent()).toMatch(/overeenkomst/i);

    // Back to agreed, so the state is as the seed left it.
    await page.getByRole('tablist').getByRole('tab', { name: 'Afspraak' }).click();
    await page.getByLabel('Overeenstemming prijs en volume').selectOption('agreed');
    await page.getByRole('button', { name: /Opslaan/ }).click();
    await card.locator('.badge-type-transitie').waitFor();
    await closePage(page);
  });

  test('the ceiling monitor lists ceilings by utilisation with status badges', async () => {
    const page = await logInTo('/monitoring', 'purchaser');
    await page.getByRole('heading', { level: 1, name: 'Plafondmonitor' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Plafondmonitor' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByLabel('Jaar').inputValue()).toBe('2018');
    expect(await page.getByLabel('Peildatum').inputValue()).toBe('2018-09-30');
    const table = page.getByRole('table', { name: /Plafondmonitor 2018/ });
    await table.or(page.getByText('Geen plafondafspraken')).waitFor();
    const rows = table.locator('tbody tr:not(.room-row)');
    const count = await rows.count();
    if (count > 0) {
      const utilisation = await rows.locator('td:nth-child(5)').allTextContents();
      const numbers = utilisation.map((t) => Number(t.replace(/[^\d,-]/g, '').replace(',', '.')));
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      expect(await rows.first().locator('.badge').textContent()).toMatch(/^(ok|waarschuwing|overschrijding verwacht)$/);
    }
    await page.screenshot({ path: `${SHOTS}/provider-monitor.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('the simulator computes a settlement, draws the curve and shows field errors', async () => {
    const page = await logInTo('/simulator', 'controller');
    await page.getByRole('heading', { level: 1, name: 'Afrekening simuleren' }).waitFor();
    await page.getByLabel('Richtpunt (euro)').fill('10.000.000,00');
    await page.getByLabel('Realisatie (euro)').fill('9.000.000,00');
    await page.getByLabel('Aandeel tekort (u)').fill('0,5');
    await page.getByRole('button', { name: 'Bereken afrekening' }).click();
    const statement = page.getByRole('table', { name: 'Gesimuleerde afrekening' });
    await statement.waitFor();
    // 9.000.000 + 0,5 × 1.000.000 = 9.500.000.
    expect(await statement.getByRole('row', { name: /Te betalen/ }).first().textContent()).toContain('€ 9.500.000,00');
    expect(await page.locator('svg.chart-svg path.chart-curve').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/provider-simulator.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A field error at its field: in the browser for an amount that is not one, from the server otherwise.
    await page.getByLabel('Realisatie (euro)').fill('negen miljoen');
    await page.getByRole('button', { name: 'Bereken afrekening' }).click();
    expect(await page.getByLabel('Realisatie (euro)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Realisatie (euro)').fill('9.000.000,00');
    // Excluded care above the realisation: the server refuses it and names the field.
    await page.getByLabel('Uitgezonderde zorg (euro)').fill('9.500.000,00');
    await page.getByRole('button', { name: 'Bereken afrekening' }).click();
    await page.getByText('Niet berekend').waitFor();
    expect(await page.locator('form input[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await closePage(page);
  });

  test('a provider user sees its own agreement read-only, without the negotiation form or the monitor', async () => {
    const page = await logInTo('/providers', 'provider');
    const link = page.locator('table tbody tr').first().getByRole('link');
    await link.click();
    await page.getByRole('tablist').getByRole('tab', { name: 'Afspraak' }).click();
    await page.locator('.decision-card').waitFor();
    expect(await page.getByLabel('Overeenstemming prijs en volume').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Opslaan/ }).count()).toBe(0);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Plafondmonitor' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Afrekening simuleren' }).count()).toBe(0);
    await closePage(page);
  });
});
