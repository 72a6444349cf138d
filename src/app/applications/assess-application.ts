/**
 * Use case: a purchaser assesses a new provider's application (MSZ §5), by the assessment date of its
 * year (`besluit-nieuwe-aanbieders`, the day itself included per `deadline_day_inclusive`).
 *
 * - **reject** with reasons: the application is rejected; the reasoned letter is then available
 *   (`rejection-letter.ts`) and names the objection deadline.
 * - **accept**, when every requirement is declared: in three idempotent steps, so that a failure
 *   half-way leaves nothing half-written that a retry cannot complete: (1) the application becomes
 *   `assessing` and the provider is created in `providers` if its AGB is new (name, type, city, KvK;
 *   no ZK revenue yet); (2) its negotiation for the year is set to `new_provider: true` through
 *   `setNegotiation`, so the agreement decision becomes the 1-year plafond (MSZ §2); (3) the
 *   application becomes `accepted`. Accepting an `assessing` application again completes it.
 *
 * Every step, and a refusal for lateness, is audited.
 */
import type { AssessmentDecision } from '../../domain/applications/new-provider.js';
import { checkAssessment, checkInTime } from '../../domain/applications/new-provider.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { setNegotiation, type NegotiationState } from '../purchasing/negotiation.js';
import { applicationView, findApplication, OBJECT_TYPE, parseApplicationId, policyOfApplication, PURPOSE, todayIn, who, type ApplicationDeps, type ApplicationView } from './application-view.js';

export interface AssessmentInput {
  decision: AssessmentDecision;
  reasons?: string;
}

export interface AssessmentResult {
  application: ApplicationView;
  /** For an acceptance: whether the provider was new to `providers`, and its negotiation for the year. */
  provider_created: boolean | null;
  negotiation: NegotiationState | null;
}

export async function assessApplication(deps: ApplicationDeps, idInput: unknown, input: AssessmentInput, now: Date): Promise<Result<AssessmentResult>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers beoordelen aanvragen van nieuwe aanbieders.');
  const id = parseApplicationId(idInput);
  if (!id.ok) return id;
  if (input.decision !== 'accept' && input.decision !== 'reject') return fail('invalid_input', "Beslissing moet 'accept' of 'reject' zijn.", [{ field: 'decision', message: 'Onbekende beslissing.' }]);

  // Step 1 (and the whole of a rejection): one transaction on the locked application.
  const first = await withActor(deps.db, deps.actor, async (tx) => {
    const row = await findApplication(tx, id.value, { lock: true });
    if (!row) return fail('not_found', `Aanvraag ${id.value} niet gevonden.`);
    const yearPolicy = policyOfApplication(deps.policies, row);
    if (!yearPolicy.ok) return yearPolicy;
    const { policy, dates } = yearPolicy.value;
    if (row.status === 'submitted') {
      const today = todayIn(dates, now);
      const inTime = checkInTime(dates, 'assessment', today);
      if (!inTime.ok) {
        await audit(tx, deps.actor, { event: `application.${input.decision}`, action: 'U', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { reason: 'deadline_passed', deadline: dates.assessment.date, today } });
        return inTime;
      }
    }
    const checked = checkAssessment(policy, row, input.decision, input.reasons);
    if (!checked.ok) return checked;

    if (input.decision === 'reject') {
      const updated = await tx
        .updateTable('provider_applications')
        .set({ status: 'rejected', assessed_by: who(deps.actor), assessed_at: now, rejection_reasons: checked.value.reasons })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(tx, deps.actor, { event: 'application.reject', action: 'U', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { year: row.year, before: row.status, after: 'rejected' } });
      return ok({ done: true as const, result: { application: applicationView(updated, dates, now), provider_created: null, negotiation: null } });
    }

    let providerCreated = false;
    const existing = await tx.selectFrom('providers').select('agb').where('agb', '=', row.agb).executeTakeFirst();
    if (!existing) {
      await tx.insertInto('providers').values({ agb: row.agb, name: row.organisation_name, type: row.provider_type, city: row.city, kvk: row.kvk, zk_revenue_cents: 0 }).execute();
      providerCreated = true;
    }
    if (row.status === 'submitted') {
      await tx.updateTable('provider_applications').set({ status: 'assessing', assessed_by: who(deps.actor), assessed_at: now }).where('id', '=', row.id).execute();
    }
    await audit(tx, deps.actor, { event: 'application.accept.start', action: 'U', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { year: row.year, before: row.status, after: 'assessing', provider_created: providerCreated } });
    return ok({ done: false as const, agb: row.agb, year: row.year, providerCreated, dates });
  });
  if (!first.ok) return first;
  if (first.value.done) return ok(first.value.result);
  const { agb, year, providerCreated, dates } = first.value;

  // Step 2: the negotiation of the year marks the provider as new (MSZ §2: a 1-year plafond).
  const negotiation = await setNegotiation(deps, agb, year, { newProvider: true });
  if (!negotiation.ok) return negotiation;

  // Step 3: the application is accepted.
  return withActor(deps.db, deps.actor, async (tx) => {
    const updated = await tx
      .updateTable('provider_applications')
      .set({ status: 'accepted' })
      .where('id', '=', id.value)
      .where('status', '=', 'assessing')
      .returningAll()
      .executeTakeFirst();
    if (!updated) return fail('conflict', `Aanvraag ${id.value} is intussen door iemand anders afgerond.`);
    await audit(tx, deps.actor, { event: 'application.accept', action: 'U', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: id.value, agb, details: { year, before: 'assessing', after: 'accepted', provider_created: providerCreated, new_provider: true } });
    return ok({ application: applicationView(updated, dates, now), provider_created: providerCreated, negotiation: negotiation.value });
  });
}
