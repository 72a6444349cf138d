/** Ceiling early warnings over HTTP (MSZ §4): a provider reports, purchasers see them with the providers that have room. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleCeilingWarning } from '../../app/ceiling-warnings/handle-warning.js';
import { ceilingWarningsOverview, providerCeilingWarnings } from '../../app/ceiling-warnings/list-warnings.js';
import { reportCeilingWarning } from '../../app/ceiling-warnings/report-warning.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireRoles } from '../auth.js';
import { sendResult } from '../reply.js';
import { AgbParam, ErrorBody, YearQuery } from '../schemas.js';

const Explained = z.record(z.string(), z.unknown());
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const ceilingWarningRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies, now: opts.now() });
  const tags = ['ceiling-warnings'];

  app.post(
    '/api/providers/:agb/ceiling-warnings',
    {
      preHandler: requireRoles('provider'),
      schema: {
        tags,
        summary: 'Dreigende plafondoverschrijding melden (zorgaanbieder, eigen AGB; MSZ §4)',
        params: AgbParam,
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          expected_revenue_cents: z.number().int().describe('verwachte omzet in het jaar, in centen'),
          specialisms: z.array(z.string().max(8)).max(40).describe('Vektis-specialismecodes (4 cijfers) waarvoor de overschrijding dreigt'),
          explanation: z.string().max(5000),
        }),
        response: { 201: Explained, ...Errors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      return sendResult(
        reply,
        await reportCeilingWarning(deps(request.actor), request.params.agb, { year: b.year, expectedRevenueCents: b.expected_revenue_cents, specialisms: b.specialisms, explanation: b.explanation }),
        201,
      );
    },
  );

  app.get(
    '/api/providers/:agb/ceiling-warnings',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Plafondmeldingen van één zorgaanbieder', params: AgbParam, querystring: YearQuery, response: { 200: Explained, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await providerCeilingWarnings(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/monitoring/ceiling-warnings',
    {
      preHandler: requireRoles('purchaser', 'controller'),
      schema: {
        tags,
        summary: 'Alle plafondmeldingen van een jaar met plafond, verwachting, overschrijding en de aanbieders met ruimte voor dezelfde zorg',
        querystring: YearQuery.extend({ status: z.string().max(20).optional(), as_of: z.string().max(10).optional() }),
        response: { 200: Explained, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await ceilingWarningsOverview(deps(request.actor), { year: request.query.year, status: request.query.status, asOf: request.query.as_of })),
  );

  app.post(
    '/api/monitoring/ceiling-warnings/:id/acknowledge',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags,
        summary: 'Plafondmelding in behandeling nemen of afsluiten (close: true), met een notitie',
        params: z.object({ id: z.string().max(20) }),
        body: z.object({ note: z.string().max(2000), close: z.boolean().optional() }),
        response: { 200: Explained, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await handleCeilingWarning(deps(request.actor), request.params.id, { note: request.body.note, close: request.body.close })),
  );
};
