/**
 * Reads a providers file (CSV with a header, or the first sheet of an XLSX workbook) into raw rows
 * with their line numbers, and checks the header. Values stay strings; validation is the domain's.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import {
  PROVIDER_IMPORT_OPTIONAL_COLUMNS,
  PROVIDER_IMPORT_REQUIRED_COLUMNS,
} from '../../domain/providers/provider-record.js';

export interface RawProviderRow {
  line: number;
  values: Record<string, string>;
}

export const MAX_PROVIDER_FILE_BYTES = 10 * 1024 * 1024;

export async function readProviderFile(content: Buffer, fileName: string): Promise<Result<RawProviderRow[]>> {
  if (content.length > MAX_PROVIDER_FILE_BYTES) {
    return fail('invalid_input', `Bestand ${fileName} is groter dan 10 MB.`, [{ file: fileName, message: 'Bestand te groot.' }]);
  }
  const isXlsx = fileName.toLowerCase().endsWith('.xlsx') || content.subarray(0, 2).toString('latin1') === 'PK';
  const table = isXlsx ? await readXlsx(content, fileName) : readCsv(content, fileName);
  if (!table.ok) return table;
  const { header, rows } = table.value;

  const issues: FieldIssue[] = [];
  const known = new Set<string>([...PROVIDER_IMPORT_REQUIRED_COLUMNS, ...PROVIDER_IMPORT_OPTIONAL_COLUMNS]);
  for (const column of PROVIDER_IMPORT_REQUIRED_COLUMNS) {
    if (!header.includes(column)) issues.push({ file: fileName, line: 1, column, message: `Verplichte kolom '${column}' ontbreekt.` });
  }
  for (const column of header) {
    if (!known.has(column)) issues.push({ file: fileName, line: 1, column, message: `Onbekende kolom '${column}'.` });
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) issues.push({ file: fileName, line: 1, column, message: `Kolom '${column}' staat er twee keer in.` });
    seen.add(column);
  }
  if (issues.length > 0) return fail('invalid_input', `De kopregel van ${fileName} is ongeldig.`, issues);
  return ok(rows);
}

function readCsv(content: Buffer, fileName: string): Result<{ header: string[]; rows: RawProviderRow[] }> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    const delimiter = detectDelimiter(text);
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return fail('invalid_input', `${fileName} is geen geldig CSV-bestand.`, [{ file: fileName, line: e.lines, message: e.message }]);
  }
  const [head, ...body] = records;
  if (!head) return fail('invalid_input', `${fileName} is leeg.`, [{ file: fileName, line: 1, message: 'Geen kopregel gevonden.' }]);
  const header = head.record.map((h) => h.trim().toLowerCase());
  return ok({
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
    })),
  });
}

/** Comma is the standard; a header with semicolons and no commas (Dutch Excel export) is read as such. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

async function readXlsx(content: Buffer, fileName: string): Promise<Result<{ header: string[]; rows: RawProviderRow[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    return fail('invalid_input', `${fileName} is geen geldig Excel-bestand.`, [{ file: fileName, message: (error as Error).message }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail('invalid_input', `${fileName} bevat geen werkblad.`, [{ file: fileName, message: 'Geen werkblad.' }]);
  const cellText = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && 'text' in value) return String(value.text);
    if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    header[col - 1] = cellText(cell.value).trim().toLowerCase();
  });
  const rows: RawProviderRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) values[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ line: rowNumber, values });
  });
  return ok({ header: header.filter((h) => h !== undefined), rows });
}

export const PROVIDER_TEMPLATE_CSV =
  [
    [...PROVIDER_IMPORT_REQUIRED_COLUMNS, ...PROVIDER_IMPORT_OPTIONAL_COLUMNS].join(','),
    '06011234,Voorbeeldziekenhuis Zwolle,ziekenhuis,Zwolle,ja,25000000.00,Overijssel,Regio Zwolle,zk,12345678,0.45,2,nee,wbmv-pci;mohs,NIAZ;VMS,rivm-darmkanker,52.5125,6.09444',
  ].join('\n') + '\n';
