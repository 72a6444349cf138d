/**
 * Prior authorisations for oral and maxillofacial surgery over HTTP (MSZ Bijlage 1 art. 6 items
 * 13-23). Any logged-in user asks whether a treatment needs authorisation (stateless). A provider
 * user submits requests for its own AGB (JSON, with attachments as base64, or multipart with the
 * request as JSON in the field `request` and files in `record`/`photo`), answers questions and
 * adds attachments; it and the insurer's medical advisers and controllers see each request with its
 * decision clock; the insurer side asks for more information, schedules an assessment at the
 * advising dentist's consultation hour (both pause the clock, item 22) and decides. Provider-scoped paths
 * take the AGB as `agb`; another provider's AGB is refused and audited. Every route with patient
 * data needs a full session (`secondFactor`). The clock is the server's injected `now`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAttachment, readAttachment } from '../../app/authorisations/attachments.js';
import { getAuthorisation, listAuthorisationQueue, listProviderAuthorisations } from '../../app/authorisations/queries.js';
import { checkRequirement, listTreatmentKinds } from '../../app/authorisations/requirement.js';
import { submitAuthorisation, type SubmitRequest, type UploadedFile } from '../../app/authorisations/submit.js';
import { decideAuthorisation, provideInformation, requestInformation, scheduleConsultation, withdrawAuthorisation } from '../../app/authorisations/transitions.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES, AUTHORISATION_STATUSES, PAUSE_REASONS } from '../../domain/authorisations/index.js';
import type { FieldIssue } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireProviderAccess, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody } from '../schemas.js';

const MAX_FILES = 10;
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Status = z.enum(AUTHORISATION_STATUSES);
const Kind = z.enum(ATTACHMENT_KINDS);
const IdParam = z.object({ id: z.string().max(20).describe('nummer van de machtigingsaanvraag') });
const AgbIdParam = AgbParam.extend({ id: z.string().max(20).describe('nummer van de machtigingsaanvraag') });
const Fact = z.boolean().nullable().optional();

const ReasonBody = z.object({ rule: z.string(), source: z.string(), inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), message: z.string() });

const RequirementInputBody = z.object({
  birth_date: z.string().max(20).describe('geboortedatum van de patiënt (JJJJ-MM-DD)'),
  treatment_date: z.string().max(20).describe('(geplande) behandeldatum (JJJJ-MM-DD); de leeftijd op die dag telt'),
  treatment_kind: z.string().max(80).describe('soort behandeling, zie GET /api/authorisations/treatment-kinds'),
  in_doubt: z.boolean().optional().describe('u twijfelt of de behandeling onder de Zorgverzekeringswet valt (item 19)'),
  implants_covered: Fact.describe('item 17: de bijbehorende implantaten vallen onder de Zvw (weggelaten: onbekend)'),
  orthodontics_special_dentistry: Fact.describe('item 18: orthodontie in het kader van bijzondere tandheelkunde (weggelaten: onbekend)'),
  serious_medical_grounds: Fact.describe('item 16: zwaarwegende medische gronden voor extractie onder narcose (weggelaten: onbekend)'),
});

const RequirementBody = z.object({
  policy_id: z.string(),
  treatment_kind: z.string(),
  treatment_title: z.string(),
  birth_date: z.string(),
  treatment_date: z.string(),
  age: z.number().int(),
  age_limit_inclusive: z.number().int(),
  minor: z.boolean(),
  outcome: z.enum(['required', 'not-required', 'in-doubt']).describe('required: machtiging nodig; not-required: machtigingsvrij; in-doubt: bij twijfel aanvragen'),
  request: z.boolean().describe('dien een aanvraag in (required of in-doubt)'),
  covered: z.boolean().nullable().describe('valt onder de Zvw voor zover het artikel dat zegt; null: het artikel zegt het niet'),
  message: z.string(),
  reasons: z.array(ReasonBody),
});

const KindsBody = z.object({
  policy_id: z.string(),
  source: z.string(),
  age_limit_parameter: z.string(),
  kinds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: z.enum(['listed', 'coverage-dependency', 'extraction-under-anaesthesia', 'extraction-free', 'zvw-2-7-5a']),
      source: z.string(),
      letter: z.string().nullable(),
      covered_only_if: z.string().nullable(),
      minors_excepted: z.boolean(),
    }),
  ),
  required_content: z.array(z.object({ id: z.string(), title: z.string(), optional: z.boolean() })),
});

const PlanLineInput = z.object({
  performance_code: z.string().max(20).optional().describe('prestatiecode, bijvoorbeeld J20 of H35 (of een zorgproductcode van 9 cijfers)'),
  element_numbers: z.array(z.union([z.number().int(), z.string().max(4)])).max(64).optional().describe('elementnummers (FDI: 11-48, melkgebit 51-85)'),
  amount_cents: z.number().int().optional().describe('bedrag in centen'),
  description: z.string().max(500).optional(),
});

const SubmitInputBody = RequirementInputBody.omit({ birth_date: true }).partial().extend({
  provider_reference: z.string().max(60).optional().describe('uw eigen kenmerk (uniek per zorgaanbieder)'),
  patient: z.object({ bsn: z.string().max(20).optional(), name: z.string().max(300).optional(), birth_date: z.string().max(20).optional() }).optional(),
  treatment_plan: z.string().max(6000).optional().describe('behandelplan'),
  plan_lines: z.array(PlanLineInput).max(100).optional().describe('begroting: prestatiecodes met elementnummers en bedragen in centen'),
  technique_costs_cents: z.number().int().optional().describe('hoogte van de techniekkosten in centen (0 als er geen zijn)'),
  attachments: z
    .array(z.object({ kind: Kind, file_name: z.string().max(200), content_base64: z.string().max(14_000_000) }))
    .max(MAX_FILES)
    .optional()
    .describe("foto's en dossiers als base64 (PDF, JPEG, PNG of TIFF, elk hooguit 10 MB); grotere bestanden via multipart"),
});

const PauseReason = z.enum(PAUSE_REASONS).describe('information: nadere informatie gevraagd; consultation: nadere beoordeling op het spreekuur van de adviserend tandarts');

const ClockBody = z.object({
  working_days: z.number().int(),
  received_on: z.string(),
  due_date: z.string().nullable().describe('uiterlijke beslisdatum; null zolang de termijn wacht op een antwoord (bij een spreekuur ligt de datum vast)'),
  paused: z.boolean(),
  pause_reasons: z.array(PauseReason).describe('waarom de termijn nu stilstaat (leeg als hij loopt of na het besluit)'),
  consultation_date: z.string().nullable().describe('de spreekuurdatum waarop de termijn wacht (tot en met die dag telt niet)'),
  pauses: z.array(z.object({ reason: PauseReason, from: z.string().describe('dag van de vraag of van het inplannen (telt nog)'), until: z.string().nullable().describe('dag van het antwoord of van het spreekuur (telt niet)') })),
  working_days_used: z.number().int(),
  working_days_remaining: z.number().int(),
  working_days_late: z.number().int(),
  late: z.boolean().describe('beslist (of nog open) na de laatste werkdag van de termijn'),
  decided_on: z.string().nullable(),
  reason: ReasonBody,
});

const SummaryBody = z.object({
  id: z.number().int(),
  agb: z.string(),
  provider_name: z.string().nullable(),
  provider_reference: z.string().nullable(),
  patient_name: z.string(),
  patient_bsn_masked: z.string(),
  patient_birth_date: z.string(),
  treatment_kind: z.string(),
  treatment_title: z.string(),
  treatment_date: z.string(),
  total_cents: z.number().int(),
  in_doubt: z.boolean(),
  status: Status,
  status_text: z.string(),
  received_at: z.string(),
  decided_at: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  open_question: z.string().nullable(),
  clock: ClockBody,
});

const AttachmentBody = z.object({
  id: z.number().int(),
  kind: Kind,
  file_name: z.string(),
  media_type: z.string(),
  size_bytes: z.number().int(),
  sha256: z.string(),
  uploaded_by: z.string(),
  uploaded_at: z.string(),
});

const DetailBody = SummaryBody.extend({
  policy_id: z.string(),
  patient: z.object({ bsn: z.string(), name: z.string(), birth_date: z.string() }),
  treatment_plan: z.string(),
  plan_lines: z.array(z.object({ performance_code: z.string(), element_numbers: z.array(z.number().int()), amount_cents: z.number().int(), description: z.string().nullable() })),
  technique_costs_cents: z.number().int(),
  requirement: RequirementBody,
  submitted_by: z.string(),
  decision_reason: z.string().nullable(),
  decided_by: z.string().nullable(),
  withdrawn_at: z.string().nullable(),
  attachments: z.array(AttachmentBody),
  history: z.array(
    z.object({
      id: z.number().int(),
      event: z.enum(['submitted', 'information-requested', 'information-provided', 'consultation-scheduled', 'decided', 'withdrawn', 'attachment-added']),
      at: z.string(),
      role: z.enum(['provider', 'medical-adviser', 'controller', 'system']),
      by: z.string().nullable(),
      message: z.string().nullable(),
      consultation_date: z.string().nullable().describe('bij consultation-scheduled: de datum van het spreekuur'),
    }),
  ),
});

const SubmitResultBody = z.object({
  submitted: z.boolean().describe('false: machtigingsvrij, er is niets opgeslagen'),
  message: z.string(),
  requirement: RequirementBody,
  authorisation: DetailBody.nullable(),
});

type ParsedSubmission = { ok: true; input: SubmitRequest; files: UploadedFile[] } | { ok: false; message: string; issues: FieldIssue[] };

const tooLarge = (error: unknown) => (error as { statusCode?: number }).statusCode === 413;

/** The request and its files from a multipart body: JSON in the field `request`, files in `record` and `photo`. */
async function multipartSubmission(request: FastifyRequest): Promise<ParsedSubmission> {
  let text: string | undefined;
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: { files: MAX_FILES, fileSize: ATTACHMENT_MAX_BYTES } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        const kind = part.fieldname === 'photo' || part.fieldname === 'photos' ? 'photo' : part.fieldname === 'record' || part.fieldname === 'records' ? 'record' : part.fieldname;
        files.push({ kind, fileName: part.filename, bytes });
      } else if (part.fieldname === 'request') {
        text = String(part.value);
      }
    }
  } catch (error) {
    if (tooLarge(error)) return { ok: false, message: `Hooguit ${MAX_FILES} bestanden van elk hooguit 10 MB.`, issues: [{ field: 'attachments', message: 'Te groot of te veel bestanden.' }] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text ?? '{}');
  } catch {
    return { ok: false, message: 'Het veld "request" is geen JSON.', issues: [{ field: 'request', message: 'Geen geldige JSON.' }] };
  }
  const parsed = SubmitInputBody.safeParse(json);
  if (!parsed.success) return { ok: false, message: 'Ongeldige invoer.', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  return { ok: true, input: parsed.data, files };
}

function jsonSubmission(body: z.infer<typeof SubmitInputBody> | null | undefined): ParsedSubmission {
  const { attachments = [], ...input } = body ?? {};
  return { ok: true, input, files: attachments.map((a) => ({ kind: a.kind, fileName: a.file_name, bytes: Buffer.from(a.content_base64, 'base64') })) };
}

export const authorisationsRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies, now: opts.now() });
  const tags = ['authorisations'];
  const patientData = { secondFactor: true } as const;

  const download = (reply: FastifyReply, file: { fileName: string; mediaType: string; sha256: string; bytes: Buffer }) =>
    reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-sha256', file.sha256)
      .header('cache-control', 'no-store')
      .send(file.bytes);

  app.post(
    '/api/authorisations/requirement',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Is voor deze behandeling een machtiging nodig, en waarom (MSZ Bijlage 1 art. 6 items 13-19)? Slaat niets op', body: RequirementInputBody, response: { 200: RequirementBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, checkRequirement(deps(request.actor), request.body)),
  );

  app.get(
    '/api/authorisations/treatment-kinds',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Soorten behandeling en verplichte inhoud van een aanvraag volgens het beleid', querystring: z.object({ date: z.string().max(20).optional().describe('behandeldatum; bepaalt het beleid') }), response: { 200: KindsBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, listTreatmentKinds(deps(request.actor), request.query.date)),
  );

  app.get(
    '/api/providers/:agb/authorisations',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Machtigingsaanvragen van een zorgaanbieder met de beslistermijn per aanvraag', params: AgbParam, querystring: z.object({ status: Status.optional() }), response: { 200: z.array(SummaryBody), ...Errors } },
    },
    async (request, reply) => sendResult(reply, await listProviderAuthorisations(deps(request.actor), request.params.agb, request.query)),
  );

  app.post(
    '/api/providers/:agb/authorisations',
    {
      preHandler: [requireRoles('provider'), requireProviderAccess(opts.db, 'authorisation.submit')],
      config: patientData,
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Machtigingsaanvraag indienen (zorgaanbieder, eigen AGB). Eerst de toets: machtigingsvrij en geen twijfel → 200 zonder opslaan; anders de verplichte inhoud (item 21) → 201. JSON, of multipart met "request" (JSON) en bestanden in "record"/"photo"',
        consumes: ['application/json', 'multipart/form-data'],
        params: AgbParam,
        body: SubmitInputBody.nullish(),
        response: { 200: SubmitResultBody, 201: SubmitResultBody, ...Errors },
      },
    },
    async (request, reply) => {
      const submission = request.isMultipart() ? await multipartSubmission(request) : jsonSubmission(request.body);
      if (!submission.ok) return sendError(reply, { code: 'invalid_input', message: submission.message, issues: submission.issues });
      const result = await submitAuthorisation(deps(request.actor), request.params.agb, submission.input, submission.files);
      return sendResult(reply, result, result.ok && result.value.submitted ? 201 : 200);
    },
  );

  app.get(
    '/api/providers/:agb/authorisations/:id',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Eén machtigingsaanvraag met behandelplan, bijlagen, verloop en beslistermijn', params: AgbIdParam, response: { 200: DetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await getAuthorisation(deps(request.actor), request.params.id, { agb: request.params.agb })),
  );

  app.post(
    '/api/providers/:agb/authorisations/:id/information',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Antwoord op de vraag om nadere informatie (zorgaanbieder); de beslistermijn loopt weer', params: AgbIdParam, body: z.object({ answer: z.string().max(5000) }), response: { 200: DetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await provideInformation(deps(request.actor), request.params.agb, request.params.id, request.body)),
  );

  app.post(
    '/api/providers/:agb/authorisations/:id/withdraw',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Aanvraag intrekken (zorgaanbieder)', params: AgbIdParam, body: z.object({ reason: z.string().max(2000).optional() }).optional(), response: { 200: DetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await withdrawAuthorisation(deps(request.actor), request.params.agb, request.params.id, request.body ?? {})),
  );

  app.post(
    '/api/providers/:agb/authorisations/:id/attachments',
    {
      preHandler: [requireRoles('provider'), requireProviderAccess(opts.db, 'authorisation.attachment.add')],
      config: patientData,
      schema: {
        tags,
        summary: 'Bijlage toevoegen aan een open aanvraag (zorgaanbieder): bestand in het veld "file", PDF, JPEG, PNG of TIFF, hooguit 10 MB',
        consumes: ['multipart/form-data'],
        params: AgbIdParam,
        querystring: z.object({ kind: Kind.default('record').describe("record: dossier; photo: foto") }),
        response: { 201: AttachmentBody, ...Errors },
      },
    },
    async (request, reply) => {
      let file: UploadedFile;
      try {
        const part = request.isMultipart() ? await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } }) : undefined;
        if (!part) return sendError(reply, { code: 'invalid_input', message: 'Stuur een bestand mee in het veld "file".', issues: [{ field: 'file', message: 'Bestand ontbreekt.' }] });
        file = { kind: request.query.kind, fileName: part.filename, bytes: await part.toBuffer() };
      } catch (error) {
        if (tooLarge(error)) return sendError(reply, { code: 'invalid_input', message: 'Het bestand is groter dan 10 MB.', issues: [{ field: 'file', message: 'Te groot.' }] });
        throw error;
      }
      return sendResult(reply, await addAttachment(deps(request.actor), request.params.agb, request.params.id, file), 201);
    },
  );

  app.get(
    '/api/providers/:agb/authorisations/:id/attachments/:attachment',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Bijlage downloaden (het lezen wordt gelogd)', params: AgbIdParam.extend({ attachment: z.string().max(20).describe('nummer van de bijlage') }), response: Errors },
    },
    async (request, reply) => {
      const result = await readAttachment(deps(request.actor), request.params.agb, request.params.id, request.params.attachment);
      return result.ok ? download(reply, result.value) : sendError(reply, result.error);
    },
  );

  app.get(
    '/api/authorisations',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: {
        tags,
        summary: 'Werkvoorraad machtigingen (medisch adviseur, controller): open aanvragen eerst, op uiterlijke beslisdatum, met de termijn per aanvraag',
        querystring: z.object({ status: Status.optional(), agb: z.string().max(16).optional() }),
        response: { 200: z.array(SummaryBody), ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await listAuthorisationQueue(deps(request.actor), request.query)),
  );

  app.get(
    '/api/authorisations/:id',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Eén machtigingsaanvraag (medisch adviseur, controller; een zorgaanbieder alleen de eigen)', params: IdParam, response: { 200: DetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await getAuthorisation(deps(request.actor), request.params.id)),
  );

  app.post(
    '/api/authorisations/:id/request-information',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: { tags, summary: 'Nadere informatie vragen (medisch adviseur, controller); de beslistermijn staat stil tot het antwoord', params: IdParam, body: z.object({ question: z.string().max(5000) }), response: { 200: DetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await requestInformation(deps(request.actor), request.params.id, request.body)),
  );

  app.post(
    '/api/authorisations/:id/consultation',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: {
        tags,
        summary:
          'Nadere beoordeling op het spreekuur van de adviserend tandarts plannen (medisch adviseur, controller; MSZ Bijlage 1 art. 6 item 22): de beslistermijn staat stil tot en met de spreekuurdatum; opnieuw plannen vóór die dag verzet de datum',
        params: IdParam,
        body: z.object({
          date: z.string().max(20).describe('datum van het spreekuur (JJJJ-MM-DD): vandaag of later, hooguit prior_auth_consultation_max_days dagen vooruit'),
          note: z.string().max(2000).optional().describe('toelichting voor de zorgaanbieder (optioneel)'),
        }),
        response: { 200: DetailBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await scheduleConsultation(deps(request.actor), request.params.id, request.body)),
  );

  app.post(
    '/api/authorisations/:id/decision',
    {
      preHandler: requireRoles(...ANY_USER),
      config: patientData,
      schema: {
        tags,
        summary: 'Besluiten (medisch adviseur, controller): goedkeuren of afwijzen met motivering; de termijn zegt of het op tijd was',
        params: IdParam,
        body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(2000) }),
        response: { 200: DetailBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await decideAuthorisation(deps(request.actor), request.params.id, request.body)),
  );
};
