/**
 * Use case: the published calendar of a policy year (public: the calendar is part of the published
 * policy). Statuses are relative to the given day, or to today in the policy's time zone.
 */
import { isLocalDate } from '../../domain/calendar/working-days.js';
import { localDateIn, policyCalendar, type CalendarItem } from '../../domain/contracting/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parameterValue, type Policy } from '../../domain/policy/index.js';
import type { PolicyCatalogue } from '../policies.js';

export const CALENDAR_PATHS = ['regular', 'digital', 'new-provider'] as const;
export type CalendarPathFilter = (typeof CALENDAR_PATHS)[number];

export interface CalendarView {
  policy: { id: string; title: string };
  path: CalendarPathFilter | null;
  time_zone: string;
  today: string;
  events: CalendarItem[];
}

/** The newest MSZ policy when none is named. */
function choosePolicy(policies: PolicyCatalogue, id: string | undefined): Result<Policy> {
  if (id) return policies.get(id);
  const newest = policies
    .all()
    .filter((p) => p.kind === 'msz')
    .toSorted((a, b) => b.policy_year - a.policy_year)[0];
  return newest ? ok(newest) : fail('not_found', 'Er is geen inkoopbeleid met een kalender.');
}

export function calendarView(policies: PolicyCatalogue, input: { policy?: string; path?: string; on?: string; now: Date }): Result<CalendarView> {
  const policy = choosePolicy(policies, input.policy);
  if (!policy.ok) return policy;
  if (input.path !== undefined && !(CALENDAR_PATHS as readonly string[]).includes(input.path)) {
    return fail('invalid_input', `Pad moet ${CALENDAR_PATHS.join(', ')} zijn (gekregen: '${input.path}').`, [{ field: 'path', message: 'Onbekend pad.' }]);
  }
  if (input.on !== undefined && !isLocalDate(input.on)) return fail('invalid_input', `Datum moet JJJJ-MM-DD zijn (gekregen: '${input.on}').`, [{ field: 'on', message: 'Ongeldige datum.' }]);
  const zone = parameterValue(policy.value, 'calendar_timezone', 'text');
  const timeZone = zone.ok ? zone.value : 'Europe/Amsterdam';
  const today = input.on ?? localDateIn(input.now, timeZone);
  const path = (input.path as CalendarPathFilter | undefined) ?? null;
  return ok({
    policy: { id: policy.value.id, title: policy.value.title },
    path,
    time_zone: timeZone,
    today,
    events: policyCalendar(policy.value, { today, ...(path ? { path } : {}) }),
  });
}
