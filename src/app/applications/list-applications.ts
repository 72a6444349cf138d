/**
 * Use case: the applications of new providers for a contract year, for purchasers (MSZ §5). With
 * the clock (`now`), each carries its timing: whether it is overdue, whether objections are in time.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { parseYear } from '../purchasing/negotiation.js';
import { applicationView, OBJECT_TYPE, policyOfApplication, PURPOSE, type ApplicationDeps, type ApplicationView } from './application-view.js';

export async function listApplications(deps: ApplicationDeps, yearInput: unknown, now?: Date): Promise<Result<ApplicationView[]>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers zien de aanvragen van nieuwe aanbieders.');
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  return withActor(deps.db, deps.actor, async (tx) => {
    const rows = await tx.selectFrom('provider_applications').selectAll().where('year', '=', year.value).orderBy('submitted_at').orderBy('id').execute();
    const views: ApplicationView[] = [];
    for (const row of rows) {
      const yearPolicy = policyOfApplication(deps.policies, row);
      if (!yearPolicy.ok) return yearPolicy;
      views.push(applicationView(row, yearPolicy.value.dates, now));
    }
    await audit(tx, deps.actor, { event: 'application.list', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, details: { year: year.value, count: views.length } });
    return ok(views);
  });
}
