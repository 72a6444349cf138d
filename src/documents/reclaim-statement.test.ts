import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatEuro, sumCents } from '../domain/money/index.js';
import { extractPdfText, pdfPageCount } from './pdf-inspect.js';
import { RECLAIM_COLUMNS, RECLAIM_TOTAL_COLUMNS, reclaimLines, reclaimStatementJson, reclaimStatementPdf, reclaimStatementXlsx, type ReclaimFinding, type ReclaimStatementModel } from './reclaim-statement.js';

const finding = (f: Partial<ReclaimFinding> & Pick<ReclaimFinding, 'finding_id' | 'claim_id' | 'rule' | 'amount_at_stake_cents'>): ReclaimFinding => ({
  rule_title: f.rule,
  source: 'MSZ §4A',
  outcome: 'reclaim',
  decision_note: 'Na reactie van de aanbieder gehandhaafd.',
  decided_on: '2019-04-15',
  ...f,
});

const model: ReclaimStatementModel = {
  date: '2019-05-01',
  provider: { agb: '06010001', name: 'Ziekenhuis De Vaart', city: 'ZWOLLE' },
  year: 2018,
  findings: [
    finding({ finding_id: 3, claim_id: 'C2018-000020', rule: 'serial', rule_title: 'Serialiteit: initieel subtraject binnen de vervolgtermijn', amount_at_stake_cents: 123_45 }),
    finding({ finding_id: 1, claim_id: 'C2018-000010', rule: 'duplicate', rule_title: 'Dubbele declaraties', source: 'MSZ §4A; MSZ §6', outcome: 'reject', amount_at_stake_cents: 2_500_01 }),
    finding({ finding_id: 2, claim_id: 'C2018-000011', rule: 'non-evidence', rule_title: 'Behandelingen uit bijlage 4', source: 'MSZ §4A; MSZ Bijlage 4', amount_at_stake_cents: 99 }),
    // The same claim under a second rule: counted once, under the larger amount.
    finding({ finding_id: 4, claim_id: 'C2018-000020', rule: 'parallel', rule_title: 'Parallelliteit', amount_at_stake_cents: 123_45 }),
    finding({ finding_id: 5, claim_id: 'C2018-000030', rule: 'serial', rule_title: 'Serialiteit: initieel subtraject binnen de vervolgtermijn', amount_at_stake_cents: 1_000_000_00 }),
  ],
};

describe('reclaimLines', () => {
  it('charges a claim once: the largest amount counts, then the first rule; the rest show 0 and where it is counted', () => {
    const lines = reclaimLines(model.findings);
    expect(lines.map((l) => [l.finding_id, l.amount_cents, l.counted_under])).toEqual([
      [1, 2_500_01, null], [2, 99, null], [4, 123_45, null], [3, 0, 'parallel'], [5, 1_000_000_00, null],
    ]);
    const a = finding({ finding_id: 7, claim_id: 'X', rule: 'addon-tariff', amount_at_stake_cents: 100 });
    const b = finding({ finding_id: 8, claim_id: 'X', rule: 'addon-centre', amount_at_stake_cents: 1000 });
    expect(reclaimLines([a, b]).map((l) => [l.rule, l.amount_cents])).toEqual([['addon-centre', 1000], ['addon-tariff', 0]]);
  });
});

describe('reclaimStatementJson', () => {
  const s = reclaimStatementJson(model);

  it('totals per rule and per outcome reconcile to the cent with the lines', () => {
    expect(s).toMatchObject({ document: 'terugvordering', title: 'Terugvorderingen en afwijzingen 2018', reference: 'controle/06010001/terugvordering-2018', year: 2018 });
    expect(s.total_cents).toBe(2_500_01 + 99 + 123_45 + 1_000_000_00);
    expect(sumCents(s.lines.map((l) => l.amount_cents))).toBe(s.total_cents);
    expect(sumCents(s.totals.map((t) => t.amount_cents))).toBe(s.total_cents);
    expect(s.reject_cents).toBe(2_500_01);
    expect(s.reclaim_cents + s.reject_cents).toBe(s.total_cents);
    // Rules in the order of the claim rules.
    expect(s.totals.map((t) => [t.rule, t.findings, t.amount_cents])).toEqual([
      ['duplicate', 1, 2_500_01], ['parallel', 1, 123_45], ['serial', 2, 1_000_000_00], ['non-evidence', 1, 99],
    ]);
  });

  it('is an empty statement without findings', () => {
    const empty = reclaimStatementJson({ ...model, findings: [] });
    expect(empty).toMatchObject({ lines: [], totals: [], total_cents: 0, reclaim_cents: 0, reject_cents: 0 });
  });

  it('holds no patient data: only claim ids, rules, sources, amounts and notes', () => {
    const keys = new Set(s.lines.flatMap((l) => Object.keys(l)));
    for (const key of ['bsn', 'diagnosis']) expect(keys.has(key)).toBe(false);
  });
});

describe('reclaimStatementPdf', () => {
  it('shows every line, every rule total and the grand total', async () => {
    const pdf = await reclaimStatementPdf(model, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = extractPdfText(pdf).replace(/\s+/g, ' ');
    for (const part of ['Terugvorderingen en afwijzingen 2018', 'Ziekenhuis De Vaart', 'AGB-code 06010001', '1 mei 2019', 'controle/06010001/terugvordering-2018', 'hoor en wederhoor']) expect(text).toContain(part);
    const s = reclaimStatementJson(model);
    for (const line of s.lines) expect(text).toContain(line.claim_id);
    for (const total of s.totals) expect(text).toContain(formatEuro(total.amount_cents));
    expect(text).toContain(`Totaal ${formatEuro(s.total_cents)}`);
    expect(text).toContain('al meegeteld onder regel parallel');
  });

  it('says so when nothing was upheld, and is deterministic', async () => {
    const empty = { ...model, findings: [] };
    expect(extractPdfText(await reclaimStatementPdf(empty, { compress: false })).replace(/\s+/g, ' ')).toContain('Over 2018 zijn geen bevindingen gehandhaafd');
    expect((await reclaimStatementPdf(model)).equals(await reclaimStatementPdf(structuredClone(model)))).toBe(true);
  });
});

describe('reclaimStatementXlsx', () => {
  async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }
  const values = (sheet: ExcelJS.Worksheet, row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);
  const cents = (euros: unknown): number => Math.round(Number(euros) * 100);

  it('lists the findings with a total row, and the totals per rule, both reconciling to the cent', async () => {
    const workbook = await readBack(await reclaimStatementXlsx(model));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Bevindingen', 'Totalen per regel']);
    const s = reclaimStatementJson(model);

    const sheet = workbook.getWorksheet('Bevindingen')!;
    const headerRow = sheet.getColumn(1).values.findIndex((v) => v === 'Bevinding');
    expect(values(sheet, headerRow)).toEqual([...RECLAIM_COLUMNS]);
    const rows = s.lines.map((_, i) => values(sheet, headerRow + 1 + i));
    expect(rows.map((r) => [r[0], r[1], r[2], cents(r[6])])).toEqual(s.lines.map((l) => [l.finding_id, l.claim_id, l.rule, l.amount_cents]));
    const totalRow = values(sheet, headerRow + 1 + s.lines.length);
    expect(totalRow[0]).toBe('Totaal');
    expect(cents(totalRow[6])).toBe(s.total_cents);
    expect(sumCents(rows.map((r) => cents(r[6])))).toBe(s.total_cents);

    const totals = workbook.getWorksheet('Totalen per regel')!;
    expect(values(totals, 1)).toEqual([...RECLAIM_TOTAL_COLUMNS]);
    const perRule = s.totals.map((_, i) => values(totals, 2 + i));
    expect(perRule.map((r) => [r[0], r[2], cents(r[3])])).toEqual(s.totals.map((t) => [t.rule, t.findings, t.amount_cents]));
    const total = values(totals, 2 + s.totals.length);
    expect([total[0], total[2], cents(total[3])]).toEqual(['Totaal', s.lines.length, s.total_cents]);
    expect(sumCents(perRule.map((r) => cents(r[3])))).toBe(s.total_cents);
  });
});
