import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PolicyCatalogue } from '../../app/policies.js';
import { sendResult } from '../reply.js';
import { ErrorBody } from '../schemas.js';

/** The purchasing policies are public documents: no log-in needed. */
export const policyRoutes: FastifyPluginAsyncZod<{ policies: PolicyCatalogue }> = async (app, opts) => {
  app.get('/api/policies', { schema: { tags: ['policies'], summary: 'Inkoopbeleid: alle beleidsbestanden' } }, async () => opts.policies.list());
  app.get(
    '/api/policies/:id',
    { schema: { tags: ['policies'], summary: 'Een beleidsbestand, volledig', params: z.object({ id: z.string().max(64) }), response: { 404: ErrorBody } } },
    async (request, reply) => sendResult(reply, opts.policies.get(request.params.id)),
  );
};
