/**
 * Claims control over HTTP (MSZ §4A, §6; Regeling zorgverzekering art. 7.5-7.10): import and check
 * claims, list and summarise findings, the hearing (send, respond, decide), specific risk analyses,
 * patient-level claim detail, and the reclaim statement per provider. Handlers stay thin: each
 * calls one use case; the upload is streamed to a temporary file first. Every route here returns or
 * changes claim data, so each declares `config: { secondFactor: true }` (see `src/http/auth.ts`).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkStoredClaims } from '../../app/claims/check-claims.js';
import { claimDetail } from '../../app/claims/claim-detail.js';
import { getFinding } from '../../app/claims/findings.js';
import { findingsFor, findingsSummary, providerFinding, providerFindings } from '../../app/claims/findings-overview.js';
import { decideFinding, NOTE_MAX_LENGTH, RESPONSE_MAX_LENGTH, respondToFinding, sendFindings } from '../../app/claims/hearing.js';
import { claimImportZh309, listClaimImports } from '../../app/claims/claim-imports.js';
import { exportClaims } from '../../app/claims/export-claims.js';
import { CLAIM_FILE_FORMATS, importClaimsFile, parseClaimFileFormat } from '../../app/claims/import-claims.js';
import { reclaimStatementDocument } from '../../app/claims/reclaim-statement.js';
import { attachRiskAnalysis, createRiskAnalysis } from '../../app/claims/risk-analysis.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import { FINDING_STATUSES } from '../../domain/claims/hearing.js';
import { RULE_IDS } from '../../domain/claims/types.js';
import type { Result } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, STAFF, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, YearQuery } from '../schemas.js';

const Rule = z.enum(RULE_IDS);
const Status = z.enum(FINDING_STATUSES);
const Action = z.enum(['reject', 'reclaim', 'review']);
const Cents = z.number().int();
const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const IdParam = z.object({ id: Id.describe('nummer van de bevinding') });
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const ClaimImportBody = z.object({
  file: z.string(),
  sha256: z.string(),
  format: z.enum(CLAIM_FILE_FORMATS),
  import_id: z.number().int().nullable().describe('nummer van de import (voor het ZH309-antwoord); bij een eerder geïmporteerd bestand dat van de eerdere import'),
  accepted: z.number().int(),
  rejected: z.number().int(),
  stored: z.number().int().describe('nieuw opgeslagen regels'),
  already_stored: z.number().int(),
  duplicate_file: z.boolean().describe('dit bestand was al geïmporteerd: niets opnieuw opgeslagen'),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
  errors_truncated: z.boolean(),
});

const Format = z.enum(CLAIM_FILE_FORMATS).describe('csv (kopregel met de kolomnamen), zh308 (Vektis ZH308 v9.0) of fhir (R4 Bundle met Claims)');

const ClaimImportView = z.object({
  id: z.number().int(),
  file_name: z.string(),
  format: z.enum(CLAIM_FILE_FORMATS),
  imported_at: z.string(),
  records: z.number().int().describe('records van deze zorgaanbieder in het bestand'),
  accepted: z.number().int(),
  rejected: z.number().int(),
});

const CheckRunBody = z.object({ run_id: z.number().int(), year: z.number().int().nullable(), claims: z.number().int(), findings: z.record(z.string(), z.number().int()) });

const ReasonBody = z.object({ rule: z.string(), source: z.string(), inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), message: z.string() });

const FindingBody = z.object({
  id: z.number().int(),
  claim_id: z.string(),
  agb: z.string(),
  rule: z.string(),
  source: z.string(),
  amount_at_stake_cents: Cents,
  action: Action,
  related_claim_ids: z.array(z.string()),
  status: Status,
  response_due: z.string().nullable(),
  provider_response: z.string().nullable(),
  reason: ReasonBody,
});

const FindingDetailBody = FindingBody.extend({
  created_at: z.string(),
  responded_at: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decision_note: z.string().nullable(),
  risk_analysis_id: z.number().int().nullable(),
});

const FindingsQuery = z.object({
  rule: Rule.optional(),
  agb: z.string().max(16).optional(),
  status: Status.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

const HearingBody = z.object({
  id: z.number().int(),
  claim_id: z.string(),
  agb: z.string(),
  rule: z.string(),
  source: z.string(),
  action: Action,
  upheld_outcome: z.enum(['reject', 'reclaim']).nullable().describe('wat handhaven betekent: afwijzen, terugvorderen, of niets financieels'),
  amount_at_stake_cents: Cents,
  status: Status,
  response_due: z.string().nullable().describe('laatste dag om te reageren (JJJJ-MM-DD)'),
  provider_response: z.string().nullable(),
  responded_at: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decision_note: z.string().nullable(),
  risk_analysis_id: z.number().int().nullable(),
});

const Tally = z.object({ findings: z.number().int(), amount_at_stake_cents: Cents });
const ByStatus = z.record(z.string(), z.number().int());
const SummaryBody = z.object({
  year: z.number().int().nullable(),
  total: Tally.extend({ by_status: ByStatus }),
  by_rule: z.array(Tally.extend({ rule: z.string(), by_status: ByStatus })),
  by_provider: z.array(Tally.extend({ agb: z.string(), name: z.string().nullable(), by_status: ByStatus, by_rule: z.record(z.string(), Tally) })),
});

const ClaimLineBody = z.object({
  claim_id: z.string(),
  agb: z.string(),
  uzovi: z.string(),
  bsn: z.string().describe('volledig bij detailcontrole, gemaskeerd voor een zorgaanbieder'),
  care_type: z.enum(['11', '21']),
  specialism: z.string(),
  diagnosis: z.string().nullable(),
  product_code: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  amount_cents: Cents,
  zi_number: z.string().nullable(),
  units: z.string().nullable(),
});

const ClaimDetailBody = z.object({
  access: z.enum(['detail-control', 'own-provider']),
  finding: HearingBody,
  risk_analysis: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  claim: ClaimLineBody,
  related_claims: z.array(ClaimLineBody.extend({ related: z.boolean() })),
  related_truncated: z.boolean(),
});

const SendBody = z.object({ agb: z.string(), sent: z.number().int(), finding_ids: z.array(z.number().int()), response_due: z.string().nullable(), response_working_days: z.number().int() });

const RiskAnalysisBody = z.object({
  id: z.number().int(),
  title: z.string(),
  rationale: z.string(),
  rules: z.array(z.string()),
  agb: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
});

export const claimsRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['claims'];

  /** A document download: the bytes with their type and file name, or the error as JSON. */
  const download = (reply: FastifyReply, result: Result<Buffer>, type: string, fileName: string) => {
    if (!result.ok) return sendError(reply, result.error);
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).send(result.value);
  };

  app.post(
    '/api/claims/import',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller'),
      schema: {
        tags,
        summary: 'Declaratiebestand importeren (veld "file"; formaat in ?format= of in een veld "format" vóór het bestand: csv, zh308 of fhir); per record geaccepteerd of afgewezen met regel, veld en code',
        consumes: ['multipart/form-data'],
        querystring: z.object({ format: Format.optional() }),
        response: { 200: ClaimImportBody, ...Errors },
      },
    },
    async (request, reply) => {
      const file = await request.file().catch(() => undefined);
      if (!file) return sendError(reply, { code: 'invalid_input', message: 'Stuur een bestand mee in het veld "file".', issues: [{ field: 'file', message: 'Bestand ontbreekt.' }] });
      const field = file.fields.format;
      const formField = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
      const format = parseClaimFileFormat(request.query.format ?? formField);
      if (!format.ok) return sendError(reply, format.error);
      const dir = await mkdtemp(path.join(tmpdir(), 'zorginkoop-claims-'));
      try {
        const target = path.join(dir, 'upload');
        await pipeline(file.file, createWriteStream(target));
        if (file.file.truncated) return sendError(reply, { code: 'invalid_input', message: 'Het bestand is te groot (meer dan 50 MB); splits het op.', issues: [{ field: 'file', message: 'Te groot.' }] });
        const name = path.basename(file.filename || 'declaraties.csv').slice(0, 200);
        return sendResult(reply, await importClaimsFile(deps(request.actor), { path: target, name, format: format.value }));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.post(
    '/api/claims/check',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller'),
      schema: { tags, summary: 'Alle controles uitvoeren op de opgeslagen declaraties (van een jaar) en de bevindingen bewaren', body: z.object({ year: z.number().int().min(2000).max(2100).optional() }).optional(), response: { 200: CheckRunBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await checkStoredClaims(deps(request.actor), { year: request.body?.year })),
  );

  app.get(
    '/api/claims/findings',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Bevindingen (medewerkers: alle; zorgaanbieder: eigen bevindingen zodra voorgelegd). Zonder patiëntgegevens',
        querystring: FindingsQuery,
        response: { 200: z.array(FindingBody), ...Errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return sendResult(reply, await findingsFor(deps(request.actor), { ...(q.rule ? { rule: q.rule } : {}), ...(q.agb ? { agb: q.agb } : {}), ...(q.status ? { status: q.status } : {}), limit: q.limit, offset: q.offset }));
    },
  );

  app.get(
    '/api/claims/findings/summary',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...STAFF),
      schema: { tags, summary: 'Overzicht van bevindingen: aantallen en bedragen in geding per regel en per zorgaanbieder', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: SummaryBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await findingsSummary(deps(request.actor), request.query.year)),
  );

  app.get(
    '/api/claims/findings/:id',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Eén bevinding met haar verloop (verzonden, reactie, besluit, risicoanalyse); geen patiëntgegevens',
        params: IdParam,
        response: { 200: FindingDetailBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await getFinding(deps(request.actor), request.params.id)),
  );

  // The same, provider-scoped: the provider's AGB in the path (a provider user only its own; refusals audited).
  app.get(
    '/api/providers/:agb/findings',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Bevindingen van één zorgaanbieder (de zorgaanbieder zelf: zodra voorgelegd). Zonder patiëntgegevens',
        params: AgbParam,
        querystring: FindingsQuery.omit({ agb: true }),
        response: { 200: z.array(FindingBody), ...Errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return sendResult(reply, await providerFindings(deps(request.actor), request.params.agb, { ...(q.rule ? { rule: q.rule } : {}), ...(q.status ? { status: q.status } : {}), limit: q.limit, offset: q.offset }));
    },
  );

  app.get(
    '/api/providers/:agb/findings/:id',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Eén bevinding van deze zorgaanbieder met haar verloop; geen patiëntgegevens', params: AgbParam.extend({ id: Id }), response: { 200: FindingDetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await providerFinding(deps(request.actor), request.params.agb, request.params.id)),
  );

  app.get(
    '/api/claims/findings/:id/detail',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'De declaratie achter een bevinding op patiëntniveau: alleen controller of medisch adviseur, alleen na een specifieke risicoanalyse (Regeling zorgverzekering art. 7.8); een zorgaanbieder ziet zijn eigen regel met gemaskeerd BSN. Elke inzage wordt gelogd',
        params: IdParam,
        querystring: z.object({ purpose: z.string().max(200).optional().describe('doel van de inzage, voor het auditlog') }),
        response: { 200: ClaimDetailBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await claimDetail(deps(request.actor), request.params.id, request.query.purpose, opts.now())),
  );

  app.post(
    '/api/claims/findings/send',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller'),
      schema: {
        tags,
        summary: 'Open bevindingen aan de zorgaanbieder voorleggen (hoor en wederhoor), met een reactietermijn in werkdagen',
        body: z.object({ agb: z.string().max(16), rule: Rule.optional(), finding_ids: z.array(z.number().int().positive()).min(1).max(10_000).optional() }),
        response: { 200: SendBody, ...Errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      return sendResult(reply, await sendFindings(deps(request.actor), { agb: b.agb, ...(b.rule ? { rule: b.rule } : {}), ...(b.finding_ids ? { findingIds: b.finding_ids } : {}) }, opts.now()));
    },
  );

  app.post(
    '/api/providers/:agb/findings/:id/response',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('provider'),
      schema: {
        tags,
        summary: 'Reactie van de zorgaanbieder op een voorgelegde bevinding, binnen de termijn',
        params: AgbParam.extend({ id: Id }),
        body: z.object({ response: z.string().min(1).max(RESPONSE_MAX_LENGTH) }),
        response: { 200: HearingBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await respondToFinding(deps(request.actor), request.params.id, request.body.response, opts.now(), { agb: request.params.agb })),
  );

  app.post(
    '/api/claims/findings/:id/decision',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller', 'medical-adviser'),
      schema: {
        tags,
        summary: 'Besluit over een bevinding: handhaven (een terugvordering pas na reactie of termijn) of intrekken',
        params: IdParam,
        body: z.object({ decision: z.enum(['uphold', 'withdraw']), note: z.string().min(3).max(NOTE_MAX_LENGTH) }),
        response: { 200: HearingBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await decideFinding(deps(request.actor), request.params.id, request.body, opts.now())),
  );

  app.post(
    '/api/claims/risk-analyses',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller', 'medical-adviser'),
      schema: {
        tags,
        summary: 'Specifieke risicoanalyse vastleggen (Regeling zorgverzekering art. 7.8): waarom detailcontrole op patiëntniveau nodig is',
        body: z.object({ title: z.string().max(200), rationale: z.string().max(10_000), rules: z.array(Rule).max(RULE_IDS.length).optional(), agb: z.string().max(16).nullable().optional() }),
        response: { 201: RiskAnalysisBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await createRiskAnalysis(deps(request.actor), request.body), 201),
  );

  app.post(
    '/api/claims/risk-analyses/:id/findings',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller', 'medical-adviser'),
      schema: {
        tags,
        summary: 'Bevindingen aan een risicoanalyse koppelen (alleen binnen haar zorgaanbieder en regels)',
        params: z.object({ id: Id.describe('nummer van de risicoanalyse') }),
        body: z.object({ finding_ids: z.array(z.number().int().positive()).min(1).max(10_000) }),
        response: { 200: z.object({ analysis_id: z.number().int(), attached: z.number().int(), finding_ids: z.array(z.number().int()) }), ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await attachRiskAnalysis(deps(request.actor), request.params.id, request.body.finding_ids)),
  );

  const statementSchema = { tags: ['documents'], params: AgbParam, querystring: YearQuery, response: Errors };
  app.get(
    '/api/providers/:agb/reclaim-statement.pdf',
    { config: { secondFactor: true }, preHandler: requireRoles(...ANY_USER), schema: { ...statementSchema, summary: 'Overzicht terugvorderingen en afwijzingen na controle (PDF)' } },
    async (request, reply) =>
      download(reply, await reclaimStatementDocument(deps(request.actor), request.params.agb, request.query.year, opts.now(), 'pdf'), 'application/pdf', `terugvordering-${request.params.agb}-${request.query.year}.pdf`),
  );
  app.get(
    '/api/providers/:agb/reclaim-statement.xlsx',
    { config: { secondFactor: true }, preHandler: requireRoles(...ANY_USER), schema: { ...statementSchema, summary: 'Overzicht terugvorderingen en afwijzingen na controle (Excel)' } },
    async (request, reply) =>
      download(
        reply,
        await reclaimStatementDocument(deps(request.actor), request.params.agb, request.query.year, opts.now(), 'xlsx'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `terugvordering-${request.params.agb}-${request.query.year}.xlsx`,
      ),
  );

  app.get(
    '/api/claims/export',
    {
      config: { secondFactor: true },
      preHandler: requireRoles('controller'),
      schema: {
        tags,
        summary: 'De opgeslagen declaraties als bestand: csv, zh308 (één zorgaanbieder: agb) of fhir (Bundle met Claims); elk importeert weer tot dezelfde declaraties',
        querystring: z.object({ format: Format.default('csv'), agb: z.string().max(16).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: Errors,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await exportClaims({ db: opts.db, actor: request.actor, now: opts.now() }, { format: q.format, ...(q.agb ? { agb: q.agb } : {}), ...(q.year ? { year: q.year } : {}) });
      if (!result.ok) return sendError(reply, result.error);
      return download(reply, { ok: true, value: result.value.content }, result.value.contentType, result.value.fileName);
    },
  );

  app.get(
    '/api/providers/:agb/claim-imports',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Geïmporteerde declaratiebestanden met records van deze zorgaanbieder, met aantallen geaccepteerd en afgewezen (een zorgaanbieder: alleen de eigen)', params: AgbParam, response: { 200: z.array(ClaimImportView), ...Errors } },
    },
    async (request, reply) => sendResult(reply, await listClaimImports(deps(request.actor), request.params.agb)),
  );

  app.get(
    '/api/providers/:agb/claim-imports/:id/zh309',
    {
      config: { secondFactor: true },
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'ZH309-antwoord (Vektis retourinformatie) op een geïmporteerd bestand: per record van deze zorgaanbieder de status en retourcodes, in vaste recordlengte (ISO-8859-1)',
        params: AgbParam.extend({ id: Id.describe('nummer van de import') }),
        response: Errors,
      },
    },
    async (request, reply) => {
      const result = await claimImportZh309(deps(request.actor), request.params.id, request.params.agb);
      return download(reply, result.ok ? { ok: true, value: result.value.content } : result, 'text/plain; charset=iso-8859-1', result.ok ? result.value.fileName : 'zh309.txt');
    },
  );
};
