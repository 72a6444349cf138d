/// <reference lib="dom" />
/**
 * Machtigingen kaakchirurgie in a real Chromium against the real server and a (PGlite) database with
 * the demo seed: the provider checks that an adult's implants need authorisation, submits a request
 * without records (the missing item is named at its field), adds the record and submits; the
 * medical adviser finds it in the queue with its clock and approves it with a reason; the provider
 * sees the decision, decided in time. axe-core finds no serious violations on the screens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A date `days` after today (the server runs on the wall clock here). */
function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('prior authorisations in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let requestId = '';

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ claims: 50 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url);

  const menuItem = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Machtigingen' });

  test('a provider checks the requirement and submits a request; a missing record is named at its field', async () => {
    const page = await logInTo('/machtigingen', 'provider');
    await page.getByRole('heading', { level: 1, name: 'Machtigingen kaakchirurgie' }).waitFor();
    expect(await menuItem(page).getAttribute('aria-current')).toBe('page');
    // The demo requests are listed with their clocks.
    await page.getByRole('link', { name: /^Aanvraag \d+/ }).first().waitFor();
    expect(await page.getByText('Te laat beslist (werkdag 11)').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe machtigingsaanvraag' }).waitFor();
    await page.getByLabel('Soort behandeling').selectOption('implantologie');
    await page.getByLabel('Geplande behandeldatum').fill(daysFromNow(30));
    await page.getByLabel('Geboortedatum patiënt').fill('1970-04-12');
    await page.getByRole('button', { name: 'Toets of een machtiging nodig is' }).click();
    await page.getByText('Machtiging nodig (patiënt').waitFor();
    expect(await page.getByText('MSZ Bijlage 1 art. 6 item 15a').count()).toBeGreaterThan(0);

    await page.getByLabel('BSN').fill('111222333');
    await page.getByLabel('Naam', { exact: true }).fill('J. de Vries');
    await page.getByLabel('Uw kenmerk (optioneel)').fill('BROWSER-1');
    await page.getByLabel('Behandelplan', { exact: true }).fill('Twee implantaten in de onderkaak (36 en 46) met kronen.');
    await page.getByLabel('Prestatiecode').fill('J20');
    await page.getByLabel('Elementnummers').fill('36, 46');
    await page.getByLabel('Bedrag (euro)').fill('450,00');
    await page.getByLabel('Techniekkosten (euro)').fill('300,00');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();

    // No record yet: the server names the missing item, the form marks the file field.
    const summary = page.getByRole('alert').filter({ hasText: 'De aanvraag is niet volledig of niet juist' });
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: /Relevante dossiers ontbreken/ }).count()).toBe(1);
    expect(await page.getByLabel('Relevante dossiers').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/authorisation-form-missing.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Relevante dossiers').setInputFiles({ name: 'verwijsbrief.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.waitForURL(/\/machtigingen\/\d+$/);
    requestId = /\/machtigingen\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { level: 1, name: `Machtigingsaanvraag ${requestId}: Implantologie en pre-implantologische chirurgie` }).waitFor();
    expect(await page.locator('.subtitle').getByText('In behandeling').count()).toBe(1);
    const clock = page.getByRole('region', { name: 'Beslistermijn' });
    await clock.getByText('nog 10 werkdagen').waitFor();
    expect(await page.getByRole('link', { name: 'verwijsbrief.pdf' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: '€ 750,00' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('the medical adviser finds it in the queue and approves it; the provider sees the decision', async () => {
    expect(requestId).not.toBe('');
    const adviser = await logInTo('/machtigingen', 'medical-adviser');
    await adviser.getByRole('heading', { level: 1, name: 'Machtigingen kaakchirurgie' }).waitFor();
    const queue = adviser.getByRole('region', { name: 'Werkvoorraad machtigingsaanvragen' });
    const row = queue.getByRole('row').filter({ has: adviser.getByRole('link', { name: `Aanvraag ${requestId}` }) });
    await row.waitFor();
    expect(await row.getByText('In behandeling').count()).toBe(1);
    expect(await row.getByText(/nog 10 werkdagen/).count()).toBe(1);
    expect(await seriousViolations(adviser)).toEqual([]);

    await row.getByRole('link', { name: `Aanvraag ${requestId}` }).click();
    await adviser.waitForURL(`${server.url}/machtigingen/${requestId}`);
    await adviser.getByRole('heading', { level: 2, name: 'Besluiten' }).waitFor();
    expect(await seriousViolations(adviser)).toEqual([]);
    await adviser.getByLabel('Goedkeuren').check();
    await adviser.getByLabel('Motivering').fill('Indicatie voor implantaten aangetoond; conform behandelplan.');
    await adviser.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await adviser.getByText(/Besluit: goedgekeurd door adviseur@zorginkoop\.nl/).waitFor();
    expect(await adviser.getByRole('heading', { level: 2, name: 'Besluiten' }).count()).toBe(0);
    await adviser.screenshot({ path: `${SHOTS}/authorisation-decided.png`, fullPage: true });
    await closePage(adviser);

    const provider = await logInTo(`/machtigingen/${requestId}`, 'provider');
    await provider.getByText(/Besluit: goedgekeurd/).waitFor();
    expect(await provider.getByText('Indicatie voor implantaten aangetoond; conform behandelplan.').count()).toBeGreaterThan(0);
    expect(await provider.locator('.subtitle').getByText('Goedgekeurd').count()).toBe(1);
    await provider.getByRole('region', { name: 'Beslistermijn' }).locator('.badge').getByText(/^Op tijd beslist/).waitFor();
    expect(await seriousViolations(provider)).toEqual([]);
    await closePage(provider);
  });
});
