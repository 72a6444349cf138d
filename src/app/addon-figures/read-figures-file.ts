/**
 * Reads a quarterly figures file (CSV with a header, `;` or `,` as separator, or the first sheet of
 * an XLSX workbook) into rows with their line numbers and normalised column names, and checks the
 * header. Values stay text; the domain validates them (`src/domain/addon/figures.ts`).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkFiguresHeader, normaliseColumn, type RawFiguresRow } from '../../domain/addon/figures.js';
import { fail, ok, type Result } from '../../domain/errors.js';

export const MAX_FIGURES_FILE_BYTES = 10 * 1024 * 1024;

export type FiguresFormat = 'csv' | 'xlsx';

export interface FiguresTable {
  format: FiguresFormat;
  rows: RawFiguresRow[];
}

export function figuresFormatOf(content: Buffer, fileName: string): FiguresFormat {
  return fileName.toLowerCase().endsWith('.xlsx') || content.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

export async function readFiguresFile(content: Buffer, fileName: string): Promise<Result<FiguresTable>> {
  if (content.length === 0) return fail('invalid_input', `${fileName} is leeg.`, [{ file: fileName, line: 1, field: 'file', message: 'Leeg bestand.' }]);
  if (content.length > MAX_FIGURES_FILE_BYTES) {
    return fail('invalid_input', `${fileName} is groter dan 10 MB.`, [{ file: fileName, field: 'file', message: 'Bestand te groot.' }]);
  }
  const format = figuresFormatOf(content, fileName);
  const table = format === 'xlsx' ? await readXlsx(content, fileName) : readCsv(content, fileName);
  if (!table.ok) return table;
  const issues = checkFiguresHeader(table.value.header);
  if (issues.length > 0) return fail('invalid_input', `De kopregel van ${fileName} is ongeldig; er is niets opgeslagen.`, issues.map((i) => ({ file: fileName, ...i })));
  return ok({ format, rows: table.value.rows });
}

interface RawTable {
  header: string[];
  rows: RawFiguresRow[];
}

/** The separator the header uses most: Dutch Excel writes `;` (its amounts carry a decimal comma). */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readCsv(content: Buffer, fileName: string): Result<RawTable> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    records = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return fail('invalid_input', `${fileName} is geen geldig CSV-bestand.`, [{ file: fileName, ...(e.lines !== undefined ? { line: e.lines } : {}), field: 'file', message: e.message }]);
  }
  const [head, ...body] = records;
  if (!head) return fail('invalid_input', `${fileName} is leeg.`, [{ file: fileName, line: 1, field: 'file', message: 'Geen kopregel gevonden.' }]);
  const header = head.record.map(normaliseColumn);
  return ok({
    header,
    rows: body
      .filter(({ record }) => record.some((v) => v !== ''))
      .map(({ record, info }) => ({ line: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])) })),
  });
}

/** A cell as text: numbers in their shortest exact form (1234.56), rich text and formula results as shown. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'error' in value) return String(value.error);
  return String(value);
}

async function readXlsx(content: Buffer, fileName: string): Promise<Result<RawTable>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    return fail('invalid_input', `${fileName} is geen geldig Excel-bestand.`, [{ file: fileName, field: 'file', message: (error as Error).message }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail('invalid_input', `${fileName} bevat geen werkblad.`, [{ file: fileName, field: 'file', message: 'Geen werkblad.' }]);
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    header[col - 1] = normaliseColumn(cellText(cell.value));
  });
  const columns = Array.from(header, (h) => h ?? '');
  const rows: RawFiguresRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    columns.forEach((h, i) => {
      if (h) values[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ line: rowNumber, values });
  });
  return ok({ header: columns.filter((h) => h !== ''), rows });
}
