/**
 * The requests of the matrix: path parameters, query and a minimal valid-shaped body per operation.
 * `agb` is filled in by the runner (provider B's AGB for provider-B, provider A's for everyone else);
 * other ids are real ids from the demo data prepared by the scenario, so each call reaches its
 * access check (a body must pass the schema, which Fastify checks before any role check).
 */
import { demoSecondFactorCode } from '../../support/server.js';
import { demoLogin, type ActorId } from './actors.js';

export interface MatrixContext {
  baseUrl: string;
  /** Provider A: the demo provider user's own AGB. */
  A: string;
  /** Provider B: another provider with claim findings. */
  B: string;
  findings: {
    /** Finding of A, sent to A (hearing), linked to `riskAnalysis`. */
    sentA: number;
    /** Another finding of A, still open (decided by the matrix). */
    openA: number;
    /** Finding of B, sent to B. */
    sentB: number;
  };
  /** Imported claim files: one with A's claims only, one with B's only. */
  claimImports: Record<'A' | 'B', number>;
  /** Prior authorisation requests (with one attachment each) of A and of B. */
  authorisations: Record<'A' | 'B', { id: number; attachment: number }>;
  /** A specific risk analysis for A that covers `findings.sentA`. */
  riskAnalysis: number;
  /** A rejected application of a new provider. */
  application: { id: string; email: string };
  /** Per actor a notification of its own; for provider-B one of another user (the purchaser's). */
  notifications: Partial<Record<ActorId, number>>;
  /** The add-on figures template (CSV) and the year it is for; one upload each of A and B (accepted or not). */
  figures: { year: number; csv: string; uploads: Record<'A' | 'B', number> };
  /** SHA-256 of provider A's contract document, once the proposal is sent. */
  documentSha256: string | null;
}

export interface PlannedRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

export interface Target {
  actor: ActorId;
  /** The AGB in the path: provider B's for provider-B, provider A's for everyone else. */
  agb: string;
  /** Whose objects (finding, authorisation, upload) the ids name: B's for provider-B and for a probe. */
  objects: 'A' | 'B';
}

type Placeholder = (ctx: MatrixContext, target: Target) => PlannedRequest | Promise<PlannedRequest>;

/** An id no object has (syntactically valid): where a 404 after the access check is what the call can reach. */
export const UNKNOWN_ID = '987654321';
const YEAR = 2018;
const finding = (ctx: MatrixContext, t: Target) => String(t.objects === 'B' ? ctx.findings.sentB : ctx.findings.sentA);
const authorisation = (ctx: MatrixContext, t: Target) => ctx.authorisations[t.objects];

export const PLACEHOLDERS: Record<string, Placeholder> = {
  'POST /api/providers/{agb}/contract/start': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/publish-concept': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/decline': () => ({ body: { year: YEAR, reason: 'Matrixtest: prijsniveau te hoog.' } }),
  'POST /api/providers/{agb}/contract/concept-feedback': () => ({ body: { year: YEAR, feedback: 'Matrixtest: artikel 12 graag verduidelijken.' } }),
  'POST /api/providers/{agb}/contract/send-proposal': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/respond': () => ({ body: { year: YEAR, response: 'accepted' } }),
  'POST /api/providers/{agb}/contract/start-negotiation': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/onderhandelakkoord': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/sign': (ctx) => ({ body: { year: YEAR, document_sha256: ctx.documentSha256 ?? '0'.repeat(64) } }),
  'POST /api/providers/{agb}/contract/fix-price-list': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/contract/publish': () => ({ body: { year: YEAR } }),
  'GET /api/providers/{agb}/contract': () => ({ query: `year=${YEAR}` }),
  'GET /api/providers/{agb}/contract/document': () => ({ query: `year=${YEAR}` }),
  'GET /api/contracting/pipeline': () => ({ query: `year=${YEAR}` }),

  'GET /api/policies/{id}': () => ({ params: { id: 'msz-2018' } }),
  'GET /api/calendar': () => ({ query: 'policy=msz-2018' }),
  'GET /api/public/prices': () => ({ query: 'q=001051101&near=Utrecht&limit=3' }),
  'GET /api/public/contracted': () => ({ query: `year=${YEAR}` }),
  'GET /api/public/price-file': () => ({ query: `year=${YEAR}` }),

  'GET /api/providers/{agb}/addon-figures': (ctx) => ({ query: `year=${ctx.figures.year}` }),
  'GET /api/providers/{agb}/addon-figures/{id}': (ctx, t) => ({ params: { id: String(ctx.figures.uploads[t.objects]) } }),
  'POST /api/providers/{agb}/addon-figures': (ctx) => ({ body: figuresForm(ctx) }),
  'GET /api/providers/{agb}/ceiling-warnings': () => ({ query: `year=${YEAR}` }),
  'POST /api/providers/{agb}/ceiling-warnings': () => ({
    body: { year: YEAR, expected_revenue_cents: 1_000_000_00, specialisms: ['0303'], explanation: 'Matrixtest: meer verwijzingen cardiologie dan verwacht.' },
  }),
  'GET /api/monitoring/ceiling-warnings': () => ({ query: `year=${YEAR}` }),
  'POST /api/monitoring/ceiling-warnings/{id}/acknowledge': () => ({ params: { id: UNKNOWN_ID }, body: { note: 'Matrixtest: in behandeling.' } }),
  'POST /api/settlement/simulate': () => ({ body: { year: YEAR, type: 'plafond', target_cents: 1_000_000_00, realised_cents: 1_050_000_00 } }),
  'POST /api/addon/eligibility': () => ({ body: { year: 2022, expected_revenue_eur: '250000', q2_figures: 'on-time', efficiency: 'met' } }),
  'GET /api/monitoring/ceilings': () => ({ query: `year=${YEAR}` }),
  'PUT /api/providers/{agb}/negotiation': () => ({ body: { year: YEAR } }),

  'PUT /api/providers/{agb}/questionnaire': () => ({ body: { year: YEAR, answers: [{ kind: 'general', number: 1, answer: 'yes' }] } }),
  'POST /api/providers/{agb}/selection': () => ({ body: { year: YEAR } }),
  'POST /api/providers/{agb}/improvement-agreements/{id}/met': () => ({ params: { id: UNKNOWN_ID } }),

  'GET /api/claims/findings': (_ctx, t) => ({ query: `agb=${t.agb}&limit=20` }),
  'GET /api/claims/findings/summary': () => ({ query: `year=${YEAR}` }),
  'GET /api/claims/findings/{id}': (ctx, t) => ({ params: { id: finding(ctx, t) } }),
  'GET /api/providers/{agb}/findings': () => ({ query: 'limit=20' }),
  'GET /api/providers/{agb}/findings/{id}': (ctx, t) => ({ params: { id: finding(ctx, t) } }),
  'GET /api/claims/findings/{id}/detail': (ctx, t) => ({ params: { id: finding(ctx, t) }, query: 'purpose=matrixtest%20toegangscontrole' }),
  'POST /api/claims/findings/send': (ctx) => ({ body: { agb: ctx.A, finding_ids: [ctx.findings.sentA] } }),
  'POST /api/claims/risk-analyses': (ctx) => ({ body: { title: 'Matrixtest', rationale: 'Matrixtest: onderbouwing van detailcontrole per rol.', agb: ctx.A } }),
  'POST /api/claims/risk-analyses/{id}/findings': (ctx) => ({ params: { id: String(ctx.riskAnalysis) }, body: { finding_ids: [ctx.findings.sentA] } }),
  'POST /api/providers/{agb}/findings/{id}/response': (ctx, t) => ({ params: { id: finding(ctx, t) }, body: { response: 'Matrixtest: de declaratie is juist.' } }),
  'POST /api/claims/findings/{id}/decision': (ctx) => ({ params: { id: String(ctx.findings.openA) }, body: { decision: 'withdraw', note: 'Matrixtest: ingetrokken.' } }),
  'POST /api/claims/check': () => ({ body: { year: YEAR } }),

  'POST /api/authorisations/requirement': () => ({ body: { birth_date: '1970-04-12', treatment_date: '2018-05-14', treatment_kind: 'kinplastiek' } }),
  'POST /api/providers/{agb}/authorisations': (_ctx, t) => ({ body: authorisationRequest(`MATRIX-${t.actor}`) }),
  'GET /api/providers/{agb}/authorisations/{id}': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id) } }),
  'GET /api/providers/{agb}/authorisations/{id}/attachments/{attachment}': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id), attachment: String(authorisation(ctx, t).attachment) } }),
  'POST /api/providers/{agb}/authorisations/{id}/attachments': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id) }, query: 'kind=record', body: pdfForm() }),
  'POST /api/providers/{agb}/authorisations/{id}/information': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id) }, body: { answer: 'Matrixtest: de röntgenfoto is bijgevoegd.' } }),
  'POST /api/providers/{agb}/authorisations/{id}/withdraw': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id) }, body: { reason: 'Matrixtest: ingetrokken.' } }),
  'GET /api/authorisations/{id}': (ctx, t) => ({ params: { id: String(authorisation(ctx, t).id) } }),
  'POST /api/authorisations/{id}/request-information': (ctx) => ({ params: { id: String(ctx.authorisations.A.id) }, body: { question: 'Matrixtest: graag een recente röntgenfoto.' } }),
  'POST /api/authorisations/{id}/consultation': (ctx) => ({ params: { id: String(ctx.authorisations.A.id) }, body: { date: '2018-03-05' } }),
  'POST /api/authorisations/{id}/decision': (ctx) => ({ params: { id: String(ctx.authorisations.A.id) }, body: { decision: 'approve', reason: 'Matrixtest: voldoet aan de voorwaarden.' } }),

  'GET /api/claims/export': () => ({ query: `format=csv&year=${YEAR}` }),
  'GET /api/providers/{agb}/claim-imports/{id}/zh309': (ctx, t) => ({ params: { id: String(ctx.claimImports[t.objects]) } }),
  'GET /api/fhir/Organization': (_ctx, t) => ({ query: `identifier=${t.agb}` }),
  'GET /api/providers/{agb}/fhir/Contract': () => ({ query: `year=${YEAR}` }),
  'GET /api/providers/{agb}/fhir/ChargeItemDefinition': () => ({ query: `year=${YEAR}` }),
  // An empty batch: nothing to import, the request reaches the controller's door.
  'POST /api/fhir/Bundle': () => ({ body: { resourceType: 'Bundle', type: 'batch', entry: [] } }),

  'GET /api/notifications': () => ({ query: 'limit=5' }),
  'POST /api/notifications/{id}/read': (ctx, t) => ({ params: { id: String(ctx.notifications[t.actor] ?? UNKNOWN_ID) } }),

  'GET /api/providers/{agb}/mirror': () => ({ query: `year=${YEAR}` }),
  'GET /api/providers/{agb}/mirror.pdf': () => ({ query: `year=${YEAR}` }),
  'GET /api/mirror': () => ({ query: `year=${YEAR}` }),
  'GET /api/providers/{agb}/reclaim-statement.pdf': () => ({ query: `year=${YEAR}` }),
  'GET /api/providers/{agb}/reclaim-statement.xlsx': () => ({ query: `year=${YEAR}` }),

  'GET /api/applications/conditions': () => ({ query: `year=${YEAR}` }),
  'GET /api/applications': () => ({ query: `year=${YEAR}` }),
  'GET /api/applications/{id}': (ctx) => ({ params: { id: ctx.application.id } }),
  'GET /api/applications/{id}/rejection-letter.pdf': (ctx) => ({ params: { id: ctx.application.id } }),
  'POST /api/applications/{id}/lookup': (ctx) => ({ params: { id: ctx.application.id }, body: { applicant_email: ctx.application.email } }),
  'POST /api/applications': (_ctx, t) => ({ body: applicationBody(t.actor) }),
  'POST /api/applications/{id}/assessment': (ctx) => ({ params: { id: ctx.application.id }, body: { decision: 'reject', reasons: 'Matrixtest: geen toegevoegde waarde.' } }),
  'POST /api/applications/{id}/objection': (ctx) => ({ params: { id: ctx.application.id }, body: { kind: 'explanation', text: 'Matrixtest: graag een toelichting.', applicant_email: ctx.application.email } }),

  'POST /api/auth/login': () => ({ body: {} }),
  'POST /api/auth/second-factor': async (ctx, t) => ({ body: { code: t.actor === 'controller' || t.actor === 'medical-adviser' ? await demoSecondFactorCode(ctx.baseUrl, demoLogin(t.actor).email) : '123456' } }),
  'POST /api/auth/second-factor/enrol/confirm': () => ({ body: { code: '123456' } }),
};

/** The quarterly figures form (multipart): the template as the file, for quarter 2 of its year. */
export function figuresForm(ctx: Pick<MatrixContext, 'figures'>): FormData {
  const form = new FormData();
  form.append('year', String(ctx.figures.year));
  form.append('quarter', '2');
  form.append('file', new Blob([ctx.figures.csv], { type: 'text/csv' }), 'kwartaalcijfers.csv');
  return form;
}

/** A minimal PDF (the server recognises files by their first bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A complete prior-authorisation request (an adult's implants) with one record as base64. */
export function authorisationRequest(reference: string) {
  return {
    provider_reference: reference,
    patient: { bsn: '111222333', name: 'J. de Vries', birth_date: '1970-04-12' },
    treatment_kind: 'implantologie',
    treatment_date: '2018-05-14',
    treatment_plan: 'Matrixtest: twee implantaten in de onderkaak (36 en 46) met opbouw en kronen.',
    plan_lines: [{ performance_code: 'J20', element_numbers: [36, 46], amount_cents: 45_000 }],
    technique_costs_cents: 30_000,
    attachments: [{ kind: 'record' as const, file_name: 'verwijsbrief.pdf', content_base64: PDF.toString('base64') }],
  };
}

function pdfForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'aanvulling.pdf');
  return form;
}

/** The AGB of the new provider that applies (no demo provider has it; the scenario checks). */
export const APPLICANT_AGB = '27990001';

/** A new provider's application (valid shape); `year` 2018 applications close on 1 July 2017. */
export function applicationBody(tag: string, agb = APPLICANT_AGB) {
  return {
    year: YEAR,
    organisation_name: `Matrixkliniek ${tag}`,
    applicant_email: `aanvraag-${tag}@matrixkliniek.example`,
    kvk: `6${agb.slice(1)}`,
    agb,
    provider_type: 'zbc',
    city: 'Utrecht',
    wtzi_admission: true,
    kvk_registered: true,
    meets_quality_and_entry_conditions: true,
    added_value: 'Matrixtest: kortere wachttijden voor staaroperaties in de regio.',
  };
}
