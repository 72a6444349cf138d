/**
 * New providers over HTTP (MSZ §5 "Nieuwe aanbieders", §7): anyone reads the conditions and dates
 * of a year; a provider without an account applies (public, rate-limited per IP address),
 * purchasers list, open and assess the applications and download the reasoned rejection letter,
 * and the applicant looks up its application and objects or asks for an explanation (public, with
 * its application id and e-mail address, rate-limited). Each handler calls one use case; the
 * deadlines come from the policy calendar and the injected clock.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationConditions } from '../../app/applications/application-conditions.js';
import { assessApplication } from '../../app/applications/assess-application.js';
import { getApplication } from '../../app/applications/get-application.js';
import { listApplications } from '../../app/applications/list-applications.js';
import { lookupApplication } from '../../app/applications/lookup-application.js';
import { objectToRejection } from '../../app/applications/object-to-rejection.js';
import { rejectionLetterDocument } from '../../app/applications/rejection-letter.js';
import { submitApplication } from '../../app/applications/submit-application.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import type { Result } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { ErrorBody, Year, YearQuery } from '../schemas.js';

/** Public endpoints: requests per IP address per endpoint per minute (the log-in has the same limit). */
export const APPLICATION_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

const ProviderType = z.enum(['ziekenhuis', 'umc', 'zbc', 'categoraal']);
const Status = z.enum(['submitted', 'assessing', 'accepted', 'rejected']);
const Fact = z.enum(['agreed', 'rejected', 'open']);
const IdParam = z.object({ id: z.string().max(64).describe('aanvraagnummer (UUID)') });
const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

const Deadlines = z.object({ application: z.string(), assessment: z.string(), objection: z.string(), day_inclusive: z.boolean() });
const Timing = z
  .object({ today: z.string(), assessment_open: z.boolean(), objection_open: z.boolean(), overdue: z.boolean() })
  .describe('de termijnen gemeten op de dag van de server (tijdzone van het beleid)');

const ApplicationInputBody = z.object({
  year: Year.describe('contractjaar waarvoor u zich aanmeldt, bijvoorbeeld 2018'),
  organisation_name: z.string().max(200),
  applicant_email: z.string().max(254).describe('contactadres; nodig om later bezwaar te maken'),
  kvk: z.string().max(16).describe('KvK-nummer (8 cijfers)'),
  agb: z.string().max(16).describe('AGB-code (8 cijfers), ook een nieuwe'),
  provider_type: ProviderType,
  city: z.string().max(100).describe('vestigingsplaats'),
  wtzi_admission: z.boolean().describe('u beschikt over een toelating WTZi'),
  kvk_registered: z.boolean().describe('u bent ingeschreven bij de Kamer van Koophandel'),
  meets_quality_and_entry_conditions: z.boolean().describe('u voldoet aan de algemene kwaliteitsvoorwaarden en instapvoorwaarden'),
  added_value: z.string().max(5000).describe('de toegevoegde waarde van uw zorgaanbod'),
});

const ReceiptBody = z.object({
  id: z.string(),
  year: z.number().int(),
  agb: z.string(),
  status: z.literal('submitted'),
  submitted_at: z.string(),
  assessment_by: z.string().describe('uiterlijke beoordelingsdatum (JJJJ-MM-DD)'),
  message: z.string(),
});

const ApplicationBody = z.object({
  id: z.string(),
  year: z.number().int(),
  policy_id: z.string(),
  organisation_name: z.string(),
  applicant_email: z.string(),
  kvk: z.string(),
  agb: z.string(),
  provider_type: ProviderType,
  city: z.string(),
  wtzi_admission: z.boolean(),
  kvk_registered: z.boolean(),
  meets_quality_and_entry_conditions: z.boolean(),
  added_value: z.string(),
  status: Status,
  submitted_at: z.string(),
  assessed_by: z.string().nullable(),
  assessed_at: z.string().nullable(),
  rejection_reasons: z.string().nullable(),
  objection_kind: z.enum(['objection', 'explanation']).nullable(),
  objection: z.string().nullable(),
  objection_at: z.string().nullable(),
  deadlines: Deadlines,
  timing: Timing.optional(),
});

const DateBody = z.object({ event: z.string(), date: z.string(), title: z.string(), source: z.string(), open: z.boolean().describe('nog op tijd op de dag van vandaag') });
const Declaration = z.enum(['wtzi_admission', 'kvk_registered', 'meets_quality_and_entry_conditions', 'added_value']);
const ConditionsBody = z.object({
  year: z.number().int(),
  policy: z.object({ id: z.string(), title: z.string() }),
  text: z.string(),
  source: z.string(),
  contact_email: z.string(),
  requirements: z.array(z.object({ id: z.string(), text: z.string(), declaration: Declaration.nullable().describe('het veld van de aanmelding dat dit verklaart') })),
  outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
  time_zone: z.string(),
  day_inclusive: z.boolean(),
  today: z.string(),
  dates: z.object({ application: DateBody, assessment: DateBody, objection: DateBody }),
});

const ApplicantViewBody = z.object({
  id: z.string(),
  year: z.number().int(),
  organisation_name: z.string(),
  agb: z.string(),
  city: z.string(),
  status: Status,
  submitted_at: z.string(),
  assessed_at: z.string().nullable(),
  rejection_reasons: z.string().nullable(),
  objection_kind: z.enum(['objection', 'explanation']).nullable(),
  objection: z.string().nullable(),
  objection_at: z.string().nullable(),
  deadlines: Deadlines,
  objection_source: z.string(),
  timing: Timing,
  objection_refused: z.string().nullable().describe('waarom bezwaar of een verzoek om toelichting nu niet kan; null als het kan'),
  contact_email: z.string(),
});

const ObjectionReceiptBody = z.object({
  id: z.string(),
  year: z.number().int(),
  agb: z.string(),
  status: z.literal('rejected'),
  objection_kind: z.enum(['objection', 'explanation']),
  objection_at: z.string(),
  message: z.string(),
});

const AssessmentBody = z.object({
  application: ApplicationBody,
  provider_created: z.boolean().nullable(),
  negotiation: z
    .object({ agb: z.string(), year: z.number().int(), price_volume: Fact, kernregio_conditions: Fact, multi_year_content: Fact.nullable(), new_provider: z.boolean() })
    .nullable(),
});

export const applicationsRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['applications'];
  const config = { rateLimit: APPLICATION_RATE_LIMIT };

  /** A PDF download, or the error as JSON. */
  const pdf = (reply: FastifyReply, result: Result<Buffer>, fileName: string) => {
    if (!result.ok) return sendError(reply, result.error);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(result.value);
  };

  app.post(
    '/api/applications',
    {
      config,
      schema: {
        tags,
        summary: 'Aanmelden als nieuwe aanbieder voor een overeenkomst (MSZ §5); openbaar, tot en met de aanmelddatum van het contractjaar',
        body: ApplicationInputBody,
        response: { 201: ReceiptBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await submitApplication({ db: opts.db, policies: opts.policies }, request.body, opts.now()), 201),
  );

  app.get(
    '/api/applications/conditions',
    {
      schema: {
        tags,
        summary: 'Voorwaarden en termijnen voor nieuwe aanbieders van een contractjaar (MSZ §5), met wat nog op tijd is; openbaar',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('contractjaar; standaard het nieuwste MSZ-beleid') }),
        response: { 200: ConditionsBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, applicationConditions(opts.policies, request.query.year, opts.now())),
  );

  app.get(
    '/api/applications',
    {
      preHandler: requireRoles('purchaser'),
      schema: { tags, summary: 'Aanmeldingen van nieuwe aanbieders van een contractjaar (zorginkoper)', querystring: YearQuery, response: { 200: z.array(ApplicationBody), ...Errors } },
    },
    async (request, reply) => sendResult(reply, await listApplications(deps(request.actor), request.query.year, opts.now())),
  );

  app.get(
    '/api/applications/:id',
    {
      preHandler: requireRoles('purchaser', 'controller'),
      schema: { tags, summary: 'Eén aanmelding met verklaringen, beoordeling, bezwaar en termijnen (medewerkers zorgverzekeraar)', params: IdParam, response: { 200: ApplicationBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await getApplication(deps(request.actor), request.params.id, opts.now())),
  );

  app.post(
    '/api/applications/:id/lookup',
    {
      config,
      schema: {
        tags,
        summary: 'De eigen aanmelding opzoeken (de aanvrager): status, redenen van een afwijzing, bezwaartermijn en of bezwaar nog kan; openbaar, met het e-mailadres van de aanmelding',
        params: IdParam,
        body: z.object({ applicant_email: z.string().max(254) }),
        response: { 200: ApplicantViewBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await lookupApplication({ db: opts.db, policies: opts.policies }, request.params.id, request.body, opts.now())),
  );

  app.post(
    '/api/applications/:id/assessment',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags,
        summary: 'Aanvraag beoordelen (zorginkoper), uiterlijk op de beoordelingsdatum: toelaten (zorgaanbieder en onderhandelingsstand "nieuwe aanbieder") of met redenen afwijzen',
        params: IdParam,
        body: z.object({ decision: z.enum(['accept', 'reject']), reasons: z.string().max(5000).optional().describe('verplicht bij afwijzen: de toelichting in de brief') }),
        response: { 200: AssessmentBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await assessApplication(deps(request.actor), request.params.id, request.body, opts.now())),
  );

  app.get(
    '/api/applications/:id/rejection-letter.pdf',
    {
      preHandler: requireRoles('purchaser', 'controller'),
      schema: { tags: ['documents'], summary: 'Gemotiveerde afwijzingsbrief met de bezwaartermijn (PDF)', params: IdParam, response: Errors },
    },
    async (request, reply) => pdf(reply, await rejectionLetterDocument(deps(request.actor), request.params.id), `afwijzing-${request.params.id}.pdf`),
  );

  app.post(
    '/api/applications/:id/objection',
    {
      config,
      schema: {
        tags,
        summary: 'Bezwaar of verzoek om toelichting over een afwijzing (MSZ §5); openbaar, met het e-mailadres van de aanmelding, tot en met de bezwaardatum',
        params: IdParam,
        body: z.object({ kind: z.enum(['objection', 'explanation']), text: z.string().max(5000), applicant_email: z.string().max(254) }),
        response: { 200: ObjectionReceiptBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await objectToRejection({ db: opts.db, policies: opts.policies }, request.params.id, request.body, opts.now())),
  );
};
