/**
 * The HTTP door: a Fastify server with the OpenAPI document at /api/openapi.json, docs at /api/docs,
 * the API under /api, and the web app (web/dist) at /. Handlers stay thin: authenticate, parse with
 * the schema, call one use case, map the result.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicyCatalogue } from '../app/policies.js';
import type { Database } from '../storage/database.js';
import { repoRoot } from '../storage/paths.js';
import { authPlugin } from './auth.js';
import { sendError } from './reply.js';
import { addonFiguresRoutes } from './routes/addon-figures.js';
import { applicationsRoutes } from './routes/applications.js';
import { authRoutes } from './routes/auth.js';
import { authorisationsRoutes } from './routes/authorisations.js';
import { ceilingWarningRoutes } from './routes/ceiling-warnings.js';
import { claimsRoutes } from './routes/claims.js';
import { contractingRoutes } from './routes/contracting.js';
import { fhirRoutes } from './routes/fhir.js';
import { mirrorRoutes } from './routes/mirror.js';
import { policyRoutes } from './routes/policies.js';
import { providerRoutes } from './routes/providers.js';
import { publicRoutes } from './routes/public.js';
import { purchasingRoutes } from './routes/purchasing.js';
import { qualityRoutes } from './routes/quality.js';

export interface ServerOptions {
  db: Database;
  policies: PolicyCatalogue;
  /** Injectable clock (tests move time); defaults to the wall clock. */
  now?: () => Date;
  /** Folder of the built web app; defaults to web/dist in the repository. */
  webDir?: string;
  logger?: boolean;
  secureCookies?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          // Log the route pattern, never the raw URL or a body: no BSN, diagnosis or password in a log line.
          serializers: {
            req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unknown' }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, {
        code: 'invalid_input',
        message: 'Ongeldige invoer.',
        issues: error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? 'ongeldig' })),
      });
    }
    const err = error as { statusCode?: number; message?: string };
    if (err.statusCode === 429) return sendError(reply, { code: 'rate_limited', message: 'Te veel verzoeken; probeer het later opnieuw.' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, { code: 'invalid_input', message: 'Ongeldig verzoek.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    // No stack traces or internals in a response.
    return sendError(reply, { code: 'internal', message: 'Er ging iets mis aan onze kant.' });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Zorginkoop API', version: '0.1.0', description: 'Inkoop medisch-specialistische zorg en add-on geneesmiddelen' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { db: options.db, now });

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Gezondheid van de dienst', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } },
    async () => ({ status: 'ok' as const, database: options.db.kind }),
  );
  await app.register(authRoutes, { db: options.db, now, secureCookies: options.secureCookies ?? false });
  await app.register(policyRoutes, { policies: options.policies });
  await app.register(providerRoutes, { db: options.db });
  await app.register(purchasingRoutes, { db: options.db, policies: options.policies, now });
  await app.register(claimsRoutes, { db: options.db, policies: options.policies, now });
  await app.register(contractingRoutes, { db: options.db, policies: options.policies, now });
  await app.register(publicRoutes, { db: options.db, policies: options.policies, now });
  await app.register(mirrorRoutes, { db: options.db, policies: options.policies, now });
  await app.register(applicationsRoutes, { db: options.db, policies: options.policies, now });
  await app.register(qualityRoutes, { db: options.db, policies: options.policies, now });
  await app.register(authorisationsRoutes, { db: options.db, policies: options.policies, now });
  await app.register(addonFiguresRoutes, { db: options.db, policies: options.policies, now });
  await app.register(ceilingWarningRoutes, { db: options.db, policies: options.policies, now });
  await app.register(fhirRoutes, { db: options.db, policies: options.policies, now });

  const webDir = options.webDir ?? path.join(repoRoot(), 'web', 'dist');
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return sendError(reply, { code: 'not_found', message: 'Onbekend adres.' });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) return sendError(reply, { code: 'not_found', message: 'Onbekend adres.' });
      return reply.type('text/html; charset=utf-8').send('<!doctype html><html lang="nl"><title>Zorginkoop</title><p>De webapp is nog niet gebouwd: <code>npm run build</code>.</p></html>');
    });
  }
  return app;
}
