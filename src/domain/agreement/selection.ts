/**
 * The mechanics of MSZ §2 agreement selection, as the policy data describes it: the facts of a
 * provider and its negotiation, the agreement types with their `applies_when` alternatives (after
 * the parameters that govern some of them are applied), and first-match in `rank` order.
 * `decide.ts` turns a match into an explained decision.
 */
import { parameterValue, policyParameter, type AgreementAlternative, type AgreementType, type MszPolicy, type ParameterType, type ParameterValue } from '../policy/index.js';

/** The facts `applies_when` alternatives test (`agreement_selection.facts`). */
export interface SelectionFacts {
  new_provider: boolean;
  kernregio: boolean;
  revenue: 'above-threshold' | 'below-threshold';
  price_volume_agreed: boolean;
  kernregio_conditions_met: boolean;
  multi_year_content_agreed: boolean;
}
export type FactKey = keyof SelectionFacts;
export const FACT_KEYS: readonly FactKey[] = [
  'new_provider',
  'kernregio',
  'revenue',
  'price_volume_agreed',
  'kernregio_conditions_met',
  'multi_year_content_agreed',
];

/** One alternative as it is tested: its facts after the governing parameters are applied. */
export interface EffectiveAlternative {
  facts: Partial<SelectionFacts>;
  decision: string | undefined;
  /** Where the alternative is written in the policy file (type id, 1-based position). */
  written_in: { type_id: string; number: number };
  /** The parameter that changed this alternative (copied it or dropped a fact), if any. */
  changed_by: string | undefined;
}
export interface EffectiveType {
  type: AgreementType;
  alternatives: EffectiveAlternative[];
}
export interface Match {
  type: AgreementType;
  alternative: EffectiveAlternative;
  /** 1-based position among the effective alternatives of the type. */
  number: number;
}

/** Parameters (by id) that govern alternatives tagged with the same `decision` (MSZ §2). */
export const PARTIAL_OUTCOME_PARAMETER = 'kernregio_partial_agreement_outcome';
export const DIGITAL_PATH_PARAMETER = 'kernregio_conditions_digital_path';
export const UMC_RULE_PARAMETER = 'umc_agreement_rule';

/**
 * A parameter the selection cannot do without. The policy schema does not require these ids, so a
 * file that lacks one is a defect in the policy data (a bug), not bad user input: it throws.
 */
export function requiredParameter<T extends ParameterType>(policy: MszPolicy, id: string, type: T): ParameterValue<T> {
  const result = parameterValue(policy, id, type);
  if (!result.ok) throw new Error(`${result.error.message} Het beleidsbestand is onvolledig.`);
  return result.value;
}

export function parameterSource(policy: MszPolicy, id: string): string {
  return policyParameter(policy, id)?.source ?? policy.agreement_selection.source;
}

function oneOf<T extends string>(policy: MszPolicy, id: string, allowed: readonly T[]): T {
  const value = requiredParameter(policy, id, 'enum');
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`Parameter '${id}' in beleid ${policy.id} heeft onbekende waarde '${value}'.`);
  return found;
}

export type Boundary = 'exactly-threshold-counts-as-below' | 'exactly-threshold-counts-as-above';
export const boundaryOf = (policy: MszPolicy): Boundary =>
  oneOf(policy, policy.agreement_selection.revenue_boundary_parameter, ['exactly-threshold-counts-as-below', 'exactly-threshold-counts-as-above']);
export const digitalPathOf = (policy: MszPolicy): 'required' | 'not-required' => oneOf(policy, DIGITAL_PATH_PARAMETER, ['required', 'not-required']);
export const umcRuleOf = (policy: MszPolicy): 'same-as-other-providers' => oneOf(policy, UMC_RULE_PARAMETER, ['same-as-other-providers']);

/** The agreement type a kernregio provider gets when it agrees on price and volume only. */
export function partialOutcomeType(policy: MszPolicy): AgreementType {
  const id = requiredParameter(policy, PARTIAL_OUTCOME_PARAMETER, 'enum');
  const type = policy.agreement_types.find((t) => t.id === id);
  if (!type) throw new Error(`Parameter '${PARTIAL_OUTCOME_PARAMETER}' noemt afspraaksoort '${id}', die niet in beleid ${policy.id} staat.`);
  return type;
}

/** Revenue above or below the threshold; exactly the threshold counts per the boundary parameter. */
export function revenueSide(revenueCents: number, thresholdCents: number, boundary: Boundary): SelectionFacts['revenue'] {
  if (revenueCents > thresholdCents) return 'above-threshold';
  if (revenueCents === thresholdCents && boundary === 'exactly-threshold-counts-as-above') return 'above-threshold';
  return 'below-threshold';
}

/**
 * Whether the kernregio conditions are a condition for this provider's multi-year agreement:
 * only in a kernregio, and there not when a parameter waives them. Above the threshold they are
 * waived when `kernregio_partial_agreement_outcome` names a multi-year type (more than 1 year);
 * below it when `kernregio_conditions_digital_path` is `not-required`.
 */
export function kernregioConditionsApply(policy: MszPolicy, kernregio: boolean, revenue: SelectionFacts['revenue']): boolean {
  if (!kernregio) return false;
  if (revenue === 'above-threshold') return partialOutcomeType(policy).years <= 1;
  return digitalPathOf(policy) === 'required';
}

function writtenFacts(alternative: AgreementAlternative): Partial<SelectionFacts> {
  const facts: Partial<SelectionFacts> = {};
  for (const key of FACT_KEYS) {
    const value = alternative[key];
    if (value !== undefined) Object.assign(facts, { [key]: value });
  }
  return facts;
}

/** The facts every alternative of `type` states with the same value. */
function sharedFacts(type: AgreementType): Partial<SelectionFacts> {
  const shared: Partial<SelectionFacts> = {};
  for (const key of FACT_KEYS) {
    const values = new Set(type.applies_when.map((alt) => alt[key]));
    const [only] = [...values];
    if (values.size === 1 && only !== undefined) Object.assign(shared, { [key]: only });
  }
  return shared;
}

/**
 * The agreement types in `rank` order with their alternatives after the governing parameters:
 * - an alternative tagged with the decision of `kernregio_partial_agreement_outcome` also applies
 *   to the type that parameter names; copied there, it takes the facts all alternatives of that
 *   type share, its own facts taking precedence (so a copy in the >10 mln type keeps `revenue`).
 *   As written it stays in its own type, the fallback for providers outside the target's segment
 *   (a kernregio provider below 10 mln then still gets its 1-year ceiling);
 * - an alternative tagged with the decision of `kernregio_conditions_digital_path` drops the fact
 *   `kernregio_conditions_met` when the parameter is `not-required`.
 */
export function effectiveTypes(policy: MszPolicy): EffectiveType[] {
  const partialDecision = policyParameter(policy, PARTIAL_OUTCOME_PARAMETER)?.decision;
  const digitalDecision = policyParameter(policy, DIGITAL_PATH_PARAMETER)?.decision;
  const ranked = policy.agreement_types.toSorted((a, b) => a.rank - b.rank);
  const result: EffectiveType[] = ranked.map((type) => ({ type, alternatives: [] }));
  const moved: { target: AgreementType; alternative: EffectiveAlternative }[] = [];
  for (const type of ranked) {
    type.applies_when.forEach((alt, index) => {
      const base: EffectiveAlternative = {
        facts: writtenFacts(alt),
        decision: alt.decision,
        written_in: { type_id: type.id, number: index + 1 },
        changed_by: undefined,
      };
      if (alt.decision !== undefined && alt.decision === partialDecision) {
        const target = partialOutcomeType(policy);
        if (target.id !== type.id) {
          moved.push({ target, alternative: { ...base, facts: { ...sharedFacts(target), ...base.facts }, changed_by: PARTIAL_OUTCOME_PARAMETER } });
        }
      }
      if (alt.decision !== undefined && alt.decision === digitalDecision && digitalPathOf(policy) === 'not-required') {
        const { kernregio_conditions_met: _dropped, ...rest } = base.facts;
        result.find((e) => e.type.id === type.id)?.alternatives.push({ ...base, facts: rest, changed_by: DIGITAL_PATH_PARAMETER });
        return;
      }
      result.find((e) => e.type.id === type.id)?.alternatives.push(base);
    });
  }
  for (const { target, alternative } of moved) result.find((e) => e.type.id === target.id)?.alternatives.push(alternative);
  return result;
}

/** The facts of `alternative` that do not hold, in `FACT_KEYS` order. */
export function unmetFacts(alternative: EffectiveAlternative, facts: SelectionFacts): FactKey[] {
  return FACT_KEYS.filter((key) => alternative.facts[key] !== undefined && alternative.facts[key] !== facts[key]);
}

/** First match (`agreement_selection.rule: first-match`): the first type with a fully matching alternative. */
export function firstMatch(types: readonly EffectiveType[], facts: SelectionFacts): Match | undefined {
  for (const { type, alternatives } of types) {
    const index = alternatives.findIndex((alt) => unmetFacts(alt, facts).length === 0);
    const alternative = alternatives[index];
    if (alternative) return { type, alternative, number: index + 1 };
  }
  return undefined;
}
