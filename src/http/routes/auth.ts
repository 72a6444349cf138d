/**
 * Log-in, log-out, who am I, and the second factor (TOTP) for the roles that see claim and patient
 * data. The log-in answers 200 with the session cookie for every right password; for those roles
 * the session is pending (`second_factor: 'required'` or `'enrolment-required'`) until a code is
 * accepted here. Log-in and the code endpoints are rate limited per client address.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '../../app/users/second-factor.js';
import { login, logout, SESSION_ABSOLUTE_HOURS } from '../../app/users/sessions.js';
import type { Database } from '../../storage/database.js';
import { SESSION_COOKIE } from '../auth.js';
import { sendError } from '../reply.js';
import { ErrorBody, SessionUserBody } from '../schemas.js';

const SecondFactorBody = z
  .enum(['not-required', 'enrolment-required', 'required', 'verified'])
  .describe('tweede factor: niet nodig, nog in te stellen, nog in te vullen, of voldaan');
const SessionBody = z.object({ user: SessionUserBody, second_factor: SecondFactorBody });
const CodeBody = z.object({ code: z.string().min(1).max(16).describe('verificatiecode van 6 cijfers uit de authenticator-app') });
/** Like the log-in: 10 attempts a minute per client address. */
const rateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date; secureCookies: boolean }> = async (app, opts) => {
  app.post(
    '/api/auth/login',
    {
      config: rateLimit,
      schema: {
        tags,
        summary: 'Inloggen met e-mailadres en wachtwoord (controller en medisch adviseur daarna met een verificatiecode, of meteen met "totp")',
        body: z.object({
          email: z.string().min(3).max(254),
          password: z.string().min(1).max(1024),
          totp: z.string().min(1).max(16).optional().describe('verificatiecode, om beide factoren in één keer te geven'),
        }),
        response: { 200: SessionBody, 401: ErrorBody, 429: ErrorBody },
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
      return { user: result.value.user, second_factor: result.value.secondFactor };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Uitloggen' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(opts.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'De ingelogde gebruiker en de stand van de tweede factor; { user: null } voor een bezoeker',
        response: { 200: z.union([SessionBody, z.object({ user: z.null() })]) },
      },
    },
    async (request) => {
      const a = request.actor;
      if (a.role === 'public' || a.role === 'system' || a.userId === null || a.email === null) return { user: null };
      return { user: { id: a.userId, email: a.email, role: a.role, agb: a.agb, isSignatory: a.isSignatory === true }, second_factor: request.secondFactor };
    },
  );

  /** The session token of a request whose session resolved (the auth plugin checked its time-outs). */
  const tokenOf = (request: FastifyRequest): string | null => (request.actor.userId !== null ? (request.cookies[SESSION_COOKIE] ?? null) : null);
  const notLoggedIn = { code: 'unauthenticated', message: 'Log eerst in met uw e-mailadres en wachtwoord.' } as const;
  const Errors = { 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody };

  app.post(
    '/api/auth/second-factor',
    {
      config: rateLimit,
      schema: { tags, summary: 'Tweede factor: de verificatiecode maakt de sessie volledig (toegang tot declaratie- en patiëntgegevens)', body: CodeBody, response: { 200: SessionBody, ...Errors } },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      if (!token) return sendError(reply, notLoggedIn);
      const result = await verifySecondFactor(opts.db, token, request.body.code, opts.now());
      if (!result.ok) return sendError(reply, result.error);
      return { user: result.value.user, second_factor: result.value.secondFactor };
    },
  );

  app.post(
    '/api/auth/second-factor/enrol',
    {
      config: rateLimit,
      schema: {
        tags,
        summary: 'Tweede factor instellen: een nieuw geheim als otpauth-URI en QR-code (SVG als data-URL), te bevestigen met een eerste code',
        response: { 200: z.object({ otpauth_uri: z.string(), secret: z.string().describe('base32, om met de hand in te voeren'), qr_code: z.string().describe('data:image/svg+xml;base64,…') }), ...Errors },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      if (!token) return sendError(reply, notLoggedIn);
      const result = await startEnrolment(opts.db, token);
      if (!result.ok) return sendError(reply, result.error);
      return { otpauth_uri: result.value.otpauthUri, secret: result.value.secret, qr_code: result.value.qrCode };
    },
  );

  app.post(
    '/api/auth/second-factor/enrol/confirm',
    {
      config: rateLimit,
      schema: { tags, summary: 'Tweede factor instellen bevestigen met de eerste verificatiecode; de sessie wordt volledig', body: CodeBody, response: { 200: SessionBody, ...Errors } },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      if (!token) return sendError(reply, notLoggedIn);
      const result = await confirmEnrolment(opts.db, token, request.body.code, opts.now());
      if (!result.ok) return sendError(reply, result.error);
      return { user: result.value.user, second_factor: result.value.secondFactor };
    },
  );
};
