/// <reference lib="dom" />
/**
 * The public pages (MSZ §1, §5) in a real Chromium against the real server and a real (PGlite)
 * database with the demo seed, without logging in. After 12 November 2017 a customer goes from the
 * landing page to the price finder, searches a demo treatment by name near a demo provider's city
 * and sees the contracted providers nearest first with Dutch distances and prices, as the API
 * answers; the result is linkable. The contracted list shows every provider per purchasing insurer
 * with the budget-policy marker. With the clock on 11 November 2017 the same provider is nowhere:
 * the pages say when the list is published. axe-core finds no serious or critical violations on
 * the landing page, the price finder with results and the contracted list.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoDataset } from '../../src/demo/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ensureWebBuild, launchBrowser } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const YEAR = 2018;
const PUBLISHED = new Date('2017-11-20T10:00:00Z');
const BEFORE_PUBLICATION = new Date('2017-11-11T12:00:00Z');

interface PriceHit {
  agb: string;
  name: string;
  city: string;
  distance_km: number;
  price_cents: number;
  product_code: string;
  product_name: string;
  budget_policy: boolean;
  insurer: 'zk' | 'de-friesland';
}

interface ContractedList {
  published: boolean;
  published_on: string;
  insurers: { id: string; name: string }[];
  providers: { agb: string; name: string; city: string; type: string; insurer: string; budget_policy: boolean }[];
}

/** What the page must show, in the app's Dutch formats (checked independently of web/src/format.ts). */
const km = (value: number) => value.toFixed(1).replace('.', ',');
const euro = (cents: number) => `€ ${Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(cents % 100).padStart(2, '0')}`;
const insurerLabel = { zk: 'Zilveren Kruis', 'de-friesland': 'De Friesland' } as const;

describe('public pages in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** The treatment the customer types (a demo product's name) and the city, a contracted hospital's. */
  let treatment: string;
  let city: string;
  let hits: PriceHit[];
  let contracted: ContractedList;

  const api = async <T,>(path: string): Promise<T> => {
    const response = await fetch(server.url + path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ claims: 200 });
    browser = await launchBrowser();
    server.setNow(PUBLISHED);

    contracted = await api<ContractedList>(`/api/public/contracted?year=${YEAR}`);
    expect(contracted.published).toBe(true);
    const hospital = contracted.providers.find((p) => p.type === 'ziekenhuis' && p.insurer === 'zk');
    expect(hospital).toBeDefined();
    city = (hospital as { city: string }).city;
    // The first demo product: general care (cataract), delivered by every general hospital.
    const product = demoDataset('zorginkoop').products[0];
    expect(product).toBeDefined();
    treatment = (product as { name: string }).name;
    hits = await api<PriceHit[]>(`/api/public/prices?q=${encodeURIComponent(treatment)}&near=${encodeURIComponent(city)}&year=${YEAR}`);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits[0]?.product_name).toBe(treatment);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  async function openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale: 'nl-NL', viewport });
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

  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const resultRows = (page: Page) => page.locator('table.price-table tbody tr');

  async function expectResults(page: Page) {
    await page.getByRole('heading', { level: 2, name: `Resultaten voor: ${treatment} (zorgproductcode ${hits[0]?.product_code})` }).waitFor();
    // The live region says how many, for screen readers.
    expect(await page.getByRole('status').filter({ hasText: 'gevonden' }).textContent()).toBe(
      `${hits.length} zorgaanbieders gevonden voor ${treatment}, gesorteerd op afstand tot ${city}.`,
    );
    const rows = resultRows(page);
    expect(await rows.count()).toBe(hits.length);
    const distances: number[] = [];
    for (const [i, hit] of hits.entries()) {
      const cells = rows.nth(i).locator('th, td');
      const text = (await cells.allInnerTexts()).map((t) => t.trim());
      expect(text[0]).toBe(String(i + 1));
      expect(text[1]).toContain(hit.name);
      expect(text[2]).toBe(hit.city);
      expect(text[3]).toBe(km(hit.distance_km));
      expect(text[4]).toBe(euro(hit.price_cents));
      expect(text[5]).toBe('ja');
      expect(text[6]).toBe(hit.budget_policy ? 'Geselecteerd voor budgetpolis' : 'nee');
      expect(text[7]).toBe(insurerLabel[hit.insurer]);
      distances.push(Number((text[3] as string).replace('.', '').replace(',', '.')));
    }
    // Nearest first.
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  }

  test('lang, skip link and the entry to the price finder on the landing page', async () => {
    const page = await openPage('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('heading', { level: 1, name: 'Zorginkoop' }).waitFor();
    // The first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de hoofdinhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.getByRole('link', { name: 'Naar de Prijszoeker' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/public-landing.png`, fullPage: true });
    await closePage(page);
  });

  test('a customer finds the prices of a treatment near a place, nearest first, and can link to them', async () => {
    server.setNow(PUBLISHED);
    const page = await openPage('/');
    await page.getByRole('link', { name: 'Naar de Prijszoeker' }).click();
    await page.waitForURL(`${server.url}/prijzen`);
    await page.getByRole('heading', { level: 1, name: 'Prijszoeker' }).waitFor();

    // An empty search is refused in the form, with the focus on the first field to fix.
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Vul een behandeling in, bijvoorbeeld staaroperatie.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prijs-q');
    expect(await page.getByLabel('Behandeling (naam of code)').getAttribute('aria-invalid')).toBe('true');

    // By keyboard: type, Tab to the place, Enter submits.
    await page.getByLabel('Behandeling (naam of code)').fill(treatment.toLowerCase());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prijs-bij');
    await page.keyboard.type(city);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/prijzen' && url.searchParams.get('q') === treatment.toLowerCase() && url.searchParams.get('bij') === city);
    await expectResults(page);

    // The map sketch has a text alternative; the footer credits GeoNames.
    const plot = page.getByRole('img', { name: new RegExp(`Ligging van de ${hits.length} zorgaanbieders ten opzichte van ${city}`) });
    await plot.waitFor();
    expect(await page.locator('figure.provider-plot figcaption').textContent()).toMatch(/^Kaartschets: /);
    expect(await page.getByRole('contentinfo').textContent()).toContain('Plaatsgegevens: GeoNames, CC BY 4.0');

    // The open price file and its schema.
    const file = page.getByRole('link', { name: `Prijsbestand ${YEAR} downloaden (JSON)` });
    const fileHref = await file.getAttribute('href');
    expect(fileHref).toBe(`/api/public/price-file?year=${YEAR}`);
    expect((await page.context().request.get(server.url + fileHref)).status()).toBe(200);
    const schemaHref = await page.getByRole('link', { name: 'Schema van het prijsbestand (JSON Schema)' }).getAttribute('href');
    expect((await page.context().request.get(server.url + (schemaHref ?? ''))).status()).toBe(200);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/public-prices.png`, fullPage: true });
    const link = page.url();
    await closePage(page);

    // The address is the search: opened afresh, on a phone, it shows the same result.
    const phone = await openPage(new URL(link).pathname + new URL(link).search, { width: 390, height: 844 });
    await expectResults(phone);
    expect(await phone.getByLabel('Behandeling (naam of code)').inputValue()).toBe(treatment.toLowerCase());
    expect(await phone.getByLabel('Plaats of postcodegebied (4 cijfers)').inputValue()).toBe(city);
    // Nothing wider than the screen but the table's own scroll region.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: `${SHOTS}/public-prices-phone.png`, fullPage: true });
    await closePage(phone);
  });

  test('an unknown treatment or place gets a Dutch message at the field', async () => {
    server.setNow(PUBLISHED);
    const page = await openPage(`/prijzen?q=xyzzy&bij=${encodeURIComponent(city)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Geen behandeling gevonden voor 'xyzzy'");
    expect(await page.getByLabel('Behandeling (naam of code)').getAttribute('aria-invalid')).toBe('true');
    expect(await resultRows(page).count()).toBe(0);

    await page.getByLabel('Behandeling (naam of code)').fill(treatment);
    await page.getByLabel('Plaats of postcodegebied (4 cijfers)').fill('Nergenshuizen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('alert').filter({ hasText: "Plaats 'Nergenshuizen' niet gevonden" }).waitFor();
    expect(await page.getByLabel('Plaats of postcodegebied (4 cijfers)').getAttribute('aria-invalid')).toBe('true');
    await closePage(page);
  });

  test('the contracted providers per purchasing insurer, with the budget-policy marker', async () => {
    server.setNow(PUBLISHED);
    const page = await openPage(`/gecontracteerd?jaar=${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Gecontracteerde zorgaanbieders ${YEAR}` }).waitFor();
    expect(contracted.insurers.map((i) => i.id)).toEqual(expect.arrayContaining(['zk', 'de-friesland']));
    for (const insurer of contracted.insurers) {
      const section = page.getByRole('region', { name: `Ingekocht door ${insurer.name}`, exact: true });
      await section.waitFor();
      const own = contracted.providers.filter((p) => p.insurer === insurer.id);
      const rows = section.locator('tbody tr');
      expect(await rows.count()).toBe(own.length);
      expect(await rows.locator('th').allInnerTexts()).toEqual(own.map((p) => p.name));
      const marked = own.filter((p) => p.budget_policy).map((p) => p.name);
      expect(await rows.filter({ hasText: 'Geselecteerd voor budgetpolis' }).locator('th').allInnerTexts()).toEqual(marked);
    }
    expect(contracted.providers.some((p) => p.budget_policy)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/public-contracted.png`, fullPage: true });
    await closePage(page);

    const phone = await openPage(`/gecontracteerd?jaar=${YEAR}`, { width: 390, height: 844 });
    await phone.getByRole('region', { name: 'Ingekocht door Zilveren Kruis', exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: `${SHOTS}/public-contracted-phone.png`, fullPage: true });
    await closePage(phone);
  });

  test('before 12 November 2017 no provider contracted for 2018 appears, and the pages say when it will', async () => {
    server.setNow(BEFORE_PUBLICATION);
    const provider = hits[0] as PriceHit;
    expect((await api<PriceHit[]>(`/api/public/prices?q=${encodeURIComponent(treatment)}&near=${encodeURIComponent(city)}`)).length).toBe(0);

    const list = await openPage(`/gecontracteerd?jaar=${YEAR}`);
    await list.getByText(`De lijst voor ${YEAR} wordt gepubliceerd op 12 november 2017.`).waitFor();
    expect(await list.locator('main').textContent()).not.toContain(provider.name);
    expect(await list.locator('main table').count()).toBe(0);
    expect(await seriousViolations(list)).toEqual([]);
    await list.screenshot({ path: `${SHOTS}/public-contracted-before.png`, fullPage: true });
    await closePage(list);

    const prices = await openPage(`/prijzen?q=${encodeURIComponent(treatment)}&bij=${encodeURIComponent(city)}`);
    await prices.getByText(`De gecontracteerde zorgaanbieders en hun prijzen voor ${YEAR} worden gepubliceerd op 12 november 2017.`).waitFor();
    expect(await prices.getByRole('status').filter({ hasText: 'Geen zorgaanbieders' }).textContent()).toContain('wordt gepubliceerd op 12 november 2017');
    expect(await resultRows(prices).count()).toBe(0);
    expect(await prices.locator('main').textContent()).not.toContain(provider.name);
    // No price file to download yet; the page says from when.
    await prices.getByText(`Het prijsbestand voor ${YEAR} is beschikbaar vanaf 12 november 2017.`).waitFor();
    expect(await prices.getByRole('link', { name: /Prijsbestand .* downloaden/ }).count()).toBe(0);
    await prices.screenshot({ path: `${SHOTS}/public-prices-before.png`, fullPage: true });
    await closePage(prices);
    server.setNow(PUBLISHED);
  });
});
