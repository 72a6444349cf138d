/**
 * The contracting year over HTTP (MSZ §5, §7): the public calendar, the purchasers' pipeline, one
 * provider's contract with its history and deadlines, one route per transition, the document to sign
 * (PDF, its SHA-256 in a header), signing, notifications, and running the due jobs.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { declineContract, fixPriceList, giveConceptFeedback, publishConcept, publishContract, recordOnderhandelakkoord, respondToProposal, startNegotiation } from '../../app/contracting/actions.js';
import { CALENDAR_PATHS, calendarView } from '../../app/contracting/calendar.js';
import { contractDocument, sendProposal, signContract, type ContractDocument } from '../../app/contracting/documents.js';
import { listNotifications, markNotificationRead } from '../../app/contracting/notifications.js';
import { startContractYear } from '../../app/contracting/start-year.js';
import type { ContractingDeps, ContractSummary } from '../../app/contracting/transition.js';
import { contractingPipeline, contractView } from '../../app/contracting/views.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import { CONTRACT_EVENT_TYPES, CONTRACT_STATES } from '../../domain/contracting/index.js';
import type { Result } from '../../domain/errors.js';
import { runDueJobs } from '../../jobs/run-due.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, Year as BodyYear, YearQuery } from '../schemas.js';

const Year = BodyYear.describe('Contractjaar, bijvoorbeeld 2018');
const State = z.enum(CONTRACT_STATES);
const Path = z.enum(['regular', 'digital']);
const Sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 als 64 hexadecimale tekens');

export const ContractSummaryBody = z.object({
  agb: z.string(),
  year: z.number().int(),
  path: Path,
  state: State,
  concept: z.enum(['not-published', 'open', 'feedback-given', 'consent-by-silence']),
  response: z.enum(['accepted', 'countered']).nullable(),
  response_overdue: z.boolean(),
  event: z.string(),
  from: State.nullable(),
});

const SignatureBody = z.object({ document_kind: z.string(), document_sha256: z.string(), signed_by: z.number().int(), signer_email: z.string(), signed_at: z.string() });

const ContractViewBody = z.object({
  agb: z.string(),
  name: z.string(),
  year: z.number().int(),
  policy_id: z.string(),
  path: Path,
  agreement_type_id: z.string(),
  state: State,
  today: z.string(),
  concept: z.object({ status: z.string(), published_at: z.string().nullable(), feedback: z.string().nullable(), feedback_at: z.string().nullable(), consent_by_silence: z.boolean() }),
  proposal: z.object({ sent_at: z.string().nullable(), document_date: z.string().nullable(), document_sha256: z.string().nullable() }),
  response: z.object({ kind: z.enum(['accepted', 'countered']).nullable(), reasons: z.string().nullable(), responded_at: z.string().nullable(), overdue: z.boolean() }),
  onderhandelakkoord_at: z.string().nullable(),
  signed_at: z.string().nullable(),
  price_list_fixed_at: z.string().nullable(),
  published_at: z.string().nullable(),
  no_agreement_reason: z.string().nullable(),
  deadlines: z.array(
    z.object({
      key: z.string(),
      event: z.string(),
      date: z.string(),
      title: z.string(),
      source: z.string(),
      status: z.enum(['past', 'today', 'upcoming']),
      days_left: z.number().int().describe('Kalenderdagen van vandaag tot de datum: 0 vandaag, negatief als de datum voorbij is'),
    }),
  ),
  available_actions: z.array(z.enum(CONTRACT_EVENT_TYPES)).describe('De stappen die de huidige gebruiker nu mag zetten'),
  overdue: z.array(z.object({ kind: z.string(), date: z.string(), message: z.string(), days_overdue: z.number().int().describe('Kalenderdagen sinds de datum') })),
  history: z.array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string(), actor_role: z.string(), actor_email: z.string().nullable(), at: z.string(), details: z.unknown() })),
  signatures: z.array(SignatureBody),
  documents: z.array(z.object({ kind: z.literal('proposal-letter'), href: z.string(), sha256_when_sent: z.string().nullable() })),
});

const PipelineBody = z.object({
  year: z.number().int(),
  today: z.string().nullable(),
  total: z.number().int(),
  by_state: z.record(State, z.number().int()),
  concept: z.object({ open: z.number().int(), feedback_given: z.number().int(), consent_by_silence: z.number().int() }),
  processes: z.array(z.object({ agb: z.string(), name: z.string(), state: State, path: Path, updated_at: z.string() })),
  overdue: z.array(
    z.object({ agb: z.string(), name: z.string(), state: State, path: Path, kind: z.string(), date: z.string(), message: z.string(), days_overdue: z.number().int().describe('Kalenderdagen sinds de datum') }),
  ),
});

const CalendarBody = z.object({
  policy: z.object({ id: z.string(), title: z.string() }),
  path: z.enum(CALENDAR_PATHS).nullable(),
  time_zone: z.string(),
  today: z.string(),
  events: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      title: z.string(),
      kind: z.enum(['publication', 'deadline', 'milestone']),
      paths: z.array(z.string()),
      actor: z.enum(['insurer', 'provider', 'both']),
      meaning: z.string(),
      source: z.string(),
      status: z.enum(['past', 'today', 'upcoming']),
      note: z.string().nullable(),
      decision: z.object({ id: z.string(), decision: z.string() }).nullable(),
    }),
  ),
});

const NotificationBody = z.object({ id: z.number().int(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), agb: z.string().nullable(), created_at: z.string(), read_at: z.string().nullable() });

const RunDueBody = z.object({ now: z.string(), engine: z.string(), jobs: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(['completed', 'failed']), output: z.record(z.string(), z.unknown()) })) });

/** The PDF with its hash, kind and printed date in headers, or the error as JSON. */
function sendDocument(reply: FastifyReply, document: Result<ContractDocument>) {
  if (!document.ok) return sendError(reply, document.error);
  reply.header('content-type', 'application/pdf');
  reply.header('content-disposition', `attachment; filename="${document.value.fileName}"`);
  reply.header('x-document-sha256', document.value.sha256);
  reply.header('x-document-kind', document.value.kind);
  reply.header('x-document-date', document.value.date);
  return reply.send(document.value.bytes);
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const contractingRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor): ContractingDeps => ({ db: opts.db, actor, policies: opts.policies, now: opts.now() });
  const tags = ['contracting'];

  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary: 'Inkoopkalender van een beleidsjaar (openbaar; MSZ §7 met de data uit §5)',
        querystring: z.object({
          policy: z.string().max(40).optional().describe('Beleid, bijvoorbeeld msz-2018; standaard het nieuwste MSZ-beleid'),
          path: z.enum(CALENDAR_PATHS).optional(),
          on: z.string().max(10).optional().describe('Dag (JJJJ-MM-DD) waartegen de status verleden/vandaag/komend wordt bepaald; standaard vandaag'),
        }),
        response: { 200: CalendarBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => sendResult(reply, calendarView(opts.policies, { ...request.query, now: opts.now() })),
  );

  app.get(
    '/api/contracting/pipeline',
    { preHandler: requireRoles('purchaser'), schema: { tags, summary: 'Contracteerpijplijn: aantallen per status en achterstallige stappen', querystring: YearQuery, response: { 200: PipelineBody, ...errors } } },
    async (request, reply) => sendResult(reply, await contractingPipeline(deps(request.actor), request.query.year)),
  );

  app.get(
    '/api/providers/:agb/contract',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Contract van een zorgaanbieder: status, termijnen, historie, documenten', params: AgbParam, querystring: YearQuery, response: { 200: ContractViewBody, ...errors } } },
    async (request, reply) => sendResult(reply, await contractView(deps(request.actor), request.params.agb, request.query.year)),
  );

  /** One POST route per transition: the body has the year and the step's own fields. */
  const action = <B extends z.ZodObject<{ year: typeof Year }>>(
    name: string,
    summary: string,
    body: B,
    run: (d: ContractingDeps, agb: string, b: z.output<B>) => Promise<Result<ContractSummary>>,
  ) =>
    app.post(
      `/api/providers/:agb/contract/${name}`,
      { preHandler: requireRoles(...ANY_USER), schema: { tags, summary, params: AgbParam, body, response: { 200: ContractSummaryBody, ...errors } } },
      async (request, reply) => sendResult(reply, await run(deps(request.actor), request.params.agb, request.body as z.output<B>)),
    );
  const yearOnly = z.object({ year: Year });

  action('start', 'Contracteringsjaar starten (zorginkoper; pad volgt uit de afspraaksoort)', yearOnly, (d, agb, b) => startContractYear(d, agb, b.year));
  action('publish-concept', 'Conceptovereenkomst publiceren (zorginkoper, vanaf 1 juni)', yearOnly, (d, agb, b) => publishConcept(d, agb, b.year));
  action('concept-feedback', 'Feedback op de conceptovereenkomst (zorgaanbieder, tot en met 10 juli)', z.object({ year: Year, feedback: z.string().min(1).max(10_000) }), (d, agb, b) =>
    giveConceptFeedback(d, agb, b.year, b.feedback),
  );
  action('send-proposal', 'Voorstel versturen met de voorstelbrief (zorginkoper; SHA-256 vastgelegd)', yearOnly, (d, agb, b) => sendProposal(d, agb, b.year));
  action(
    'respond',
    'Reageren op het voorstel: akkoord of tegenvoorstel met redenen (zorgaanbieder)',
    z.object({ year: Year, response: z.enum(['accepted', 'countered']), reasons: z.string().max(10_000).optional() }),
    (d, agb, b) => respondToProposal(d, agb, b.year, { response: b.response, reasons: b.reasons }),
  );
  action('start-negotiation', 'Onderhandeling starten (zorginkoper)', yearOnly, (d, agb, b) => startNegotiation(d, agb, b.year));
  action('onderhandelakkoord', 'Onderhandelakkoord vastleggen (zorginkoper, uiterlijk 1 november)', yearOnly, (d, agb, b) => recordOnderhandelakkoord(d, agb, b.year));
  action('fix-price-list', 'Prijslijst vaststellen (zorginkoper)', yearOnly, (d, agb, b) => fixPriceList(d, agb, b.year));
  action('publish', 'Overeenkomst publiceren (zorginkoper, vanaf 12 november)', yearOnly, (d, agb, b) => publishContract(d, agb, b.year));
  action('decline', 'Geen overeenkomst (zorginkoper, met reden)', z.object({ year: Year, reason: z.string().min(1).max(2_000) }), (d, agb, b) => declineContract(d, agb, b.year, b.reason));

  app.get(
    '/api/providers/:agb/contract/document',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Het te tekenen document (PDF); SHA-256 in de header x-document-sha256', params: AgbParam, querystring: YearQuery, response: errors } },
    async (request, reply) => sendDocument(reply, await contractDocument(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.post(
    '/api/providers/:agb/contract/sign',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Ondertekenen (tekenbevoegde van de zorgaanbieder) met de SHA-256 van het getoonde document',
        params: AgbParam,
        body: z.object({ year: Year, document_sha256: Sha256 }),
        response: { 200: ContractSummaryBody.extend({ signature: SignatureBody }), ...errors },
      },
    },
    async (request, reply) => sendResult(reply, await signContract(deps(request.actor), request.params.agb, request.body.year, request.body.document_sha256)),
  );

  app.get(
    '/api/notifications',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Mijn meldingen',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.object({ unread: z.number().int(), notifications: z.array(NotificationBody) }), 401: ErrorBody },
      },
    },
    async (request, reply) =>
      sendResult(reply, await listNotifications({ db: opts.db, actor: request.actor }, { unreadOnly: request.query.unread === 'true', ...(request.query.limit ? { limit: request.query.limit } : {}) })),
  );

  app.post(
    '/api/notifications/:id/read',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Melding als gelezen markeren', params: z.object({ id: z.string().max(20) }), response: { 200: NotificationBody, ...errors } } },
    async (request, reply) => sendResult(reply, await markNotificationRead({ db: opts.db, actor: request.actor, now: opts.now() }, request.params.id)),
  );

  app.post(
    '/api/jobs/run-due',
    { preHandler: requireRoles('purchaser'), schema: { tags: ['jobs'], summary: 'Openstaande taken nu uitvoeren, op de klok van de server (beheer en tests)', response: { 200: RunDueBody, ...errors } } },
    async (request, reply) =>
      sendResult(reply, await runDueJobs({ db: opts.db, policies: opts.policies }, opts.now(), { requestedBy: request.actor.email ?? 'purchaser' })),
  );
};
