/**
 * The dates of one contracting path, read from the policy calendar (MSZ §5, §7) and its parameters:
 * which calendar event is the feedback deadline, the response deadline, the hard negotiation
 * deadline (`negotiation_deadline_event`), the signing deadline (`digital_signing_deadline` on the
 * digital path), in which time zone (`calendar_timezone`) and whether the day itself still counts
 * (`deadline_day_inclusive`). Pure: the caller passes the instant; `localDateIn` turns it into the
 * calendar day in the policy's time zone.
 */
import { fail, ok, type Result } from '../errors.js';
import { calendarEvent, parameterValue, type CalendarEvent, type MszPolicy } from '../policy/index.js';

export type ContractPath = 'regular' | 'digital';
/** A calendar day `YYYY-MM-DD`. */
export type LocalDate = string;

export const DEADLINE_KEYS = ['conceptPublication', 'conceptFeedback', 'proposal', 'response', 'negotiationPlanned', 'negotiation', 'publication', 'signing'] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

export interface Deadline {
  key: DeadlineKey;
  /** The calendar event the date comes from. */
  event: string;
  date: LocalDate;
  title: string;
  source: string;
}

export interface ContractDeadlines {
  path: ContractPath;
  timeZone: string;
  /** `deadline_day_inclusive`: a step on the deadline day itself is still in time. */
  inclusive: boolean;
  dates: Partial<Record<DeadlineKey, Deadline>>;
}

/**
 * Calendar events with a role in the process that the policy file does not point at by a field of
 * its own (the concept events, the negotiation deadline and the publication are pointed at there).
 * A policy year that renames them fails here with a clear message, never silently.
 */
export const PATH_EVENTS: Record<ContractPath, { proposal: string; response: string | null; negotiationPlanned: string; signing: string }> = {
  regular: { proposal: 'voorstel-regulier', response: 'reactie-aanbieders', negotiationPlanned: 'onderhandelingen-afgerond', signing: 'getekend-contract' },
  // A digital provider that counters negotiates like a regular one, against the same dates.
  digital: { proposal: 'voorstel-digitaal', response: null, negotiationPlanned: 'onderhandelingen-afgerond', signing: 'sluiting-zorgverlenersportaal' },
};

/** The deadlines of `path` in `policy`, or `not_found` naming the missing event or parameter. */
export function contractDeadlines(policy: MszPolicy, path: ContractPath): Result<ContractDeadlines> {
  const timeZone = parameterValue(policy, 'calendar_timezone', 'text');
  if (!timeZone.ok) return timeZone;
  const inclusive = parameterValue(policy, 'deadline_day_inclusive', 'boolean');
  if (!inclusive.ok) return inclusive;
  const negotiationEvent = parameterValue(policy, 'negotiation_deadline_event', 'enum');
  if (!negotiationEvent.ok) return negotiationEvent;

  const events = PATH_EVENTS[path];
  const wanted: [DeadlineKey, string | null][] = [
    ['conceptPublication', policy.contracting_process.concept_agreement.publication_event],
    ['conceptFeedback', policy.contracting_process.concept_agreement.feedback_deadline_event],
    ['proposal', events.proposal],
    ['response', events.response],
    ['negotiationPlanned', events.negotiationPlanned],
    ['negotiation', negotiationEvent.value],
    ['publication', policy.transparency.contracted_providers.publication_event],
    ['signing', events.signing],
  ];
  const dates: Partial<Record<DeadlineKey, Deadline>> = {};
  for (const [key, id] of wanted) {
    if (id === null) continue;
    const event: CalendarEvent | undefined = calendarEvent(policy, id);
    if (!event) return fail('not_found', `Kalendermoment '${id}' (${key}) ontbreekt in beleid ${policy.id}.`, [{ path: 'calendar', message: `Onbekend moment '${id}'.` }]);
    dates[key] = { key, event: event.id, date: event.date, title: event.title, source: event.source };
  }
  if (path === 'digital') {
    // MSZ §5 names no date for the portal's closing; the parameter does (decision digital-signing-deadline).
    const closing = parameterValue(policy, 'digital_signing_deadline', 'date');
    if (!closing.ok) return closing;
    const signing = dates.signing!;
    dates.signing = { ...signing, date: closing.value, source: `${signing.source}; parameter digital_signing_deadline` };
  }
  return ok({ path, timeZone: timeZone.value, inclusive: inclusive.value, dates });
}

/** Formatters are costly to build and stateless to use: one per time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `instant` in `timeZone` (e.g. 2017-07-10T22:30Z is 2017-07-11 in Amsterdam). */
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Still in time for a deadline on `today`: up to and including the day when inclusive, else before it. */
export function isInTime(today: LocalDate, deadline: Deadline, inclusive: boolean): boolean {
  return inclusive ? today <= deadline.date : today < deadline.date;
}

/** `today` is on or after the day `deadline` names (a date from which a step may happen). */
export function hasArrived(today: LocalDate, deadline: Deadline): boolean {
  return today >= deadline.date;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2017-07-10` as `10 juli 2017`. */
export function dutchDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
