/**
 * FHIR R4 over HTTP (media type `application/fhir+json`; `application/json` is accepted too):
 * - `POST /api/fhir/Bundle`: a Bundle (batch or collection) of Claims into the claims pipeline,
 *   answered with a Bundle of ClaimResponses (controller; claim data, so a second factor).
 * - `GET /api/fhir/Organization` (searchset, `identifier` parameter) and `/api/fhir/Organization/:agb`.
 * - `GET /api/providers/:agb/fhir/Contract` and `.../ChargeItemDefinition` (`year`, default 2018):
 *   provider-scoped, a provider user only its own AGB.
 * Every failure, including authentication and a malformed request, is an OperationOutcome with
 * the HTTP status of the error table and the element path in `expression`. Handlers stay thin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exchangeFhirClaims } from '../../app/claims/fhir-exchange.js';
import { chargeItemDefinitionSearch, contractSearch, organizationRead, organizationSearch } from '../../app/fhir/exports.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import type { Result } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireRoles } from '../auth.js';
import { FHIR_JSON, sendError } from '../reply.js';
import { AgbParam, YearQuery } from '../schemas.js';

/** Largest Bundle accepted in one request (JSON text; about 10,000 Claims). */
export const FHIR_BUNDLE_LIMIT = 20 * 1024 * 1024;

/** A FHIR resource in the OpenAPI document: its fields are defined by FHIR R4, not repeated here. */
const Resource = z.record(z.string(), z.unknown()).describe('FHIR R4-resource (application/fhir+json)');
const Outcomes = { 400: Resource, 401: Resource, 403: Resource, 404: Resource };

function sendFhir<T>(reply: FastifyReply, result: Result<T>) {
  return result.ok ? reply.status(200).type(FHIR_JSON).send(result.value) : sendError(reply, result.error);
}

/** The absolute URL the FHIR resources of this request hang under. */
const baseOf = (request: FastifyRequest, path: string) => `${request.protocol}://${request.host}${path}`;

export const fhirRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['fhir'];

  // Every error of these routes, from the door's hooks too (log-in, second factor, roles), is an OperationOutcome.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), errorBody: 'fhir' };
  });

  // In this plugin only: JSON bodies stay text, so the Bundle reader reports JSON errors itself.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(['application/fhir+json', 'application/json'], { parseAs: 'string', bodyLimit: FHIR_BUNDLE_LIMIT }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, {
        code: 'invalid_input',
        message: 'Ongeldige invoer.',
        issues: error.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'request', message: v.message ?? 'ongeldig' })),
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return sendError(reply, { code: 'invalid_input', message: `De Bundle is te groot (meer dan ${FHIR_BUNDLE_LIMIT / 1024 / 1024} MB); splits hem op.` });
    if (status === 415) return sendError(reply, { code: 'invalid_input', message: 'Stuur de Bundle als application/fhir+json.' });
    if (status === 429) return sendError(reply, { code: 'rate_limited', message: 'Te veel verzoeken; probeer het later opnieuw.' });
    if (status !== undefined && status >= 400 && status < 500) return sendError(reply, { code: 'invalid_input', message: 'Ongeldig verzoek.' });
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, { code: 'internal', message: 'Er ging iets mis aan onze kant.' });
  });

  app.post(
    '/api/fhir/Bundle',
    {
      config: { secondFactor: true },
      bodyLimit: FHIR_BUNDLE_LIMIT,
      preHandler: requireRoles('controller'),
      schema: {
        tags,
        summary: 'Declaraties als FHIR R4 Bundle (batch of collection) van Claims insturen; antwoord: Bundle met per Claim een ClaimResponse (afgewezen met retourcodes, of geaccepteerd met de bevindingen van de controle als adjudication)',
        consumes: ['application/fhir+json', 'application/json'],
        body: z.string().describe('FHIR R4 Bundle met Claims (JSON)'),
        response: { 200: Resource, ...Outcomes },
      },
    },
    async (request, reply) => {
      const now = opts.now();
      const result = await exchangeFhirClaims({ ...deps(request.actor), now }, { name: `fhir-bundle-${now.toISOString()}.json`, text: request.body });
      return sendFhir(reply, result.ok ? { ok: true, value: result.value.bundle } : result);
    },
  );

  app.get(
    '/api/fhir/Organization',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Zorgaanbieders als FHIR Organization (searchset; AGB-code als identifier); een aanbieder ziet alleen zichzelf',
        querystring: z.object({ identifier: z.string().max(200).optional().describe('system|value, bijvoorbeeld http://fhir.nl/fhir/NamingSystem/agb-z|06010001') }),
        response: { 200: Resource, ...Outcomes },
      },
    },
    async (request, reply) =>
      sendFhir(reply, await organizationSearch(deps(request.actor), { base: baseOf(request, '/api/fhir'), ...(request.query.identifier !== undefined ? { identifier: request.query.identifier } : {}) })),
  );

  app.get(
    '/api/fhir/Organization/:agb',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Eén zorgaanbieder als FHIR Organization', params: AgbParam, response: { 200: Resource, ...Outcomes } } },
    async (request, reply) => sendFhir(reply, await organizationRead(deps(request.actor), request.params.agb)),
  );

  app.get(
    '/api/providers/:agb/fhir/Contract',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'De afspraak van het jaar als FHIR Contract (afspraaksoort, looptijd, richtpunt of plafond, redenen met beleidsbron)', params: AgbParam, querystring: YearQuery, response: { 200: Resource, ...Outcomes } },
    },
    async (request, reply) => sendFhir(reply, await contractSearch(deps(request.actor), request.params.agb, request.query.year, { base: baseOf(request, `/api/providers/${encodeURIComponent(request.params.agb)}/fhir`) })),
  );

  app.get(
    '/api/providers/:agb/fhir/ChargeItemDefinition',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'De prijslijst van het jaar als FHIR ChargeItemDefinition, één per zorgproduct (standaardprijs + opslag = prijs)', params: AgbParam, querystring: YearQuery, response: { 200: Resource, ...Outcomes } },
    },
    async (request, reply) =>
      sendFhir(reply, await chargeItemDefinitionSearch(deps(request.actor), request.params.agb, request.query.year, { base: baseOf(request, `/api/providers/${encodeURIComponent(request.params.agb)}/fhir`) })),
  );
};
