import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PRICE_LIST_COLUMNS, priceListCsv, priceListXlsx, type PriceListModel } from './price-list.js';
import { samplePriceListModel } from './sample-models.js';

const model = samplePriceListModel;

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);

describe('priceListXlsx', () => {
  it('holds the header block and one row per product with the exact amounts', async () => {
    const workbook = await readBack(await priceListXlsx(model));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Prijslijst 2018', 'Toelichting']);
    expect(workbook.created.toISOString()).toBe('2018-03-15T00:00:00.000Z');
    const sheet = workbook.getWorksheet('Prijslijst 2018');
    if (!sheet) throw new Error('blad ontbreekt');
    expect(sheet.getCell('A1').value).toBe('Prijslijst 2018');
    const block = Object.fromEntries(Array.from({ length: 9 }, (_, i) => rowValues(sheet, i + 2)).filter((r) => r.length > 0).map((r) => [r[0], r[1]]));
    expect(block).toMatchObject({ Zorgaanbieder: 'Ziekenhuis De Vaart', 'AGB-code': '06010001', Plaats: 'ZWOLLE', Datum: '15 maart 2018', Prijsindex: 1.02, 'Aantal zorgproducten': 2 });

    const headerRow = sheet.getColumn(1).values.findIndex((v) => v === 'Zorgproductcode');
    expect(rowValues(sheet, headerRow)).toEqual([...PRICE_LIST_COLUMNS]);
    const products = Array.from({ length: sheet.rowCount - headerRow }, (_, i) => rowValues(sheet, headerRow + 1 + i));
    expect(products).toEqual(model.price.lines.map((l) => [l.product_code, l.name, l.category, l.standard_price_cents / 100, Number(l.surcharge_share), l.price_cents / 100]));
    expect(products[1]?.[5]).toBe(123.45);
    expect(sheet.getCell(headerRow + 1, 4).numFmt).toContain('€ #,##0.00');
    expect(sheet.getCell(headerRow + 1, 6).numFmt).toContain('€ #,##0.00');
    expect(sheet.getCell(headerRow + 1, 5).numFmt).toContain('%');

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.autoFilter).toBe(`A${headerRow}:F${headerRow + model.price.lines.length}`);
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });

  it('explains the prices on the sheet "Toelichting": rule, source and message', async () => {
    const sheet = (await readBack(await priceListXlsx(model))).getWorksheet('Toelichting');
    if (!sheet) throw new Error('blad ontbreekt');
    expect(rowValues(sheet, 1)).toEqual(['Zorgproductcode', 'Regel', 'Bron', 'Toelichting']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    const expected = [
      ...model.price.reasons.map((r) => ['', r.rule, r.source, r.message]),
      ...model.price.lines.flatMap((l) => l.reasons.map((r) => [l.product_code, r.rule, r.source, r.message])),
    ];
    expect(rows).toEqual(expected);
  });
});

describe('priceListCsv', () => {
  const csv = priceListCsv(model);

  it('is UTF-8 with a BOM, ; separated, with decimal commas and CRLF', () => {
    expect(csv.startsWith('\uFEFFZorgproductcode;Omschrijving;Categorie;Standaardprijs;Opslag;Prijs\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Zorgproductcode;Omschrijving;Categorie;Standaardprijs;Opslag;Prijs',
      '030151101;"Staaroperatie; dagbehandeling";algemeen;1350,00;0,02;1377,00',
      '005140201;Artrodese lage rug;complex;121,03;0,02;123,45',
      '',
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with quotes and writes large and negative amounts exactly', () => {
    const odd: PriceListModel = {
      ...model,
      price: { ...model.price, lines: [{ ...model.price.lines[0]!, name: 'Zorg "extra"', standard_price_cents: 900_719_925_474_099, price_cents: -5 }] },
    };
    expect(priceListCsv(odd).split('\r\n')[1]).toBe('030151101;"Zorg ""extra""";algemeen;9007199254740,99;0,02;-0,05');
  });

  it('is deterministic', () => {
    expect(priceListCsv(structuredClone(model))).toBe(csv);
  });
});
