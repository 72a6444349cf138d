/**
 * The reasoned rejection letter to a new provider (MSZ §5: "Als wij voor 2018 geen overeenkomst met
 * u willen aangaan, ontvangt u van ons een brief waarin wij dit toelichten. Heeft u een bezwaar of
 * wilt u een toelichting, dan kunt u dit voor 7 oktober 2017 bij ons kenbaar maken."). The letter
 * gives the purchaser's reasons, the policy requirements the application did not show, and the
 * objection deadline with how to object. Pure: a plain model in, PDF bytes out; the date is in the
 * model, so identical models give identical bytes.
 */
import { formatDate } from './format.js';
import { bullets, createDocument, finish, heading, letterhead, paragraph, title, type Addressee, type DocumentMeta, type PdfRenderOptions } from './pdf-document.js';

export interface RejectionLetterModel {
  /** Date of the letter, YYYY-MM-DD. */
  date: string;
  applicant: Addressee;
  /** The application's id: the applicant quotes it when objecting. */
  application_id: string;
  /** The contract year applied for. */
  year: number;
  /** Day the application came in, YYYY-MM-DD. */
  submitted_on: string;
  /** The purchaser's reasons, as written at the assessment. */
  reasons: string;
  /** Requirements of MSZ §5 the application did not show (short labels). */
  unmet_requirements: string[];
  /** Last day for an objection or a request for explanation, YYYY-MM-DD. */
  objection_deadline: string;
  /** Whether that day itself still counts (policy parameter `deadline_day_inclusive`). */
  objection_deadline_inclusive: boolean;
  /** Where the policy cites the rule, e.g. `MSZ §7; MSZ §5`. */
  objection_source: string;
  /** The purchasing department's address (`contracting_process.new_providers.contact_email`). */
  contact_email: string;
  /** Title of the policy the assessment followed. */
  policy_title: string;
}

export const rejectionTitle = (year: number): string => `Uw aanvraag voor een overeenkomst ${year}`;
export const rejectionReference = (model: Pick<RejectionLetterModel, 'year' | 'applicant'>): string => `nieuwe-aanbieders/${model.year}/${model.applicant.agb}`;

/** "tot en met 7 oktober 2017" or "vóór 7 oktober 2017", as the parameter says. */
export function objectionDeadlineText(model: Pick<RejectionLetterModel, 'objection_deadline' | 'objection_deadline_inclusive'>): string {
  return `${model.objection_deadline_inclusive ? 'tot en met' : 'vóór'} ${formatDate(model.objection_deadline)}`;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function draw(doc: PDFKit.PDFDocument, m: RejectionLetterModel): void {
  title(doc, rejectionTitle(m.year));
  paragraph(doc, 'Geachte heer, mevrouw,');
  paragraph(doc, `Op ${formatDate(m.submitted_on)} heeft u zich bij ons aangemeld als nieuwe aanbieder voor een overeenkomst medisch-specialistische zorg ${m.year}. Wij hebben uw aanvraag beoordeeld volgens ons ${lowerFirst(m.policy_title)} (MSZ §5, "Nieuwe aanbieders"). Wij gaan voor ${m.year} geen overeenkomst met u aan. In deze brief lichten wij dat toe.`);

  heading(doc, 'Waarom wij geen overeenkomst met u aangaan');
  paragraph(doc, m.reasons);
  if (m.unmet_requirements.length > 0) {
    paragraph(doc, 'Een nieuwe aanbieder geeft bij de aanmelding aan dat hij aan de volgende voorwaarden voldoet (MSZ §5). Uit uw aanvraag blijkt dat niet voor:', { keep: 30 });
    bullets(doc, m.unmet_requirements);
  }

  heading(doc, 'Bezwaar of toelichting');
  paragraph(doc, `Heeft u een bezwaar of wilt u een toelichting, dan kunt u dit ${objectionDeadlineText(m)} bij ons kenbaar maken (${m.objection_source}). Dat kan in het Zorgverlenersportaal met uw aanvraagnummer en het e-mailadres waarmee u zich heeft aangemeld, of per e-mail aan ${m.contact_email}. Vermeld altijd uw aanvraagnummer:`);
  paragraph(doc, m.application_id);
  paragraph(doc, `Een bezwaar of verzoek om toelichting dat na ${formatDate(m.objection_deadline)} binnenkomt, kunnen wij niet meer in behandeling nemen.`);

  paragraph(doc, 'Met vriendelijke groet,\n\n\nZorginkoop\nInkoop medisch-specialistische zorg');
}

/** The letter as PDF bytes (A4, Dutch). */
export function rejectionLetterPdf(model: RejectionLetterModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  const reference = rejectionReference(model);
  const meta: DocumentMeta = { title: rejectionTitle(model.year), date: model.date, running: model.applicant.name, reference, keywords: `nieuwe aanbieder ${model.applicant.agb} ${model.year}` };
  const doc = createDocument(meta, options);
  letterhead(doc, model.applicant, [
    ['Datum', formatDate(model.date)],
    ['Onderwerp', rejectionTitle(model.year)],
    ['Ons kenmerk', reference],
    ['Aanvraagnummer', model.application_id],
    ['Bezwaar mogelijk', objectionDeadlineText(model)],
  ]);
  draw(doc, model);
  return finish(doc, meta);
}
