/// <reference lib="dom" />
/**
 * Declaratiecontrole in a real Chromium against the real server and a real (PGlite) database with
 * the demo seed and 4000 claims a year, checked through the API by the controller: the controller
 * sees the findings summed by rule, filters the findings by provider, opens a finding and reads why
 * (message, rule, source, inputs), and is refused patient-level detail while no specific risk
 * analysis covers the finding; after recording one for that finding the detail is granted, with
 * the note that the view is logged. A claims file with a bad line shows its line errors. A
 * purchaser reads along without the controllers' tools. axe-core finds no serious violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers, submitLogin } from './browser.js';


const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const YEAR = 2018;

interface Tally {
  findings: number;
  amount_at_stake_cents: number;
}
interface Summary {
  total: Tally;
  by_rule: (Tally & { rule: string })[];
  by_provider: (Tally & { agb: string; name: string | null; by_rule: Record<string, Tally> })[];
}
interface FindingRow {
  id: number;
  claim_id: string;
  agb: string;
  rule: string;
  source: string;
  status: string;
  reason: { rule: string; source: string; message: string };
}

describe('claims control screens in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let summary: Summary;
  /** The provider with the most at stake, and its findings as the API lists them. */
  let provider: Summary['by_provider'][number];
  let findings: FindingRow[];

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ claims: 4000 });
    browser = await launchBrowser();

    const controller = new ApiClient(server.url);
    const login = demoLogin('controller');
    expect((await controller.login(login.email, login.password)).status).toBe(200);
    const check = await controller.post('/api/claims/check', { year: YEAR });
    expect(check.status).toBe(200);
    summary = (await (await controller.get(`/api/claims/findings/summary?year=${YEAR}`)).json()) as Summary;
    expect(summary.total.findings).toBeGreaterThan(0);
    provider = summary.by_provider[0] as Summary['by_provider'][number];
    findings = (await (await controller.get(`/api/claims/findings?agb=${provider.agb}&limit=10000`)).json()) as FindingRow[];
    expect(findings.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { openPage, closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url);


  const count = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

  test('a controller sees the findings by rule, filters by provider, opens a finding and is refused patient detail', async () => {
    const page = await logInTo('/claims', 'controller');
    await page.getByRole('heading', { level: 1, name: 'Declaratiecontrole' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Declaratiecontrole' }).getAttribute('aria-current')).toBe('page');

    // The summary by rule: every rule of the API with its count and amount at stake.
    const byRule = page.getByRole('table', { name: 'Per regel' });
    await byRule.waitFor();
    const ruleRows = byRule.locator('tbody tr');
    expect(await ruleRows.count()).toBe(summary.by_rule.length);
    const withFindings = summary.by_rule.filter((r) => r.findings > 0);
    expect(withFindings.length).toBeGreaterThan(0);
    for (const rule of withFindings) {
      const row = byRule.locator('tbody tr', { has: page.locator('.code', { hasText: new RegExp(`^${rule.rule}$`) }) });
      expect(count(await row.locator('td').first().textContent())).toBe(rule.findings);
      expect(await row.locator('td.amount').textContent()).toMatch(/^€ \d{1,3}(\.\d{3})*,\d{2}$/);
    }
    const byProvider = page.getByRole('table', { name: /^Per zorgaanbieder/ });
    expect(await byProvider.locator('tbody tr').first().locator('.code').textContent()).toBe(provider.agb);
    // The controller's tools are there.
    await page.getByRole('heading', { level: 3, name: 'Declaratiebestand importeren' }).waitFor();
    await page.getByRole('button', { name: 'Controle uitvoeren' }).waitFor();
    const table = page.getByRole('table', { name: /^Bevindingen/ });
    await table.locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/claims-overview.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Filter by provider: every row is that provider's.
    await page.getByRole('form', { name: 'Bevindingen filteren' }).getByLabel('Zorgaanbieder').selectOption(provider.agb);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL((url) => url.searchParams.get('aanbieder') === provider.agb);
    await page.getByRole('status').filter({ hasText: /Bevindingen 1–\d+ \(zorgaanbieder / }).waitFor();
    const rows = table.locator('tbody tr');
    const shown = await rows.count();
    expect(shown).toBe(Math.min(25, findings.length));
    for (const code of await rows.locator('td:nth-child(4) .code').allTextContents()) expect(code).toBe(provider.agb);
    await page.screenshot({ path: `${SHOTS}/claims-filtered.png`, fullPage: true });

    // Open the first finding: its explanation, rule, source and inputs.
    const claimId = (await rows.first().locator('th a').textContent()) ?? '';
    const finding = findings.find((f) => f.claim_id === claimId && f.agb === provider.agb);
    expect(finding).toBeDefined();
    await rows.first().locator('th a').click();
    await page.waitForURL((url) => url.pathname === `/claims/findings/${finding?.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Bevinding ${claimId}`) }).waitFor();
    const why = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Waarom deze bevinding' }) });
    expect(await why.locator('.reason-message').textContent()).toBe(finding?.reason.message);
    expect(await why.locator('.rule-ref .code').textContent()).toBe(finding?.reason.rule);
    expect(await why.locator('.source-ref').textContent()).toBe(finding?.reason.source);
    await why.locator('details.reason-inputs summary').click();
    expect(await why.locator('details.reason-inputs dl dt').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: 'Statusverloop' }).waitFor();
    expect(await page.locator('.timeline li[aria-current="step"]').count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Reactie van de zorgaanbieder' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Patient detail without a specific risk analysis: refused, with the server's reason.
    await page.getByRole('button', { name: 'Toon patiëntgegevens' }).click();
    await page.getByLabel('Doel van de inzage').fill('materiële controle van deze bevinding');
    await page.getByRole('button', { name: 'Patiëntgegevens opvragen' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Geen inzage in patiëntgegevens' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/specifieke risicoanalyse/);
    expect(await page.getByText('BSN', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/claims-finding-refused.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('after a specific risk analysis covering the finding, the patient detail is shown and said to be logged', async () => {
    const target = findings[0] as FindingRow;
    const page = await logInTo(`/claims?aanbieder=${target.agb}&regel=${target.rule}`, 'controller');
    const table = page.getByRole('table', { name: /^Bevindingen/ });
    await table.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`Selecteer bevinding ${target.claim_id} `) }).check();
    const panel = page.getByRole('region', { name: 'Specifieke risicoanalyse' });
    await panel.getByText(/^1 bevinding:/).waitFor();
    // The analysis covers the selected finding's rule and provider.
    expect(await panel.locator(`#risk-rule-${target.rule}`).isChecked()).toBe(true);
    expect(await panel.getByLabel('Zorgaanbieder', { exact: true }).inputValue()).toBe(target.agb);
    await panel.getByLabel('Titel', { exact: true }).fill('Detailcontrole browsertest');
    await panel.getByLabel('Onderbouwing', { exact: true }).fill('Opvallend veel bevindingen bij deze zorgaanbieder; controle op patiëntniveau is nodig.');
    await panel.getByRole('button', { name: /Risicoanalyse vastleggen/ }).click();
    await panel.getByText(/Risicoanalyse \d+ vastgelegd; 1 bevinding gekoppeld/).waitFor();
    await page.screenshot({ path: `${SHOTS}/claims-risk-analysis.png`, fullPage: true });

    await page.goto(`${server.url}/claims/findings/${target.id}`);
    await page.getByRole('button', { name: 'Toon patiëntgegevens' }).click();
    await page.getByLabel('Doel van de inzage').fill('materiële controle onder de risicoanalyse');
    await page.getByRole('button', { name: 'Patiëntgegevens opvragen' }).click();
    await page.getByText('Inzage vastgelegd').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Inzage vastgelegd' }).textContent()).toMatch(/auditlog/);
    await page.getByRole('heading', { level: 3, name: `Declaratie ${target.claim_id}` }).waitFor();
    expect(await page.locator('.detail-view dt', { hasText: /^BSN$/ }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/claims-finding-detail.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('a controller withdraws a finding with a note; the status and the history follow', async () => {
    const target = findings[findings.length - 1] as FindingRow;
    const page = await logInTo(`/claims/findings/${target.id}?aanbieder=${target.agb}&regel=${target.rule}`, 'controller');
    await page.getByRole('heading', { level: 2, name: 'Besluiten' }).waitFor();
    // Without a choice the form says what is missing, at the field.
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Kies handhaven of intrekken.').waitFor();
    await page.getByLabel('Intrekken').check();
    await page.getByLabel('Toelichting', { exact: true }).fill('Na nadere beoordeling terecht gedeclareerd.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('.subtitle .badge', { hasText: 'Ingetrokken' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Besluiten' }).count()).toBe(0);
    expect(await page.locator('.timeline li[aria-current="step"] .timeline-label').textContent()).toBe('Ingetrokken');
    expect(await page.locator('blockquote').last().textContent()).toBe('Na nadere beoordeling terecht gedeclareerd.');
    await page.screenshot({ path: `${SHOTS}/claims-finding-withdrawn.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('a claims file with a bad line shows the accepted and rejected counts and the line errors', async () => {
    const page = await logInTo('/claims', 'controller');
    const agb = provider.agb;
    const csv = [
      'claim_id,uzovi,agb,bsn,care_type,specialism,diagnosis,product_code,start_date,end_date,amount_cents',
      `BT-0001,3311,${agb},111222333,11,0303,1234,990003002,2018-03-01,2018-03-20,150000`,
      `BT-0002,3311,${agb},123456789,99,0303,1234,990003002,2018-03-01,2018-02-01,abc`,
    ].join('\n');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'declaraties-test.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    const errors = page.getByRole('table', { name: /Afgewezen regels in declaraties-test\.csv/ });
    await errors.waitFor();
    expect(await page.getByText(/declaraties-test\.csv: \d+ geaccepteerd, \d+ afgewezen/).count()).toBe(1);
    const errorRows = errors.locator('tbody tr');
    expect(await errorRows.count()).toBeGreaterThan(0);
    expect(await errorRows.first().locator('td').nth(2).textContent()).toMatch(/^ZK-\d{3}$/);
    expect(await errorRows.first().locator('td').first().textContent()).toBe('3');
    await page.screenshot({ path: `${SHOTS}/claims-import.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('a medical adviser lands on the control page and may select findings, but not import or send', async () => {
    const login = demoLogin('medical-adviser');
    const page = await openPage('/login');
    await page.getByLabel('E-mailadres').fill(login.email);
    await page.getByLabel('Wachtwoord').fill(login.password);
    await submitLogin(page, server.url, login.email);
    await page.waitForURL(`${server.url}/claims`);
    expect(await page.getByRole('banner').getByText('Medisch adviseur', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('table', { name: /^Bevindingen/ }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('checkbox').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Specifieke risicoanalyse' }).waitFor();
    expect(await page.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open bevindingen versturen' }).count()).toBe(0);
    await closePage(page);
  });

  test('a purchaser reads along: summary and findings, no import, check, selection or decision', async () => {
    const page = await logInTo('/claims', 'purchaser');
    await page.getByRole('table', { name: 'Per regel' }).waitFor();
    await page.getByRole('table', { name: /^Bevindingen/ }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: 'Controle uitvoeren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.getByRole('table', { name: /^Bevindingen/ }).locator('tbody tr th a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Waarom deze bevinding' }).waitFor();
    expect(await page.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Toon patiëntgegevens' }).count()).toBe(0);
    await closePage(page);
  });
});
