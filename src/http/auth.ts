/**
 * Authentication for every request: the session cookie resolves to an actor (or the public actor)
 * and the session's second-factor state. Routes declare which roles they admit with
 * `requireRoles`, and routes that return claim or patient data declare `config: { secondFactor: true }`:
 * a session of a role in `SECOND_FACTOR_ROLES` that has not passed its second factor gets 403
 * `second_factor_required` there (audited), before the body is even read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicActor, type Actor, type Role } from '../domain/auth/actor.js';
import { secondFactorSatisfied, type SecondFactorState } from '../domain/auth/second-factor.js';
import { auditSecondFactorRefusal } from '../app/users/second-factor.js';
import { actorOf, resolveSession } from '../app/users/sessions.js';
import { auditRefusal, providerAccess } from '../app/access.js';
import { hasRecordedRefusal } from '../storage/audit.js';
import type { AppError } from '../domain/errors.js';
import type { Database } from '../storage/database.js';
import { sendError } from './reply.js';

export const SESSION_COOKIE = 'zk_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Where the session stands with the second factor; `not-required` for visitors. */
    secondFactor: SecondFactorState;
  }
  interface FastifyContextConfig {
    /**
     * The route returns claim or patient data: a role with a second factor must have passed it
     * (else 403 `second_factor_required`). Roles without a second factor are not affected.
     */
    secondFactor?: boolean;
  }
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database; now: () => Date }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('secondFactor', 'not-required');
  app.addHook('onRequest', async (request, reply) => {
    request.actor = publicActor;
    request.secondFactor = 'not-required';
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) return;
    const session = await resolveSession(opts.db, token, opts.now());
    if (!session) return;
    request.actor = actorOf(session.user);
    request.secondFactor = session.secondFactor;
    if (request.routeOptions.config.secondFactor === true && !secondFactorSatisfied(session.secondFactor)) {
      await auditSecondFactorRefusal(opts.db, request.actor, `${request.method} ${request.routeOptions.url ?? ''}`, session.secondFactor);
      return sendError(reply, {
        code: 'second_factor_required',
        message:
          session.secondFactor === 'enrolment-required'
            ? 'Voor declaratie- en patiëntgegevens is een tweede factor nodig. Stel eerst uw authenticator-app in.'
            : 'Voor declaratie- en patiëntgegevens is een tweede factor nodig. Vul eerst de verificatiecode uit uw authenticator-app in.',
      });
    }
  });
  // Every refusal of a logged-in user is in the audit log: the use cases record their own (with the
  // object they refused); whatever was refused without one (a role at the door, a use case's own
  // role check) is recorded here, before the answer leaves.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 403 && request.actor.role !== 'public' && !hasRecordedRefusal(request.actor)) {
      const params = (request.params ?? {}) as Record<string, unknown>;
      await auditRefusal(opts.db, request.actor, {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
        agb: typeof params.agb === 'string' ? params.agb.slice(0, 16) : undefined,
      });
    }
    return payload;
  });
});

/** Why this actor may not use a route open to `roles`, or null if it may. */
function roleRefusal(actor: Actor, roles: readonly Role[]): AppError | null {
  if (actor.role === 'public') return { code: 'unauthenticated', message: 'Log eerst in.' };
  if (!roles.includes(actor.role)) return { code: 'forbidden', message: 'Uw rol heeft geen toegang tot deze functie.' };
  return null;
}

export function requireRoles(...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = roleRefusal(request.actor, roles);
    if (refusal) return sendError(reply, refusal);
  };
}

/**
 * The provider named in the path (`agb`) is one this user may see, checked before the handler runs:
 * a multipart upload (read in the handler) is then never parsed for a refused user. A JSON body is
 * parsed before any preHandler, within the route's body limit. The use case checks again (the CLI
 * has no door); a refusal is audited once.
 */
export function requireProviderAccess(db: Database, event: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const agb = (request.params as { agb?: unknown } | undefined)?.agb;
    const access = await providerAccess({ db, actor: request.actor }, typeof agb === 'string' ? agb : '', event, 'agb');
    if (!access.ok) return sendError(reply, access.error);
  };
}

export const STAFF: Role[] = ['purchaser', 'controller', 'medical-adviser'];
export const ANY_USER: Role[] = ['purchaser', 'controller', 'medical-adviser', 'provider'];
