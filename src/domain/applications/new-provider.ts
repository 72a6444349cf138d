/**
 * New providers (MSZ §5 "Nieuwe aanbieders", §7): the three dates of the new-provider path, read
 * from the policy (`contracting_process.new_providers` points at the calendar events; the time
 * zone and whether the day itself counts are parameters), and the rules of each step:
 *
 * - apply until the application deadline (1 juli 2017 for 2018), the day itself included when
 *   `deadline_day_inclusive` (decision deadline-inclusive);
 * - a purchaser assesses until the assessment date (15 september 2017), the day itself included;
 * - accepting needs every declared requirement of the policy (WTZi admission, KvK registration,
 *   quality and entry conditions, a stated added value); rejecting needs reasons for the letter;
 * - an objection or request for explanation about a rejection until the objection deadline
 *   (7 oktober 2017), once per application.
 *
 * Pure: the caller passes the instant ("now"); `localDate` turns it into the calendar day in the
 * policy's time zone.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import { calendarEvent, parameterValue, type MszPolicy } from '../policy/index.js';

/** A calendar day `YYYY-MM-DD`. */
export type LocalDate = string;

export interface PathDate {
  /** The calendar event the date comes from. */
  event: string;
  date: LocalDate;
  title: string;
  source: string;
}

export interface NewProviderDates {
  policyId: string;
  year: number;
  timeZone: string;
  /** `deadline_day_inclusive`: a step on the deadline day itself is still in time. */
  inclusive: boolean;
  application: PathDate;
  assessment: PathDate;
  objection: PathDate;
}

export type ApplicationStep = 'application' | 'assessment' | 'objection';

/** The new-provider dates of `policy`, or `not_found` naming the missing event or parameter. */
export function newProviderDates(policy: MszPolicy): Result<NewProviderDates> {
  const timeZone = parameterValue(policy, 'calendar_timezone', 'text');
  if (!timeZone.ok) return timeZone;
  const inclusive = parameterValue(policy, 'deadline_day_inclusive', 'boolean');
  if (!inclusive.ok) return inclusive;
  const np = policy.contracting_process.new_providers;
  const dates: Partial<Record<ApplicationStep, PathDate>> = {};
  for (const [step, id] of [['application', np.application_event], ['assessment', np.assessment_event], ['objection', np.objection_event]] as const) {
    const event = calendarEvent(policy, id);
    if (!event) return fail('not_found', `Kalendermoment '${id}' (${step}) ontbreekt in beleid ${policy.id}.`, [{ path: 'calendar', message: `Onbekend moment '${id}'.` }]);
    dates[step] = { event: event.id, date: event.date, title: event.title, source: event.source };
  }
  return ok({
    policyId: policy.id,
    year: policy.policy_year,
    timeZone: timeZone.value,
    inclusive: inclusive.value,
    application: dates.application!,
    assessment: dates.assessment!,
    objection: dates.objection!,
  });
}

/** The calendar day of `instant` in `timeZone` (2017-07-01T22:30Z is 2 juli 2017 in Amsterdam). */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Still in time for a deadline: up to and including the day when inclusive, else before it. */
export function isInTime(today: LocalDate, deadline: LocalDate, inclusive: boolean): boolean {
  return inclusive ? today <= deadline : today < deadline;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2017-10-07` as `7 oktober 2017`. */
export function dutchDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

const STEP_TEXT: Record<ApplicationStep, string> = {
  application: 'Aanmelden als nieuwe aanbieder',
  assessment: 'Een aanvraag van een nieuwe aanbieder beoordelen',
  objection: 'Bezwaar maken of om toelichting vragen',
};

/** `deadline_passed` when `today` is after the step's deadline, naming the date and its source. */
export function checkInTime(dates: NewProviderDates, step: ApplicationStep, today: LocalDate): Result<void> {
  const deadline = dates[step];
  if (isInTime(today, deadline.date, dates.inclusive)) return ok(undefined);
  const until = dates.inclusive ? 'tot en met' : 'tot';
  return fail('deadline_passed', `${STEP_TEXT[step]} kon ${until} ${dutchDate(deadline.date)} (${deadline.source}); vandaag is het ${dutchDate(today)}.`, [
    { field: step, code: deadline.event, message: `Termijn verstreken op ${deadline.date}.` },
  ]);
}

// ---- the application and its assessment --------------------------------------------------------

/** What the applicant declares (MSZ §5: "U geeft aan ..."). */
export interface ApplicationDeclarations {
  wtzi_admission: boolean;
  kvk_registered: boolean;
  meets_quality_and_entry_conditions: boolean;
  added_value: string;
}

export const ADDED_VALUE_MIN = 10;
export const TEXT_MAX = 5000;
export const REASONS_MIN = 10;

/** Which declaration answers each requirement id of `contracting_process.new_providers.requirements`, and its short label. */
const REQUIREMENTS: Record<string, { held: (d: ApplicationDeclarations) => boolean; label: string }> = {
  'toelating-wtzi': { held: (d) => d.wtzi_admission, label: 'een toelating WTZi' },
  'inschrijving-kvk': { held: (d) => d.kvk_registered, label: 'inschrijving bij de Kamer van Koophandel' },
  'kwaliteits-instapvoorwaarden': { held: (d) => d.meets_quality_and_entry_conditions, label: 'voldoen aan de algemene kwaliteitsvoorwaarden en instapvoorwaarden' },
  'toegevoegde-waarde': { held: (d) => d.added_value.trim().length >= ADDED_VALUE_MIN, label: 'de toegevoegde waarde van het zorgaanbod' },
};

export interface UnmetRequirement {
  id: string;
  /** Short Dutch label, e.g. "een toelating WTZi". */
  label: string;
  /** The policy's own text of the requirement. */
  text: string;
  source: string;
}

/**
 * The policy's requirements the application does not meet. A requirement id this code does not
 * know counts as unmet (the policy asks for something the application cannot show), never as met.
 */
export function unmetRequirements(policy: MszPolicy, declarations: ApplicationDeclarations): UnmetRequirement[] {
  const np = policy.contracting_process.new_providers;
  return np.requirements
    .filter((r) => !(REQUIREMENTS[r.id]?.held(declarations) ?? false))
    .map((r) => ({ id: r.id, label: REQUIREMENTS[r.id]?.label ?? r.text, text: r.text, source: np.source }));
}

export type ApplicationStatus = 'submitted' | 'assessing' | 'accepted' | 'rejected';
export type AssessmentDecision = 'accept' | 'reject';

/**
 * May the application be assessed this way now? Accepting needs every requirement; rejecting needs
 * reasons (10–5000 characters) and is possible only before an acceptance has started.
 * `assessing` is an acceptance in progress: accepting it again completes it.
 */
export function checkAssessment(
  policy: MszPolicy,
  application: ApplicationDeclarations & { status: ApplicationStatus },
  decision: AssessmentDecision,
  reasons: string | undefined,
): Result<{ reasons: string | null }> {
  if (application.status === 'accepted' || application.status === 'rejected') {
    return fail('conflict', `De aanvraag is al beoordeeld (${application.status === 'accepted' ? 'toegelaten' : 'afgewezen'}).`, [{ field: 'decision', message: 'Al beoordeeld.' }]);
  }
  if (decision === 'accept') {
    const unmet = unmetRequirements(policy, application);
    if (unmet.length > 0) {
      return fail('conflict', 'De aanvraag voldoet niet aan alle voorwaarden voor nieuwe aanbieders (MSZ §5); wijs haar met redenen af.', unmet.map((u) => ({ field: u.id, message: `Niet aangetoond: ${u.label}.` })));
    }
    return ok({ reasons: null });
  }
  if (application.status === 'assessing') return fail('conflict', 'De toelating van deze aanvraag is al begonnen; rond haar af met "accept".', [{ field: 'decision', message: 'Toelating loopt.' }]);
  const text = (reasons ?? '').trim();
  if (text.length < REASONS_MIN || text.length > TEXT_MAX) {
    return fail('invalid_input', `Een afwijzing vraagt een toelichting van ${REASONS_MIN}–${TEXT_MAX} tekens voor de brief (MSZ §5).`, [{ field: 'reasons', message: text.length < REASONS_MIN ? 'Te kort of leeg.' : 'Te lang.' }]);
  }
  return ok({ reasons: text });
}

export type ObjectionKind = 'objection' | 'explanation';

/** An objection or request for explanation: only about a rejection, once, with a text of 10–5000 characters. */
export function checkObjection(application: { status: ApplicationStatus; objection_at: unknown }, text: string): Result<string> {
  if (application.status !== 'rejected') return fail('conflict', 'Bezwaar of een verzoek om toelichting kan alleen over een afgewezen aanvraag (MSZ §5).', [{ field: 'kind', message: 'De aanvraag is niet afgewezen.' }]);
  if (application.objection_at !== null) return fail('conflict', 'Over deze aanvraag is al bezwaar gemaakt of om toelichting gevraagd.', [{ field: 'kind', message: 'Al ingediend.' }]);
  const trimmed = text.trim();
  if (trimmed.length < REASONS_MIN || trimmed.length > TEXT_MAX) return fail('invalid_input', `De toelichting moet ${REASONS_MIN}–${TEXT_MAX} tekens lang zijn.`, [{ field: 'text', message: trimmed.length < REASONS_MIN ? 'Te kort of leeg.' : 'Te lang.' }]);
  return ok(trimmed);
}

/** Field-level checks of a submitted application's free texts (identifiers are parsed by the caller). */
export function applicationTextIssues(input: { organisation_name: string; city: string; added_value: string; applicant_email: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = input.organisation_name.trim();
  if (name.length < 2 || name.length > 200) issues.push({ field: 'organisation_name', message: 'Naam van de organisatie: 2–200 tekens.' });
  const city = input.city.trim();
  if (city.length < 1 || city.length > 100) issues.push({ field: 'city', message: 'Vestigingsplaats: 1–100 tekens.' });
  const value = input.added_value.trim();
  if (value.length < ADDED_VALUE_MIN || value.length > TEXT_MAX) issues.push({ field: 'added_value', message: `Toegevoegde waarde van het zorgaanbod: ${ADDED_VALUE_MIN}–${TEXT_MAX} tekens.` });
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.applicant_email.trim()) || input.applicant_email.trim().length > 254) issues.push({ field: 'applicant_email', message: 'Een geldig e-mailadres.' });
  return issues;
}
