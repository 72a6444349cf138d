/**
 * Access to one provider's data: insurer staff see every provider, a provider user only its own.
 * A refusal is a value (`forbidden`) and is written to the audit log, so attempts to read another
 * provider's data are visible to controllers.
 */
import type { Actor } from '../domain/auth/actor.js';
import { canSeeProvider } from '../domain/auth/actor.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { parseAgb } from '../domain/identifiers/index.js';
import { audit } from '../storage/audit.js';
import { withActor, type Tx } from '../storage/context.js';
import type { Database } from '../storage/database.js';

export async function providerAccess(deps: { db: Database; actor: Actor }, agbInput: string, event: string, field = 'provider'): Promise<Result<string>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const agb = parseAgb(agbInput, field);
  if (!agb.ok) return agb;
  if (!canSeeProvider(deps.actor, agb.value)) {
    await withActor(deps.db, deps.actor, (tx) =>
      audit(tx, deps.actor, { event, action: 'R', outcome: 'denied', purpose: 'zorginkoop', objectType: 'provider', objectId: agb.value, agb: deps.actor.agb }),
    );
    return fail('forbidden', 'U heeft geen toegang tot deze zorgaanbieder.');
  }
  return ok(agb.value);
}

const ACTION_OF_METHOD: Record<string, 'C' | 'R' | 'U' | 'D' | 'E'> = { GET: 'R', HEAD: 'R', POST: 'E', PUT: 'U', PATCH: 'U', DELETE: 'D' };

/**
 * A logged-in user refused a route without a more specific record (a role that may not use the
 * function at all): recorded with the route and the provider it named, if any.
 */
export async function auditRefusal(db: Database, actor: Actor, request: { method: string; route: string; agb?: string | undefined }): Promise<void> {
  await withActor(db, actor, (tx) =>
    audit(tx, actor, {
      event: 'access.refused',
      action: ACTION_OF_METHOD[request.method] ?? 'E',
      outcome: 'denied',
      purpose: 'zorginkoop',
      objectType: 'route',
      objectId: `${request.method} ${request.route}`,
      agb: actor.agb,
      details: request.agb ? { requested_agb: request.agb } : {},
    }),
  );
}

/**
 * A provider user asked for an object by id that row-level security hides or that does not exist:
 * the two look the same to the user (404), but the attempt may be a look at another provider's
 * data, so it is recorded. Insurer staff see every provider: for them "not found" is just that.
 */
export async function auditHiddenObject(tx: Tx, actor: Actor, entry: { event: string; objectType: string; objectId: string; action?: 'R' | 'U' | 'C' | 'E'; purpose?: string }): Promise<void> {
  if (actor.role !== 'provider') return;
  await audit(tx, actor, { event: entry.event, action: entry.action ?? 'R', outcome: 'denied', purpose: entry.purpose ?? 'zorginkoop', objectType: entry.objectType, objectId: entry.objectId, agb: actor.agb, details: { reason: 'not-found-or-hidden' } });
}
