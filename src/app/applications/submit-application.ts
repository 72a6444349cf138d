/**
 * Use case: a new provider applies for an agreement (MSZ §5 "Nieuwe aanbieders"). Public: the
 * applicant has no account yet and acts as the public, known by its e-mail address. Refused after
 * the application deadline of the contract year (calendar event `aanmelding-nieuwe-aanbieders`,
 * the day itself included per `deadline_day_inclusive`); one application per AGB and year. The
 * submission and every refusal for lateness are audited.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { applicationTextIssues, checkInTime, dutchDate } from '../../domain/applications/new-provider.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { isAgb, parseAgb, parseKvk } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { ProviderType } from '../../storage/schema.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { applicantActor, OBJECT_TYPE, policyForApplicationYear, PURPOSE, todayIn } from './application-view.js';

export const PROVIDER_TYPES: readonly ProviderType[] = ['ziekenhuis', 'umc', 'zbc', 'categoraal'];

export interface ApplicationInput {
  year: unknown;
  organisation_name: string;
  applicant_email: string;
  kvk: string;
  agb: string;
  provider_type: string;
  city: string;
  wtzi_admission: boolean;
  kvk_registered: boolean;
  meets_quality_and_entry_conditions: boolean;
  added_value: string;
}

export interface ApplicationReceipt {
  id: string;
  year: number;
  agb: string;
  status: 'submitted';
  submitted_at: string;
  /** The day by which the insurer assesses the application (MSZ §5: "uiterlijk 15 september"). */
  assessment_by: string;
  message: string;
}

export async function submitApplication(deps: { db: Database; policies: PolicyCatalogue }, input: ApplicationInput, now: Date): Promise<Result<ApplicationReceipt>> {
  const year = parseYear(input.year);
  if (!year.ok) return year;
  const yearPolicy = policyForApplicationYear(deps.policies, year.value);
  if (!yearPolicy.ok) return yearPolicy;
  const { policy, dates } = yearPolicy.value;
  const email = String(input.applicant_email ?? '').trim().toLowerCase();
  const actor = applicantActor(email);

  const today = todayIn(dates, now);
  const inTime = checkInTime(dates, 'application', today);
  if (!inTime.ok) {
    const agb = String(input.agb ?? '').trim();
    await withActor(deps.db, actor, (tx) =>
      audit(tx, actor, { event: 'application.submit', action: 'C', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, agb: isAgb(agb) ? agb : null, details: { year: year.value, reason: 'deadline_passed', deadline: dates.application.date, today } }),
    );
    return inTime;
  }

  const issues: FieldIssue[] = [];
  const kvk = parseKvk(String(input.kvk ?? ''), 'kvk');
  if (!kvk.ok) issues.push(...(kvk.error.issues ?? [{ field: 'kvk', message: kvk.error.message }]));
  const agb = parseAgb(String(input.agb ?? ''), 'agb');
  if (!agb.ok) issues.push(...(agb.error.issues ?? [{ field: 'agb', message: agb.error.message }]));
  if (!(PROVIDER_TYPES as readonly string[]).includes(input.provider_type)) issues.push({ field: 'provider_type', message: `Soort zorgaanbieder: ${PROVIDER_TYPES.join(', ')}.` });
  issues.push(...applicationTextIssues({ ...input, applicant_email: email }));
  if (issues.length > 0 || !kvk.ok || !agb.ok) return fail('invalid_input', 'De aanmelding is niet volledig of niet juist ingevuld.', issues);

  const id = randomUUID();
  return withActor(deps.db, actor, async (tx) => {
    // ON CONFLICT checks the new row against the read policy: the applicant may see its own application.
    await sql`select set_config('app.applicant_email', ${email}, true)`.execute(tx);
    const inserted = await tx
      .insertInto('provider_applications')
      .values({
        id,
        year: year.value,
        policy_id: policy.id,
        organisation_name: input.organisation_name.trim(),
        applicant_email: email,
        kvk: kvk.value,
        agb: agb.value,
        provider_type: input.provider_type as ProviderType,
        city: input.city.trim(),
        wtzi_admission: input.wtzi_admission,
        kvk_registered: input.kvk_registered,
        meets_quality_and_entry_conditions: input.meets_quality_and_entry_conditions,
        added_value: input.added_value.trim(),
        submitted_at: now,
      })
      .onConflict((oc) => oc.columns(['agb', 'year']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      return fail('conflict', `Voor AGB-code ${agb.value} is al een aanmelding voor ${year.value} ingediend.`, [{ field: 'agb', message: 'Al aangemeld.' }]);
    }
    await audit(tx, actor, { event: 'application.submit', action: 'C', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: id, agb: agb.value, details: { year: year.value, policy_id: policy.id } });
    return ok({
      id,
      year: year.value,
      agb: agb.value,
      status: 'submitted' as const,
      submitted_at: now.toISOString(),
      assessment_by: dates.assessment.date,
      message: `Uw aanmelding is ontvangen. Wij beoordelen haar uiterlijk ${dutchDate(dates.assessment.date)} (${dates.assessment.source}). Bewaar uw aanvraagnummer.`,
    });
  });
}
