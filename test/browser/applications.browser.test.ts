/// <reference lib="dom" />
/**
 * A new provider applying and being rejected (MSZ §5 "Nieuwe aanbieders"), in a real Chromium
 * against the real server and a real (PGlite) database with the demo seed, the server clock moved
 * through the contracting year 2017 for 2018: a visitor applies through the form (a browser hint
 * first, then the server's own error at its field, then the receipt); the purchaser rejects the
 * application with reasons through the screens and the letter link answers a PDF; the applicant
 * objects in time and is told it was received; a second applicant, a day late, gets the server's
 * refusal in Dutch; the purchaser then sees the objection and an overdue application. axe-core
 * finds no serious violations on any of these pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** AGB codes the demo seed never uses. */
const AGB = { form: '27990101', taken: '27990102', overdue: '27990103' } as const;

const application = (agb: string, name: string) => ({
  year: 2018,
  organisation_name: name,
  applicant_email: `aanmelding+${agb}@kliniek.example.nl`,
  kvk: `6${agb.slice(1)}`,
  agb,
  provider_type: 'zbc',
  city: 'Deventer',
  wtzi_admission: true,
  kvk_registered: true,
  meets_quality_and_entry_conditions: true,
  added_value: 'Heupoperaties in dagbehandeling met korte wachttijden in de regio.',
});

const FORM = { name: 'Kliniek Sallandse Heuvelrug', email: 'info@kliniek-salland.example.nl' };
const REASONS = 'Het aanbod van orthopedische zorg in de regio Deventer is voor 2018 toereikend ingekocht.';

describe('new provider applying and being rejected, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  /** Application numbers: the one made through the form, and two made through the API. */
  const ids = {} as Record<keyof typeof AGB, string>;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchBrowser();
    server.setNow(new Date('2017-06-20T10:00:00Z'));
    for (const key of ['taken', 'overdue'] as const) {
      const response = await new ApiClient(server.url).post('/api/applications', application(AGB[key], `Kliniek ${AGB[key]}`));
      expect(response.status).toBe(201);
      ids[key] = ((await response.json()) as { id: string }).id;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { openPage, closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url);

  /** A purchaser session through the API (the clock moves, so sessions are fresh per step). */
  async function purchaserApi(): Promise<ApiClient> {
    const client = new ApiClient(server.url);
    const login = demoLogin('purchaser');
    expect((await client.login(login.email, login.password)).status).toBe(200);
    return client;
  }

  async function lookUp(page: Page, id: string, email: string) {
    await page.getByRole('heading', { level: 1, name: 'Bezwaar of verzoek om toelichting' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(id);
    await page.getByLabel('E-mailadres van uw aanmelding').fill(email);
    await page.getByRole('button', { name: 'Aanmelding opzoeken' }).click();
  }

  test('a visitor applies through the form: hints, the server’s field error, then the receipt', async () => {
    const page = await openPage('/aanmelden');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden als nieuwe zorgaanbieder' }).waitFor();
    // The menu offers it to visitors; the dates come from the policy, measured on the server's day.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmelden nieuwe zorgaanbieder' }).count()).toBe(1);
    const dates = page.locator('section[aria-labelledby="aanmelding-termijnen"]');
    await dates.waitFor();
    expect(await dates.textContent()).toMatch(/tot en met 1 juli 2017.*uiterlijk 15 september 2017.*tot en met 7 oktober 2017/);
    expect(await dates.textContent()).not.toContain('verstreken');
    // Every declaration is explained with the policy's own words.
    for (const text of ['Dat u beschikt over een toelating WTZi', 'Dat u bent ingeschreven bij de Kamer van Koophandel', 'algemene kwaliteitsvoorwaarden en instapvoorwaarden', 'Wat de toegevoegde waarde is van uw zorgaanbod']) {
      expect(await page.locator('form').textContent()).toContain(text);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // An empty form: the browser's hints, at their fields, and focus on the first.
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Aanmelding niet verstuurd').waitFor();
    expect(await page.locator('#aanmelding-agb-error').textContent()).toContain('8 cijfers');
    expect(await page.getByLabel(/^Naam van de organisatie/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('aanmelding-organisation_name');

    // Filled in, with an AGB code that already applied: the server's error at the AGB field.
    await page.getByLabel(/^Naam van de organisatie/).fill(FORM.name);
    await page.getByLabel(/^Soort zorgaanbieder/).selectOption('zbc');
    await page.getByLabel(/^Vestigingsplaats/).fill('Deventer');
    await page.getByLabel(/^AGB-code/).fill(AGB.taken);
    await page.getByLabel(/^KvK-nummer/).fill('67990101');
    await page.getByLabel(/^E-mailadres voor contact/).fill(FORM.email);
    await page.getByLabel('Wij beschikken over een toelating WTZi').check();
    await page.getByLabel('Wij zijn ingeschreven bij de Kamer van Koophandel').check();
    await page.getByLabel(/^Wij voldoen aan de algemene kwaliteitsvoorwaarden/).check();
    await page.getByLabel(/^Toegevoegde waarde van uw zorgaanbod/).fill('Heupoperaties in dagbehandeling, binnen vier weken, voor de regio Deventer.');
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page.getByRole('alert').getByText(`Voor AGB-code ${AGB.taken} is al een aanmelding voor 2018 ingediend.`).waitFor();
    expect(await page.locator('#aanmelding-agb-error').textContent()).toBe('Al aangemeld.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('aanmelding-agb');
    await page.screenshot({ path: `${SHOTS}/application-form.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A new AGB code: the receipt with the number, the assessment date and what happens next.
    await page.getByLabel(/^AGB-code/).fill(AGB.form);
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page.getByRole('heading', { name: 'Aanmelding ontvangen' }).waitFor();
    ids.form = ((await page.getByTestId('application-id').textContent()) ?? '').trim();
    expect(ids.form).toMatch(/^[0-9a-f-]{36}$/);
    const receipt = (await page.locator('main').textContent()) ?? '';
    expect(receipt).toMatch(/Wij beoordelen uw aanmelding uiterlijk\s*15 september 2017/);
    expect(receipt).toContain('ontvangt u een voorstel met volumes');
    expect(receipt).toContain('ontvangt u van ons een brief waarin wij dit toelichten');
    expect(await page.getByRole('link', { name: 'de pagina voor bezwaar en toelichting' }).getAttribute('href')).toBe(`/aanmelden/${ids.form}/bezwaar`);
    await page.screenshot({ path: `${SHOTS}/application-receipt.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('the purchaser rejects it with reasons through the screens; the letter link answers a PDF', async () => {
    server.setNow(new Date('2017-09-14T09:00:00Z'));
    const page = await logInTo('/aanmeldingen', 'purchaser');
    await page.getByRole('heading', { level: 1, name: 'Aanmeldingen nieuwe zorgaanbieders' }).waitFor();
    const table = page.getByRole('table', { name: /Aanmeldingen van nieuwe zorgaanbieders voor 2018/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.textContent()).not.toContain('Te laat');
    expect(await seriousViolations(page)).toEqual([]);

    await table.getByRole('link', { name: FORM.name }).click();
    await page.getByRole('heading', { level: 1, name: FORM.name }).waitFor();
    expect(await page.locator('main').textContent()).toContain(ids.form);
    expect(await page.locator('.declarations').textContent()).toMatch(/Ja Toelating WTZi.*Ja Ingeschreven.*Ja Voldoet/);
    expect(await seriousViolations(page)).toEqual([]);

    // Rejecting needs reasons: the browser says so first.
    await page.getByLabel('Afwijzen met redenen').check();
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    expect(await page.locator('#beoordeling-redenen-error').textContent()).toContain('redenen voor de brief');
    await page.getByLabel(/^Redenen van de afwijzing/).fill(REASONS);
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText(/^Afgewezen op 14 september 2017/).waitFor();
    expect(await page.locator('main').textContent()).toContain(REASONS);
    expect(await page.locator('main').textContent()).toContain('tot en met 7 oktober 2017 bezwaar maken');

    const letter = page.getByRole('link', { name: 'Afwijzingsbrief (PDF)' });
    const response = await page.context().request.get(new URL((await letter.getAttribute('href')) ?? '', server.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.screenshot({ path: `${SHOTS}/application-rejected.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);

    // The second applicant is rejected too (through the API), for the late objection below.
    const purchaser = await purchaserApi();
    expect((await purchaser.post(`/api/applications/${ids.taken}/assessment`, { decision: 'reject', reasons: REASONS })).status).toBe(200);
  });

  test('the applicant objects in time and is told it was received', async () => {
    server.setNow(new Date('2017-10-07T10:00:00Z')); // the deadline day itself counts
    const page = await openPage(`/aanmelden/${ids.form}/bezwaar`);
    await lookUp(page, ids.form, 'iemand@anders.example.nl');
    await page.getByRole('alert').getByText('Geen aanvraag gevonden met dit aanvraagnummer en e-mailadres.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await lookUp(page, ids.form, FORM.email);
    await page.getByRole('heading', { level: 2, name: `Uw aanmelding: ${FORM.name}` }).waitFor();
    expect(await page.getByTestId('objection-deadline').textContent()).toContain('tot en met 7 oktober 2017');
    expect(await page.locator('main').textContent()).toContain(REASONS);
    await page.getByLabel('Bezwaar maken tegen de afwijzing').check();
    await page.getByLabel(/^Uw bezwaar/).fill('Wij bieden heupoperaties binnen vier weken; de huidige wachttijd in de regio is veertien weken.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Versturen' }).click();
    const received = page.getByRole('status').filter({ hasText: 'Bezwaar ontvangen' });
    await received.waitFor();
    expect(await received.textContent()).toContain('binnen de termijn');
    // Filed once: the form is gone, the objection is shown.
    await page.getByText(/^Uw bezwaar van 7 oktober 2017/).waitFor();
    expect(await page.getByRole('button', { name: 'Versturen' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/application-objection.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('an objection after the deadline is refused with the server’s message', async () => {
    const email = application(AGB.taken, '').applicant_email;
    const page = await openPage(`/aanmelden/${ids.taken}/bezwaar`);
    await lookUp(page, ids.taken, email);
    await page.getByLabel('Een toelichting op de afwijzing vragen').check();
    await page.getByLabel(/^Uw vraag/).fill('Graag een toelichting: welke aanbieders in de regio zijn al ingekocht?');
    // Midnight passes while the applicant writes: the server refuses, in its own words.
    server.setNow(new Date('2017-10-08T08:00:00Z'));
    await page.getByRole('button', { name: 'Versturen' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Termijn verstreken' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Bezwaar maken of om toelichting vragen kon tot en met 7 oktober 2017');
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);

    // Looked up again, the page says so before anything is written.
    const again = await openPage(`/aanmelden/${ids.taken}/bezwaar`);
    await lookUp(again, ids.taken, email);
    const closed = again.getByRole('alert').filter({ hasText: 'Bezwaar of toelichting is niet (meer) mogelijk' });
    await closed.waitFor();
    expect(await closed.textContent()).toContain('7 oktober 2017');
    expect(await again.getByRole('button', { name: 'Versturen' }).count()).toBe(0);
    expect(await seriousViolations(again)).toEqual([]);
    await closePage(again);
  });

  test('the purchaser sees the objection received and the application not assessed in time', async () => {
    const page = await logInTo('/aanmeldingen', 'purchaser');
    const table = page.getByRole('table', { name: /Aanmeldingen van nieuwe zorgaanbieders voor 2018/ });
    await table.locator('tbody tr').first().waitFor();
    const row = (name: string) => table.locator('tbody tr').filter({ has: page.getByRole('link', { name }) });
    expect(await row(`Kliniek ${AGB.overdue}`).textContent()).toContain('Te laat');
    expect(await row(FORM.name).textContent()).toContain('Bezwaar ontvangen op 7 oktober 2017');
    expect(await row(`Kliniek ${AGB.taken}`).textContent()).not.toContain('ontvangen');
    expect(await page.getByRole('status').filter({ hasText: 'aanmelding(en)' }).textContent()).toContain('1 te laat');
    expect(await seriousViolations(page)).toEqual([]);

    await row(FORM.name).getByRole('link', { name: FORM.name }).click();
    const objection = page.locator('section[aria-labelledby="aanmelding-bezwaar"]');
    await objection.getByText(/^Bezwaar ontvangen op 7 oktober 2017/).waitFor();
    expect(await objection.textContent()).toContain('veertien weken');
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });
});
