/// <reference lib="dom" />
/**
 * The contracting year in a real Chromium against the real server and a real (PGlite) database
 * with the demo seed, the server's clock moved through the 2018 policy calendar (MSZ §5, §7). The
 * purchaser starts the year, publishes the concept agreement and sends the proposal on the
 * provider's contract tab; the provider's user (who sees only its own provider) finds the concept
 * feedback closed a day late with the server's Dutch refusal, then "akkoord door stilzwijgen",
 * counters the proposal with reasons (required), and — after the purchaser records the
 * onderhandelakkoord — signs the exact document: the SHA-256 the screen shows is that of the PDF
 * the API serves. A provider user without signing authority sees no sign button and is refused by
 * the API. The pipeline lists what is overdue with links to the contract tab; the header counts
 * unread notifications and the list marks one read. The calendar groups the year per month with
 * past and upcoming dates. axe-core finds no serious or critical violations on any of the pages.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser } from '../../src/app/users/add-user.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { expectOk } from '../../src/domain/errors.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const YEAR = 2018;
const CLERK = { email: 'medewerker@aanbieder.nl', password: 'Zonder-Tekenrecht-2018!' };
const REASONS = 'De volumecorrectie voor cardiologie is te hoog; wij stellen 2% minder voor.';

interface CalendarEvent {
  id: string;
  date: string;
  title: string;
  status: 'past' | 'today' | 'upcoming';
}

describe('contracting year in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let purchaserApi: ApiClient;
  let providerApi: ApiClient;
  /** The demo provider (the provider user's own, regular path) and a second regular-path provider. */
  let A: string;
  let nameA: string;
  let B: string;
  /** Pages kept open through the year (the log-in is rate-limited); travel() keeps their sessions. */
  let purchaserPage: Page;
  let providerPage: Page;

  const helpers = pageHelpers(
    () => browser,
    () => server.url,
  );
  const { openPage, closePage, logInTo, seriousViolations } = helpers;

  /** Moves the server's clock to Amsterdam wall time `local`; sessions are kept alive first, so no request in between finds them expired. */
  async function travel(local: string): Promise<Date> {
    const date = local.slice(0, 10);
    const summer = date >= '2017-03-26' && date < '2017-10-29';
    const now = new Date(`${local}${summer ? '+02:00' : '+01:00'}`);
    await sql`update sessions set created_at = ${new Date(now.getTime() - 60_000)}, last_seen_at = ${now}, absolute_expires_at = ${new Date(now.getTime() + 3_600_000)}`.execute(server.db.kysely);
    server.setNow(now);
    return now;
  }

  const contractTab = (agb: string) => `/providers/${agb}?tab=contract`;
  /** Reloads a kept page on the contract tab and waits for the contract's state. */
  async function openContract(page: Page, agb: string): Promise<void> {
    await page.goto(server.url + contractTab(agb));
    await page.getByRole('heading', { level: 2, name: `Contract ${YEAR}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Stand van zaken|Nog niet gestart/ }).waitFor();
  }
  const stateBadge = (page: Page) => page.getByRole('region', { name: 'Stand van zaken' }).locator('.badge').first();
  const statusMessage = (page: Page) => page.getByRole('region', { name: 'Wat u nu kunt doen' }).getByRole('status');
  const actionsRegion = (page: Page) => page.getByRole('region', { name: 'Wat u nu kunt doen' });

  async function json<T>(response: Response): Promise<T> {
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchBrowser();
    await travel('2017-05-15T09:00:00');
    A = server.seed.demoProviderAgb;
    purchaserApi = new ApiClient(server.url);
    providerApi = new ApiClient(server.url);
    const purchaser = demoLogin('purchaser');
    const provider = demoLogin('provider');
    expect((await purchaserApi.login(purchaser.email, purchaser.password)).status).toBe(200);
    expect((await providerApi.login(provider.email, provider.password)).status).toBe(200);

    const providers = await json<{ agb: string; name: string; zk_revenue_cents: number | string }[]>(await purchaserApi.get('/api/providers'));
    nameA = providers.find((p) => p.agb === A)!.name;
    for (const p of providers.filter((x) => x.agb !== A && Number(x.zk_revenue_cents) > 1_000_000_000)) {
      const agreement = await json<{ path: string }>(await purchaserApi.get(`/api/providers/${p.agb}/agreement?year=${YEAR}`));
      if (agreement.path === 'regular') {
        B = p.agb;
        break;
      }
    }
    if (!B) throw new Error('the demo seed has no second provider on the regular path');
    // B is set up through the API: it stays silent and its proposal is late, for the pipeline.
    expect((await purchaserApi.post(`/api/providers/${B}/contract/start`, { year: YEAR })).status).toBe(200);
    expectOk(await addUser({ db: server.db, actor: systemActor('test') }, { email: CLERK.email, password: CLERK.password, role: 'provider', agb: A, signatory: false }));
  });

  afterAll(async () => {
    if (purchaserPage) await closePage(purchaserPage);
    if (providerPage) await closePage(providerPage);
    await browser?.close();
    await server?.close();
  });

  test('the purchaser starts the year and publishes the concept agreement on the contract tab', async () => {
    purchaserPage = await logInTo(contractTab(A), 'purchaser');
    const page = purchaserPage;
    await page.getByRole('heading', { level: 3, name: 'Nog niet gestart' }).waitFor();
    await page.getByRole('button', { name: `Contracteringsjaar ${YEAR} starten` }).click();
    await statusMessage(page).getByText(`Het contracteringsjaar ${YEAR} is gestart (regulier traject).`).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Stand van zaken' }).waitFor();
    expect(await stateBadge(page).textContent()).toBe('Uitgenodigd');

    // Exactly the API's steps: before 1 June no concept to publish, but "geen overeenkomst" is possible.
    const view = await json<{ available_actions: string[]; deadlines: { key: string; days_left: number }[] }>(await purchaserApi.get(`/api/providers/${A}/contract?year=${YEAR}`));
    expect(view.available_actions).toEqual(['decline']);
    expect(await actionsRegion(page).getByRole('button', { name: 'Conceptovereenkomst publiceren' }).count()).toBe(0);
    expect(await actionsRegion(page).getByText('Geen overeenkomst…').count()).toBe(1);
    // The deadlines with the days left on the server's day (15 May 2017).
    const deadlines = page.getByRole('table', { name: /Termijnen van het contracteringsjaar/ });
    const feedbackRow = deadlines.getByRole('row', { name: /feedback op conceptovereenkomst/i });
    expect(await feedbackRow.textContent()).toContain(`nog ${view.deadlines.find((d) => d.key === 'conceptFeedback')!.days_left} dagen`);
    expect(await page.getByRole('table', { name: /Historie/ }).getByRole('row', { name: /Contracteringsjaar gestart/ }).textContent()).toContain(demoLogin('purchaser').email);
    await page.screenshot({ path: `${SHOTS}/contract-gestart.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await travel('2017-06-01T09:00:00');
    await openContract(page, A);
    await actionsRegion(page).getByRole('button', { name: 'Conceptovereenkomst publiceren' }).click();
    await statusMessage(page).getByText('De conceptovereenkomst is gepubliceerd.').waitFor();
    await expect.poll(() => stateBadge(page).textContent()).toBe('Conceptovereenkomst uitgezet');
  });

  test('the provider user sees only its own provider; concept feedback a day late is refused in Dutch, then silence is consent', async () => {
    await travel('2017-07-10T15:00:00');
    providerPage = await logInTo('/providers', 'provider');
    const page = providerPage;
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(A);
    expect((await page.context().request.get(`${server.url}/api/providers/${B}/contract?year=${YEAR}`)).status()).toBe(403);

    await openContract(page, A);
    const feedback = page.getByLabel('Uw feedback');
    await feedback.waitFor();
    expect(await page.locator('#concept-feedback-hint').textContent()).toContain('vandaag');
    expect(await seriousViolations(page)).toEqual([]);
    await feedback.fill('Artikel 12 graag verduidelijken.');

    // The form is still on screen when the day ends: the server refuses, and the screen says why.
    await travel('2017-07-11T09:00:00');
    await page.getByRole('button', { name: 'Feedback versturen' }).click();
    const refusal = actionsRegion(page).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/De termijn is verstreken: Deadline voor aanleveren feedback op conceptovereenkomst 2018 \(10 juli 2017\)/);

    // The due jobs run the day after the deadline: silence is consent, and no form is offered any more.
    const due = await json<{ jobs: { state: string }[] }>(await purchaserApi.post('/api/jobs/run-due'));
    expect(due.jobs.every((j) => j.state === 'completed')).toBe(true);
    await openContract(page, A);
    const concept = page.getByRole('region', { name: 'Conceptovereenkomst' });
    await concept.getByText('Akkoord door stilzwijgen').waitFor();
    expect(await concept.textContent()).toMatch(/wijzigingen zijn niet meer mogelijk/);
    expect(await page.getByLabel('Uw feedback').count()).toBe(0);
    expect(await actionsRegion(page).textContent()).toContain('Er is op dit moment geen stap voor u');
    expect(await page.getByRole('table', { name: /Historie/ }).getByRole('row', { name: /akkoord door stilzwijgen/ }).textContent()).toContain('Automatisch (termijn)');
    await page.screenshot({ path: `${SHOTS}/contract-stilzwijgend-akkoord.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the purchaser sends the proposal; the pipeline lists the late one with a link to its contract tab', async () => {
    await travel('2017-07-14T10:00:00');
    const page = purchaserPage;
    await openContract(page, A);
    await actionsRegion(page).getByRole('button', { name: 'Voorstel versturen' }).click();
    await statusMessage(page).getByText(/Het voorstel is verstuurd/).waitFor();
    await expect.poll(() => stateBadge(page).textContent()).toBe('Voorstel verstuurd');
    const documents = page.getByRole('region', { name: 'Documenten' });
    await documents.getByRole('link', { name: /Voorstelbrief en overeenkomst 2018/ }).waitFor();

    await travel('2017-07-16T10:00:00');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contractering' }).click();
    await page.getByRole('heading', { level: 1, name: `Contractering ${YEAR}` }).waitFor();
    const pipeline = await json<{ total: number; by_state: Record<string, number>; overdue: { agb: string; kind: string }[] }>(await purchaserApi.get(`/api/contracting/pipeline?year=${YEAR}`));
    expect(pipeline.total).toBe(2);
    expect(pipeline.overdue).toEqual([expect.objectContaining({ agb: B, kind: 'proposal-not-sent' })]);
    const counts = page.getByRole('table', { name: /Aantal zorgaanbieders per status/ });
    expect(await counts.getByRole('row', { name: /Voorstel verstuurd/ }).getByRole('cell').textContent()).toBe(String(pipeline.by_state['proposal-sent']));
    expect(await counts.getByRole('row', { name: /Conceptovereenkomst uitgezet/ }).getByRole('cell').textContent()).toBe(String(pipeline.by_state['concept-out']));
    const overdue = page.getByRole('table', { name: /Achterstallige stappen/ });
    const lateRow = overdue.locator('tbody tr');
    expect(await lateRow.count()).toBe(1);
    expect(await lateRow.textContent()).toMatch(/Voorstel niet verstuurd.*15 juli 2017.*1 dag te laat/);
    await page.screenshot({ path: `${SHOTS}/contractering-pijplijn.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await lateRow.getByRole('link').click();
    await page.waitForURL(`${server.url}${contractTab(B)}`);
    await page.getByRole('tab', { name: 'Contract', selected: true }).waitFor();
    await page.getByRole('region', { name: 'Stand van zaken' }).getByText('Voorstel nog niet verstuurd').waitFor();
  });

  test('the provider counters the proposal, with reasons required', async () => {
    await travel('2017-08-20T10:00:00');
    const page = providerPage;
    await openContract(page, A);
    await page.getByRole('heading', { level: 4, name: 'Reageren op het voorstel' }).waitFor();
    await page.getByLabel('Tegenvoorstel', { exact: true }).check();
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page.getByText('Geef de redenen van uw tegenvoorstel.').waitFor();
    const reasons = page.getByLabel(/Redenen van uw tegenvoorstel/);
    expect(await reasons.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('respond-reasons');
    expect(await seriousViolations(page)).toEqual([]);
    await reasons.fill(REASONS);
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await statusMessage(page).getByText('Uw tegenvoorstel is vastgelegd, met uw redenen.').waitFor();
    await expect.poll(() => stateBadge(page).textContent()).toBe('Reactie ontvangen');
    expect(await page.getByRole('region', { name: 'Voorstel en reactie' }).textContent()).toContain(REASONS);
    const row = page.getByRole('table', { name: /Historie/ }).getByRole('row', { name: /Gereageerd op het voorstel/ });
    expect(await row.textContent()).toContain(`Tegenvoorstel: ${REASONS}`);
    expect(await row.textContent()).toContain(demoLogin('provider').email);
    expect(await page.getByLabel('Tegenvoorstel', { exact: true }).count()).toBe(0);
  });

  test('the purchaser negotiates and records the onderhandelakkoord', async () => {
    const page = purchaserPage;
    await travel('2017-10-02T10:00:00');
    await openContract(page, A);
    await actionsRegion(page).getByRole('button', { name: 'Onderhandeling starten' }).click();
    await expect.poll(() => stateBadge(page).textContent()).toBe('In onderhandeling');
    await travel('2017-11-01T16:00:00');
    await openContract(page, A);
    await actionsRegion(page).getByRole('button', { name: 'Onderhandelakkoord vastleggen' }).click();
    await expect.poll(() => stateBadge(page).textContent()).toBe('Onderhandelakkoord');
    // Signing is the provider's: the purchaser has no sign button.
    expect(await page.getByRole('button', { name: /ondertekenen/i }).count()).toBe(0);
  });

  test('a provider user without signing authority sees no sign button, and the API refuses it in Dutch', async () => {
    await travel('2017-11-05T10:00:00');
    const page = await openPage(`/login?next=${encodeURIComponent(contractTab(A))}`);
    await page.getByLabel('E-mailadres').fill(CLERK.email);
    await page.getByLabel('Wachtwoord').fill(CLERK.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}${contractTab(A)}`);
    await page.getByRole('heading', { level: 3, name: 'Stand van zaken' }).waitFor();
    expect(await stateBadge(page).textContent()).toBe('Onderhandelakkoord');
    expect(await actionsRegion(page).textContent()).toMatch(/Ondertekenen kan alleen een gebruiker die als tekenbevoegde/);
    expect(await page.getByRole('button', { name: /ondertekenen/i }).count()).toBe(0);
    const view = await (await page.context().request.get(`${server.url}/api/providers/${A}/contract?year=${YEAR}`)).json();
    expect(view.available_actions).not.toContain('sign');
    const sha = createHash('sha256').update(await (await page.context().request.get(`${server.url}/api/providers/${A}/contract/document?year=${YEAR}`)).body()).digest('hex');
    const refused = await page.context().request.post(`${server.url}/api/providers/${A}/contract/sign`, { data: { year: YEAR, document_sha256: sha } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe('Alleen een tekenbevoegde gebruiker van de zorgaanbieder kan ondertekenen.');
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('the signatory signs the exact document: the SHA-256 shown is that of the PDF from the API', async () => {
    await travel('2017-11-05T11:30:00');
    const page = providerPage;
    await openContract(page, A);
    expect(await stateBadge(page).textContent()).toBe('Onderhandelakkoord');
    await page.getByRole('button', { name: 'Document bekijken om te ondertekenen' }).click();
    const shown = page.locator('#sign-sha256');
    await shown.waitFor();
    const hashShown = ((await shown.textContent()) ?? '').trim();
    const pdf = await providerApi.get(`/api/providers/${A}/contract/document?year=${YEAR}`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(hashShown).toBe(sha);
    // The link on the screen opens exactly those bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Overeenkomst ${YEAR} openen (PDF)` }).click()]);
    expect(createHash('sha256').update(await readFile((await download.path())!)).digest('hex')).toBe(sha);
    expect(await page.locator('.hint', { hasText: 'in uw browser berekend' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/contract-ondertekenen.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Confirmation is asked first.
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await page.getByText('Bevestig eerst dat u dit document heeft gelezen en wilt ondertekenen.').waitFor();
    await page.getByLabel(`Ik heb dit document gelezen en onderteken het namens ${nameA}.`).check();
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await statusMessage(page).getByText(`Ondertekend door ${demoLogin('provider').email}`).waitFor();
    expect(await statusMessage(page).textContent()).toContain(sha);
    await expect.poll(() => stateBadge(page).textContent()).toBe('Ondertekend');

    const signatures = page.getByRole('region', { name: 'Ondertekening' });
    expect(((await signatures.locator('.signature-sha256').textContent()) ?? '').trim()).toBe(sha);
    expect(await signatures.textContent()).toContain(demoLogin('provider').email);
    expect(await signatures.textContent()).toContain('5 november 2017 om 11:30');
    const view = await json<{ signatures: { document_sha256: string; signer_email: string }[] }>(await providerApi.get(`/api/providers/${A}/contract?year=${YEAR}`));
    expect(view.signatures).toEqual([expect.objectContaining({ document_sha256: sha, signer_email: demoLogin('provider').email })]);
    expect(await page.getByRole('button', { name: /ondertekenen/i }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the header counts unread notifications; the list marks one read and links to the contract tab', async () => {
    const page = providerPage;
    const list = await json<{ unread: number; notifications: { id: number; title: string; read_at: string | null }[] }>(await providerApi.get('/api/notifications'));
    expect(list.unread).toBeGreaterThan(1);
    const indicator = page.getByRole('banner').getByRole('link', { name: /^Meldingen/ });
    await page.reload();
    await expect.poll(() => indicator.textContent()).toBe(`Meldingen ${list.unread} ongelezen`);
    await indicator.click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    expect(await page.locator('.result-count').textContent()).toBe(`${list.unread} ongelezen meldingen`);
    const items = page.locator('.notification-list > li');
    expect(await items.count()).toBe(list.notifications.length);
    expect(await seriousViolations(page)).toEqual([]);

    const first = list.notifications.find((n) => n.read_at === null)!;
    const item = items.filter({ hasText: first.title }).first();
    await item.getByRole('button', { name: /Markeer als gelezen/ }).click();
    await page.getByRole('status').getByText(`Melding "${first.title}" is als gelezen gemarkeerd.`).waitFor();
    await expect.poll(() => indicator.textContent()).toBe(`Meldingen ${list.unread - 1} ongelezen`);
    expect((await json<{ unread: number }>(await providerApi.get('/api/notifications'))).unread).toBe(list.unread - 1);

    await item.getByRole('link', { name: /Bekijken/ }).click();
    await page.waitForURL(`${server.url}${contractTab(A)}`);
    await page.getByRole('tab', { name: 'Contract', selected: true }).waitFor();
  });

  test('the calendar shows the policy year per month, past and upcoming relative to the server day, and another year on request', async () => {
    await travel('2017-07-10T12:00:00');
    const page = providerPage;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inkoopkalender' }).waitFor();
    const calendar = await json<{ today: string; events: CalendarEvent[] }>(await providerApi.get('/api/calendar?policy=msz-2018'));
    expect(calendar.today).toBe('2017-07-10');
    const months = [...new Set(calendar.events.map((e) => e.date.slice(0, 7)))];
    const headings = page.getByRole('main').getByRole('heading', { level: 2 });
    await headings.first().waitFor();
    expect(await headings.count()).toBe(months.length);
    expect(await headings.first().textContent()).toBe('april 2017');
    const july = page.getByRole('region', { name: 'juli 2017' });
    const feedback = july.getByRole('listitem').filter({ hasText: 'Deadline voor aanleveren feedback op conceptovereenkomst 2018' });
    expect(await feedback.getAttribute('aria-current')).toBe('date');
    expect(await feedback.locator('.badge').first().textContent()).toBe('Vandaag');
    expect(await feedback.textContent()).toMatch(/akkoord/);
    expect(await feedback.textContent()).toContain('Bron: MSZ §7; MSZ §5');
    for (const status of ['past', 'upcoming'] as const) {
      const label = status === 'past' ? 'Voorbij' : 'Komend';
      expect(await page.locator('.timeline-step .badge', { hasText: label }).count()).toBe(calendar.events.filter((e) => e.status === status).length);
    }
    expect(await page.getByRole('region', { name: 'april 2017' }).getByRole('listitem').first().textContent()).toContain('100 dagen geleden');
    await page.screenshot({ path: `${SHOTS}/kalender.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Only the regular path: the digital proposal date is gone.
    await page.getByLabel('Traject', { exact: true }).selectOption('regular');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/traject=regular/);
    await page.getByText('Zilveren Kruis doet een voorstel voor de financiële afspraak (reguliere contractering)').waitFor();
    const regular = await json<{ events: CalendarEvent[] }>(await providerApi.get('/api/calendar?policy=msz-2018&path=regular'));
    expect(regular.events.length).toBeLessThan(calendar.events.length);
    await expect.poll(() => page.locator('.timeline-step').count()).toBe(regular.events.length);
    expect(await page.getByText(/in het Zorgverlenersportaal \(digitale contractering\)/).count()).toBe(0);

    // Another policy year: the add-on policy's calendar, with 2021 dates, all ahead of the server's day in 2017.
    await page.getByLabel('Beleidsjaar', { exact: true }).selectOption('add-on-2022');
    await page.getByLabel('Traject', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/beleid=add-on-2022/);
    const addon = await json<{ events: CalendarEvent[] }>(await providerApi.get('/api/calendar?policy=add-on-2022'));
    await page.getByRole('heading', { level: 2, name: /2021/ }).first().waitFor();
    expect(await page.locator('.timeline-step').count()).toBe(addon.events.length);
    expect(await page.locator('.timeline-step .badge', { hasText: 'Komend' }).count()).toBe(addon.events.length);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
