/**
 * The policy module: schema, validation and small pure accessors the rest of the product uses to
 * read a policy year (parameters, calendar events, decisions, claim rules, a summary for listings).
 */
import { fail, ok, type Result } from '../errors.js';
import type { CalendarEvent, ClaimsRule, Policy, PolicyDecision, PolicyKind, PolicyParameter } from './schema.js';

export * from './schema.js';
export { formatPath, parsePath, parsePolicy, policyIssues, type PathSegment } from './parse.js';

export type ParameterType = PolicyParameter['type'];
export type ParameterValue<T extends ParameterType> = Extract<PolicyParameter, { type: T }>['value'];

export function policyParameter(policy: Policy, id: string): PolicyParameter | undefined {
  return policy.parameters.find((p) => p.id === id);
}

/**
 * The value of a parameter of the expected type, e.g. `parameterValue(policy, 'serial_window_days', 'integer')`.
 * A missing parameter is `not_found`; a parameter of another type is `invalid_input` (the file and
 * the code disagree).
 */
export function parameterValue<T extends ParameterType>(policy: Policy, id: string, type: T): Result<ParameterValue<T>> {
  const parameter = policyParameter(policy, id);
  if (!parameter) return fail('not_found', `Parameter '${id}' ontbreekt in beleid ${policy.id}.`);
  if (parameter.type !== type) {
    return fail('invalid_input', `Parameter '${id}' in beleid ${policy.id} is van type ${parameter.type}, verwacht ${type}.`);
  }
  return ok(parameter.value as ParameterValue<T>);
}

export function calendarEvent(policy: Policy, id: string): CalendarEvent | undefined {
  return policy.calendar.find((e) => e.id === id);
}

/** Calendar events for one contracting path; events marked `all` apply to every path. Sorted by date. */
export function calendarFor(policy: Policy, path: CalendarEvent['paths'][number]): CalendarEvent[] {
  return policy.calendar
    .filter((e) => e.paths.includes('all') || e.paths.includes(path))
    .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function policyDecision(policy: Policy, id: string): PolicyDecision | undefined {
  return policy.decisions.find((d) => d.id === id);
}

export function claimsRule(policy: Policy, id: string): ClaimsRule | undefined {
  return policy.claims_control.rules.find((r) => r.id === id);
}

export function findPolicy(policies: readonly Policy[], id: string): Result<Policy> {
  const policy = policies.find((p) => p.id === id);
  return policy ? ok(policy) : fail('not_found', `Beleid '${id}' bestaat niet.`);
}

export interface PolicySummary {
  id: string;
  version: number;
  kind: PolicyKind;
  title: string;
  policy_year: number;
  counts: Record<string, number>;
}

/** One line of `policy list`: identity plus how many entries each section holds. */
export function summarisePolicy(policy: Policy): PolicySummary {
  const shared = {
    calendar: policy.calendar.length,
    parameters: policy.parameters.length,
    decisions: policy.decisions.length,
    claims_rules: policy.claims_control.rules.length,
  };
  const counts: Record<string, number> =
    policy.kind === 'msz'
      ? {
          agreement_types: policy.agreement_types.length,
          ...shared,
          multi_year_adjustments: policy.multi_year_adjustments.length,
          selective_purchasing: policy.selective_purchasing.length,
          volume_corrections: policy.volume.corrections.length,
          general_conditions: policy.quality.general_conditions.items.length,
          purchasing_specifications: policy.quality.purchasing_specifications.questions.length,
          minimum_norm_treatments: policy.minimum_norms.treatments.length,
          conditional_admissions: policy.conditional_admissions.projects.length,
          non_evidence_based: policy.non_evidence_based.treatments.length,
        }
      : { ...shared, nacalculatie_conditions: policy.nacalculatie.conditions.length };
  return { id: policy.id, version: policy.version, kind: policy.kind, title: policy.title, policy_year: policy.policy_year, counts };
}
