/**
 * The quarterly figures template (ADD §5): the Dutch column headers and one example row, as CSV
 * (semicolon, decimal comma: what Dutch Excel writes) and as an Excel workbook whose second sheet
 * explains every column and the deadline of every quarter. The example's year and deadlines come from
 * the newest add-on policy.
 */
import ExcelJS from 'exceljs';
import { FIGURES_COLUMN_DOCS, FIGURES_COLUMNS, FIGURES_OPTIONAL_COLUMNS, QUARTERS, type FiguresColumn } from '../../domain/addon/figures.js';
import { ok, type Result } from '../../domain/errors.js';
import type { PolicyCatalogue } from '../policies.js';
import { currentFiguresPolicy } from './schedule.js';

export const TEMPLATE_COLUMNS: readonly FiguresColumn[] = [...FIGURES_COLUMNS, ...FIGURES_OPTIONAL_COLUMNS];

/** Example values: a made-up provider and drug, to be replaced by the provider's own. */
function example(year: number): Record<FiguresColumn, string> {
  return {
    jaar: String(year),
    kwartaal: '2',
    agb: '06011234',
    zi_nummer: '14012345',
    aantal_patienten: '12',
    realisatie_eur: '1.234,56',
    prognose_rest_jaar_eur: '2.469,12',
    geneesmiddel: 'Voorbeeldgeneesmiddel (vervangen)',
  };
}

export function figuresTemplateCsv(policies: PolicyCatalogue): Result<string> {
  const current = currentFiguresPolicy(policies);
  if (!current.ok) return current;
  const row = example(current.value.schedule.figuresYear);
  return ok([TEMPLATE_COLUMNS.join(';'), TEMPLATE_COLUMNS.map((c) => row[c]).join(';')].join('\r\n') + '\r\n');
}

export async function figuresTemplateXlsx(policies: PolicyCatalogue): Promise<Result<Buffer>> {
  const current = currentFiguresPolicy(policies);
  if (!current.ok) return current;
  const { policy, schedule } = current.value;
  const row = example(schedule.figuresYear);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zorginkoop';
  // Fixed, so the same template is the same bytes (and the same SHA-256) every time.
  workbook.created = new Date(Date.UTC(schedule.figuresYear, 0, 1));
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet('Kwartaalcijfers');
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(14, c.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  const text = new Set<FiguresColumn>(['agb', 'zi_nummer', 'geneesmiddel']);
  const money = new Set<FiguresColumn>(['realisatie_eur', 'prognose_rest_jaar_eur']);
  for (const column of TEMPLATE_COLUMNS) {
    // AGB-code and ZI-nummer are text: a number would lose their leading zeros.
    if (text.has(column)) sheet.getColumn(column).numFmt = '@';
    if (money.has(column)) sheet.getColumn(column).numFmt = '#,##0.00';
  }
  sheet.addRow({
    jaar: Number(row.jaar),
    kwartaal: Number(row.kwartaal),
    agb: row.agb,
    zi_nummer: row.zi_nummer,
    aantal_patienten: Number(row.aantal_patienten),
    realisatie_eur: 1234.56,
    prognose_rest_jaar_eur: 2469.12,
    geneesmiddel: row.geneesmiddel,
  });

  const help = workbook.addWorksheet('Toelichting');
  help.columns = [
    { header: 'Kolom', key: 'column', width: 26 },
    { header: 'Betekenis', key: 'meaning', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) help.addRow({ column: `${column}${FIGURES_COLUMNS.includes(column as (typeof FIGURES_COLUMNS)[number]) ? '' : ' (optioneel)'}`, meaning: FIGURES_COLUMN_DOCS[column] });
  help.addRow({});
  help.addRow({ column: 'Termijnen', meaning: `${policy.title} (${policy.id}), cijfers over ${schedule.figuresYear}, tot en met de genoemde dag (${schedule.timeZone}):` });
  for (const quarter of QUARTERS) help.addRow({ column: `Kwartaal ${quarter}`, meaning: `uiterlijk ${schedule.deadlines[quarter].date}${quarter === 2 ? ' — voorwaarde voor nacalculatie (ADD §5)' : ''}` });
  help.addRow({ column: 'Regels', meaning: 'Eén regel per add-ongeneesmiddel. Bevat het bestand een fout, dan wordt niets opgeslagen en ziet u per regel en kolom wat er mis is.' });

  return ok(Buffer.from(await workbook.xlsx.writeBuffer()));
}
