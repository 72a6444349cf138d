/** Use case: one application of a new provider with its declarations, assessment and objection, for insurer staff (MSZ §5). */
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { applicationView, findApplication, OBJECT_TYPE, parseApplicationId, policyOfApplication, PURPOSE, type ApplicationDeps, type ApplicationView } from './application-view.js';

export async function getApplication(deps: ApplicationDeps, idInput: unknown, now: Date): Promise<Result<ApplicationView>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen medewerkers van de zorgverzekeraar zien de aanvragen van nieuwe aanbieders.');
  const id = parseApplicationId(idInput);
  if (!id.ok) return id;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findApplication(tx, id.value);
    if (!row) return fail('not_found', `Aanvraag ${id.value} niet gevonden.`);
    const yearPolicy = policyOfApplication(deps.policies, row);
    if (!yearPolicy.ok) return yearPolicy;
    await audit(tx, deps.actor, { event: 'application.read', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { year: row.year } });
    return ok(applicationView(row, yearPolicy.value.dates, now));
  });
}
