import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { login, logout, SESSION_ABSOLUTE_HOURS } from '../../app/users/sessions.js';
import type { Database } from '../../storage/database.js';
import { SESSION_COOKIE } from '../auth.js';
import { sendError } from '../reply.js';
import { ErrorBody, SessionUserBody } from '../schemas.js';

export const authRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date; secureCookies: boolean }> = async (app, opts) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Inloggen met e-mailadres en wachtwoord',
        body: z.object({ email: z.string().min(3).max(254), password: z.string().min(1).max(1024) }),
        response: { 200: z.object({ user: SessionUserBody }), 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const result = await login(opts.db, request.body, opts.now());
      if (!result.ok) return sendError(reply, result.error);
      reply.setCookie(SESSION_COOKIE, result.value.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        maxAge: SESSION_ABSOLUTE_HOURS * 3600,
      });
      return { user: result.value.user };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Uitloggen' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(opts.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'De ingelogde gebruiker', response: { 200: z.object({ user: SessionUserBody }), 401: ErrorBody } } },
    async (request, reply) => {
      const a = request.actor;
      if (a.role === 'public' || a.role === 'system' || a.userId === null || a.email === null) {
        return sendError(reply, { code: 'unauthenticated', message: 'Niet ingelogd.' });
      }
      return { user: { id: a.userId, email: a.email, role: a.role, agb: a.agb, isSignatory: a.isSignatory === true } };
    },
  );
};
