/**
 * Use case: the reasoned rejection letter of a rejected application (MSZ §5), as PDF, for insurer
 * staff to send. Dated on the day of the assessment (Europe/Amsterdam), so the letter is the same
 * whenever it is downloaded; the objection deadline comes from the policy of the application's year.
 */
import { unmetRequirements } from '../../domain/applications/new-provider.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { rejectionLetterPdf } from '../../documents/rejection-letter.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { findApplication, OBJECT_TYPE, parseApplicationId, policyOfApplication, PURPOSE, todayIn, type ApplicationDeps } from './application-view.js';

export async function rejectionLetterDocument(deps: ApplicationDeps, idInput: unknown): Promise<Result<Buffer>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen medewerkers van de zorgverzekeraar maken de afwijzingsbrief.');
  const id = parseApplicationId(idInput);
  if (!id.ok) return id;
  const model = await withActor(deps.db, deps.actor, async (tx) => {
    const row = await findApplication(tx, id.value);
    if (!row) return fail('not_found', `Aanvraag ${id.value} niet gevonden.`);
    if (row.status !== 'rejected' || row.assessed_at === null || row.rejection_reasons === null) return fail('conflict', 'Een afwijzingsbrief bestaat alleen voor een afgewezen aanvraag.', [{ field: 'status', message: `Status: ${row.status}.` }]);
    const yearPolicy = policyOfApplication(deps.policies, row);
    if (!yearPolicy.ok) return yearPolicy;
    const { policy, dates } = yearPolicy.value;
    await audit(tx, deps.actor, { event: 'application.rejection-letter', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { year: row.year } });
    return ok({
      date: todayIn(dates, new Date(row.assessed_at)),
      applicant: { name: row.organisation_name, agb: row.agb, city: row.city },
      application_id: row.id,
      year: row.year,
      submitted_on: todayIn(dates, new Date(row.submitted_at)),
      reasons: row.rejection_reasons,
      unmet_requirements: unmetRequirements(policy, row).map((u) => u.label),
      objection_deadline: dates.objection.date,
      objection_deadline_inclusive: dates.inclusive,
      objection_source: dates.objection.source,
      contact_email: policy.contracting_process.new_providers.contact_email,
      policy_title: policy.title,
    });
  });
  if (!model.ok) return model;
  return ok(await rejectionLetterPdf(model.value));
}
