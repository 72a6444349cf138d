/**
 * What the authorisation use cases share: which policy governs a request (the MSZ policy in force
 * for the year of the treatment date, decision `prior-auth-age-reference`), its decision term and
 * time zone, "today" in that time zone, who may act, and the audit purpose.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { isCalendarDate } from '../../domain/authorisations/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parameterValue, type MszPolicy } from '../../domain/policy/index.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { documentDate } from '../purchasing/documents.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';

export interface AuthorisationDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
  now: Date;
}

export const PURPOSE = 'machtigingen';
export const OBJECT_TYPE = 'prior-authorisation';

/** The insurer's side of the queue: medical advisers and controllers (and jobs). Purchasers do not see patient data. */
export const INSURER_ROLES: readonly Actor['role'][] = ['medical-adviser', 'controller', 'system'];
export const isInsurer = (actor: Actor): boolean => INSURER_ROLES.includes(actor.role);

export const who = (actor: Actor): string => actor.email ?? actor.role;

export interface TermSettings {
  policy: MszPolicy;
  workingDays: number;
  timeZone: string;
  source: string;
  /** Whether the policy pauses the term for an assessment at the advising dentist's consultation hour (item 22). */
  consultationPause: boolean;
  /** How far ahead a consultation may be scheduled, in calendar days; null: no limit in the policy. */
  consultationMaxDays: number | null;
}

/** The calendar day of `now` in the policy's time zone. */
export function todayIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The policy for a request: by its treatment date when that is a date, else by today (Amsterdam). */
export function policyForTreatment(policies: PolicyCatalogue, treatmentDate: unknown, now: Date): Result<MszPolicy> {
  const year = typeof treatmentDate === 'string' && isCalendarDate(treatmentDate) ? Number(treatmentDate.slice(0, 4)) : Number(documentDate(now).slice(0, 4));
  const policy = mszPolicyForYear(policies, year);
  if (!policy.ok) return fail('invalid_input', `Geen inkoopbeleid voor behandelingen in ${year}.`, [{ field: 'treatment_date', message: `Geen beleid voor ${year}.` }]);
  return policy;
}

export function termSettings(policy: MszPolicy): Result<TermSettings> {
  const term = policy.prior_authorisation.decision_term;
  const days = parameterValue(policy, term.working_days_parameter, 'integer');
  if (!days.ok) return days;
  const zone = parameterValue(policy, 'calendar_timezone', 'text');
  let consultationMaxDays: number | null = null;
  if (term.consultation_horizon_parameter !== undefined) {
    const horizon = parameterValue(policy, term.consultation_horizon_parameter, 'integer');
    if (!horizon.ok) return horizon;
    consultationMaxDays = horizon.value;
  }
  return ok({
    policy,
    workingDays: days.value,
    timeZone: zone.ok ? zone.value : 'Europe/Amsterdam',
    source: term.source,
    consultationPause: term.unless.includes('advising-dentist-review'),
    consultationMaxDays,
  });
}

/** The term of a stored request, from the policy it was submitted under. */
export function storedTermSettings(policies: PolicyCatalogue, policyId: string): Result<TermSettings> {
  const policy = policies.get(policyId);
  if (!policy.ok) return policy;
  if (policy.value.kind !== 'msz') return fail('internal', `Beleid ${policyId} is geen MSZ-beleid.`);
  return termSettings(policy.value);
}

export function parseAuthorisationId(value: unknown, field = 'id'): Result<number> {
  const id = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isSafeInteger(id) && id > 0 ? ok(id) : fail('invalid_input', `Ongeldig aanvraagnummer '${String(value)}'.`, [{ field, message: 'Een positief geheel getal.' }]);
}

/** Trimmed text of `min`..`max` characters, or an issue naming `field`. */
export function boundedText(value: unknown, field: string, label: string, min: number, max: number): Result<string> {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length < min || trimmed.length > max) {
    return fail('invalid_input', `${label} moet ${min}–${max} tekens lang zijn.`, [{ field, message: trimmed.length < min ? 'Te kort of leeg.' : 'Te lang.' }]);
  }
  return ok(trimmed);
}
