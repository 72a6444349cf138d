/**
 * Use case: the applicant looks up its own application (MSZ §5) with the application id and the
 * e-mail address it applied with, as for an objection: status, the reasons of a rejection, its
 * objection, the dates of the year and whether an objection can still be made, and if not, why
 * (the same deadline message the objection itself would get). Public; row-level security shows the
 * applicant that one application only, so a wrong address reads as "not found". Audited as a read.
 */
import { sql } from 'kysely';
import { checkInTime } from '../../domain/applications/new-provider.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { ApplicationStatus } from '../../storage/schema.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { applicantActor, applicationTiming, findApplication, OBJECT_TYPE, parseApplicationId, policyOfApplication, PURPOSE, todayIn, type ApplicationTiming, type ApplicationView } from './application-view.js';

/** What the applicant sees of its application: no staff names, no internal fields. */
export interface ApplicantApplicationView {
  id: string;
  year: number;
  organisation_name: string;
  agb: string;
  city: string;
  status: ApplicationStatus;
  submitted_at: string;
  assessed_at: string | null;
  /** The reasons of a rejection, as in the letter; null otherwise. */
  rejection_reasons: string | null;
  objection_kind: 'objection' | 'explanation' | null;
  objection: string | null;
  objection_at: string | null;
  deadlines: ApplicationView['deadlines'];
  /** Where the source of the objection deadline is in the policy (e.g. "MSZ §7; MSZ §5"). */
  objection_source: string;
  timing: ApplicationTiming;
  /** Why an objection or request for explanation is not possible now; null when it is. */
  objection_refused: string | null;
  /** Where to ask questions (the policy's address for new providers). */
  contact_email: string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export async function lookupApplication(deps: { db: Database; policies: PolicyCatalogue }, idInput: unknown, input: { applicant_email: string }, now: Date): Promise<Result<ApplicantApplicationView>> {
  const id = parseApplicationId(idInput);
  if (!id.ok) return id;
  const email = String(input.applicant_email ?? '').trim().toLowerCase();
  if (email.length < 3 || email.length > 254) return fail('invalid_input', 'Geef het e-mailadres waarmee u zich heeft aangemeld.', [{ field: 'applicant_email', message: 'Ontbreekt.' }]);
  const actor = applicantActor(email);

  return withActor(deps.db, actor, async (tx) => {
    await sql`select set_config('app.applicant_email', ${email}, true)`.execute(tx);
    const row = await findApplication(tx, id.value);
    if (!row) return fail('not_found', 'Geen aanvraag gevonden met dit aanvraagnummer en e-mailadres.', [{ field: 'applicant_email', message: 'Aanvraagnummer en e-mailadres horen niet bij elkaar.' }]);
    const yearPolicy = policyOfApplication(deps.policies, row);
    if (!yearPolicy.ok) return yearPolicy;
    const { policy, dates } = yearPolicy.value;
    const inTime = checkInTime(dates, 'objection', todayIn(dates, now));
    const refused =
      row.status !== 'rejected'
        ? 'Bezwaar of een verzoek om toelichting kan alleen over een afgewezen aanvraag (MSZ §5).'
        : row.objection_at !== null
          ? 'Over deze aanvraag is al bezwaar gemaakt of om toelichting gevraagd.'
          : inTime.ok
            ? null
            : inTime.error.message;
    await audit(tx, actor, { event: 'application.lookup', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { year: row.year, status: row.status } });
    return ok({
      id: row.id,
      year: row.year,
      organisation_name: row.organisation_name,
      agb: row.agb,
      city: row.city,
      status: row.status,
      submitted_at: iso(row.submitted_at)!,
      assessed_at: row.status === 'accepted' || row.status === 'rejected' ? iso(row.assessed_at) : null,
      rejection_reasons: row.status === 'rejected' ? row.rejection_reasons : null,
      objection_kind: row.objection_kind,
      objection: row.objection,
      objection_at: iso(row.objection_at),
      deadlines: { application: dates.application.date, assessment: dates.assessment.date, objection: dates.objection.date, day_inclusive: dates.inclusive },
      objection_source: dates.objection.source,
      timing: applicationTiming(row.status, dates, now),
      objection_refused: refused,
      contact_email: policy.contracting_process.new_providers.contact_email,
    });
  });
}
