/** Purchasing engine over HTTP: negotiation, agreement decision, proposal, settlement, add-on, ceilings. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/auth/actor.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import { addonFor, eligibilityFor, parseEligibilityInput } from '../../app/purchasing/addon.js';
import { ceilingMonitor } from '../../app/purchasing/ceiling-monitor.js';
import { paymentCurveChart, priceList, proposalLetter, settlementStatement, settlementStatementPdf } from '../../app/purchasing/documents.js';
import { getNegotiation, setNegotiation } from '../../app/purchasing/negotiation.js';
import { proposalFor } from '../../app/purchasing/proposal.js';
import { decideAgreementFor } from '../../app/purchasing/provider-year.js';
import { settlementFor, simulateSettlement } from '../../app/purchasing/settlement.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, STAFF, requireRoles } from '../auth.js';
import type { FastifyReply } from 'fastify';
import type { Result } from '../../domain/errors.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, YearText } from '../schemas.js';

const Fact = z.enum(['agreed', 'rejected', 'open']);
const YearQuery = (defaultYear: number) => z.object({ year: YearText.default(defaultYear) });
const Share = z.string().max(12).regex(/^\d+(\.\d+)?$/, 'een aandeel als decimaal getal, bijvoorbeeld 0.5');
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The explained shapes are documented loosely: their fields are listed in ARCHITECTURE.md and src/domain/explain.ts. */
const Explained = z.record(z.string(), z.unknown());

export const purchasingRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['purchasing'];

  /** A document download: the bytes with their type and file name, or the error as JSON. */
  const download = (reply: FastifyReply, result: Result<Buffer | string>, type: string, fileName: string | null) => {
    if (!result.ok) return sendError(reply, result.error);
    reply.header('content-type', type);
    if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return reply.send(result.value);
  };
  const documentRoute = { preHandler: requireRoles(...ANY_USER), schema: { tags: ['documents'], params: AgbParam, querystring: YearQuery(2018), response: { 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } };

  app.get('/api/providers/:agb/proposal.pdf', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Voorstelbrief financiële afspraak (PDF)' } }, async (request, reply) =>
    download(reply, await proposalLetter(deps(request.actor), request.params.agb, request.query.year, opts.now()), 'application/pdf', `voorstel-${request.params.agb}-${request.query.year}.pdf`),
  );
  app.get('/api/providers/:agb/price-list.xlsx', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Prijslijst (Excel)' } }, async (request, reply) =>
    download(reply, await priceList(deps(request.actor), request.params.agb, request.query.year, opts.now(), 'xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `prijslijst-${request.params.agb}-${request.query.year}.xlsx`),
  );
  app.get('/api/providers/:agb/price-list.csv', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Prijslijst (CSV, puntkomma, decimale komma)' } }, async (request, reply) =>
    download(reply, await priceList(deps(request.actor), request.params.agb, request.query.year, opts.now(), 'csv'), 'text/csv; charset=utf-8', `prijslijst-${request.params.agb}-${request.query.year}.csv`),
  );
  app.get('/api/providers/:agb/settlement.pdf', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Afrekening (PDF met Fig. 1)' } }, async (request, reply) =>
    download(reply, await settlementStatementPdf(deps(request.actor), request.params.agb, request.query.year, opts.now()), 'application/pdf', `afrekening-${request.params.agb}-${request.query.year}.pdf`),
  );
  app.get('/api/providers/:agb/settlement-statement', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Afrekening als document (JSON, zelfde inhoud als de PDF)' } }, async (request, reply) =>
    sendResult(reply, await settlementStatement(deps(request.actor), request.params.agb, request.query.year, opts.now())),
  );
  app.get('/api/providers/:agb/payment-curve.svg', { ...documentRoute, schema: { ...documentRoute.schema, summary: 'Fig. 1: betaling tegen realisatie (SVG)' } }, async (request, reply) =>
    download(reply, await paymentCurveChart(deps(request.actor), request.params.agb, request.query.year), 'image/svg+xml; charset=utf-8', null),
  );

  app.get(
    '/api/providers/:agb/negotiation',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Onderhandelingsstand (MSZ §2)', params: AgbParam, querystring: YearQuery(2018), response: { 403: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => sendResult(reply, await getNegotiation(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.put(
    '/api/providers/:agb/negotiation',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags,
        summary: 'Onderhandelingsstand vastleggen (zorginkoper)',
        params: AgbParam,
        body: z.object({ year: z.number().int().min(2000).max(2100), price_volume: Fact.optional(), kernregio_conditions: Fact.optional(), multi_year_content: Fact.nullable().optional(), new_provider: z.boolean().optional() }),
        response: { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const b = request.body;
      return sendResult(
        reply,
        await setNegotiation(deps(request.actor), request.params.agb, b.year, {
          ...(b.price_volume ? { priceVolume: b.price_volume } : {}),
          ...(b.kernregio_conditions ? { kernregioConditions: b.kernregio_conditions } : {}),
          ...(b.multi_year_content !== undefined ? { multiYearContent: b.multi_year_content } : {}),
          ...(b.new_provider !== undefined ? { newProvider: b.new_provider } : {}),
        }),
      );
    },
  );

  app.get(
    '/api/providers/:agb/agreement',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Afspraaksoort met redenen (MSZ §2)', params: AgbParam, querystring: YearQuery(2018), response: { 200: Explained, 403: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => sendResult(reply, await decideAgreementFor(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/providers/:agb/proposal',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Prijs- en volumevoorstel en financiële afspraak (MSZ §3, §4)', params: AgbParam, querystring: YearQuery(2018), response: { 200: Explained, 403: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => sendResult(reply, await proposalFor(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/providers/:agb/settlement',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Afrekening met Fig. 1-curve (MSZ §2, §4)', params: AgbParam, querystring: YearQuery(2018), response: { 200: Explained, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => sendResult(reply, await settlementFor(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.post(
    '/api/settlement/simulate',
    {
      preHandler: requireRoles(...STAFF),
      schema: {
        tags,
        summary: 'Afrekening doorrekenen zonder aanbieder',
        body: z.object({ year: z.number().int().optional(), type: z.enum(['transitie', 'plafond']), target_cents: Cents, realised_cents: Cents, excluded_cents: Cents.optional(), under_share: Share.optional(), growth_share: Share.optional() }),
        response: { 200: Explained, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const b = request.body;
      return sendResult(
        reply,
        simulateSettlement(opts.policies, {
          ...(b.year !== undefined ? { year: b.year } : {}),
          type: b.type,
          targetCents: b.target_cents,
          realisedCents: b.realised_cents,
          ...(b.excluded_cents !== undefined ? { excludedCents: b.excluded_cents } : {}),
          ...(b.under_share !== undefined ? { underShare: b.under_share } : {}),
          ...(b.growth_share !== undefined ? { growthShare: b.growth_share } : {}),
        }),
      );
    },
  );

  app.post(
    '/api/addon/eligibility',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Nacalculatie-toets add-on geneesmiddelen (ADD §5)',
        body: z.object({ year: z.number().int().default(2022), expected_revenue_eur: z.string().max(20), q2_figures: z.string().max(20), efficiency: z.string().max(20) }),
        response: { 200: Explained, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const input = parseEligibilityInput({ expectedRevenueEur: request.body.expected_revenue_eur, q2Figures: request.body.q2_figures, efficiency: request.body.efficiency });
      return sendResult(reply, input.ok ? eligibilityFor(opts.policies, request.body.year, input.value) : input);
    },
  );

  app.get(
    '/api/providers/:agb/addon',
    { preHandler: requireRoles(...ANY_USER), schema: { tags, summary: 'Financiële deelafspraak add-on, nacalculatie-toets en nacalculatie per cluster', params: AgbParam, querystring: YearQuery(2022), response: { 200: Explained, 403: ErrorBody } } },
    async (request, reply) => sendResult(reply, await addonFor(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/monitoring/ceilings',
    {
      preHandler: requireRoles('purchaser', 'controller'),
      schema: { tags, summary: 'Plafondmonitor: prognose en vroegtijdige waarschuwing (MSZ §4)', querystring: YearQuery(2018).extend({ as_of: z.string().max(10).optional() }), response: { 200: Explained, 400: ErrorBody } },
    },
    async (request, reply) => sendResult(reply, await ceilingMonitor(deps(request.actor), request.query.year, request.query.as_of ?? `${request.query.year}-09-30`)),
  );
};
