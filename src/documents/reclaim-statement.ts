/**
 * The reclaim statement per provider and year ("Terugvorderingen en afwijzingen {year}"; MSZ §4A,
 * §6): the claim-check findings that were upheld after the hearing, each with its claim id, rule,
 * source, amount and the decision note, with totals per rule and a grand total. No BSN and no
 * diagnosis: the claim id identifies the line to the provider.
 *
 * A claim is charged at most once: when several upheld findings concern the same claim, the one
 * with the largest amount counts and the others are shown at € 0,00 with the rule they are counted
 * under. `reclaimStatementJson` builds the content once, in integer cents, and refuses totals that
 * do not reconcile; the PDF and the Excel workbook are drawn from that same object.
 */
import ExcelJS from 'exceljs';
import { RULE_IDS } from '../domain/claims/types.js';
import { formatEuro, sumCents, type Cents } from '../domain/money/index.js';
import { dateValue, formatDate } from './format.js';
import { createDocument, finish, heading, keyValues, letterhead, paragraph, title, type Addressee, type DocumentMeta, type PdfRenderOptions } from './pdf-document.js';
import { table, type TableRow } from './pdf-table.js';

export type ReclaimOutcome = 'reclaim' | 'reject';

/** One upheld finding, as the use case reads it. */
export interface ReclaimFinding {
  finding_id: number;
  claim_id: string;
  rule: string;
  /** Dutch title of the rule, from the policy (the rule id when unknown). */
  rule_title: string;
  source: string;
  outcome: ReclaimOutcome;
  amount_at_stake_cents: Cents;
  decision_note: string;
  /** YYYY-MM-DD, or null when unknown. */
  decided_on: string | null;
}

export interface ReclaimStatementModel {
  /** Date of the statement, YYYY-MM-DD. */
  date: string;
  provider: Addressee;
  /** The year of the claims (start date). */
  year: number;
  findings: ReclaimFinding[];
}

export interface ReclaimLine extends ReclaimFinding {
  /** What this finding adds to the statement: its amount, or 0 when its claim counts under another finding. */
  amount_cents: Cents;
  /** The rule under which this claim is already counted, when `amount_cents` is 0 for that reason. */
  counted_under: string | null;
}

export interface ReclaimRuleTotal {
  rule: string;
  rule_title: string;
  findings: number;
  amount_cents: Cents;
}

export interface ReclaimStatement {
  document: 'terugvordering';
  title: string;
  date: string;
  year: number;
  reference: string;
  provider: Addressee;
  lines: ReclaimLine[];
  /** Per rule, in the order of the claim rules; sums to `total_cents`. */
  totals: ReclaimRuleTotal[];
  reclaim_cents: Cents;
  reject_cents: Cents;
  total_cents: Cents;
}

export const RECLAIM_COLUMNS = ['Bevinding', 'Declaratie', 'Regel', 'Bron', 'Uitkomst', 'Bedrag in geding', 'Bedrag', 'Toelichting besluit', 'Besloten op'] as const;
export const RECLAIM_TOTAL_COLUMNS = ['Regel', 'Omschrijving', 'Aantal bevindingen', 'Bedrag'] as const;

const OUTCOME_LABEL: Record<ReclaimOutcome, string> = { reclaim: 'Terugvordering', reject: 'Afwijzing' };
const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULE_IDS.map((rule, i) => [rule, i]));
const ruleIndex = (rule: string): number => RULE_ORDER.get(rule) ?? RULE_IDS.length;
const byRule = (a: string, b: string): number => ruleIndex(a) - ruleIndex(b) || (a < b ? -1 : a > b ? 1 : 0);

export const reclaimTitle = (year: number): string => `Terugvorderingen en afwijzingen ${year}`;
export const reclaimReference = (model: Pick<ReclaimStatementModel, 'provider' | 'year'>): string => `controle/${model.provider.agb}/terugvordering-${model.year}`;

/**
 * The lines with what each adds: per claim, the finding with the largest amount (then the first
 * rule) counts in full, the others at 0. Ordered by claim id, then that same order.
 */
export function reclaimLines(findings: readonly ReclaimFinding[]): ReclaimLine[] {
  const sorted = [...findings].sort(
    (a, b) => (a.claim_id < b.claim_id ? -1 : a.claim_id > b.claim_id ? 1 : 0) || b.amount_at_stake_cents - a.amount_at_stake_cents || byRule(a.rule, b.rule) || a.finding_id - b.finding_id,
  );
  const countedUnder = new Map<string, string>();
  return sorted.map((f) => {
    const first = countedUnder.get(f.claim_id);
    if (first === undefined) {
      countedUnder.set(f.claim_id, f.rule);
      return { ...f, amount_cents: f.amount_at_stake_cents, counted_under: null };
    }
    return { ...f, amount_cents: 0, counted_under: first };
  });
}

/** The statement as a plain object. Throws when the totals do not reconcile (a bug, never input). */
export function reclaimStatementJson(model: ReclaimStatementModel): ReclaimStatement {
  const lines = reclaimLines(model.findings);
  const perRule = new Map<string, ReclaimRuleTotal>();
  for (const line of lines) {
    const total = perRule.get(line.rule) ?? { rule: line.rule, rule_title: line.rule_title, findings: 0, amount_cents: 0 };
    total.findings += 1;
    total.amount_cents = sumCents([total.amount_cents, line.amount_cents]);
    perRule.set(line.rule, total);
  }
  const totals = [...perRule.values()].sort((a, b) => byRule(a.rule, b.rule));
  const total = sumCents(lines.map((l) => l.amount_cents));
  const reclaim = sumCents(lines.filter((l) => l.outcome === 'reclaim').map((l) => l.amount_cents));
  const reject = sumCents(lines.filter((l) => l.outcome === 'reject').map((l) => l.amount_cents));
  const ruleSum = sumCents(totals.map((t) => t.amount_cents));
  if (ruleSum !== total || reclaim + reject !== total) {
    throw new Error(`Terugvordering ${model.year}: de totalen per regel (${formatEuro(ruleSum)}) en per uitkomst (${formatEuro(reclaim + reject)}) sluiten niet op het totaal ${formatEuro(total)}.`);
  }
  return {
    document: 'terugvordering',
    title: reclaimTitle(model.year),
    date: model.date,
    year: model.year,
    reference: reclaimReference(model),
    provider: { agb: model.provider.agb, name: model.provider.name, city: model.provider.city },
    lines,
    totals,
    reclaim_cents: reclaim,
    reject_cents: reject,
    total_cents: total,
  };
}

// ---- PDF -------------------------------------------------------------------------------------

function draw(doc: PDFKit.PDFDocument, s: ReclaimStatement): void {
  title(doc, s.title);
  paragraph(doc, `Dit overzicht bevat de bevindingen uit onze declaratiecontrole over ${s.year} die wij na hoor en wederhoor hebben gehandhaafd (MSZ §4A, §6). Per declaratie staan de controleregel, de bron in het inkoopbeleid, het bedrag en de toelichting bij het besluit. Een afgewezen declaratie betalen wij niet; een terug te vorderen bedrag verrekenen wij met u.`);
  if (s.lines.length === 0) {
    paragraph(doc, `Over ${s.year} zijn geen bevindingen gehandhaafd. Er wordt niets teruggevorderd of afgewezen.`);
    return;
  }
  keyValues(doc, [
    { label: 'Gehandhaafde bevindingen', value: String(s.lines.length) },
    { label: 'Terug te vorderen', value: formatEuro(s.reclaim_cents) },
    { label: 'Afgewezen', value: formatEuro(s.reject_cents) },
    { label: 'Totaal', value: formatEuro(s.total_cents), strong: true },
  ], 150);

  heading(doc, 'Totalen per controleregel');
  const totals: TableRow[] = s.totals.map((t) => ({ cells: [{ text: t.rule_title, note: `Regel ${t.rule}` }, String(t.findings), formatEuro(t.amount_cents)] }));
  totals.push({ cells: ['Totaal', String(s.lines.length), formatEuro(s.total_cents)], total: true });
  table(doc, [{ header: 'Controleregel', weight: 5 }, { header: 'Aantal', weight: 1, align: 'right' }, { header: 'Bedrag', weight: 1.8, align: 'right' }], totals);

  heading(doc, 'Gehandhaafde bevindingen');
  const rows: TableRow[] = s.lines.map((l) => {
    const counted = l.counted_under ? `\nDeze declaratie is al meegeteld onder regel ${l.counted_under} (bedrag in geding ${formatEuro(l.amount_at_stake_cents)}).` : '';
    const decided = l.decided_on ? ` · besloten op ${formatDate(l.decided_on)}` : '';
    return {
      cells: [
        { text: l.claim_id, note: `Bevinding ${l.finding_id}` },
        { text: l.rule, note: l.source },
        { text: OUTCOME_LABEL[l.outcome], note: `${l.decision_note}${decided}${counted}` },
        formatEuro(l.amount_cents),
      ],
    };
  });
  rows.push({ cells: ['Totaal', '', '', formatEuro(s.total_cents)], total: true });
  table(doc, [{ header: 'Declaratie', weight: 2 }, { header: 'Regel en bron', weight: 2 }, { header: 'Uitkomst en toelichting', weight: 3.6 }, { header: 'Bedrag', weight: 1.5, align: 'right' }], rows);

  paragraph(doc, `Hebt u vragen over dit overzicht, neem dan contact op met de afdeling naleving en controle en vermeld ons kenmerk ${s.reference}.`);
}

/** The statement as PDF bytes (A4, Dutch), drawn from `reclaimStatementJson(model)`. */
export function reclaimStatementPdf(model: ReclaimStatementModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  const s = reclaimStatementJson(model);
  const meta: DocumentMeta = { title: s.title, date: s.date, running: s.provider.name, reference: s.reference, keywords: `controle ${s.provider.agb} ${s.year}` };
  const doc = createDocument(meta, options);
  letterhead(doc, s.provider, [
    ['Datum', formatDate(s.date)],
    ['Onderwerp', s.title],
    ['Ons kenmerk', s.reference],
    ['Jaar', String(s.year)],
  ]);
  draw(doc, s);
  return finish(doc, meta);
}

// ---- Excel -----------------------------------------------------------------------------------

const EURO_FORMAT = '€ #,##0.00;€ -#,##0.00';
const ACCENT = 'FF1F4E79';
const SHADE = 'FFEEF2F6';
/** Euros for an Excel number cell; display only (Excel stores doubles, the cents are exact in the JSON). */
const euros = (cents: Cents): number => cents / 100;

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: ACCENT } };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE } };
    cell.border = { bottom: { style: 'thin', color: { argb: ACCENT } } };
  });
}

function findingsSheet(workbook: ExcelJS.Workbook, s: ReclaimStatement): void {
  const sheet = workbook.addWorksheet('Bevindingen', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: `&L${s.title} — ${s.provider.name}&Rpagina &P van &N` },
  });
  sheet.columns = [{ width: 12 }, { width: 22 }, { width: 22 }, { width: 26 }, { width: 16 }, { width: 17 }, { width: 15 }, { width: 60 }, { width: 14 }];
  sheet.addRow([s.title]).font = { bold: true, size: 14, color: { argb: ACCENT } };
  for (const [label, value] of [['Zorgaanbieder', s.provider.name], ['AGB-code', s.provider.agb], ['Plaats', s.provider.city], ['Jaar', s.year], ['Datum', formatDate(s.date)], ['Ons kenmerk', s.reference]] as const) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { color: { argb: 'FF5F6368' } };
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);
  const header = sheet.addRow([...RECLAIM_COLUMNS]);
  styleHeader(header);
  for (const l of s.lines) {
    const note = l.counted_under ? `${l.decision_note} (al meegeteld onder regel ${l.counted_under})` : l.decision_note;
    const row = sheet.addRow([l.finding_id, l.claim_id, l.rule, l.source, OUTCOME_LABEL[l.outcome], euros(l.amount_at_stake_cents), euros(l.amount_cents), note, l.decided_on ?? '']);
    row.getCell(2).numFmt = '@';
    row.getCell(6).numFmt = EURO_FORMAT;
    row.getCell(7).numFmt = EURO_FORMAT;
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
  }
  const total = sheet.addRow(['Totaal', '', '', '', '', '', euros(s.total_cents), '', '']);
  total.font = { bold: true };
  total.getCell(7).numFmt = EURO_FORMAT;
  total.getCell(1).border = { top: { style: 'thin' } };
  total.getCell(7).border = { top: { style: 'thin' } };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, topLeftCell: `A${header.number + 1}`, activeCell: `A${header.number + 1}` }];
  if (s.lines.length > 0) sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + s.lines.length, column: RECLAIM_COLUMNS.length } };
}

function totalsSheet(workbook: ExcelJS.Workbook, s: ReclaimStatement): void {
  const sheet = workbook.addWorksheet('Totalen per regel', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 22 }, { width: 70 }, { width: 18 }, { width: 18 }];
  styleHeader(sheet.addRow([...RECLAIM_TOTAL_COLUMNS]));
  for (const t of s.totals) sheet.addRow([t.rule, t.rule_title, t.findings, euros(t.amount_cents)]).getCell(4).numFmt = EURO_FORMAT;
  const total = sheet.addRow(['Totaal', '', s.lines.length, euros(s.total_cents)]);
  total.font = { bold: true };
  total.getCell(4).numFmt = EURO_FORMAT;
  sheet.addRow([]);
  for (const [label, cents] of [['waarvan terug te vorderen', s.reclaim_cents], ['waarvan afgewezen', s.reject_cents]] as const) sheet.addRow(['', label, '', euros(cents)]).getCell(4).numFmt = EURO_FORMAT;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** The statement as an .xlsx workbook: sheet "Bevindingen" (one row per finding) and sheet "Totalen per regel". */
export async function reclaimStatementXlsx(model: ReclaimStatementModel): Promise<Buffer> {
  const s = reclaimStatementJson(model);
  const workbook = new ExcelJS.Workbook();
  const date = dateValue(s.date);
  workbook.creator = 'Zorginkoop';
  workbook.lastModifiedBy = 'Zorginkoop';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = s.title;
  workbook.subject = `${s.provider.name} (AGB ${s.provider.agb})`;
  workbook.company = 'Zorginkoop';
  findingsSheet(workbook, s);
  totalsSheet(workbook, s);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
