/// <reference lib="dom" />
/**
 * The quality screen (MSZ Bijlage 1, 2) in a real Chromium against the real server and a real
 * (PGlite) database with the demo seed, the server clock in the contracting year: the provider user
 * opens it from its provider page, is stopped at the question it left unexplained, then saves its
 * answers with an entry condition not met and sees the improvement agreement with its due date
 * (the one the API records, inside the agreement term) and its minimum-norm status with reasons. A
 * purchaser reads the same without a form and marks the agreement met. axe-core on every view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const YEAR = 2018;
const dutchDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

interface Agreement {
  id: number;
  specification_number: number;
  due_date: string;
  status: string;
}

describe('quality questionnaire in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let agb: string;
  let name: string;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchBrowser();
    server.setNow(new Date('2017-11-01T09:00:00Z'));
    agb = server.seed.demoProviderAgb;
    const client = new ApiClient(server.url);
    const login = demoLogin('provider');
    expect((await client.login(login.email, login.password)).status).toBe(200);
    name = ((await (await client.get(`/api/providers/${agb}`)).json()) as { name: string }).name;
    const questionnaire = (await (await client.get(`/api/providers/${agb}/questionnaire?year=${YEAR}`)).json()) as { summary: { answered: number } };
    expect(questionnaire.summary.answered).toBe(0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url, 30_000);

  /** The improvement agreements as the API records them, read with the provider's own session. */
  async function recordedAgreements(): Promise<Agreement[]> {
    const client = new ApiClient(server.url);
    const login = demoLogin('provider');
    expect((await client.login(login.email, login.password)).status).toBe(200);
    return (await (await client.get(`/api/providers/${agb}/improvement-agreements?year=${YEAR}`)).json()) as Agreement[];
  }

  test('the provider answers with an entry condition not met and sees the improvement agreement with its due date', async () => {
    const page = await logInTo(`/providers/${agb}`, 'provider');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: 'Kwaliteit: vragenlijst, verbeterafspraken en selectie' }).click();
    await page.waitForURL(`${server.url}/providers/${agb}/kwaliteit`);
    await page.getByRole('heading', { level: 1, name: `Kwaliteit en selectie ${YEAR}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Inkoopspecificaties' }).waitFor();
    expect(await page.locator('fieldset[id^="vraag-specification-"]').count()).toBe(13);
    expect(await seriousViolations(page)).toEqual([]);

    // Entry condition 2 (LESA form) not met, with why; objective 1 met; general condition 1 "not applicable" without a reason.
    const spec2 = page.locator('#vraag-specification-2');
    expect(await spec2.locator('legend').textContent()).toContain('LESA-formulier');
    expect(await spec2.textContent()).toContain('Instapvoorwaarde');
    await spec2.getByLabel('Nee').check();
    await spec2.getByLabel(/^Toelichting/).fill('Het digitale LESA-formulier wordt in het voorjaar van 2018 ingevoerd.');
    await page.locator('#vraag-specification-1').getByLabel('Ja').check();
    const general1 = page.locator('#vraag-general-1');
    await general1.getByLabel('Niet van toepassing').check();
    await page.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await page.getByRole('alert').getByText('Antwoorden niet opgeslagen').waitFor();
    expect(await general1.locator('.field-error').textContent()).toContain('Licht toe waarom');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vraag-general-1-not-applicable');
    expect((await recordedAgreements()).length).toBe(0);

    // Corrected: saved, and the entry condition not met becomes an improvement agreement.
    await general1.getByLabel('Ja').check();
    await page.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    const saved = page.getByRole('status').filter({ hasText: '3 antwoord(en) opgeslagen' });
    await saved.waitFor();
    const recorded = await recordedAgreements();
    expect(recorded.map((a) => [a.specification_number, a.status])).toEqual([[2, 'open']]);
    const due = (recorded[0] as Agreement).due_date;
    expect(due >= `${YEAR}-01-01`).toBe(true);
    expect(await saved.textContent()).toContain(`Instapvoorwaarde 2 (Eerstelijnsdiagnostiek): uiterlijk ${dutchDate(due)} alsnog voldoen`);
    expect(await page.locator('#vraag-specification-2').textContent()).toContain('Opgeslagen: nee');
    await page.screenshot({ path: `${SHOTS}/quality-questionnaire.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // The agreement with its goal and due date, and the objectives as answered.
    await page.getByRole('tablist').getByRole('tab', { name: 'Verbeterafspraken' }).click();
    const table = page.getByRole('table', { name: 'Verbeterafspraken' });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.locator('th').textContent()).toContain('2. Eerstelijnsdiagnostiek');
    expect(await row.textContent()).toContain('Alsnog voldoen aan: Hanteert uw (ziekenhuis)laboratorium');
    expect(await row.getByTestId('due-date').textContent()).toBe(dutchDate(due));
    expect(await row.textContent()).toContain('Open');
    expect(await page.locator('section[aria-labelledby="doelstellingen"]').textContent()).toMatch(/1\. IC zorg.*— ja/);
    expect(await page.getByRole('button', { name: /^Nagekomen/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/quality-agreements.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Minimum norms and selective purchasing, with reasons.
    await page.getByRole('tablist').getByRole('tab', { name: 'Minimumnormen en selectieve inkoop' }).click();
    const treatments = page.getByRole('table', { name: 'Selectie per behandeling' });
    await treatments.locator('tbody tr').first().waitFor();
    expect(await treatments.locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await treatments.locator('.reason-message').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Selectie vastleggen' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('a purchaser reads the answers without a form and marks the improvement agreement met', async () => {
    const page = await logInTo(`/providers/${agb}/kwaliteit`, 'purchaser');
    await page.getByRole('heading', { level: 3, name: 'Inkoopspecificaties' }).waitFor();
    expect(await page.getByRole('button', { name: 'Antwoorden opslaan' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Het digitale LESA-formulier wordt in het voorjaar van 2018 ingevoerd.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tablist').getByRole('tab', { name: 'Verbeterafspraken' }).click();
    await page.getByRole('button', { name: /^Nagekomen/ }).click();
    const row = page.getByRole('table', { name: 'Verbeterafspraken' }).locator('tbody tr').first();
    await row.getByText('Nagekomen', { exact: true }).waitFor();
    expect((await recordedAgreements())[0]?.status).toBe('met');
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });
});
