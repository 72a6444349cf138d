/**
 * Mirror information over HTTP (ADD §8): a provider's indicators against its peers, and the staff
 * overview. The response schemas list every field, so nothing beyond the report leaves the server.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/auth/actor.js';
import { MIRROR_SIGNALS, MIRROR_TOPICS, type MirrorTopicId } from '../../domain/mirror/index.js';
import { mirrorOverview, mirrorReportFor, mirrorReportPdfFor } from '../../app/claims/mirror.js';
import { documentDate } from '../../app/purchasing/documents.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, STAFF, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, YearQuery } from '../schemas.js';

const Decimal = z.string().describe('decimaal getal als tekst');
const Signal = z.enum(MIRROR_SIGNALS);
const Topic = z.enum(MIRROR_TOPICS.map((t) => t.id) as [MirrorTopicId, ...MirrorTopicId[]]);
const ProviderType = z.enum(['ziekenhuis', 'umc', 'zbc', 'categoraal']);

const ReasonBody = z.object({
  rule: z.string(),
  source: z.string(),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  message: z.string(),
});

const MirrorIndicatorBody = z.object({
  id: z.string().describe('indicator, bijvoorbeeld follow-up-share of finding-share.duplicate'),
  topic: Topic.describe('onderwerp uit ADD §8'),
  label: z.string(),
  value: Decimal.describe('eigen waarde: aandeel 0..1, per patiënt, of centen'),
  unit: z.enum(['share', 'per-patient', 'cents']),
  specialism: z.string().optional(),
  peers: z.number().int().describe('aantal vergelijkbare aanbieders in de verdeling'),
  percentiles: z.object({ p10: Decimal, p25: Decimal, p50: Decimal, p75: Decimal, p90: Decimal }),
  rank: Decimal.describe('percentielrang 0..1 (mid-rank)'),
  signal: Signal,
  reason: ReasonBody,
});

export const MirrorReportBody = z.object({
  agb: z.string(),
  year: z.number().int(),
  peer_group: z.object({ type: ProviderType, providers: z.number().int(), min_patients: z.number().int(), min_peers: z.number().int() }),
  own: z.object({ patients: z.number().int(), meets_minimum: z.boolean() }),
  method: z.object({ percentiles: z.literal('linear-interpolation'), rank: z.literal('mid-rank') }),
  indicators: z.array(MirrorIndicatorBody),
  omitted: z.array(z.object({ id: z.string(), specialism: z.string().optional(), label: z.string(), reason: z.string() })),
  notice: ReasonBody,
});

export const MirrorOverviewBody = z.object({
  year: z.number().int(),
  settings: z.object({ minPatients: z.number().int(), minSpecialismPatients: z.number().int(), minPeers: z.number().int() }),
  providers: z.array(
    z.object({
      agb: z.string(),
      name: z.string().nullable(),
      type: ProviderType,
      patients: z.number().int(),
      peers: z.number().int(),
      signals: z.object({ 'above-p90': z.number().int(), 'above-p75': z.number().int(), normal: z.number().int(), 'below-p25': z.number().int() }),
      attention: z.array(
        z.object({ id: z.string(), specialism: z.string().optional(), topic: Topic, label: z.string(), signal: Signal, value: Decimal, p75: Decimal, p90: Decimal, rank: Decimal }),
      ),
    }),
  ),
  below_minimum: z.number().int(),
});

export const mirrorRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['claims'];

  app.get(
    '/api/providers/:agb/mirror',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Spiegelinformatie: indicatoren van de aanbieder tegenover vergelijkbare aanbieders (ADD §8); een aanbieder ziet alleen zichzelf',
        params: AgbParam,
        querystring: YearQuery,
        response: { 200: MirrorReportBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => sendResult(reply, await mirrorReportFor(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/providers/:agb/mirror.pdf',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Spiegelinformatie als PDF (ADD §8)', params: AgbParam, querystring: YearQuery, response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
    },
    async (request, reply) => {
      const pdf = await mirrorReportPdfFor(deps(request.actor), request.params.agb, request.query.year, documentDate(opts.now()));
      if (!pdf.ok) return sendError(reply, pdf.error);
      const raw = reply as FastifyReply;
      raw.header('content-type', 'application/pdf');
      raw.header('content-disposition', `attachment; filename="spiegelinformatie-${request.params.agb}-${request.query.year}.pdf"`);
      return raw.send(pdf.value);
    },
  );

  app.get(
    '/api/mirror',
    {
      preHandler: requireRoles(...STAFF),
      schema: {
        tags,
        summary: 'Spiegelinformatie van alle zorgaanbieders: signalen per aanbieder (medewerkers)',
        querystring: YearQuery,
        response: { 200: MirrorOverviewBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => sendResult(reply, await mirrorOverview(deps(request.actor), request.query.year)),
  );
};
