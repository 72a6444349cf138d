/**
 * The guards of the contracting state machine: deadline checks by calendar day (`until` a deadline,
 * inclusive per `deadline_day_inclusive`; `from` a date; `after` a deadline, for the sweep) and
 * state conditions, each with a Dutch description for the transition table.
 */
import { dutchDate, hasArrived, isInTime, type ContractPath, type Deadline, type DeadlineKey } from './deadlines.js';
import type { Guard, GuardInput, TransitionErrorCode } from './contract-types.js';

const deadlineOf = (input: GuardInput, key: DeadlineKey): Deadline | undefined => input.context.deadlines.dates[key];

export const always: Guard = { description: '—', check: () => null };

/** The step is possible up to the deadline (inclusive per `deadline_day_inclusive`). */
export function until(key: DeadlineKey, label: string): Guard {
  return {
    description: `tot en met ${label}`,
    check: (input) => {
      const deadline = deadlineOf(input, key);
      if (!deadline) return null;
      if (isInTime(input.today, deadline, input.context.deadlines.inclusive)) return null;
      return { code: 'deadline_passed', message: `De termijn is verstreken: ${deadline.title} (${dutchDate(deadline.date)}).`, deadline };
    },
  };
}

/** The step is possible from the day the calendar names. */
export function from(key: DeadlineKey, label: string): Guard {
  return {
    description: `vanaf ${label}`,
    check: (input) => {
      const deadline = deadlineOf(input, key);
      if (!deadline || hasArrived(input.today, deadline)) return null;
      return { code: 'conflict', message: `Dit kan pas vanaf ${dutchDate(deadline.date)} (${deadline.title}).`, deadline };
    },
  };
}

/** The deadline has passed (for the sweep job). */
export function after(key: DeadlineKey, label: string): Guard {
  return {
    description: `na ${label}`,
    check: (input) => {
      const deadline = deadlineOf(input, key);
      if (!deadline) return { code: 'conflict', message: `Dit pad kent geen termijn '${key}'.` };
      if (!isInTime(input.today, deadline, input.context.deadlines.inclusive)) return null;
      return { code: 'conflict', message: `De termijn loopt nog tot en met ${dutchDate(deadline.date)} (${deadline.title}).`, deadline };
    },
  };
}

export function when(description: string, holds: (input: GuardInput) => boolean, message: string, code: TransitionErrorCode = 'conflict'): Guard {
  return { description, check: (input) => (holds(input) ? null : { code, message }) };
}

export function unless(condition: Guard, skip: (input: GuardInput) => boolean, description: string): Guard {
  return { description, check: (input) => (skip(input) ? null : condition.check(input)) };
}

export function all(...guards: Guard[]): Guard {
  return {
    description: guards.map((g) => g.description).join('; '),
    check: (input) => {
      for (const guard of guards) {
        const error = guard.check(input);
        if (error) return error;
      }
      return null;
    },
  };
}

export const onPath = (path: ContractPath) =>
  when(path === 'regular' ? 'regulier pad' : 'digitaal pad', (i) => i.state.path === path, path === 'regular' ? 'Alleen op het reguliere pad.' : 'Alleen op het digitale pad.');
export const signatory = when('tekenbevoegde gebruiker van de aanbieder', (i) => i.context.by !== 'provider' || i.context.signatory === true, 'Alleen een tekenbevoegde gebruiker van de zorgaanbieder kan ondertekenen.', 'forbidden');
export const conceptOpen = when('conceptreactie nog open', (i) => i.state.concept === 'open' || i.state.concept === 'feedback-given', 'Er staat geen conceptovereenkomst open voor feedback.');
export const silent = when('geen feedback gegeven', (i) => i.state.concept === 'open', 'Er is geen open conceptovereenkomst zonder reactie.');
export const accepted = (i: GuardInput) => i.state.status === 'provider-responded' && i.state.response === 'accepted';
