/**
 * The price list of a price proposal (MSZ §3) as an Excel workbook and as CSV. Amounts come from
 * integer cents: in Excel as numbers in euros (cents / 100, the closest double, shown with a
 * `€ #,##0.00` format), in CSV as exact text with a decimal comma. The surcharge (Opslag) is the
 * total surcharge share of the product: a percentage in Excel, a decimal with a comma in CSV.
 */
import ExcelJS from 'exceljs';
import type { PriceProposal, PriceProposalLine } from '../domain/pricing/price-proposal.js';
import { dateValue, formatDate, formatDecimal, plainEuro } from './format.js';
import type { Addressee } from './pdf-document.js';

export interface PriceListModel {
  /** Date of the list, YYYY-MM-DD. */
  date: string;
  provider: Addressee;
  year: number;
  policy: { id: string; title: string };
  price: PriceProposal;
}

export const PRICE_LIST_COLUMNS = ['Zorgproductcode', 'Omschrijving', 'Categorie', 'Standaardprijs', 'Opslag', 'Prijs'] as const;

const EURO_FORMAT = '€ #,##0.00;€ -#,##0.00';
const PERCENT_FORMAT = '0.00##%';
const ACCENT = 'FF1F4E79';
const SHADE = 'FFEEF2F6';

export const priceListTitle = (year: number): string => `Prijslijst ${year}`;

/** Euros for an Excel number cell; display only (Excel stores doubles). */
const euros = (cents: number): number => cents / 100;

function productRow(line: PriceProposalLine): (string | number)[] {
  return [line.product_code, line.name, line.category, euros(line.standard_price_cents), Number(line.surcharge_share), euros(line.price_cents)];
}

function priceSheet(workbook: ExcelJS.Workbook, model: PriceListModel): void {
  const { price } = model;
  const sheet = workbook.addWorksheet(priceListTitle(model.year), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&L${priceListTitle(model.year)} — ${model.provider.name}&Rpagina &P van &N` },
  });
  sheet.columns = [{ width: 18 }, { width: 48 }, { width: 16 }, { width: 16 }, { width: 11 }, { width: 16 }];

  const titleRow = sheet.addRow([priceListTitle(model.year)]);
  titleRow.font = { bold: true, size: 14, color: { argb: ACCENT } };
  const info: [string, string | number][] = [
    ['Zorgaanbieder', model.provider.name],
    ['AGB-code', model.provider.agb],
    ['Plaats', model.provider.city],
    ['Inkoopbeleid', `${model.policy.title} (${model.policy.id})`],
    ['Datum', formatDate(model.date)],
    ['Prijsindex', Number(price.price_index)],
    ['Aantal zorgproducten', price.lines.length],
    ['Afzender', 'Zorginkoop'],
  ];
  for (const [label, value] of info) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { color: { argb: 'FF5F6368' } };
    row.getCell(2).alignment = { horizontal: 'left' };
    if (label === 'Prijsindex') row.getCell(2).numFmt = '0.0000';
  }
  sheet.addRow([]);

  const header = sheet.addRow([...PRICE_LIST_COLUMNS]);
  const headerRow = header.number;
  header.font = { bold: true, color: { argb: ACCENT } };
  header.eachCell((cell, column) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE } };
    cell.border = { bottom: { style: 'thin', color: { argb: ACCENT } } };
    cell.alignment = { horizontal: column >= 4 ? 'right' : 'left', vertical: 'middle' };
  });
  for (const line of price.lines) {
    const row = sheet.addRow(productRow(line));
    row.getCell(1).numFmt = '@';
    row.getCell(4).numFmt = EURO_FORMAT;
    row.getCell(5).numFmt = PERCENT_FORMAT;
    row.getCell(6).numFmt = EURO_FORMAT;
  }
  const last = headerRow + price.lines.length;
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: last, column: PRICE_LIST_COLUMNS.length } };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

function reasonSheet(workbook: ExcelJS.Workbook, model: PriceListModel): void {
  const sheet = workbook.addWorksheet('Toelichting', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [
    { header: 'Zorgproductcode', width: 18 },
    { header: 'Regel', width: 30 },
    { header: 'Bron', width: 16 },
    { header: 'Toelichting', width: 110 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: ACCENT } };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE } };
    cell.border = { bottom: { style: 'thin', color: { argb: ACCENT } } };
  });
  const rows = [
    ...model.price.reasons.map((r) => ['', r.rule, r.source, r.message]),
    ...model.price.lines.flatMap((line) => line.reasons.map((r) => [line.product_code, r.rule, r.source, r.message])),
  ];
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.getCell(1).numFmt = '@';
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.alignment = { vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: 4 } };
}

/** The price list as an .xlsx workbook: sheet "Prijslijst {year}" and sheet "Toelichting". */
export async function priceListXlsx(model: PriceListModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const date = dateValue(model.date);
  workbook.creator = 'Zorginkoop';
  workbook.lastModifiedBy = 'Zorginkoop';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = priceListTitle(model.year);
  workbook.subject = `${model.provider.name} (AGB ${model.provider.agb})`;
  workbook.company = 'Zorginkoop';
  priceSheet(workbook, model);
  reasonSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The same table as CSV: UTF-8 with BOM, `;` separated, decimal comma, CRLF line ends. */
export function priceListCsv(model: PriceListModel): string {
  const rows = [
    [...PRICE_LIST_COLUMNS],
    ...model.price.lines.map((l) => [l.product_code, l.name, l.category, plainEuro(l.standard_price_cents), formatDecimal(l.surcharge_share), plainEuro(l.price_cents)]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}
