import { describe, expect, it } from 'vitest';
import { demoDataset, generateClaims, type DemoClaim } from '../../demo/index.js';
import { canonicalUnits, parseClaimRecord } from '../../domain/claims/claim-line.js';
import type { Claim } from '../../domain/claims/types.js';
import { expectOk } from '../../domain/errors.js';
import type { ClaimSourceItem } from '../claim-source.js';
import { zh308Field, zh308FieldLabel } from './zh308-layout.js';
import { readZh308, writeZh308, ZH308_FIELD_LABELS, zh308ClaimRecords } from './zh308.js';

const dataset = demoDataset('zorginkoop');
const hospital = dataset.providers.find((p) => p.type === 'ziekenhuis')!;

const toClaim = (c: DemoClaim): Claim => ({
  claimId: c.claimId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, careType: c.careType, specialism: c.specialism, diagnosis: c.diagnosis, productCode: c.productCode,
  startDate: c.startDate, endDate: c.endDate, amountCents: c.amountCents, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)),
});

function demoClaims(count: number): Claim[] {
  return [...generateClaims({ seed: 'zh308-unit', count, year: 2018, providers: [hospital], products: dataset.products, drugs: dataset.drugs, anomalyRate: 0.05, idPrefix: 'Z-' })].map(toClaim);
}

/** The claim as the CSV import reads it: a record keyed by the CSV header. */
const csvRecord = (c: Claim): Record<string, string> => ({
  claim_id: c.claimId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, care_type: c.careType, specialism: c.specialism, diagnosis: c.diagnosis, product_code: c.productCode,
  start_date: c.startDate, end_date: c.endDate, amount_cents: String(c.amountCents), zi_number: c.ziNumber ?? '', units: c.units ?? '',
});

const header = { agb: hospital.agb, invoiceNumber: 'F2018-001', invoiceDate: '2019-01-15' };
const lines = (text: string): string[] => text.split('\r\n').slice(0, -1);
const file = (records: string[]): string => records.map((l) => `${l}\r\n`).join('');

/** Replaces a field's positions in a record with `raw` (exactly the field's length). */
function put(record: string, number: string, raw: string): string {
  const f = zh308Field(number);
  expect(raw.length, number).toBe(f.length);
  return record.slice(0, f.start - 1) + raw + record.slice(f.end);
}

describe('writeZh308 → readZh308: demo claims round trip', () => {
  const claims = demoClaims(400);
  const addOn = claims.find((c) => c.ziNumber !== null)!;
  // An add-on line whose units 0426 cannot hold (a fraction), one above 9999, and a credit line.
  claims.push({ ...addOn, claimId: 'Z-FRACTION', units: '1.5' }, { ...addOn, claimId: 'Z-LARGE', units: '120000' }, { ...claims[0]!, claimId: 'Z-CREDIT', amountCents: -claims[0]!.amountCents });
  const text = expectOk(writeZh308(claims, header));

  it('writes 610-character records ended by CR LF: 01, then 02/04/06/98, then 99', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const records = lines(text);
    for (const r of records) expect(r.length).toBe(610);
    expect(records[0]!.slice(0, 5)).toBe('01101');
    expect(records.at(-1)!.slice(0, 2)).toBe('99');
    expect(records.filter((r) => r.startsWith('04'))).toHaveLength(claims.length);
    expect(records.filter((r) => r.startsWith('06'))).toHaveLength(claims.length);
    expect(records.filter((r) => r.startsWith('98')).map((r) => r.slice(18, 158).trim())).toEqual(expect.arrayContaining(['EENHEDEN=1.5', 'EENHEDEN=120000']));
  });

  it('reads back one clean claim record per claim, equal to what the CSV of the same claims gives', () => {
    const items = readZh308(text);
    expect(items).toHaveLength(claims.length);
    const byId = new Map(claims.map((c) => [c.claimId, c]));
    const seen = new Set<string>();
    for (const item of items) {
      expect(item.issues, `line ${item.line}`).toBeUndefined();
      expect(item.recordType).toBe('04');
      const fromZh308 = expectOk(parseClaimRecord(item.record!, item.line));
      const original = byId.get(fromZh308.claimId)!;
      expect(fromZh308).toEqual(expectOk(parseClaimRecord(csvRecord(original), 2)));
      expect(fromZh308).toEqual(original);
      seen.add(fromZh308.claimId);
    }
    expect(seen.size).toBe(claims.length);
  });

  it('streams: the async reader over lines gives the same records', async () => {
    const streamed: ClaimSourceItem[] = [];
    for await (const item of zh308ClaimRecords(lines(text))) streamed.push(item);
    expect(streamed).toEqual(readZh308(text));
  });

  it('refuses what it cannot write: another institution, a claim id over 20 characters, an amount over 0620', () => {
    const c = claims[0]!;
    expect(writeZh308([{ ...c, agb: '06999999' }], header)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(writeZh308([{ ...c, claimId: 'X'.repeat(21) }], header)).toMatchObject({ ok: false, error: { message: expect.stringContaining('20 tekens') } });
    expect(writeZh308([{ ...c, amountCents: 100_000_000 }], header)).toMatchObject({ ok: false, error: { message: expect.stringContaining('0620') } });
    expect(writeZh308([c], { ...header, invoiceNumber: 'X'.repeat(13) }).ok).toBe(false);
  });
});

describe('readZh308: problems named by record line, field, position and return code', () => {
  // Person A: two DBC lines; person B: an add-on line with units in a comment record.
  const all = demoClaims(400);
  const addOn = { ...all.find((c) => c.ziNumber !== null)!, claimId: 'Z-ADDON', units: '30000' };
  const dbc = all.filter((c) => c.ziNumber === null && c.bsn !== addOn.bsn && c.amountCents > 0);
  const a1 = { ...dbc[0]!, claimId: 'Z-A1' };
  const a2 = { ...dbc[1]!, bsn: a1.bsn, uzovi: a1.uzovi, claimId: 'Z-A2' };
  const base = lines(expectOk(writeZh308([a1, a2, addOn], header)));
  // 1: 01 | 2: 02 (A) | 3: 04 a1 | 4: 06 | 5: 04 a2 | 6: 06 | 7: 02 (B) | 8: 04 add-on | 9: 98 | 10: 06 | 11: 99
  it('has the layout the cases below rely on', () => {
    expect(base.map((r) => r.slice(0, 2))).toEqual(['01', '02', '04', '06', '04', '06', '02', '04', '98', '06', '99']);
    expect(readZh308(file(base)).every((i) => i.issues === undefined && i.fatal === undefined)).toBe(true);
  });

  const edit = (index: number, change: (r: string) => string) => base.map((r, i) => (i === index ? change(r) : r));
  const itemAt = (records: string[], line: number) => readZh308(file(records)).find((i) => i.line === line);

  const recordCases: [string, string[], number, string, string][] = [
    ['a record of the wrong length', edit(2, (r) => r.slice(0, 600)), 3, 'Record (pos 1-610)', 'ZK-201'],
    ['a mandatory field left empty', edit(2, (r) => put(r, '0458', ' '.repeat(20))), 3, '0458 Referentienummer dit prestatierecord (pos 556-575)', 'ZK-203'],
    ['letters in a numeric field', edit(2, (r) => put(r, '0403', '12345678X')), 3, '0403 Burgerservicenummer (BSN) verzekerde (pos 15-23)', 'ZK-204'],
    ['a date that does not exist', edit(2, (r) => put(r, '0411', '20181301')), 3, '0411 Begindatum prestatie (pos 76-83)', 'ZK-205'],
    ['a debit/credit indicator other than D or C', edit(2, (r) => put(r, '0457', 'X')), 3, '0457 Indicatie debet/credit (pos 555-555)', 'ZK-206'],
    ['text in the reserve', edit(2, (r) => put(r, '0480', 'X'.padEnd(15))), 3, '0480 Reserve (pos 596-610)', 'ZK-207'],
    ['a tariff record whose key differs from its prestatierecord', edit(3, (r) => put(r, '0609', '20170101')), 3, '0609 Begindatum prestatie (pos 55-62)', 'ZK-210'],
    ['a prestatierecord whose D/C contradicts its tariff record', edit(2, (r) => put(r, '0457', 'C')), 3, '0457 Indicatie debet/credit (pos 555-555)', 'ZK-215'],
    ['a detail id out of sequence', edit(4, (r) => put(r, '0402', '000000000009')), 5, '0402 Identificatie detailrecord (pos 3-14)', 'ZK-217'],
  ];
  it.each(recordCases)('%s: the claim record is rejected with line, field and code', (_name, records, line, field, code) => {
    const item = itemAt(records, line);
    expect(item?.issues).toContainEqual(expect.objectContaining({ field, code }));
    for (const i of item!.issues!) expect(i.message.length).toBeGreaterThan(5);
    expect(readZh308(file(records)).some((i) => i.fatal !== undefined)).toBe(false);
    // The other claims of the file stay clean.
    expect(readZh308(file(records)).filter((i) => i.line !== line && i.issues !== undefined)).toEqual([]);
  });

  it('a problem in a tariff record rejects its claim, naming the tariff record\'s own line', () => {
    const records = edit(3, (r) => put(r, '0615', '1000X'));
    const item = itemAt(records, 3)!;
    expect(item.issues).toEqual([expect.objectContaining({ line: 4, field: '0615 Verrekenpercentage (pos 87-91)', code: 'ZK-204' })]);
  });

  it('an unknown record type is rejected on its own', () => {
    const records = [...base.slice(0, 6), '05'.padEnd(610), ...base.slice(6)];
    records[records.length - 1] = put(records.at(-1)!, '9908', '0000010');
    const items = readZh308(file(records));
    expect(items.find((i) => i.line === 7)).toMatchObject({ recordType: '05', issues: [expect.objectContaining({ code: 'ZK-202' })] });
    expect(items.filter((i) => i.issues === undefined)).toHaveLength(3);
  });

  it('a tariff record before any prestatierecord is out of place', () => {
    const records = [base[0]!, base[1]!, base[3]!, base[2]!, ...base.slice(4)];
    const items = readZh308(file(records));
    expect(items.find((i) => i.line === 3)).toMatchObject({ recordType: '06', issues: [expect.objectContaining({ code: 'ZK-209' }), expect.anything()] });
  });

  it('a prestatierecord without its tariff record has no amount', () => {
    const records = base.filter((_, i) => i !== 3).map((r) => (r.startsWith('99') ? put(put(put(r, '9905', '000002'), '9908', '0000008'), '9909', String(a2.amountCents + addOn.amountCents).padStart(11, '0')) : r));
    // Detail ids after the removed record no longer follow on; the missing tariff is reported on the claim.
    const item = itemAt(records, 3)!;
    expect(item.issues).toContainEqual(expect.objectContaining({ field: zh308FieldLabel('0620'), code: 'ZK-214' }));
    expect(item.record?.amount_cents).toBe('');
  });

  it('a rejected verzekerdenrecord rejects itself and the claims under it', () => {
    const records = edit(1, (r) => put(r, '0207', '20181340'));
    const items = readZh308(file(records));
    expect(items.find((i) => i.line === 2)).toMatchObject({ recordType: '02', issues: [expect.objectContaining({ field: '0207 Datum geboorte verzekerde (pos 54-61)', code: 'ZK-205' })] });
    for (const line of [3, 5]) expect(items.find((i) => i.line === line)?.issues).toContainEqual(expect.objectContaining({ code: 'ZK-216' }));
    expect(items.find((i) => i.line === 8)?.issues).toBeUndefined();
  });

  it('maps the claim fields to the records: a BSN failing the elfproef is reported on 0403 by parseClaimRecord', () => {
    const records = base.map((r, i) => (i >= 1 && i <= 5 ? put(r, r.startsWith('02') ? '0203' : r.startsWith('04') ? '0403' : '0603', '123456789') : r));
    const item = itemAt(records, 3)!;
    expect(item.issues).toBeUndefined();
    const parsed = parseClaimRecord(item.record!, item.line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.issues).toEqual([expect.objectContaining({ field: 'bsn', code: 'ZK-109' })]);
    expect(ZH308_FIELD_LABELS.bsn).toBe('0403 Burgerservicenummer (BSN) verzekerde (pos 15-23)');
    expect(ZH308_FIELD_LABELS.claim_id).toBe('0458 Referentienummer dit prestatierecord (pos 556-575)');
  });

  const fatal = (records: string[]) => readZh308(file(records)).find((i) => i.fatal !== undefined);
  const fileCases: [string, string[], number, string, string][] = [
    ['a voorlooprecord with the wrong currency', edit(0, (r) => put(r, '0119', 'USD')), 1, '0119 Valutacode (pos 115-117)', 'ZK-208'],
    ['a file that does not start with a voorlooprecord', base.slice(1), 1, '0101 Kenmerk record (pos 1-2)', 'ZK-209'],
    ['a sluitrecord counting another number of prestatierecords', edit(10, (r) => put(r, '9904', '000004')), 11, '9904 Aantal prestatierecords (pos 15-20)', 'ZK-211'],
    ['a sluitrecord with another total', edit(10, (r) => put(r, '9909', '00000000001')), 11, '9909 Totaal declaratiebedrag (pos 46-56)', 'ZK-212'],
    ['a sluitrecord of the wrong length', edit(10, (r) => `${r}X`), 11, 'Record (pos 1-610)', 'ZK-201'],
    ['a record after the sluitrecord', [...base, base[2]!], 12, 'Record (pos 1-610)', 'ZK-209'],
  ];
  it.each(fileCases)('%s: the whole file is refused', (_name, records, line, field, code) => {
    const refusal = fatal(records);
    expect(refusal?.fatal).toMatch(/ZH308-bestand geweigerd/);
    expect(refusal?.issues).toContainEqual(expect.objectContaining({ line, field, code }));
  });

  it('a file without sluitrecord, or empty, is refused', () => {
    expect(fatal(base.slice(0, -1))?.issues).toEqual([expect.objectContaining({ field: '9901 Kenmerk record (pos 1-2)', code: 'ZK-213' })]);
    expect(readZh308('')).toEqual([expect.objectContaining({ fatal: expect.any(String), issues: [expect.objectContaining({ code: 'ZK-213' })] })]);
  });
});
