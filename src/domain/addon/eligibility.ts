/**
 * Whether a provider's add-on drugs sub-agreement (FDA) has nacalculatie (ADD §5). The policy's
 * three conditions are each evaluated and always all shown:
 * - expected add-on revenue above the threshold, else a ceiling at reference tariffs without
 *   nacalculatie (`otherwise: ceiling-at-reference-tariffs-without-nacalculatie`);
 * - correct and timely Q2 figures, else no nacalculatie (`otherwise: no-nacalculatie`);
 * - efficient prescribing where a drug has efficiency requirements, else no nacalculatie for that
 *   drug only (`otherwise: no-nacalculatie-for-drug`, per `efficiency_nacalculatie_rule`).
 */
import type { Reason } from '../explain.js';
import { formatEuro, isCents } from '../money/index.js';
import { calendarEvent, parameterValue, policyDecision, policyParameter, type AddOnPolicy, type NacalculatieCondition, type ParameterType, type ParameterValue } from '../policy/index.js';

export type Q2Figures = 'on-time' | 'late' | 'incorrect';
export type EfficiencyStatus = 'met' | 'not-met' | 'no-requirement';

export interface AddonEligibilityInput {
  /** Expected add-on revenue in cents, on the basis of parameter `addon_revenue_basis`. */
  expectedRevenueCents: number;
  q2Figures: Q2Figures;
  /** For the provider's drugs with targeted efficiency requirements; `no-requirement` when none has any. */
  efficiency: EfficiencyStatus;
}

export interface AddonCondition {
  id: string;
  met: boolean;
  reason: Reason;
}

export interface AddonEligibility {
  nacalculatie: boolean;
  /** `plafond`: a ceiling at reference tariffs, overruns not covered (below the threshold, or a condition failed). */
  agreement: 'fda-nacalculatie' | 'plafond';
  conditions: AddonCondition[];
  reasons: Reason[];
}

export const THRESHOLD_PARAMETER = 'addon_revenue_threshold_cents';
export const BOUNDARY_PARAMETER = 'addon_revenue_threshold_boundary';
export const BASIS_PARAMETER = 'addon_revenue_basis';
export const Q2_DEADLINE_PARAMETER = 'q2_figures_deadline';

/** A parameter the rules need; a policy without it is a defect in the policy file (a bug): throws. */
function required<T extends ParameterType>(policy: AddOnPolicy, id: string, type: T): ParameterValue<T> {
  const result = parameterValue(policy, id, type);
  if (!result.ok) throw new Error(`${result.error.message} Het beleidsbestand is onvolledig.`);
  return result.value;
}

const euro = (cents: number): string => (isCents(cents) ? formatEuro(cents) : `${String(cents)} cent`);

function decisionText(policy: AddOnPolicy, parameterId: string): { id: string | null; text: string } {
  const id = policyParameter(policy, parameterId)?.decision;
  const decision = id ? policyDecision(policy, id) : undefined;
  return { id: id ?? null, text: decision ? ` ${decision.decision}` : '' };
}

function revenueCondition(policy: AddOnPolicy, condition: NacalculatieCondition, revenue: number): AddonCondition {
  const threshold = required(policy, THRESHOLD_PARAMETER, 'money');
  const boundary = required(policy, BOUNDARY_PARAMETER, 'enum');
  if (boundary !== 'exactly-threshold-counts-as-below' && boundary !== 'exactly-threshold-counts-as-above') {
    throw new Error(`Parameter '${BOUNDARY_PARAMETER}' heeft onbekende waarde '${boundary}'.`);
  }
  const basis = required(policy, BASIS_PARAMETER, 'enum');
  const exactly = revenue === threshold;
  const met = revenue > threshold || (exactly && boundary === 'exactly-threshold-counts-as-above');
  const decision = exactly ? decisionText(policy, BOUNDARY_PARAMETER) : { id: null, text: '' };
  const position = exactly ? 'is precies' : met ? 'ligt boven' : 'ligt onder';
  return {
    id: condition.id,
    met,
    reason: {
      rule: `addon.condition.${condition.id}`,
      source: condition.source,
      inputs: { expected_revenue_cents: revenue, threshold_cents: threshold, boundary, revenue_basis: basis, decision: decision.id },
      message:
        `${condition.title}: verwachte omzet ${euro(revenue)} ${position} de drempel van ${euro(threshold)}; ` +
        (met ? 'voldaan.' : 'niet voldaan: een plafondafspraak tegen de geldende referentietarieven, zonder nacalculatie.') +
        decision.text,
    },
  };
}

function q2Condition(policy: AddOnPolicy, condition: NacalculatieCondition, figures: Q2Figures): AddonCondition {
  const deadline = policyParameter(policy, Q2_DEADLINE_PARAMETER)?.value ?? (condition.deadline_event ? calendarEvent(policy, condition.deadline_event)?.date : undefined);
  const met = figures === 'on-time';
  const what = { 'on-time': 'tijdig, juist en betrouwbaar aangeleverd', late: 'te laat aangeleverd', incorrect: 'niet juist of niet betrouwbaar aangeleverd' }[figures];
  const decision = decisionText(policy, Q2_DEADLINE_PARAMETER);
  return {
    id: condition.id,
    met,
    reason: {
      rule: `addon.condition.${condition.id}`,
      source: condition.source,
      inputs: { q2_figures: figures, deadline: typeof deadline === 'string' ? deadline : null, decision: decision.id },
      message: `${condition.title}: de prognose- en realisatiecijfers zijn ${what}${typeof deadline === 'string' ? ` (uiterlijk ${deadline})` : ''}; ` +
        (met ? 'voldaan.' : 'niet voldaan: geen nacalculatie.') + decision.text,
    },
  };
}

function efficiencyCondition(policy: AddOnPolicy, condition: NacalculatieCondition, efficiency: EfficiencyStatus): AddonCondition {
  const ruleParameter = policy.nacalculatie.efficiency_rule_parameter;
  const rule = required(policy, ruleParameter, 'enum');
  const met = efficiency !== 'not-met';
  const decision = decisionText(policy, ruleParameter);
  const consequence =
    efficiency === 'no-requirement' ? 'voor de geneesmiddelen van de aanbieder gelden geen gerichte doelmatigheidseisen; voldaan.'
      : efficiency === 'met' ? 'aan de gerichte doelmatigheidseisen is voldaan.'
        : rule === 'per-drug-all-or-nothing'
          ? 'niet voldaan: geen nacalculatie voor de geneesmiddelen waarvan de eis niet is gehaald; voor de overige geneesmiddelen blijft nacalculatie op clusterniveau.'
          : `niet voldaan: nacalculatie volgens regel ${rule}.`;
  return {
    id: condition.id,
    met,
    reason: {
      rule: `addon.condition.${condition.id}`,
      source: condition.source,
      inputs: { efficiency, [ruleParameter]: rule, decision: decision.id },
      message: `${condition.title}: ${consequence}${efficiency === 'not-met' ? decision.text : ''}`,
    },
  };
}

/** The nacalculatie conditions of ADD §5 for one provider, all three shown, and the resulting agreement. */
export function addonEligibility(policy: AddOnPolicy, input: AddonEligibilityInput): AddonEligibility {
  const ordered = policy.nacalculatie.conditions.toSorted((a, b) => a.number - b.number);
  const conditions = ordered.map((condition) => {
    switch (condition.otherwise) {
      case 'ceiling-at-reference-tariffs-without-nacalculatie':
        return { condition, result: revenueCondition(policy, condition, input.expectedRevenueCents) };
      case 'no-nacalculatie':
        return { condition, result: q2Condition(policy, condition, input.q2Figures) };
      case 'no-nacalculatie-for-drug':
        return { condition, result: efficiencyCondition(policy, condition, input.efficiency) };
    }
  });
  // A per-drug condition never blocks nacalculatie as a whole; it only excludes drugs (postCalculate).
  const blocking = conditions.filter((c) => c.condition.otherwise !== 'no-nacalculatie-for-drug' && !c.result.met);
  const nacalculatie = blocking.length === 0;
  const failed = blocking.map((c) => c.condition.id);
  const termYears = policyParameter(policy, policy.agreement.years_parameter)?.value;
  const reasons: Reason[] = [
    ...conditions.map((c) => c.result.reason),
    {
      rule: nacalculatie ? 'addon.nacalculatie' : 'addon.plafond',
      source: policy.nacalculatie.source,
      inputs: { nacalculatie, failed_conditions: failed.join(', '), level: policy.nacalculatie.level },
      message: nacalculatie
        ? `Nacalculatie op ${policy.nacalculatie.level}niveau: volumeoverschrijdingen worden tegen referentietarief vergoed (aandeel volgens ${policy.nacalculatie.covered_share_parameter}).`
        : `Geen nacalculatie (niet voldaan: ${failed.join(', ')}): de financiële deelafspraak werkt als plafond tegen de referentietarieven; overschrijdingen worden niet vergoed.`,
    },
    {
      rule: 'addon.fda',
      source: policy.agreement.source,
      inputs: { [policy.agreement.years_parameter]: typeof termYears === 'number' ? termYears : null },
      message: policy.agreement.text,
    },
  ];
  return { nacalculatie, agreement: nacalculatie ? 'fda-nacalculatie' : 'plafond', conditions: conditions.map((c) => c.result), reasons };
}
