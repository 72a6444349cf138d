/**
 * The decision clock of an authorisation request (MSZ Bijlage 1 art. 6 item 22): the insurer
 * decides within `prior_auth_decision_working_days` working days of receipt, unless more
 * information is needed. Counting (decision `prior-auth-decision-clock`):
 *
 * - the day of receipt does not count; working day 1 is the first working day after it (Dutch
 *   public holidays and weekends do not count, `calendar/working-days.ts`);
 * - a request for more information pauses the clock: the day of the question still counts, the
 *   days after it up to and including the day of the provider's answer do not; counting resumes the
 *   working day after the answer, with the working days left carried over;
 * - a decision on the last working day (day 10) is on time, a decision on day 11 is late; an
 *   undecided request whose clock has passed its last day is late (overdue) as well.
 *
 * Pure: dates are `YYYY-MM-DD` calendar days in the policy's time zone, passed in by the caller.
 */
import { addWorkingDays, workingDaysBetween, type LocalDate, type WorkingDayOptions } from '../calendar/working-days.js';
import type { Reason } from '../explain.js';

export interface Pause {
  /** The day the insurer asked for more information. */
  from: LocalDate;
  /** The day the provider answered; null while the question is open. */
  until: LocalDate | null;
}

export interface ClockInput {
  receivedOn: LocalDate;
  workingDays: number;
  /** In order; only the last may be open. */
  pauses: readonly Pause[];
  decidedOn: LocalDate | null;
  today: LocalDate;
  source: string;
  options?: WorkingDayOptions;
}

export interface DecisionClock {
  working_days: number;
  received_on: LocalDate;
  /** The last day of the term as it stands; null while paused (it moves with the pause). */
  due_date: LocalDate | null;
  paused: boolean;
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

export function decisionClock(input: ClockInput): DecisionClock {
  const end = input.decidedOn ?? input.today;
  let used = 0;
  /** The day after which the current active stretch counts, and the days used before it. */
  let resumeAfter: LocalDate = input.receivedOn;
  let usedBeforeResume = 0;
  let paused = false;
  for (const pause of input.pauses) {
    const from = later(pause.from, resumeAfter);
    if (from > end) break;
    used += counted(resumeAfter, from, input.options);
    if (pause.until === null || pause.until > end) {
      paused = true;
      break;
    }
    resumeAfter = later(pause.until, from);
    usedBeforeResume = used;
  }
  if (!paused) used += counted(resumeAfter, end, input.options);
  const remainingAtResume = input.workingDays - usedBeforeResume;
  const due = paused ? null : addWorkingDays(resumeAfter, Math.max(remainingAtResume, 0), input.options);
  const late = used > input.workingDays;
  const remaining = Math.max(input.workingDays - used, 0);
  const pauses = input.pauses.map((p) => ({ from: p.from, until: p.until }));
  const decided = input.decidedOn !== null;
  const message = decided
    ? late
      ? `Te laat beslist: op werkdag ${used} van de termijn van ${input.workingDays} werkdagen.`
      : used === 0
        ? `Op tijd beslist: op de dag van ontvangst (termijn ${input.workingDays} werkdagen).`
        : `Op tijd beslist: op werkdag ${used} van ${input.workingDays}.`
    : paused
      ? `Termijn gepauzeerd: nadere informatie gevraagd; ${remaining} van ${input.workingDays} werkdagen over.`
      : late
        ? `Termijn verstreken: ${used - input.workingDays} werkdag(en) over de termijn van ${input.workingDays} werkdagen.`
        : `Beslissen uiterlijk ${due}: nog ${remaining} van ${input.workingDays} werkdagen.`;
  return {
    working_days: input.workingDays,
    received_on: input.receivedOn,
    due_date: due,
    // A decision stops the clock; it is no longer waiting for information.
    paused: paused && !decided,
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
        pauses: input.pauses.length,
        working_days_used: used,
        due_date: due,
        decided_on: input.decidedOn,
        decision: 'prior-auth-decision-clock',
      },
      message,
    },
  };
}
