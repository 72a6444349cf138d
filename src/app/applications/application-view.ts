/**
 * What the application use cases share: their dependencies, the policy and dates of an application's
 * year, the application as the API shows it, the id parser and the actor an applicant acts as.
 * The rules themselves are pure (`domain/applications/new-provider.ts`).
 */
import type { Actor } from '../../domain/auth/actor.js';
import { isInTime, localDate, newProviderDates, type NewProviderDates } from '../../domain/applications/new-provider.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import type { Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { ApplicationStatus, ProviderApplicationsTable } from '../../storage/schema.js';
import type { Selectable } from 'kysely';
import type { PolicyCatalogue } from '../policies.js';

export interface ApplicationDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

export type ApplicationRow = Selectable<ProviderApplicationsTable>;

export const PURPOSE = 'zorginkoop';
export const OBJECT_TYPE = 'provider_application';

/** The application row as the API shows it: its timestamps as ISO text, with the year's dates. */
export interface ApplicationView extends Omit<ApplicationRow, 'submitted_at' | 'assessed_at' | 'objection_at'> {
  submitted_at: string;
  assessed_at: string | null;
  objection_at: string | null;
  /** The three dates of the new-provider path of the application's year (MSZ §5, §7). */
  deadlines: { application: string; assessment: string; objection: string; day_inclusive: boolean };
  /** Where the application stands against those dates on the server's day; present when the caller passed the clock. */
  timing?: ApplicationTiming;
}

/** The deadlines measured on `today` (the calendar day of the server's clock in the policy's time zone). */
export interface ApplicationTiming {
  today: string;
  /** A purchaser may still assess (the assessment date has not passed). */
  assessment_open: boolean;
  /** An objection or request for explanation is still in time. */
  objection_open: boolean;
  /** Not assessed and the assessment date has passed. */
  overdue: boolean;
}

export function applicationTiming(status: ApplicationStatus, dates: NewProviderDates, now: Date): ApplicationTiming {
  const today = todayIn(dates, now);
  const assessmentOpen = isInTime(today, dates.assessment.date, dates.inclusive);
  return {
    today,
    assessment_open: assessmentOpen,
    objection_open: isInTime(today, dates.objection.date, dates.inclusive),
    overdue: !assessmentOpen && (status === 'submitted' || status === 'assessing'),
  };
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function applicationView(row: ApplicationRow, dates: NewProviderDates, now?: Date): ApplicationView {
  return {
    id: row.id,
    year: row.year,
    policy_id: row.policy_id,
    organisation_name: row.organisation_name,
    applicant_email: row.applicant_email,
    kvk: row.kvk,
    agb: row.agb,
    provider_type: row.provider_type,
    city: row.city,
    wtzi_admission: row.wtzi_admission,
    kvk_registered: row.kvk_registered,
    meets_quality_and_entry_conditions: row.meets_quality_and_entry_conditions,
    added_value: row.added_value,
    status: row.status,
    submitted_at: iso(row.submitted_at)!,
    assessed_by: row.assessed_by,
    assessed_at: iso(row.assessed_at),
    rejection_reasons: row.rejection_reasons,
    objection_kind: row.objection_kind,
    objection: row.objection,
    objection_at: iso(row.objection_at),
    deadlines: { application: dates.application.date, assessment: dates.assessment.date, objection: dates.objection.date, day_inclusive: dates.inclusive },
    ...(now ? { timing: applicationTiming(row.status, dates, now) } : {}),
  };
}

export interface YearPolicy {
  policy: MszPolicy;
  dates: NewProviderDates;
}

/**
 * The MSZ policy published for exactly this contract year, with its new-provider dates. An older
 * policy does not stand in: its dates belong to another contracting year.
 */
export function policyForApplicationYear(policies: PolicyCatalogue, year: number): Result<YearPolicy> {
  const policy = policies.all().find((p): p is MszPolicy => p.kind === 'msz' && p.policy_year === year);
  if (!policy) return fail('not_found', `Er is (nog) geen inkoopbeleid medisch-specialistische zorg voor ${year}; aanmelden kan zodra het is gepubliceerd.`, [{ field: 'year', message: `Geen beleid voor ${year}.` }]);
  const dates = newProviderDates(policy);
  return dates.ok ? ok({ policy, dates: dates.value }) : dates;
}

/** The policy and dates an application was submitted under (its `policy_id`). */
export function policyOfApplication(policies: PolicyCatalogue, row: Pick<ApplicationRow, 'policy_id'>): Result<YearPolicy> {
  const found = policies.get(row.policy_id);
  if (!found.ok) return found;
  if (found.value.kind !== 'msz') return fail('internal', `Beleid ${row.policy_id} van de aanvraag is geen MSZ-beleid.`);
  const dates = newProviderDates(found.value);
  return dates.ok ? ok({ policy: found.value, dates: dates.value }) : dates;
}

/** The calendar day of `now` where the policy's deadlines are counted. */
export const todayIn = (dates: NewProviderDates, now: Date): string => localDate(now, dates.timeZone);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseApplicationId(value: unknown, field = 'id'): Result<string> {
  const id = String(value ?? '').trim().toLowerCase();
  return UUID.test(id) ? ok(id) : fail('invalid_input', `Ongeldig aanvraagnummer '${String(value)}'.`, [{ field, message: 'Een aanvraagnummer zoals 3f1c2a9e-5b7d-4c1e-9a2f-0b8d6e4c7a11.' }]);
}

/** A new provider has no account: it acts as the public, known by the e-mail address it applied with. */
export const applicantActor = (email: string): Actor => ({ role: 'public', userId: null, email: email.trim().toLowerCase(), agb: null });

export async function findApplication(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
  let query = tx.selectFrom('provider_applications').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export const who = (actor: Actor): string => actor.email ?? actor.role;
