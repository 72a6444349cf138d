/**
 * Quarterly add-on figures (ADD §5) through the real HTTP API on every database: the template, CSV
 * and Excel uploads at moments around the deadlines (the server's clock moves), a bad file refused
 * with line and field and nothing stored, the same file twice stored once, the recorded Q2 status
 * feeding the nacalculatie condition `tijdige-cijfers-q2` of the FDA 2022, and a provider user
 * refused (and audited) on another provider's figures.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { runCli } from '../support/cli.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: 'purchaser' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;
const HEADER = 'jaar;kwartaal;agb;zi_nummer;aantal_patienten;realisatie_eur;prognose_rest_jaar_eur';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(databaseKinds)('add-on quarterly figures on %s', (kind) => {
  let server: TestServer;
  let purchaser: ApiClient;
  let provider: ApiClient;
  let A: string; // the demo provider user's own provider
  let B: string; // another provider with an FDA 2022
  let drugs: string[];

  /** Moves the server's clock to an instant and keeps the test sessions alive at that time. */
  async function travel(iso: string): Promise<void> {
    const now = new Date(iso);
    server.setNow(now);
    await sql`update sessions set created_at = ${new Date(now.getTime() - 60_000)}, last_seen_at = ${now}, absolute_expires_at = ${new Date(now.getTime() + 3_600_000)}`.execute(server.db.kysely);
  }
  const upload = (client: ApiClient, agb: string, quarter: number, name: string, content: string | Buffer, type = 'text/csv', year = 2021) => {
    const form = new FormData();
    form.append('year', String(year));
    form.append('quarter', String(quarter));
    form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    return client.request('POST', `/api/providers/${agb}/addon-figures`, form);
  };
  const csv = (agb: string, quarter: number, lines: string[][]) => [HEADER, ...lines.map((l) => l.join(';'))].map((l) => l.replace('{agb}', agb).replace('{q}', String(quarter))).join('\n') + '\n';
  const count = async (table: 'addon_figure_uploads' | 'addon_figure_rows', agb: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where agb = ${agb}`.execute(server.db.kysely)).rows[0]?.n ?? 0;
  const addon = async (client: ApiClient, agb: string) => json(await client.get(`/api/providers/${agb}/addon?year=2022`));
  const q2Condition = (view: Json) => view.eligibility.conditions.find((c: Json) => c.id === 'tijdige-cijfers-q2');
  /** An FDA 2022 that qualifies for nacalculatie on its own stored values. */
  const qualifyingFda = async (agb: string) => {
    await sql`insert into addon_agreements (agb, year, expected_revenue_cents, q2_figures, efficiency) values (${agb}, 2022, 25000000, 'on-time', 'no-requirement')
              on conflict (agb, year) do update set expected_revenue_cents = 25000000, q2_figures = 'on-time', efficiency = 'no-requirement'`.execute(server.db.kysely);
  };

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind });
    purchaser = new ApiClient(server.url);
    provider = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    await provider.login(login('provider').email, login('provider').password);
    A = server.seed.demoProviderAgb;
    const all: { agb: string }[] = await json(await purchaser.get('/api/providers'));
    B = all.find((p) => p.agb !== A)!.agb;
    drugs = (await sql<{ zi_number: string }>`select zi_number from addon_drugs order by zi_number limit 3`.execute(server.db.kysely)).rows.map((r) => r.zi_number);
    expect(drugs).toHaveLength(3);
    await qualifyingFda(A);
    await qualifyingFda(B);
  });
  afterAll(() => server.close());

  it('serves the template as CSV and as Excel, with the Dutch columns and one example row', async () => {
    const anonymous = new ApiClient(server.url);
    const csvTemplate = await anonymous.get('/api/addon-figures/template.csv');
    expect(csvTemplate.status).toBe(200);
    expect(csvTemplate.headers.get('content-disposition')).toMatch(/kwartaalcijfers-add-on-sjabloon\.csv/);
    const lines = (await csvTemplate.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${HEADER};geneesmiddel`);
    expect(lines[1]).toMatch(/^2021;2;\d{8};\d{8};\d+;[\d.]+,\d{2};[\d.]+,\d{2};/);

    const xlsx = await anonymous.get('/api/addon-figures/template.xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Kwartaalcijfers', 'Toelichting']);
    const header = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.join(';')).toBe(`${HEADER};geneesmiddel`);
    expect(workbook.worksheets[0]!.rowCount).toBe(2);
    const help = workbook.worksheets[1]!.getColumn(2).values.map(String).join('\n');
    expect(help).toMatch(/2021-06-30.*nacalculatie/);
  });

  it('stores a correct CSV in time, in exact cents, and a second time stores nothing', async () => {
    await travel('2021-03-15T10:00:00+01:00');
    const file = csv(A, 1, [
      ['2021', '{q}', '{agb}', drugs[0]!, '12', '1.234,56', '2469.12'],
      ['2021', '{q}', '{agb}', drugs[1]!, '3', '0,29', '1.005.000,07'],
    ]);
    const first = await upload(provider, A, 1, 'q1-2021.csv', file);
    expect(first.status).toBe(201);
    const body = await json(first);
    expect(body).toMatchObject({ stored: true, duplicate: false, q2: null });
    expect(body.upload).toMatchObject({ agb: A, year: 2021, quarter: 1, status: 'accepted', in_time: true, received_on: '2021-03-15', deadline: '2021-03-31', row_count: 2, format: 'csv' });
    expect(body.upload.realisation_cents).toBe(123456 + 29);
    expect(body.upload.prognosis_cents).toBe(246912 + 100500007);
    const rows = await sql<{ zi_number: string; realisation_cents: number; prognosis_cents: number; line: number }>`
      select zi_number, realisation_cents, prognosis_cents, line from addon_figure_rows where upload_id = ${body.upload.id} order by line`.execute(server.db.kysely);
    expect(rows.rows).toEqual([
      { zi_number: drugs[0], realisation_cents: 123456, prognosis_cents: 246912, line: 2 },
      { zi_number: drugs[1], realisation_cents: 29, prognosis_cents: 100500007, line: 3 },
    ]);

    const again = await upload(provider, A, 1, 'zelfde-bestand.csv', file);
    expect(again.status).toBe(200);
    const repeat = await json(again);
    expect(repeat).toMatchObject({ stored: false, duplicate: true });
    expect(repeat.upload.id).toBe(body.upload.id);
    expect(repeat.message).toMatch(/al ontvangen.*niets opnieuw opgeslagen/);
    expect(await count('addon_figure_uploads', A)).toBe(1);
    expect(await count('addon_figure_rows', A)).toBe(2);

    const detail = await json(await provider.get(`/api/providers/${A}/addon-figures/${body.upload.id}`));
    expect(detail.rows.map((r: Json) => r.zi_number)).toEqual([drugs[0], drugs[1]]);
  });

  it('refuses a bad Q2 file with every error by line and field, stores no figures, and records the Q2 figures as incorrect', async () => {
    await travel('2021-06-20T10:00:00+02:00');
    const before = await addon(provider, A);
    expect(before.agreement).toMatchObject({ q2_figures: 'on-time', q2_figures_source: 'agreement', q2_figures_recorded: null });
    expect(before.eligibility.nacalculatie).toBe(true);

    const rowsBefore = await count('addon_figure_rows', A);
    const bad = csv(A, 2, [
      ['2021', '{q}', '{agb}', drugs[0]!, '12', '1.234,56', '100,00'],
      ['2021', '3', '{agb}', drugs[1]!, 'twaalf', '1.234', '5,00'],
      ['2021', '{q}', '{agb}', '99999999', '1', '1,00', '-5,00'],
      ['2021', '{q}', '{agb}', drugs[0]!, '1', '1,00', '1,00'],
    ]);
    const refused = await upload(provider, A, 2, 'q2-fout.csv', bad);
    expect(refused.status).toBe(400);
    const error = (await json(refused)).error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/niets opgeslagen/);
    expect(error.issues.map((i: Json) => [i.line, i.field])).toEqual([
      [3, 'kwartaal'],
      [3, 'aantal_patienten'],
      [3, 'realisatie_eur'],
      [4, 'zi_nummer'],
      [4, 'prognose_rest_jaar_eur'],
      [5, 'zi_nummer'],
    ]);
    for (const issue of error.issues) {
      expect(issue.file).toBe('q2-fout.csv');
      expect(issue.message.length).toBeGreaterThan(10);
    }
    expect(await count('addon_figure_rows', A)).toBe(rowsBefore);

    const overview = await json(await provider.get(`/api/providers/${A}/addon-figures?year=2021`));
    expect(overview.q2).toMatchObject({ status: 'incorrect', deadline: '2021-06-30' });
    expect(overview.quarters.map((q: Json) => [q.quarter, q.status])).toEqual([[1, 'accepted-in-time'], [2, 'rejected'], [3, 'none'], [4, 'none']]);
    const rejected = overview.uploads.find((u: Json) => u.status === 'rejected');
    expect(rejected).toMatchObject({ quarter: 2, row_count: 0, file_name: 'q2-fout.csv' });
    expect(rejected.issues).toHaveLength(6);

    // The same bad file again: the same errors, nothing stored again.
    const again = await upload(provider, A, 2, 'q2-fout.csv', bad);
    expect(again.status).toBe(400);
    expect((await json(again)).error.issues).toHaveLength(6);
    expect(await count('addon_figure_uploads', A)).toBe(2);

    const incorrect = await addon(provider, A);
    expect(incorrect.agreement).toMatchObject({ q2_figures: 'incorrect', q2_figures_source: 'uploads' });
    expect(incorrect.eligibility.nacalculatie).toBe(false);

    const header = await upload(provider, A, 2, 'kop.csv', 'jaar;kwartaal;agb\n2021;2;' + A + '\n');
    expect(header.status).toBe(400);
    expect((await json(header)).error.issues.map((i: Json) => [i.line, i.field])).toEqual([
      [1, 'zi_nummer'],
      [1, 'aantal_patienten'],
      [1, 'realisatie_eur'],
      [1, 'prognose_rest_jaar_eur'],
    ]);
  });

  it('takes an Excel file just after midnight in Amsterdam as late: no nacalculatie, condition tijdige-cijfers-q2 unmet', async () => {
    await travel('2021-06-30T22:30:00Z'); // 1 July 2021 00:30 in Amsterdam
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kwartaalcijfers');
    sheet.addRow(['jaar', 'kwartaal', 'AGB', 'ZI-nummer', 'Aantal patiënten', 'realisatie_eur', 'prognose_rest_jaar_eur', 'geneesmiddel']);
    sheet.addRow([2021, 2, A, drugs[0], 14, 2345.67, 4000, 'eerste']);
    sheet.addRow([2021, 2, A, drugs[2], 0, '1.000,10', '0,00', 'derde']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const stored = await upload(provider, A, 2, 'q2-2021.xlsx', xlsx, XLSX_TYPE);
    expect(stored.status).toBe(201);
    const body = await json(stored);
    expect(body.upload).toMatchObject({ format: 'xlsx', status: 'accepted', in_time: false, received_on: '2021-07-01', deadline: '2021-06-30', row_count: 2, realisation_cents: 234567 + 100010, prognosis_cents: 400000 });
    expect(body.q2).toMatchObject({ status: 'late', received_on: '2021-07-01', upload_id: body.upload.id });

    const late = await addon(provider, A);
    expect(late.agreement).toMatchObject({ q2_figures: 'late', q2_figures_source: 'uploads' });
    expect(late.agreement.q2_figures_recorded).toMatchObject({ status: 'late', deadline: '2021-06-30' });
    expect(late.eligibility).toMatchObject({ nacalculatie: false, agreement: 'plafond' });
    expect(q2Condition(late)).toMatchObject({ met: false, reason: { rule: 'addon.condition.tijdige-cijfers-q2', source: 'ADD §5', inputs: { q2_figures: 'late' } } });
    expect(late.eligibility.reasons.map((r: Json) => r.rule)).toContain('addon.figures.q2.late');
    expect(late.post_calculation.eligible).toBe(false);

    // An explicit value given to the eligibility check is never replaced by the recorded one.
    const explicit = await json(await purchaser.post('/api/addon/eligibility', { expected_revenue_eur: '250000', q2_figures: 'on-time', efficiency: 'no-requirement' }));
    expect(explicit.nacalculatie).toBe(true);
  });

  it('records a Q2 file a purchaser receives on the deadline day at 23:30 in Amsterdam as on time', async () => {
    await travel('2021-06-30T21:30:00Z'); // 30 June 2021 23:30 in Amsterdam, still 30 June in UTC too
    const file = csv(B, 2, [['2021', '{q}', '{agb}', drugs[1]!, '5', '10.000', '20000.50']]);
    const ambiguous = await upload(purchaser, B, 2, 'b.csv', file);
    expect(ambiguous.status).toBe(400);
    expect((await json(ambiguous)).error.issues).toEqual([expect.objectContaining({ line: 2, field: 'realisatie_eur', message: expect.stringMatching(/dubbelzinnig/) })]);
    const fixed = await upload(purchaser, B, 2, 'b.csv', file.replace('10.000', '10.000,00'));
    expect(fixed.status).toBe(201);
    expect((await json(fixed)).q2).toMatchObject({ status: 'on-time', received_on: '2021-06-30' });
    const view = await addon(purchaser, B);
    expect(view.agreement).toMatchObject({ q2_figures: 'on-time', q2_figures_source: 'uploads' });
    expect(q2Condition(view).met).toBe(true);
    expect(view.eligibility.nacalculatie).toBe(true);
  });

  it("refuses a provider user on another provider's figures, and audits the refusal", async () => {
    const denied = async (event: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and event = ${event} and object_id = ${B}`.execute(server.db.kysely)).rows[0]?.n ?? 0;
    const uploadsOfB = await count('addon_figure_uploads', B);
    const refused = await upload(provider, B, 3, 'niet-van-ons.csv', csv(B, 3, [['2021', '{q}', '{agb}', drugs[0]!, '1', '1,00', '1,00']]));
    expect(refused.status).toBe(403);
    expect(await denied('addon-figures.upload')).toBe(1);
    // The access check comes before the upload is read: even a request without a file is refused as such.
    const empty = new FormData();
    empty.append('year', '2021');
    expect((await provider.request('POST', `/api/providers/${B}/addon-figures`, empty)).status).toBe(403);
    expect(await denied('addon-figures.upload')).toBe(2);
    expect(await count('addon_figure_uploads', B)).toBe(uploadsOfB);
    expect((await provider.get(`/api/providers/${B}/addon-figures`)).status).toBe(403);
    expect(await denied('addon-figures.read')).toBe(1);
    // The provider's own list holds only its own uploads.
    const own = await json(await provider.get(`/api/providers/${A}/addon-figures`));
    expect(own.year).toBe(2021);
    expect(own.uploads.every((u: Json) => u.agb === A)).toBe(true);
    expect(own.uploads.length).toBe(await count('addon_figure_uploads', A));
    // Uploads are audited, accepted and rejected alike.
    const audited = await sql<{ outcome: string; n: number }>`select outcome, count(*)::int as n from audit_log where event = 'addon-figures.upload' and agb = ${A} and outcome <> 'denied' group by outcome order by outcome`.execute(server.db.kysely);
    expect(audited.rows).toEqual([{ outcome: 'failure', n: 2 }, { outcome: 'success', n: 2 }]);
  });

  it('refuses a year without figures and a quarter out of range, and a request without a file', async () => {
    const wrongYear = await upload(provider, A, 2, 'x.csv', csv(A, 2, [['2019', '{q}', '{agb}', drugs[0]!, '1', '1,00', '1,00']]), 'text/csv', 2019);
    expect(wrongYear.status).toBe(400);
    expect((await json(wrongYear)).error).toMatchObject({ message: expect.stringMatching(/2019/), issues: [expect.objectContaining({ field: 'year' })] });
    const form = new FormData();
    form.append('year', '2021');
    form.append('quarter', '5');
    form.append('file', new Blob(['x'], { type: 'text/csv' }), 'x.csv');
    const badQuarter = await provider.request('POST', `/api/providers/${A}/addon-figures`, form);
    expect(badQuarter.status).toBe(400);
    expect((await json(badQuarter)).error.issues[0].field).toBe('quarter');
    const noFile = await provider.post(`/api/providers/${A}/addon-figures`, { year: 2021, quarter: 2 });
    expect(noFile.status).toBe(400);
  });

  it.runIf(kind === databaseKinds[0])('writes the template from the CLI', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'zk-figures-'));
    try {
      const out = path.join(dir, 'sjabloon.csv');
      const result = await runCli(['addon', 'figures', 'template', '--format', 'csv', '--out', out]);
      expect(result.code).toBe(0);
      expect((await readFile(out, 'utf8')).split(/\r?\n/)[0]).toBe(`${HEADER};geneesmiddel`);
      expect((await runCli(['addon', 'figures', 'template', '--format', 'pdf', '--out', out])).code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
