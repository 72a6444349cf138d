/**
 * Use case: what a new provider must know before applying (MSZ §5 "Nieuwe aanbieders"), from the
 * policy of the contract year: the policy's own text, each required declaration with the field of
 * the application that declares it, what happens next, the three dates of the path, and whether
 * each is still in time on the server's day. Public (the policy is a published document); nothing
 * is read from or written to the database.
 */
import { isInTime } from '../../domain/applications/new-provider.js';
import { fail, type Result, ok } from '../../domain/errors.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { policyForApplicationYear, todayIn } from './application-view.js';

/**
 * The application field that declares each requirement id of `contracting_process.new_providers`
 * (the same pairing as `unmetRequirements` in the domain). A requirement not listed here has no
 * field (`declaration: null`): the application cannot show it, and the assessment counts it unmet.
 */
const DECLARATION_FIELDS: Readonly<Record<string, Declaration>> = {
  'toelating-wtzi': 'wtzi_admission',
  'inschrijving-kvk': 'kvk_registered',
  'kwaliteits-instapvoorwaarden': 'meets_quality_and_entry_conditions',
  'toegevoegde-waarde': 'added_value',
};

export type Declaration = 'wtzi_admission' | 'kvk_registered' | 'meets_quality_and_entry_conditions' | 'added_value';

interface DateView {
  event: string;
  date: string;
  title: string;
  source: string;
  /** Still in time on `today` (the day itself counts when `day_inclusive`). */
  open: boolean;
}

export interface ApplicationConditions {
  year: number;
  policy: { id: string; title: string };
  /** The policy's text of the section, and where it is. */
  text: string;
  source: string;
  contact_email: string;
  requirements: { id: string; text: string; declaration: Declaration | null }[];
  outcomes: { id: string; text: string }[];
  time_zone: string;
  day_inclusive: boolean;
  today: string;
  dates: { application: DateView; assessment: DateView; objection: DateView };
}

/** The newest MSZ policy year, for a visitor who names none. */
function newestYear(policies: PolicyCatalogue): Result<number> {
  const years = policies
    .all()
    .filter((p): p is MszPolicy => p.kind === 'msz')
    .map((p) => p.policy_year);
  return years.length > 0 ? ok(Math.max(...years)) : fail('not_found', 'Er is nog geen inkoopbeleid medisch-specialistische zorg gepubliceerd.');
}

export function applicationConditions(policies: PolicyCatalogue, yearInput: unknown, now: Date): Result<ApplicationConditions> {
  const year = yearInput === undefined ? newestYear(policies) : parseYear(yearInput);
  if (!year.ok) return year;
  const yearPolicy = policyForApplicationYear(policies, year.value);
  if (!yearPolicy.ok) return yearPolicy;
  const { policy, dates } = yearPolicy.value;
  const np = policy.contracting_process.new_providers;
  const today = todayIn(dates, now);
  const date = (d: (typeof dates)['application']): DateView => ({ ...d, open: isInTime(today, d.date, dates.inclusive) });
  return ok({
    year: year.value,
    policy: { id: policy.id, title: policy.title },
    text: np.text,
    source: np.source,
    contact_email: np.contact_email,
    requirements: np.requirements.map((r) => ({ id: r.id, text: r.text, declaration: DECLARATION_FIELDS[r.id] ?? null })),
    outcomes: np.outcomes.map((o) => ({ id: o.id, text: o.text })),
    time_zone: dates.timeZone,
    day_inclusive: dates.inclusive,
    today,
    dates: { application: date(dates.application), assessment: date(dates.assessment), objection: date(dates.objection) },
  });
}
