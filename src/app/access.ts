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
import { withActor } from '../storage/context.js';
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
