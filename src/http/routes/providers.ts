import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/auth/actor.js';
import { importProviders } from '../../app/providers/import-providers.js';
import { getProviderFor, listProvidersFor } from '../../app/providers/queries.js';
import { PROVIDER_TEMPLATE_CSV } from '../../app/providers/read-provider-file.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, ProviderBody, ProviderDetailBody, ProviderImportBody } from '../schemas.js';

export const providerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor });

  app.get(
    '/api/providers',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags: ['providers'], summary: 'Zorgaanbieders (een aanbieder ziet alleen zichzelf)', response: { 200: z.array(ProviderBody), 401: ErrorBody } },
    },
    async (request, reply) => sendResult(reply, await listProvidersFor(deps(request.actor))),
  );

  app.get(
    '/api/providers/import-template.csv',
    { schema: { tags: ['providers'], summary: 'Sjabloon voor het importeren van zorgaanbieders' } },
    async (_request, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="zorgaanbieders-sjabloon.csv"').send(PROVIDER_TEMPLATE_CSV),
  );

  app.post(
    '/api/providers/import',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags: ['providers'],
        summary: 'Zorgaanbieders importeren (CSV of XLSX, veld "file"); alles of niets',
        consumes: ['multipart/form-data'],
        response: { 200: ProviderImportBody, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await request.file().catch(() => undefined);
      if (!file) return sendError(reply, { code: 'invalid_input', message: 'Stuur een bestand mee in het veld "file".' });
      const content = await file.toBuffer();
      return sendResult(reply, await importProviders(deps(request.actor), { name: file.filename, content }));
    },
  );

  app.get(
    '/api/providers/:agb',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags: ['providers'], summary: 'Een zorgaanbieder met locaties', params: AgbParam, response: { 200: ProviderDetailBody, 403: ErrorBody, 404: ErrorBody } },
    },
    async (request, reply) => sendResult(reply, await getProviderFor(deps(request.actor), request.params.agb)),
  );
};
