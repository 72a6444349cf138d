/**
 * The settlement statement ("Afrekening {year}", MSZ §2 Fig. 1, §4): the amounts, the lines that
 * make up the payable amount with their rule, source and inputs, the facts, the reasons and the
 * Fig. 1 chart as vector graphics. `settlementJson` builds the content once; the PDF is drawn from
 * that same object, so the API and the PDF never disagree.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { AgreementDecision } from '../domain/agreement/decide.js';
import type { ExplainedLine, Reason } from '../domain/explain.js';
import { formatEuro, sumCents, type Cents } from '../domain/money/index.js';
import type { PaymentCurvePoint, Settlement } from '../domain/settlement/settle.js';
import { AGREEMENT_TYPE_LABEL, formatDate, formatInputs, targetLabel } from './format.js';
import { paymentCurveSvg } from './payment-curve-chart.js';
import { CONTENT_WIDTH, COLOR, FONT, PAGE, SIZE, createDocument, ensureSpace, finish, heading, letterhead, paragraph, title, type Addressee, type DocumentMeta, type PdfRenderOptions } from './pdf-document.js';
import { table, type TableRow } from './pdf-table.js';

export interface SettlementStatementModel {
  /** Date of the statement, YYYY-MM-DD. */
  date: string;
  provider: Addressee;
  /** The settled year. */
  year: number;
  policy: { id: string; title: string };
  decision: Pick<AgreementDecision, 'type' | 'title'>;
  settlement: Settlement;
  /** Payable against realised for the Fig. 1 chart (`paymentCurve`). */
  curve: PaymentCurvePoint[];
}

export interface SettlementSummaryLine {
  id: 'realised' | 'target' | 'excluded' | 'payable' | 'difference';
  label: string;
  amount_cents: Cents;
}

/** The statement's content, JSON-serialisable: amounts in cents, every line and reason. */
export interface SettlementStatement {
  document: 'afrekening';
  title: string;
  date: string;
  year: number;
  reference: string;
  provider: Addressee;
  policy: { id: string; title: string };
  agreement: { type: AgreementDecision['type']; title: string };
  type: Settlement['type'];
  target_label: 'Richtpunt' | 'Plafond';
  target_cents: Cents;
  realised_cents: Cents;
  excluded_cents: Cents;
  payable_cents: Cents;
  difference_cents: Cents;
  /** The summary rows in display order (the PDF's first table). */
  summary: SettlementSummaryLine[];
  /** The components of the payable amount; they sum to `payable_cents`. */
  lines: ExplainedLine[];
  facts: ExplainedLine[];
  reasons: Reason[];
  curve: PaymentCurvePoint[];
}

const copyReason = <T extends Reason>(r: T): T => ({ ...r, inputs: { ...r.inputs } });

export const settlementReference = (model: Pick<SettlementStatementModel, 'policy' | 'provider' | 'year'>): string => `${model.policy.id}/${model.provider.agb}/afrekening-${model.year}`;

/** The statement as a plain object for the API. Throws when the lines do not sum to the payable amount (a bug upstream). */
export function settlementJson(model: SettlementStatementModel): SettlementStatement {
  const s = model.settlement;
  const lineTotal = sumCents(s.lines.map((l) => l.amount_cents));
  if (lineTotal !== s.payable_cents) throw new Error(`Afrekening ${model.year}: de regels tellen op tot ${formatEuro(lineTotal)}, niet tot het te betalen bedrag ${formatEuro(s.payable_cents)}.`);
  const label = targetLabel(s.type);
  return {
    document: 'afrekening',
    title: `Afrekening ${model.year}`,
    date: model.date,
    year: model.year,
    reference: settlementReference(model),
    provider: { agb: model.provider.agb, name: model.provider.name, city: model.provider.city },
    policy: { id: model.policy.id, title: model.policy.title },
    agreement: { type: model.decision.type, title: model.decision.title },
    type: s.type,
    target_label: label,
    target_cents: s.target_cents,
    realised_cents: s.realised_cents,
    excluded_cents: s.excluded_cents,
    payable_cents: s.payable_cents,
    difference_cents: s.difference_cents,
    summary: [
      { id: 'realised', label: 'Gerealiseerde omzet', amount_cents: s.realised_cents },
      { id: 'target', label, amount_cents: s.target_cents },
      { id: 'excluded', label: 'Uitgezonderde UMC-zorg (buiten het ' + label.toLowerCase() + ')', amount_cents: s.excluded_cents },
      { id: 'payable', label: 'Te betalen', amount_cents: s.payable_cents },
      { id: 'difference', label: 'Verschil (te betalen − gerealiseerd)', amount_cents: s.difference_cents },
    ],
    lines: s.lines.map(copyReason),
    facts: s.facts.map(copyReason),
    reasons: s.reasons.map(copyReason),
    curve: model.curve.map((p) => ({ realised_cents: p.realised_cents, payable_cents: p.payable_cents })),
  };
}

function differenceText(statement: SettlementStatement): string {
  const d = statement.difference_cents;
  if (d > 0) return `Wij betalen u ${formatEuro(d)} meer dan de gerealiseerde omzet.`;
  if (d < 0) return `Van de gerealiseerde omzet wordt ${formatEuro(-d)} niet vergoed.`;
  return 'Wij betalen u precies de gerealiseerde omzet.';
}

function chart(doc: PDFKit.PDFDocument, statement: SettlementStatement): void {
  const width = CONTENT_WIDTH;
  const height = Math.round(width * 0.5);
  doc.moveDown(0.4);
  ensureSpace(doc, height + 24);
  const svg = paymentCurveSvg({
    type: statement.type, target_cents: statement.target_cents, realised_cents: statement.realised_cents, payable_cents: statement.payable_cents,
    excluded_cents: statement.excluded_cents, curve: statement.curve, width: 640, height: Math.round(640 * 0.5),
  });
  const y = doc.y;
  SVGtoPDF(doc, svg, PAGE.left, y, { width, height, warningCallback: () => undefined });
  doc.y = y + height + 4;
  doc.x = PAGE.left;
  const label = statement.target_label.toLowerCase();
  const mark = statement.excluded_cents > 0 ? `het ${label} plus de uitgezonderde UMC-zorg` : `het ${label}`;
  paragraph(doc, `De doorgetrokken lijn toont wat wij betalen bij elke gerealiseerde omzet (MSZ §2, Fig. 1). De gestreepte lijn is betaling gelijk aan realisatie, de gestippelde verticale lijn ligt bij ${mark}, en de punt is uw realisatie over ${statement.year}.`, { muted: true, size: SIZE.small });
}

function draw(doc: PDFKit.PDFDocument, statement: SettlementStatement): void {
  const kind = AGREEMENT_TYPE_LABEL[statement.type].toLowerCase();
  title(doc, statement.title);
  paragraph(doc, `Dit is de afrekening over ${statement.year} van uw ${kind}. Hieronder staan het bedrag dat wij u betalen en hoe dat is opgebouwd, met bij elk bedrag de regel en de paragraaf van het inkoopbeleid waarop het berust.`);

  heading(doc, 'Samenvatting');
  table(doc, [{ header: 'Omschrijving', weight: 5 }, { header: 'Bedrag', weight: 1.6, align: 'right' }],
    statement.summary.map((line) => ({ cells: [line.label, formatEuro(line.amount_cents)], total: line.id === 'payable' })));
  paragraph(doc, differenceText(statement));

  chart(doc, statement);

  heading(doc, 'Opbouw van het te betalen bedrag');
  const rows: TableRow[] = statement.lines.map((l) => ({
    cells: [{ text: l.label, note: `${l.message}\nRegel ${l.rule} · ${formatInputs(l.inputs, statement.type)}` }, l.source, formatEuro(l.amount_cents)],
  }));
  rows.push({ cells: ['Te betalen', '', formatEuro(statement.payable_cents)], total: true });
  table(doc, [{ header: 'Onderdeel', weight: 4.4 }, { header: 'Bron', weight: 1.5 }, { header: 'Bedrag', weight: 1.5, align: 'right' }], rows);

  heading(doc, 'Feiten');
  table(doc, [{ header: 'Feit', weight: 4.4 }, { header: 'Bron', weight: 1.5 }, { header: 'Bedrag', weight: 1.5, align: 'right' }],
    statement.facts.map((f) => ({ cells: [{ text: f.label, note: f.message }, f.source, formatEuro(f.amount_cents)] })));

  heading(doc, 'Onderbouwing');
  table(doc, [{ header: 'Regel en toelichting', weight: 5 }, { header: 'Bron', weight: 1.4 }],
    statement.reasons.map((r) => ({ cells: [{ text: r.message, note: `Regel ${r.rule} · ${formatInputs(r.inputs, statement.type)}` }, r.source] })));

  ensureSpace(doc, 60);
  paragraph(doc, `Deze afrekening volgt uit ons inkoopbeleid ‘${statement.policy.title}’ (${statement.policy.id}) en de ${kind} ‘${statement.agreement.title}’. Hebt u vragen over deze afrekening, neem dan contact op met uw zorginkoper en vermeld ons kenmerk.`);
  doc.font(FONT.regular).fillColor(COLOR.ink);
}

/** The settlement statement as PDF bytes (A4, Dutch), drawn from `settlementJson(model)`. */
export function settlementPdf(model: SettlementStatementModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  const statement = settlementJson(model);
  const meta: DocumentMeta = { title: statement.title, date: statement.date, running: statement.provider.name, reference: statement.reference, keywords: `${statement.policy.id} ${statement.provider.agb}` };
  const doc = createDocument(meta, options);
  letterhead(doc, statement.provider, [
    ['Datum', formatDate(statement.date)],
    ['Onderwerp', statement.title],
    ['Ons kenmerk', statement.reference],
    ['Afspraak', statement.agreement.title],
    ['Inkoopbeleid', `${statement.policy.title} (${statement.policy.id})`],
  ]);
  draw(doc, statement);
  return finish(doc, meta);
}
