/**
 * The public transparency API (MSZ §1, §5): the price finder, the list of contracted providers and
 * the open price file with its JSON Schema. No log-in; rate-limited per IP address and per endpoint;
 * every input has a length limit; errors carry a Dutch message and never a stack trace or an
 * internal id. Coordinates come from GeoNames (CC BY 4.0): answers that use them credit it.
 *
 * Rules (publication date, what "contracted" means, caching for 60 s): src/app/public/publication.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PolicyCatalogue } from '../../app/policies.js';
import { PUBLIC_GEO_ATTRIBUTION, priceFileFor } from '../../app/public/price-file.js';
import { priceHitsJson, searchPrices } from '../../app/public/price-finder.js';
import { amsterdamDate, createPublicationCache, isPublic } from '../../app/public/publication.js';
import type { Database } from '../../storage/database.js';
import { repoRoot } from '../../storage/paths.js';
import { sendError } from '../reply.js';
import { ErrorBody, YearText } from '../schemas.js';

export interface PublicRateLimit {
  /** Requests per IP address per endpoint within the window. */
  max: number;
  timeWindowMs: number;
}

export const DEFAULT_PUBLIC_RATE_LIMIT: PublicRateLimit = { max: 300, timeWindowMs: 60_000 };

/**
 * The limit from `ZORGINKOOP_PUBLIC_RATE_LIMIT` (requests per minute per IP and endpoint), else
 * 300. Operators raise it behind a trusted proxy or for a load test (`npm run bench:api`).
 */
export function publicRateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): PublicRateLimit {
  const raw = env.ZORGINKOOP_PUBLIC_RATE_LIMIT;
  const max = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(max) && max > 0 ? { max, timeWindowMs: 60_000 } : DEFAULT_PUBLIC_RATE_LIMIT;
}

const Year = YearText.default(2018).describe('contractjaar');
const Insurer = z.enum(['zk', 'de-friesland']);
const ProviderType = z.enum(['ziekenhuis', 'umc', 'zbc', 'categoraal']);

const PricesQuery = z.object({
  q: z.string().trim().min(1).max(100).describe('behandeling: (deel van de) naam of zorgproductcode'),
  near: z.string().trim().min(1).max(100).describe('plaatsnaam of postcodegebied van 4 cijfers'),
  year: Year,
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('hoogstens zoveel aanbieders'),
});

const PriceHitBody = z.object({
  agb: z.string(),
  name: z.string(),
  city: z.string(),
  type: ProviderType,
  distance_km: z.number().describe('hemelsbreed, op 0,1 km'),
  price_cents: z.number().int().describe('prijs van het zorgproduct in centen'),
  contracted: z.boolean(),
  product_code: z.string(),
  product_name: z.string(),
  budget_policy: z.boolean().describe('geselecteerd voor de budgetpolissen (MSZ §2)'),
  insurer: Insurer.describe('zorgverzekeraar die deze zorg inkoopt (MSZ §1)'),
  latitude: z.number(),
  longitude: z.number(),
});

const InsurerBody = z.object({
  id: Insurer,
  name: z.string(),
  purchases_in: z.enum(['friesland', 'outside-friesland', 'all']),
  for_customers_of: z.array(Insurer),
  source: z.string(),
});

const ContractedBody = z.object({
  year: z.number().int(),
  policy_id: z.string(),
  published: z.boolean(),
  published_on: z.string().describe('eerste dag waarop de gecontracteerde aanbieders openbaar zijn (JJJJ-MM-DD)'),
  insurers: z.array(InsurerBody),
  providers: z.array(z.object({ agb: z.string(), name: z.string(), city: z.string(), type: ProviderType, insurer: Insurer, budget_policy: z.boolean() })),
});

const YearOnly = z.object({ year: Year });
const errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };

/** A body sent as it is (JSON prepared once, a schema file): not through the response serializer. */
const sendPrepared = (reply: FastifyReply, contentType: string, body: string) => reply.header('content-type', contentType).send(body);

const RULES =
  'Gecontracteerd: de afspraaksoort van de aanbieder voor het jaar is definitief en niet "geen afspraak". Openbaar vanaf het kalendermoment ' +
  '"publicatie-gecontracteerde-zorg" van het inkoopbeleid (12 november voorafgaand aan het contractjaar), Nederlandse datum. Gegevens zijn hoogstens 60 seconden oud.';

export const publicRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date; rateLimit?: PublicRateLimit }> = async (app, opts) => {
  const limit = opts.rateLimit ?? publicRateLimitFromEnv();
  const config = { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } };
  const publications = createPublicationCache({ db: opts.db, policies: opts.policies });
  const schemaBody = readFileSync(path.join(repoRoot(), 'schemas', 'price-file.schema.json'), 'utf8');
  const tags = ['public'];

  app.get(
    '/api/public/prices',
    {
      config,
      schema: {
        tags,
        summary: 'Prijszoeker: prijzen van een behandeling bij gecontracteerde aanbieders in de buurt (MSZ §1)',
        description:
          `Gesorteerd op afstand. Kopregels: x-zorginkoop-product (gekozen zorgproductcode bij meerdere treffers: exacte code, anders de kortste naam), ` +
          `x-zorginkoop-near (waarvandaan gemeten), x-zorginkoop-attribution (GeoNames, CC BY 4.0). ${RULES}`,
        querystring: PricesQuery,
        response: { 200: z.array(PriceHitBody), ...errors },
      },
    },
    async (request, reply) => {
      const result = await searchPrices({ db: opts.db, publications, now: opts.now }, request.query);
      if (!result.ok) return sendError(reply, result.error);
      const { match, near, offers } = result.value;
      reply
        .header('cache-control', 'public, max-age=60')
        .header('x-zorginkoop-product', match.product.code)
        .header('x-zorginkoop-product-match', `${match.matchedBy}; candidates=${match.candidates}`)
        .header('x-zorginkoop-near', encodeURIComponent(near.label))
        .header('x-zorginkoop-attribution', PUBLIC_GEO_ATTRIBUTION);
      // Prepared JSON of exactly the PriceHitBody shape (price-finder.test.ts): the hot path skips the serializer.
      return sendPrepared(reply, 'application/json; charset=utf-8', priceHitsJson(match.product, offers));
    },
  );

  app.get(
    '/api/public/contracted',
    { config, schema: { tags, summary: 'Gecontracteerde zorgaanbieders van een contractjaar (MSZ §5)', description: RULES, querystring: YearOnly, response: { 200: ContractedBody, ...errors } } },
    async (request, reply) => {
      const published = await publications.get(request.query.year);
      if (!published.ok) return sendError(reply, published.error);
      const p = published.value;
      const visible = isPublic(p, amsterdamDate(opts.now()));
      return reply.header('cache-control', 'public, max-age=60').send({
        year: p.year,
        policy_id: p.policyId,
        published: visible,
        published_on: p.publishedOn,
        insurers: p.insurers,
        providers: visible ? p.providers.map((x) => ({ agb: x.agb, name: x.name, city: x.city, type: x.type, insurer: x.insurer, budget_policy: x.budget_policy })) : [],
      });
    },
  );

  app.get(
    '/api/public/price-file',
    {
      config,
      schema: {
        tags,
        summary: 'Open prijsbestand van een contractjaar (JSON, schema: /api/public/price-file.schema.json)',
        description: `Alle prijzen per zorgproduct van alle gecontracteerde aanbieders, als download. Vóór de publicatiedatum: 404. ${RULES}`,
        querystring: YearOnly,
        response: errors,
      },
    },
    async (request, reply) => {
      const published = await publications.get(request.query.year);
      if (!published.ok) return sendError(reply, published.error);
      if (!isPublic(published.value, amsterdamDate(opts.now()))) {
        return sendError(reply, { code: 'not_found', message: `Het prijsbestand voor ${published.value.year} is openbaar vanaf ${published.value.publishedOn}.` });
      }
      const file = priceFileFor(published.value);
      reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'public, max-age=60')
        .header('etag', `"${file.document.version}"`);
      return sendPrepared(reply, 'application/json; charset=utf-8', file.body);
    },
  );

  app.get(
    '/api/public/price-file.schema.json',
    { config, schema: { tags, summary: 'JSON Schema (draft 2020-12) van het open prijsbestand', response: { 429: ErrorBody } } },
    async (_request, reply) => sendPrepared(reply.header('cache-control', 'public, max-age=3600'), 'application/schema+json; charset=utf-8', schemaBody),
  );
};
