/// <reference lib="dom" />
/**
 * Claim files exchanged through the screens, in a real Chromium against the real server and a real
 * (PGlite) database with the demo seed. The controller uploads, as Vektis ZH308, demo claims of the
 * demo provider written by the product's own writer (`writeZh308`) with one broken BSN: first with a
 * sluitrecord that does not add up (the whole file refused, its errors by line and field), then
 * intact: the counts, the import number and the broken line's error in the table; it downloads the
 * ZH309 answer and a ZH308 export of the provider's claims. The provider user then opens its tab
 * "Declaratiebestanden", sees the import and downloads the ZH309 answer, which `checkZh309`
 * accepts with one status per record. A purchaser sees the same list for the provider. The same
 * upload component serves the add-on figures and provider import pages (choices checked first, a
 * refused file by line and column). axe-core finds no serious violations.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoDataset, generateClaims, type DemoClaim } from '../../src/demo/index.js';
import { canonicalUnits } from '../../src/domain/claims/claim-line.js';
import type { Claim } from '../../src/domain/claims/types.js';
import { expectOk } from '../../src/domain/errors.js';
import { zh308Field } from '../../src/interop/vektis/zh308-layout.js';
import { readZh308, writeZh308 } from '../../src/interop/vektis/zh308.js';
import { checkZh309 } from '../../src/interop/vektis/zh309.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';
import { demoLogin, ensureWebBuild, launchBrowser, pageHelpers } from './browser.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const FILE = 'declaratie-browsertest.asc';

const toClaim = (c: DemoClaim): Claim => ({
  claimId: c.claimId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, careType: c.careType, specialism: c.specialism, diagnosis: c.diagnosis, productCode: c.productCode,
  startDate: c.startDate, endDate: c.endDate, amountCents: c.amountCents, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)),
});
/** The records of a ZH308/ZH309 text (each ended by CR LF). */
const records = (text: string) => text.split('\r\n').slice(0, -1);
const joinRecords = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');
/** A record with field `number` replaced by `raw`, zero-padded to the field's length. */
const put = (record: string, number: string, raw: string): string => {
  const f = zh308Field(number);
  return record.slice(0, f.start - 1) + raw.padStart(f.length, '0') + record.slice(f.end);
};

interface ImportRow {
  id: number;
  file_name: string;
  format: string;
  records: number;
  accepted: number;
  rejected: number;
}

/** Clicks and answers the text of the file the browser downloads (ISO-8859-1, as ZH308/ZH309 are). */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: (await readFile(file)).toString('latin1') };
}

describe('claim files exchanged through the screens in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let own: string;
  let demo: DemoClaim[];
  /** The ZH308 file: demo claims with the BSN of the first prestatierecord (line 3) broken. */
  let zh308: string;
  /** The import the controller's upload made, as the API lists it to the provider. */
  let imported: ImportRow;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ claims: 100 });
    browser = await launchBrowser();
    own = server.seed.demoProviderAgb;
    const dataset = demoDataset('zorginkoop');
    demo = [
      ...generateClaims({
        seed: 'browser-exchange', count: 12, year: 2018, providers: dataset.providers.filter((p) => p.agb === own), products: dataset.products, drugs: dataset.drugs, anomalyRate: 0, idPrefix: 'BX-',
      }),
    ];
    const lines = records(expectOk(writeZh308(demo.map(toClaim), { agb: own, invoiceNumber: 'BX2018', invoiceDate: '2019-01-31' })));
    expect(lines[2]?.startsWith('04')).toBe(true);
    lines[2] = put(lines[2] as string, '0403', '12345678X');
    zh308 = joinRecords(lines);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { closePage, logInTo, seriousViolations } = pageHelpers(() => browser, () => server.url);

  test('the controller uploads a ZH308 file: a bad sluitrecord refuses it, intact it shows the counts, the bad line and the ZH309 answer', async () => {
    const page = await logInTo('/claims', 'controller');
    const panel = page.getByRole('region', { name: 'Declaratiebestand importeren' });
    await panel.getByLabel('Bestandsformaat').selectOption('zh308');
    expect(await panel.getByText(/Vektis ZH308 versie 9\.0/).count()).toBe(1);

    // Without a file the form says so at the field, and nothing is sent.
    await panel.getByRole('button', { name: 'Importeren' }).click();
    await panel.getByText('Kies eerst een declaratiebestand (Vektis ZH308).').waitFor();
    expect(await panel.getByLabel('Bestand', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // A sluitrecord whose count is wrong refuses the whole file, naming line and field.
    const broken = records(zh308);
    broken[broken.length - 1] = put(broken.at(-1) as string, '9904', '1');
    await panel.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'sluitrecord.asc', mimeType: 'text/plain', buffer: Buffer.from(joinRecords(broken), 'latin1') });
    await panel.getByRole('button', { name: 'Importeren' }).click();
    await panel.getByRole('alert').filter({ hasText: 'sluitrecord.asc niet geïmporteerd' }).waitFor();
    const refusal = panel.getByRole('table', { name: 'Fouten in sluitrecord.asc' });
    const refusalRow = refusal.locator('tbody tr', { hasText: '9904' });
    expect(await refusalRow.locator('td').first().textContent()).toBe(String(broken.length));
    expect(await refusalRow.locator('td').nth(2).textContent()).toMatch(/^ZK-2\d\d$/);
    expect(await seriousViolations(page)).toEqual([]);

    // The intact file: counts, import number, the broken line's error.
    await panel.getByLabel('Bestand', { exact: true }).setInputFiles({ name: FILE, mimeType: 'text/plain', buffer: Buffer.from(zh308, 'latin1') });
    await panel.getByRole('button', { name: 'Importeren' }).click();
    const title = panel.getByText(`${FILE}: ${demo.length - 1} geaccepteerd, 1 afgewezen`);
    await title.waitFor();
    const fact = (term: string) => panel.locator('.facts > div', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
    const importId = Number(await fact('Importnummer').textContent());
    expect(Number.isInteger(importId) && importId > 0).toBe(true);
    expect(await fact('Geaccepteerd').textContent()).toBe(String(demo.length - 1));
    expect(await fact('Afgewezen').textContent()).toBe('1');
    expect(await fact('Nieuw opgeslagen').textContent()).toBe(String(demo.length - 1));

    // What the provider is told through the API is what the screen said.
    const provider = new ApiClient(server.url);
    const login = demoLogin('provider');
    expect((await provider.login(login.email, login.password)).status).toBe(200);
    const listed = (await (await provider.get(`/api/providers/${own}/claim-imports`)).json()) as ImportRow[];
    imported = listed.find((i) => i.id === importId) as ImportRow;
    expect(imported).toMatchObject({ file_name: FILE, format: 'zh308', records: demo.length, accepted: demo.length - 1, rejected: 1 });

    const errors = panel.getByRole('table', { name: `Afgewezen regels in ${FILE}` });
    const errorRows = errors.locator('tbody tr');
    expect(await errorRows.count()).toBe(1);
    const cells = errorRows.first().locator('td');
    expect(await cells.nth(0).textContent()).toBe('3');
    expect(await cells.nth(1).textContent()).toMatch(/^0403 Burgerservicenummer .*\(pos 15-23\)$/);
    expect(await cells.nth(2).textContent()).toBe('ZK-204');

    // The ZH309 answer to this import, for the institution the file names (preset from its voorlooprecord).
    const answer = page.getByRole('region', { name: `ZH309-antwoord op import ${importId}` });
    expect(await answer.getByLabel('Zorgaanbieder').inputValue()).toBe(own);
    const zh309 = await downloaded(page, () => answer.getByRole('button', { name: 'Download ZH309-antwoord' }).click());
    expect(zh309.name).toBe(`ZH309-${importId}-${own}.txt`);
    expect(checkZh309(zh309.text)).toMatchObject({ ok: true, value: { records: demo.length, accepted: demo.length - 1, rejected: 1 } });
    await answer.getByText(`ZH309-${importId}-${own}.txt gedownload`).waitFor();
    await page.screenshot({ path: `${SHOTS}/claims-exchange-import.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Export: ZH308 needs one provider; with it, the file holds the accepted claims of the upload.
    const exportPanel = page.getByRole('region', { name: 'Declaraties exporteren' });
    await exportPanel.getByLabel('Exportformaat').selectOption('zh308');
    await exportPanel.getByRole('button', { name: 'Exporteren' }).click();
    await exportPanel.getByText(/een ZH308-bestand is de factuur van één instelling/).waitFor();
    expect(await exportPanel.getByLabel('Zorgaanbieder').getAttribute('aria-invalid')).toBe('true');
    await exportPanel.getByLabel('Zorgaanbieder').selectOption(own);
    await exportPanel.getByLabel('Jaar (begindatum)').fill('2018');
    const exported = await downloaded(page, () => exportPanel.getByRole('button', { name: 'Exporteren' }).click());
    expect(exported.name).toBe(`declaraties-${own}-2018-zh308.txt`);
    const exportedIds = readZh308(exported.text).flatMap((item) => (item.record?.claim_id ? [item.record.claim_id] : []));
    const accepted = demo.map((c) => c.claimId).filter((_, i) => i !== 0);
    expect(exportedIds).toEqual(expect.arrayContaining(accepted));
    expect(exportedIds).not.toContain(demo[0]?.claimId);
    await closePage(page);
  });

  test('the provider user downloads the ZH309 answer from its tab "Declaratiebestanden"', async () => {
    expect(imported).toBeDefined();
    const page = await logInTo(`/providers/${own}?tab=declaratiebestanden`, 'provider');
    expect(await page.getByRole('tablist').getByRole('tab', { name: 'Declaratiebestanden' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2, name: 'Declaratiebestanden' }).waitFor();
    const row = page.getByRole('table', { name: /declaratiebestanden/i }).locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${imported.id}$`) }) });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 6)).toEqual([FILE, 'Vektis ZH308', String(imported.records), String(imported.accepted), String(imported.rejected)]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/claims-exchange-provider.png`, fullPage: true });

    const zh309 = await downloaded(page, () => row.getByRole('link', { name: /ZH309-antwoord/ }).click());
    const summary = checkZh309(zh309.text);
    expect(summary).toMatchObject({ ok: true, value: { records: demo.length, accepted: demo.length - 1, rejected: 1 } });
    // One answer record per claim of the file, by claim id; the broken one rejected with its return code.
    const answers = records(zh309.text).filter((r) => r.startsWith('04'));
    expect(answers.map((r) => r.slice(25, 89).trim()).sort()).toEqual(demo.map((c) => c.claimId).sort());
    const rejected = answers.filter((r) => r.slice(97, 98) === 'A');
    expect(rejected.map((r) => [r.slice(25, 89).trim(), r.slice(122, 126), r.slice(126, 130)])).toEqual([[demo[0]?.claimId, 'Z204', '0403']]);
    await closePage(page);
  });

  test('a purchaser sees the same files for the provider', async () => {
    const page = await logInTo(`/providers/${own}?tab=declaratiebestanden`, 'purchaser');
    const row = page.getByRole('table', { name: /declaratiebestanden/i }).locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${imported.id}$`) }) });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(4, 6)).toEqual([String(imported.accepted), String(imported.rejected)]);
    expect(await row.getByRole('link', { name: /ZH309-antwoord/ }).getAttribute('href')).toBe(`/api/providers/${own}/claim-imports/${imported.id}/zh309`);
    expect(await seriousViolations(page)).toEqual([]);
    await closePage(page);
  });

  test('the same upload on the add-on figures and provider import pages: choices checked first, a refused file by line and column', async () => {
    // Add-on quarterly figures (provider user): the quarter is a choice of the upload.
    const figures = await logInTo('/addon-cijfers', 'provider');
    const upload = figures.getByRole('region', { name: 'Cijfers aanleveren' });
    await upload.getByRole('button', { name: 'Aanleveren' }).click();
    await upload.getByText('Kies het kwartaal.').waitFor();
    expect(await upload.getByLabel('Kwartaal').getAttribute('aria-invalid')).toBe('true');
    expect(await figures.evaluate(() => document.activeElement?.id)).toBe('figures-quarter');
    const year = Number(/Jaar: (\d{4})/.exec((await upload.getByText(/^Jaar: \d{4}$/).textContent()) ?? '')?.[1]);
    await upload.getByLabel('Kwartaal').selectOption('1');
    const csv = `jaar;kwartaal;agb;zi_nummer;aantal_patienten;realisatie_eur;prognose_rest_jaar_eur\r\n${year};1;${own};14012345;12;veel;2.469,12\r\n`;
    await upload.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'cijfers-q1.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByRole('button', { name: 'Aanleveren' }).click();
    await upload.getByRole('alert').filter({ hasText: 'Niet opgeslagen' }).waitFor();
    await upload.getByRole('heading', { level: 3, name: /^\d+ fout(en)? in cijfers-q1\.csv$/ }).waitFor();
    const figureErrors = upload.getByRole('table', { name: 'Fouten per regel en kolom' }).locator('tbody tr', { hasText: 'realisatie_eur' });
    expect(await figureErrors.locator('td').first().textContent()).toBe('2');
    expect(await seriousViolations(figures)).toEqual([]);
    await closePage(figures);

    // Provider import (purchaser): the template itself imports; with a broken AGB nothing is imported.
    const page = await logInTo('/providers/import', 'purchaser');
    const template = await downloaded(page, () => page.getByRole('link', { name: 'Download het sjabloon (CSV)' }).click());
    const [header, example] = template.text.trim().split('\n') as [string, string];
    const agb = example.split(',')[0] as string;
    const broken = `${header}\n${example.replace(agb, `${agb.slice(0, 7)}X`)}\n`;
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'aanbieders.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Niet geïmporteerd' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^\d+ fout(en)? in aanbieders\.csv$/ }).waitFor();
    const row = page.getByRole('table', { name: 'Fouten per regel en kolom' }).locator('tbody tr', { has: page.locator('td.code', { hasText: /^agb$/ }) });
    expect(await row.locator('td').first().textContent()).toBe('2');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'sjabloon.csv', mimeType: 'text/csv', buffer: Buffer.from(template.text) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 2, name: '1 zorgaanbieder geïmporteerd uit sjabloon.csv' }).waitFor();
    const created = page.locator('.facts > div', { has: page.locator('dt', { hasText: /^Nieuw$/ }) }).locator('dd');
    expect(await created.textContent()).toBe('1');
    const purchaser = new ApiClient(server.url);
    const login = demoLogin('purchaser');
    expect((await purchaser.login(login.email, login.password)).status).toBe(200);
    expect((await purchaser.get(`/api/providers/${agb}`)).status).toBe(200);
    await closePage(page);
  });
});
