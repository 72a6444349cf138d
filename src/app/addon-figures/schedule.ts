/**
 * Which add-on policy governs quarterly figures about a year: the one whose parameter `figures_year`
 * names that year (add-on-2022: figures about 2021, decision `quarterly-figures-year`). A new policy
 * year brings its own file with its own figures year and deadlines.
 */
import { figuresSchedule, type FiguresSchedule } from '../../domain/addon/figures.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { AddOnPolicy } from '../../domain/policy/index.js';
import type { PolicyCatalogue } from '../policies.js';

export interface FiguresPolicy {
  policy: AddOnPolicy;
  schedule: FiguresSchedule;
}

function addOnPolicies(policies: PolicyCatalogue): AddOnPolicy[] {
  return policies
    .all()
    .filter((p): p is AddOnPolicy => p.kind === 'add-on')
    .toSorted((a, b) => b.policy_year - a.policy_year);
}

function withSchedules(policies: PolicyCatalogue): FiguresPolicy[] {
  return addOnPolicies(policies).flatMap((policy) => {
    const schedule = figuresSchedule(policy);
    return schedule.ok ? [{ policy, schedule: schedule.value }] : [];
  });
}

/** The policy for figures about `year`; `invalid_input` on field `year` when no policy asks for them. */
export function figuresPolicyFor(policies: PolicyCatalogue, year: number, field = 'year'): Result<FiguresPolicy> {
  const all = withSchedules(policies);
  const found = all.find((p) => p.schedule.figuresYear === year);
  if (found) return ok(found);
  const years = all.map((p) => String(p.schedule.figuresYear)).join(', ') || 'geen';
  return fail('invalid_input', `Geen inkoopbeleid add-on geneesmiddelen vraagt kwartaalcijfers over ${year} (wel over: ${years}).`, [
    { field, message: `Geen kwartaalcijfers over ${year}.` },
  ]);
}

/** The newest policy's figures year: the default for listings and the template. */
export function currentFiguresPolicy(policies: PolicyCatalogue): Result<FiguresPolicy> {
  const newest = withSchedules(policies)[0];
  return newest ? ok(newest) : fail('not_found', 'Er is geen inkoopbeleid add-on geneesmiddelen met kwartaalcijfers.');
}

/** The schedule whose Q2 figures decide nacalculatie in the FDA of `fdaYear` (the policy of that very year). */
export function scheduleForFdaYear(policy: AddOnPolicy, fdaYear: number): FiguresSchedule | null {
  if (policy.policy_year !== fdaYear) return null;
  const schedule = figuresSchedule(policy);
  return schedule.ok ? schedule.value : null;
}
