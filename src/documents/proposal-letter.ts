/**
 * The proposal letter to a provider (MSZ §2, §3, §4): the agreement on offer and why, the
 * richtpunt or plafond with its lines, the volume corrections, the price summary, and how and by
 * when to respond. Every part shows the rule and the policy section it rests on.
 */
import type { AgreementDecision } from '../domain/agreement/decide.js';
import { formatEuro } from '../domain/money/index.js';
import type { PriceProposal } from '../domain/pricing/price-proposal.js';
import type { FinancialProposal } from '../domain/proposal/financial-proposal.js';
import type { VolumeProposal } from '../domain/volume/volume-proposal.js';
import { AGREEMENT_TYPE_LABEL, formatDate, formatDecimal } from './format.js';
import { bullets, createDocument, finish, heading, keyValues, letterhead, paragraph, type Addressee, type DocumentMeta, type PdfRenderOptions } from './pdf-document.js';
import { table, type TableRow } from './pdf-table.js';

export interface ProposalLetterModel {
  /** Date of the letter, YYYY-MM-DD. */
  date: string;
  /** Respond by, YYYY-MM-DD; null when the policy sets no date for this provider. */
  respondBy: string | null;
  provider: Addressee;
  policy: { id: string; title: string };
  /** The first year of the agreement. */
  year: number;
  decision: AgreementDecision;
  financial: FinancialProposal;
  volume: VolumeProposal;
  price: PriceProposal;
}

const PATH_LABEL: Record<AgreementDecision['path'], string> = { regular: 'Regulier inkooptraject', digital: 'Digitaal inkooptraject' };
const STATUS_LABEL: Record<AgreementDecision['status'], string> = {
  final: 'Definitief',
  provisional: 'Voorlopig: de afspraaksoort hangt af van punten die nog openstaan',
};
const AMOUNT_LABEL: Record<FinancialProposal['amount_kind'], string> = { richtpunt: 'Richtpunt per jaar', plafond: 'Omzetplafond per jaar', none: 'Geen bedrag' };
const SURCHARGE_RULES = ['price.provider-surcharge', 'price.umc-surcharge', 'price.umc-surcharge.not-umc'];

/** `2018, 2019 en 2020`. */
export function listYears(years: readonly number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} en ${years[years.length - 1]}`;
}

export const proposalSubject = (year: number): string => `Voorstel financiële afspraak ${year}`;
export const proposalReference = (model: Pick<ProposalLetterModel, 'policy' | 'provider' | 'year'>): string => `${model.policy.id}/${model.provider.agb}/voorstel-${model.year}`;

function decisionSection(doc: PDFKit.PDFDocument, model: ProposalLetterModel): void {
  const { decision, financial } = model;
  heading(doc, '1. De afspraak die wij u aanbieden');
  keyValues(doc, [
    { label: 'Afspraak', value: decision.title, strong: true },
    { label: 'Soort', value: AGREEMENT_TYPE_LABEL[decision.type] },
    { label: 'Looptijd', value: decision.years === 0 ? 'Geen' : `${decision.years} jaar${financial.years.length > 0 ? ` (${listYears(financial.years)})` : ''}` },
    { label: 'Inkooptraject', value: PATH_LABEL[decision.path] },
    { label: 'Status', value: STATUS_LABEL[decision.status] },
    ...(decision.partial_purchase_possible ? [{ label: 'Gedeeltelijke inkoop', value: 'Mogelijk' }] : []),
  ]);
  paragraph(doc, 'Zo zijn wij tot deze afspraak gekomen:', { keep: 60 });
  table(doc, [{ header: 'Onderbouwing', weight: 5 }, { header: 'Bron', weight: 1.3 }],
    decision.reasons.map((r) => ({ cells: [{ text: r.message, note: `Regel ${r.rule}` }, r.source] })));
}

function financialSection(doc: PDFKit.PDFDocument, model: ProposalLetterModel): void {
  const { financial } = model;
  heading(doc, '2. Financieel voorstel');
  if (financial.amount_kind === 'none') {
    for (const reason of financial.reasons) paragraph(doc, `${reason.message} (${reason.source})`);
    return;
  }
  keyValues(doc, [
    { label: AMOUNT_LABEL[financial.amount_kind], value: formatEuro(financial.amount_cents), strong: true },
    { label: 'Jaren', value: listYears(financial.years) },
    { label: 'Prijsindex', value: formatDecimal(financial.price_index) },
  ]);
  for (const reason of financial.reasons) paragraph(doc, reason.message, { muted: true });
  const rows: TableRow[] = financial.lines.map((l) => ({ cells: [l.id, l.label, l.source, { text: formatEuro(l.amount_cents) }] }));
  rows.push({ cells: ['', AMOUNT_LABEL[financial.amount_kind], '', formatEuro(financial.amount_cents)], total: true });
  table(doc, [{ header: 'Code', weight: 0.7 }, { header: 'Omschrijving', weight: 3.6 }, { header: 'Bron', weight: 1.7 }, { header: 'Bedrag', weight: 1.6, align: 'right' }], rows);
}

function volumeSection(doc: PDFKit.PDFDocument, model: ProposalLetterModel): void {
  const { volume } = model;
  heading(doc, '3. Volume en correcties');
  for (const reason of volume.reasons) paragraph(doc, reason.message);
  const rows: TableRow[] = volume.lines.map((l) => ({ cells: [l.id, { text: l.label, note: l.message }, l.source, formatEuro(l.amount_cents)] }));
  rows.push({ cells: ['', 'Volume na correcties', '', formatEuro(volume.total_cents)], total: true });
  table(doc, [{ header: 'Code', weight: 0.7 }, { header: 'Correctie', weight: 3.9 }, { header: 'Bron', weight: 1.5 }, { header: 'Bedrag', weight: 1.5, align: 'right' }], rows);
  if (volume.flags.length > 0) {
    paragraph(doc, 'Aandachtspunten:', { keep: 30 });
    bullets(doc, volume.flags.map((f) => `${f.message} (${f.reason.source})`));
  }
}

function priceSection(doc: PDFKit.PDFDocument, model: ProposalLetterModel): void {
  const { price } = model;
  heading(doc, '4. Prijzen');
  keyValues(doc, [
    { label: 'Aantal zorgproducten', value: String(price.lines.length) },
    { label: 'Prijsindex', value: `${formatDecimal(price.price_index)} (${price.price_index_method === 'volume-weighted' ? 'gewogen naar volume' : 'ongewogen, elk product één keer'})` },
  ]);
  const surcharges = price.reasons.filter((r) => SURCHARGE_RULES.includes(r.rule));
  paragraph(doc, surcharges.length > 0 ? 'Opslagen:' : 'Opslagen: geen; de prijzen zijn gelijk aan de standaardprijzen.', { keep: 30 });
  if (surcharges.length > 0) bullets(doc, surcharges.map((r) => `${r.message} (${r.source})`));
  const index = price.reasons.find((r) => r.rule === 'price.index');
  if (index) paragraph(doc, `${index.message} (${index.source})`, { muted: true });
  paragraph(doc, 'De prijs per zorgproduct staat in de bijgevoegde prijslijst.');
}

function closing(doc: PDFKit.PDFDocument, model: ProposalLetterModel): void {
  heading(doc, '5. Hoe reageert u?', 110);
  paragraph(doc, model.respondBy === null
    ? 'Wij vragen u binnen de termijn uit het inkoopbeleid op dit voorstel te reageren.'
    : `Wij vragen u uiterlijk ${formatDate(model.respondBy)} op dit voorstel te reageren.`);
  paragraph(doc, 'U kunt het voorstel aanvaarden, of per onderdeel aangeven waarmee u het niet eens bent en waarom, met de cijfers die uw standpunt onderbouwen. Vermeld daarbij ons kenmerk. Hebt u vragen over dit voorstel, neem dan contact op met uw zorginkoper.');
  paragraph(doc, `Dit voorstel volgt uit ons inkoopbeleid ‘${model.policy.title}’ (${model.policy.id}). De bronnen in deze brief (bijvoorbeeld MSZ §2) verwijzen naar de paragrafen van dat beleid.`);
  doc.moveDown(0.4);
  paragraph(doc, 'Met vriendelijke groet,\n\n\nZorginkoop\nInkoop medisch-specialistische zorg');
}

/** The proposal letter as PDF bytes (A4, Dutch). */
export function proposalLetterPdf(model: ProposalLetterModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  const subject = proposalSubject(model.year);
  const meta: DocumentMeta = { title: subject, date: model.date, running: model.provider.name, reference: proposalReference(model), keywords: `${model.policy.id} ${model.provider.agb}` };
  const doc = createDocument(meta, options);
  letterhead(doc, model.provider, [
    ['Datum', formatDate(model.date)],
    ['Onderwerp', subject],
    ['Ons kenmerk', meta.reference],
    ['Inkoopbeleid', `${model.policy.title} (${model.policy.id})`],
    ...(model.respondBy === null ? [] : [['Reageren uiterlijk', formatDate(model.respondBy)] as [string, string]]),
  ]);
  paragraph(doc, 'Geachte Raad van Bestuur,');
  paragraph(doc, `Hierbij ontvangt u ons voorstel voor de financiële afspraak ${model.year} over medisch-specialistische zorg. In deze brief leest u welke afspraak wij u aanbieden, hoe wij tot het bedrag komen en hoe u kunt reageren. Bij elk onderdeel staan de regel en de paragraaf van het inkoopbeleid waarop het berust.`);
  decisionSection(doc, model);
  financialSection(doc, model);
  volumeSection(doc, model);
  priceSection(doc, model);
  closing(doc, model);
  return finish(doc, meta);
}
