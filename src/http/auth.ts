/**
 * Authentication for every request: the session cookie resolves to an actor (or the public actor).
 * Routes declare which roles they admit with `requireRoles`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicActor, type Actor, type Role } from '../domain/auth/actor.js';
import { actorOf, resolveSession } from '../app/users/sessions.js';
import type { Database } from '../storage/database.js';
import { sendError } from './reply.js';

export const SESSION_COOKIE = 'zk_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database; now: () => Date }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = publicActor;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) return;
    const user = await resolveSession(opts.db, token, opts.now());
    if (user) request.actor = actorOf(user);
  });
});

export function requireRoles(...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.actor.role === 'public') {
      return sendError(reply, { code: 'unauthenticated', message: 'Log eerst in.' });
    }
    if (!roles.includes(request.actor.role)) {
      return sendError(reply, { code: 'forbidden', message: 'Uw rol heeft geen toegang tot deze functie.' });
    }
  };
}

export const STAFF: Role[] = ['purchaser', 'controller', 'medical-adviser'];
export const ANY_USER: Role[] = ['purchaser', 'controller', 'medical-adviser', 'provider'];
