/**
 * The decision clock of an authorisation request (MSZ Bijlage 1 art. 6 item 22): the insurer
 * decides within `prior_auth_decision_working_days` working days of receipt, "tenzij er nadere
 * informatie opgevraagd moet worden of nadere beoordeling op het spreekuur van de adviserend
 * tandarts noodzakelijk is". Counting (decisions `prior-auth-decision-clock` and
 * `prior-auth-consultation-pause`):
 *
 * - the day of receipt does not count; working day 1 is the first working day after it (Dutch
 *   public holidays and weekends do not count, `calendar/working-days.ts`);
 * - a pause stops the clock: the day it starts still counts, the days after it up to and including
 *   its last day do not; counting resumes the working day after, with the working days left carried
 *   over. Two reasons pause the clock:
 *   - `information`: a request for more information, from the day of the question up to and
 *     including the day of the provider's answer (open-ended until answered);
 *   - `consultation`: an assessment at the advising dentist's consultation hour, from the day it is
 *     scheduled up to and including the consultation date (the end is known, so is the due date);
 * - pauses that overlap count once: a day inside any pause does not count;
 * - a decision on the last working day (day 10) is on time, a decision on day 11 is late; an
 *   undecided request whose clock has passed its last day is late (overdue) as well.
 *
 * Pure: dates are `YYYY-MM-DD` calendar days in the policy's time zone, passed in by the caller.
 */
import { addWorkingDays, workingDaysBetween, type LocalDate, type WorkingDayOptions } from '../calendar/working-days.js';
import type { Reason } from '../explain.js';

export const PAUSE_REASONS = ['information', 'consultation'] as const;
/** Why the clock stands still: more information asked, or an assessment at the consultation hour. */
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface Pause {
  reason: PauseReason;
  /** The day the insurer asked for more information, or scheduled the consultation. */
  from: LocalDate;
  /** The day the provider answered (null while the question is open), or the consultation date. */
  until: LocalDate | null;
}

export interface ClockInput {
  receivedOn: LocalDate;
  workingDays: number;
  /** In any order, possibly overlapping; without a reason a pause is a request for information. */
  pauses: readonly (Omit<Pause, 'reason'> & { reason?: PauseReason })[];
  decidedOn: LocalDate | null;
  today: LocalDate;
  source: string;
  options?: WorkingDayOptions;
}

export interface DecisionClock {
  working_days: number;
  received_on: LocalDate;
  /** The last day of the term as it stands; null while waiting for an answer (it moves with the pause). */
  due_date: LocalDate | null;
  paused: boolean;
  /** Why the clock stands still today (empty while it runs or once decided). */
  pause_reasons: PauseReason[];
  /** The consultation date the clock waits for, while paused for a consultation. */
  consultation_date: LocalDate | null;
  pauses: Pause[];
  /** Working days counted up to the decision, or up to today while undecided. */
  working_days_used: number;
  working_days_remaining: number;
  /** Working days beyond the term (0 when in time). */
  working_days_late: number;
  late: boolean;
  decided_on: LocalDate | null;
  reason: Reason;
}

const later = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

/** Working days in (from, to], 0 when `to` is not after `from`. */
function counted(from: LocalDate, to: LocalDate, options: WorkingDayOptions | undefined): number {
  return to > from ? workingDaysBetween(from, to, options) : 0;
}

/** The pauses as stretches of days that do not count, overlapping ones joined; an open pause ends the list. */
function stretches(pauses: readonly Pause[]): { from: LocalDate; until: LocalDate | null }[] {
  const sorted = pauses.toSorted((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const joined: { from: LocalDate; until: LocalDate | null }[] = [];
  for (const p of sorted) {
    const last = joined.at(-1);
    if (last && (last.until === null || p.from <= last.until)) {
      last.until = last.until === null || p.until === null ? null : later(last.until, p.until);
    } else {
      joined.push({ from: p.from, until: p.until });
    }
  }
  return joined;
}

const REASON_TEXT: Record<PauseReason, string> = {
  information: 'nadere informatie gevraagd',
  consultation: 'nadere beoordeling op het spreekuur van de adviserend tandarts',
};

export function decisionClock(input: ClockInput): DecisionClock {
  const end = input.decidedOn ?? input.today;
  const pauses: Pause[] = input.pauses.map((p) => ({ reason: p.reason ?? 'information', from: p.from, until: p.until }));
  let used = 0;
  /** The day after which the current active stretch counts, and the days used before it. */
  let resumeAfter: LocalDate = input.receivedOn;
  let usedBeforeResume = 0;
  /** The stretch of pause days that `end` falls in, if any. */
  let inForce: { from: LocalDate; until: LocalDate | null } | null = null;
  /** The last day of the term when it ran out before a pause began (a pause does not bring it back). */
  let expired: LocalDate | null = null;
  for (const stretch of stretches(pauses)) {
    const from = later(stretch.from, resumeAfter);
    if (from > end) break;
    used += counted(resumeAfter, from, input.options);
    if (expired === null && usedBeforeResume < input.workingDays && used > input.workingDays) expired = addWorkingDays(resumeAfter, input.workingDays - usedBeforeResume, input.options);
    usedBeforeResume = used;
    if (stretch.until === null || stretch.until > end) {
      inForce = stretch;
      break;
    }
    resumeAfter = later(stretch.until, from);
  }
  const decided = input.decidedOn !== null;
  if (inForce === null) used += counted(resumeAfter, end, input.options);
  const remainingAtResume = Math.max(input.workingDays - usedBeforeResume, 0);
  // In a pause with a known last day (a consultation), the term resumes after it; in an open one, nobody knows when.
  const resumesAfter = inForce === null ? resumeAfter : inForce.until;
  const due = expired ?? (resumesAfter === null ? null : addWorkingDays(resumesAfter, remainingAtResume, input.options));
  const late = used > input.workingDays;
  const remaining = Math.max(input.workingDays - used, 0);
  const paused = inForce !== null && !decided;
  const current = paused ? pauses.filter((p) => p.from <= end && (p.until === null || p.until > end)) : [];
  const reasons = PAUSE_REASONS.filter((r) => current.some((p) => p.reason === r));
  const consultation = current.filter((p) => p.reason === 'consultation').map((p) => p.until as LocalDate).sort().at(-1) ?? null;
  const why = reasons.map((r) => (r === 'consultation' ? `${REASON_TEXT[r]} op ${consultation}` : REASON_TEXT[r])).join(' en ');
  const message = decided
    ? late
      ? `Te laat beslist: op werkdag ${used} van de termijn van ${input.workingDays} werkdagen.`
      : used === 0
        ? `Op tijd beslist: op de dag van ontvangst (termijn ${input.workingDays} werkdagen).`
        : `Op tijd beslist: op werkdag ${used} van ${input.workingDays}.`
    : paused
      ? late
        ? `Termijn verstreken: ${used - input.workingDays} werkdag(en) over de termijn van ${input.workingDays} werkdagen (uiterlijk ${due}); daarna gepauzeerd: ${why}.`
        : due === null
        ? `Termijn gepauzeerd: ${why}; ${remaining} van ${input.workingDays} werkdagen over.`
        : `Termijn gepauzeerd: ${why}; daarna ${remaining} van ${input.workingDays} werkdagen over, beslissen uiterlijk ${due}.`
      : late
        ? `Termijn verstreken: ${used - input.workingDays} werkdag(en) over de termijn van ${input.workingDays} werkdagen.`
        : `Beslissen uiterlijk ${due}: nog ${remaining} van ${input.workingDays} werkdagen.`;
  const consultations = pauses.filter((p) => p.reason === 'consultation');
  return {
    working_days: input.workingDays,
    received_on: input.receivedOn,
    due_date: due,
    // A decision stops the clock; it is no longer waiting for information or a consultation.
    paused,
    pause_reasons: reasons,
    consultation_date: consultation,
    pauses,
    working_days_used: used,
    working_days_remaining: remaining,
    working_days_late: Math.max(used - input.workingDays, 0),
    late,
    decided_on: input.decidedOn,
    reason: {
      rule: 'authorisation.decision-term',
      source: input.source,
      inputs: {
        received_on: input.receivedOn,
        working_days: input.workingDays,
        pauses: pauses.length,
        consultations: consultations.length,
        paused_for: reasons.length > 0 ? reasons.join(', ') : null,
        working_days_used: used,
        due_date: due,
        decided_on: input.decidedOn,
        decision: consultations.length > 0 ? 'prior-auth-decision-clock; prior-auth-consultation-pause' : 'prior-auth-decision-clock',
      },
      message,
    },
  };
}
