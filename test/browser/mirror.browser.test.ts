/// <reference lib="dom" />
/**
 * Spiegelinformatie in a real Chromium against the real server and a real (PGlite) database with
 * the demo seed and 4000 claims a year, checked through the API by the controller, who also puts
 * the demo provider's findings to it: the provider user opens the tab "Spiegelinformatie" of its
 * own provider page and sees its indicators, each against the anonymised band of its peers (a box
 * plot with its text equivalent, a signal, the explanation with its ADD §8 topic) and the notice;
 * no other provider's name or AGB code appears on the page. In the tab "Bevindingen" it responds to
 * a finding. Staff see the overview with signal counts. axe-core finds no serious violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';


const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const YEAR = 2018;

interface MirrorReport {
  agb: string;
  indicators: { id: string; label: string; topic: string; signal: string }[];
  notice: { message: string };
}

describe('mirror information screens in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let own: { agb: string; name: string };
  let others: { agb: string; name: string }[];
  let report: MirrorReport;
  let sent: number;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ claims: 4000 });
    browser = await launchBrowser();

    const controller = new ApiClient(server.url);
    const login = demoLogin('controller');
    expect((await controller.login(login.email, login.password)).status).toBe(200);
    expect((await controller.post('/api/claims/check', { year: YEAR })).status).toBe(200);
    const ownAgb = server.seed.demoProviderAgb;
    const send = await controller.post('/api/claims/findings/send', { agb: ownAgb });
    expect(send.status).toBe(200);
    sent = ((await send.json()) as { sent: number }).sent;

    const providers = (await (await controller.get('/api/providers')).json()) as { agb: string; name: string }[];
    own = providers.find((p) => p.agb === ownAgb) as { agb: string; name: string };
    expect(own).toBeDefined();
    others = providers.filter((p) => p.agb !== ownAgb);
    expect(others.length).toBeGreaterThan(5);
    report = (await (await controller.get(`/api/providers/${ownAgb}/mirror?year=${YEAR}`)).json()) as MirrorReport;
    expect(report.indicators.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url);


  test('a provider user sees its own indicators against anonymised peers, and no other provider', async () => {
    const page = await logInTo(`/providers/${own.agb}?tab=spiegel`, 'provider');
    await page.getByRole('heading', { level: 1, name: own.name }).waitFor();
    const tab = page.getByRole('tablist').getByRole('tab', { name: 'Spiegelinformatie' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2, name: `Spiegelinformatie ${YEAR}` }).waitFor();

    // The notice: shared first, anonymous.
    const notice = page.locator('.mirror-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(report.notice.message);

    // Every indicator: label, own value, the band with its text equivalent, a signal, the why.
    const cards = page.locator('.indicator-list > li');
    expect(await cards.count()).toBe(report.indicators.length);
    for (const [i, indicator] of report.indicators.entries()) {
      const card = cards.nth(i);
      expect(await card.getByRole('heading', { level: 4 }).textContent()).toBe(indicator.label);
      expect(await card.locator('.indicator-value').textContent()).toMatch(/\d/);
      const band = card.getByRole('img');
      expect(await band.count()).toBe(1);
      const description = await card.locator('figcaption').textContent();
      expect(description).toMatch(/P10 .*P25 .*mediaan .*P75 .*P90 .*Uw waarde/);
      expect(await band.getAttribute('aria-describedby')).toBe(await card.locator('figcaption').getAttribute('id'));
      expect(await card.locator('.band-box').count()).toBe(1);
      expect(await card.locator('.band-own').count()).toBe(1);
      expect(await card.locator('.badge').textContent()).toMatch(/^(Boven P90|Boven P75|Binnen P25–P75|Onder P25)$/);
      expect(await card.locator('.reason-message').textContent()).toMatch(/Onderwerp: /);
      expect(await card.locator('.source-ref').textContent()).toMatch(/^ADD §8/);
    }
    // Grouped under the topics of ADD §8.
    const topics = new Set(report.indicators.map((i) => i.topic));
    expect(await page.locator('.mirror-topic h3').count()).toBe(topics.size);

    // Anonymous: no other provider's name or AGB code anywhere on the page.
    const text = (await page.locator('body').innerText()) + (await page.content());
    for (const other of others) {
      expect(text, `AGB ${other.agb} on the page`).not.toContain(other.agb);
      if (!own.name.includes(other.name)) expect(text, `${other.name} on the page`).not.toContain(other.name);
    }
    // And the menu has no staff overview for a provider.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Spiegelinformatie' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/mirror-provider.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Bevindingen: the findings put to it, and a response before the due date.
    await page.getByRole('tablist').getByRole('tab', { name: 'Bevindingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bevindingen declaratiecontrole' }).waitFor();
    if (sent > 0) {
      const first = page.locator('.finding-cards > li').first();
      await first.waitFor();
      const field = first.getByLabel(/^Uw reactie op declaratie /);
      await field.fill('De declaratie is terecht: het betreft een nieuwe zorgvraag, zie het dossier.');
      await first.getByRole('button', { name: 'Reactie versturen' }).click();
      await first.getByText('Uw reactie is ontvangen.').waitFor();
      expect(await first.locator('.badge').textContent()).toBe('Reactie ontvangen');
      expect(await first.locator('blockquote').textContent()).toContain('nieuwe zorgvraag');
    } else {
      await page.getByText('Er zijn geen bevindingen aan u voorgelegd.').waitFor();
    }
    // The reclaim statement downloads with the provider's own session.
    const pdf = await page.context().request.get(new URL((await page.getByRole('link', { name: /Terugvorderingsoverzicht 2018 \(PDF\)/ }).getAttribute('href')) ?? '', server.url).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    await page.screenshot({ path: `${SHOTS}/mirror-provider-findings.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('staff see every provider with its signal counts and open a provider’s mirror report', async () => {
    const page = await logInTo('/mirror', 'controller');
    await page.getByRole('heading', { level: 1, name: 'Spiegelinformatie' }).waitFor();
    const table = page.getByRole('table', { name: /Spiegelinformatie 2018: signalen per zorgaanbieder/ });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Boven P90', 'Boven P75', 'Binnen P25–P75', 'Onder P25']));
    await page.screenshot({ path: `${SHOTS}/mirror-overview.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await rows.first().locator('th a').click();
    await page.getByRole('heading', { level: 2, name: `Spiegelinformatie ${YEAR}` }).waitFor();
    await page.locator('.indicator-list > li').first().waitFor();
    expect(await page.getByRole('tablist').getByRole('tab', { name: 'Spiegelinformatie' }).getAttribute('aria-selected')).toBe('true');
    await closePage(page);
  });
});
