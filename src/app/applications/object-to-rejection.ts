/**
 * Use case: the applicant objects to a rejection or asks for an explanation (MSZ §5: "Heeft u een
 * bezwaar of wilt u een toelichting, dan kunt u dit voor 7 oktober 2017 bij ons kenbaar maken").
 * Public: the applicant proves itself with the application id and the e-mail address it applied
 * with; row-level security shows it that one application only (`app.applicant_email`), so a wrong
 * address reads as "not found". Accepted up to the objection deadline (the day itself included per
 * `deadline_day_inclusive`), once, about a rejection only; audited, refusals for lateness too.
 */
import { sql } from 'kysely';
import { checkInTime, checkObjection, dutchDate, type ObjectionKind } from '../../domain/applications/new-provider.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { applicantActor, findApplication, OBJECT_TYPE, parseApplicationId, policyOfApplication, PURPOSE, todayIn } from './application-view.js';

export interface ObjectionInput {
  kind: string;
  text: string;
  applicant_email: string;
}

/** What the applicant gets back: its objection as recorded (no staff names, no internal fields). */
export interface ObjectionReceipt {
  id: string;
  year: number;
  agb: string;
  status: 'rejected';
  objection_kind: ObjectionKind;
  objection_at: string;
  message: string;
}

export async function objectToRejection(deps: { db: Database; policies: PolicyCatalogue }, idInput: unknown, input: ObjectionInput, now: Date): Promise<Result<ObjectionReceipt>> {
  const id = parseApplicationId(idInput);
  if (!id.ok) return id;
  if (input.kind !== 'objection' && input.kind !== 'explanation') return fail('invalid_input', "Soort moet 'objection' (bezwaar) of 'explanation' (verzoek om toelichting) zijn.", [{ field: 'kind', message: 'Onbekende soort.' }]);
  const kind: ObjectionKind = input.kind;
  const email = String(input.applicant_email ?? '').trim().toLowerCase();
  if (email.length < 3 || email.length > 254) return fail('invalid_input', 'Geef het e-mailadres waarmee u zich heeft aangemeld.', [{ field: 'applicant_email', message: 'Ontbreekt.' }]);
  const actor = applicantActor(email);

  return withActor(deps.db, actor, async (tx) => {
    await sql`select set_config('app.applicant_email', ${email}, true)`.execute(tx);
    const row = await findApplication(tx, id.value, { lock: true });
    if (!row) return fail('not_found', 'Geen aanvraag gevonden met dit aanvraagnummer en e-mailadres.', [{ field: 'applicant_email', message: 'Aanvraagnummer en e-mailadres horen niet bij elkaar.' }]);
    const yearPolicy = policyOfApplication(deps.policies, row);
    if (!yearPolicy.ok) return yearPolicy;
    const { dates } = yearPolicy.value;
    const today = todayIn(dates, now);
    const inTime = checkInTime(dates, 'objection', today);
    if (!inTime.ok) {
      await audit(tx, actor, { event: 'application.objection', action: 'U', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { kind, reason: 'deadline_passed', deadline: dates.objection.date, today } });
      return inTime;
    }
    const text = checkObjection(row, input.text ?? '');
    if (!text.ok) return text;
    await tx.updateTable('provider_applications').set({ objection: text.value, objection_kind: kind, objection_at: now }).where('id', '=', row.id).execute();
    await audit(tx, actor, { event: 'application.objection', action: 'U', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: row.id, agb: row.agb, details: { kind, year: row.year } });
    const what = kind === 'objection' ? 'Uw bezwaar' : 'Uw verzoek om toelichting';
    return ok({ id: row.id, year: row.year, agb: row.agb, status: 'rejected' as const, objection_kind: kind, objection_at: now.toISOString(), message: `${what} is ontvangen op ${dutchDate(today)}, binnen de termijn (${dates.objection.source}).` });
  });
}
