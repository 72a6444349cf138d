/**
 * The second pause of the decision clock (MSZ Bijlage 1 art. 6 item 22; decision
 * `prior-auth-consultation-pause`): the insurer schedules a further assessment at the advising
 * dentist's consultation hour (spreekuur) on a date, today or later and at most
 * `prior_auth_consultation_max_days` calendar days after today.
 *
 * `pausesOf` turns a request's history into the clock's pauses: a question opens an information
 * pause that the provider's answer closes; a scheduled consultation pauses up to and including its
 * date. Scheduling again on or before the planned day moves that date (the same pause runs on);
 * scheduling after a consultation was held is a new pause. Pure.
 */
import { isLocalDate, type LocalDate } from '../calendar/working-days.js';
import { fail, ok, type Result } from '../errors.js';
import type { Pause } from './clock.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: LocalDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDayNumber = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The calendar day `days` after `date`. */
export const addCalendarDays = (date: LocalDate, days: number): LocalDate => fromDayNumber(dayNumber(date) + days);

/** The consultation date as given, if it is a day from `today` up to `maxDays` calendar days later (no limit when null). */
export function checkConsultationDate(value: unknown, today: LocalDate, maxDays: number | null, field = 'date'): Result<LocalDate> {
  if (!isLocalDate(value)) {
    return fail('invalid_input', 'De datum van het spreekuur is geen bestaande datum (JJJJ-MM-DD).', [{ field, message: 'Geen geldige datum.' }]);
  }
  if (value < today) {
    return fail('invalid_input', `De datum van het spreekuur (${value}) ligt vóór vandaag (${today}).`, [{ field, message: 'Ligt in het verleden.' }]);
  }
  if (maxDays !== null && dayNumber(value) - dayNumber(today) > maxDays) {
    const last = addCalendarDays(today, maxDays);
    return fail('invalid_input', `Het spreekuur mag hooguit ${maxDays} dagen vooruit worden gepland (uiterlijk ${last}); zolang staat de beslistermijn stil.`, [
      { field, message: `Uiterlijk ${last}.` },
    ]);
  }
  return ok(value);
}

/** One history entry as the clock needs it: what happened, on which day, and the consultation date of a scheduling. */
export interface ClockEvent {
  event: string;
  on: LocalDate;
  consultation_date?: LocalDate | null;
}

/** The pauses of the decision clock from a request's history, in order. */
export function pausesOf(history: readonly ClockEvent[]): Pause[] {
  const pauses: Pause[] = [];
  for (const e of history) {
    if (e.event === 'information-requested') pauses.push({ reason: 'information', from: e.on, until: null });
    else if (e.event === 'information-provided') {
      const open = pauses.findLast((p) => p.reason === 'information' && p.until === null);
      if (open) open.until = e.on;
    } else if (e.event === 'consultation-scheduled' && e.consultation_date) {
      // Moved on or before the planned day: the same pause runs on to the new date.
      const planned = pauses.findLast((p) => p.reason === 'consultation' && p.until !== null && p.until >= e.on);
      if (planned) planned.until = e.consultation_date;
      else pauses.push({ reason: 'consultation', from: e.on, until: e.consultation_date });
    }
  }
  return pauses;
}
