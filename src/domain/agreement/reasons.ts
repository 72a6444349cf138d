/**
 * The reasons of an agreement decision (MSZ §2), in Dutch, each with its rule id, its source in
 * the policy and the inputs that decided it. Built from the policy data; no rule lives here.
 */
import type { Reason } from '../explain.js';
import { formatEuro, isCents } from '../money/index.js';
import { policyDecision, policyParameter, type AgreementType, type MszPolicy } from '../policy/index.js';
import type { Context, Evaluation, NegotiationStatus, OpenAnalysis, OpenField } from './decide.js';
import {
  DIGITAL_PATH_PARAMETER,
  FACT_KEYS,
  PARTIAL_OUTCOME_PARAMETER,
  UMC_RULE_PARAMETER,
  boundaryOf,
  kernregioConditionsApply,
  parameterSource,
  requiredParameter,
  umcRuleOf,
  unmetFacts,
  type EffectiveAlternative,
  type FactKey,
  type Match,
  type SelectionFacts,
} from './selection.js';

const euro = (cents: number): string => (isCents(cents) ? formatEuro(cents) : `${String(cents)} cent`);

const FACT_LABEL: Record<FactKey, string> = {
  new_provider: 'nieuwe aanbieder',
  kernregio: 'in kernregio',
  revenue: 'omzet',
  price_volume_agreed: 'akkoord prijs- en volumeniveau',
  kernregio_conditions_met: 'kernregio-voorwaarden bereikt',
  multi_year_content_agreed: 'akkoord inhoud meerjarenovereenkomst',
};
const OPEN_LABEL: Record<OpenField, string> = {
  priceVolume: 'prijs- en volumeniveau',
  kernregioConditions: 'kernregio-voorwaarden',
  multiYearContent: 'inhoud meerjarenovereenkomst',
};
const STATUS_LABEL: Record<NegotiationStatus, string> = { agreed: 'akkoord', rejected: 'geen akkoord', open: 'nog open' };

function factText(key: FactKey, value: SelectionFacts[FactKey]): string {
  if (key === 'revenue') return value === 'above-threshold' ? 'omzet boven de drempel' : 'omzet onder de drempel';
  return `${FACT_LABEL[key]}: ${value ? 'ja' : 'nee'}`;
}

function decisionReason(policy: MszPolicy, decisionId: string, parameterId: string | undefined): Reason | undefined {
  const decision = policyDecision(policy, decisionId);
  if (!decision) return undefined;
  const parameter = parameterId ? policyParameter(policy, parameterId) : undefined;
  const inputs: Reason['inputs'] = { decision: decisionId };
  if (parameter) inputs[parameter.id] = Array.isArray(parameter.value) ? parameter.value.join(', ') : parameter.value;
  return { rule: `agreement.decision.${decisionId}`, source: decision.source, inputs, message: `${decision.question} ${decision.decision}` };
}

function revenueReasons(context: Context, base: Evaluation): Reason[] {
  const { policy, input, thresholdCents } = context;
  const selection = policy.agreement_selection;
  const revenue = input.provider.zkRevenueCents;
  const boundary = boundaryOf(policy);
  const basis = requiredParameter(policy, selection.revenue_basis_parameter, 'enum');
  const above = base.facts.revenue === 'above-threshold';
  const exactly = revenue === thresholdCents;
  const reasons: Reason[] = [{
    rule: 'agreement.revenue-threshold',
    source: parameterSource(policy, selection.revenue_threshold_parameter),
    inputs: { zk_revenue_cents: revenue, threshold_cents: thresholdCents, boundary, revenue_basis: basis, revenue: base.facts.revenue },
    message:
      `Zilveren Kruisomzet ${euro(revenue)} ${exactly ? 'is precies' : above ? 'ligt boven' : 'ligt onder'} de drempel van ${euro(thresholdCents)}` +
      (exactly ? `; precies de drempel telt als ${above ? 'boven' : 'onder'} (${selection.revenue_boundary_parameter} = ${boundary}).` : '.') +
      ` Omzetbasis: ${basis}.`,
  }];
  const boundaryDecision = policyParameter(policy, selection.revenue_boundary_parameter)?.decision;
  if (exactly && boundaryDecision) {
    const reason = decisionReason(policy, boundaryDecision, selection.revenue_boundary_parameter);
    if (reason) reasons.push(reason);
  }
  return reasons;
}

function kernregioRuleReason(context: Context, base: Evaluation): Reason | undefined {
  if (!context.input.provider.kernregio) return undefined;
  const parameterId = base.facts.revenue === 'above-threshold' ? PARTIAL_OUTCOME_PARAMETER : DIGITAL_PATH_PARAMETER;
  const decision = policyParameter(context.policy, parameterId)?.decision;
  return decision ? decisionReason(context.policy, decision, parameterId) : undefined;
}

/** The facts: revenue, kernregio, new provider, each multi-year condition, multi-year content, UMC. */
export function contextReasons(context: Context, base: Evaluation): Reason[] {
  const { policy, input } = context;
  const selection = policy.agreement_selection;
  const { provider, negotiation } = input;
  const reasons = revenueReasons(context, base);
  reasons.push({
    rule: 'agreement.kernregio',
    source: selection.kernregio_definition_source,
    inputs: { kernregio: provider.kernregio },
    message: `De aanbieder ligt ${provider.kernregio ? 'in' : 'niet in'} een kernregio. ${selection.kernregio_definition}.` +
      (provider.kernregio ? '' : ` ${selection.outside_kernregio_text}`),
  });
  reasons.push({
    rule: 'agreement.new-provider',
    source: selection.source,
    inputs: { new_provider: negotiation.newProvider },
    message: negotiation.newProvider ? 'De aanbieder is een nieuwe aanbieder (nog geen overeenkomst met Zilveren Kruis).' : 'De aanbieder is geen nieuwe aanbieder.',
  });
  const conditionsApply = kernregioConditionsApply(policy, provider.kernregio, base.facts.revenue);
  for (const condition of selection.multi_year_conditions) {
    const everywhere = condition.applies_in === 'everywhere';
    const status = everywhere ? negotiation.priceVolume : negotiation.kernregioConditions;
    const applies = everywhere || conditionsApply;
    const why = applies ? '' : provider.kernregio ? ' Geldt niet voor deze aanbieder volgens het beleid (parameter).' : ' Geldt alleen in de kernregio.';
    reasons.push({
      rule: `agreement.condition.${condition.id}`,
      source: condition.source,
      inputs: { condition: condition.id, status, applies_in: condition.applies_in, applies },
      message: `Voorwaarde ‘${condition.text}’: ${STATUS_LABEL[status]}.${why}`,
    });
  }
  const kernregioRule = kernregioRuleReason(context, base);
  if (kernregioRule) reasons.push(kernregioRule);
  const agreed = base.facts.multi_year_content_agreed;
  reasons.push({
    rule: 'agreement.multi-year-content',
    source: policy.multi_year_rules.source,
    inputs: { multi_year_content: negotiation.multiYearContent ?? null, defaulted: base.multiYearDefaulted, kernregio_conditions_apply: conditionsApply, agreed },
    message: base.multiYearDefaulted
      ? `Over de inhoud van de meerjarenovereenkomst is niets apart vastgelegd; aangenomen: ${agreed ? 'akkoord' : 'geen akkoord'} ` +
        '(standaard: akkoord als prijs en volume akkoord zijn en, waar de kernregio-voorwaarden gelden, ook die voorwaarden).'
      : `Inhoud meerjarenovereenkomst: ${STATUS_LABEL[negotiation.multiYearContent ?? 'open']}.`,
  });
  if (provider.type === 'umc') {
    const rule = umcRuleOf(policy);
    const decisionId = policyParameter(policy, UMC_RULE_PARAMETER)?.decision;
    reasons.push({
      rule: 'agreement.umc',
      source: parameterSource(policy, UMC_RULE_PARAMETER),
      inputs: { provider_type: provider.type, [UMC_RULE_PARAMETER]: rule, decision: decisionId ?? null },
      message: `${(decisionId && policyDecision(policy, decisionId)?.decision) || 'Een UMC volgt dezelfde regels als andere aanbieders.'} ${policy.settlement.umc_exception.text}`,
    });
  }
  return reasons;
}

function alternativeInputs(alternative: EffectiveAlternative, facts: SelectionFacts): Reason['inputs'] {
  const inputs: Reason['inputs'] = { written_in: `${alternative.written_in.type_id} alternatief ${alternative.written_in.number}` };
  for (const key of FACT_KEYS) if (alternative.facts[key] !== undefined) inputs[key] = facts[key];
  if (alternative.decision) inputs.decision = alternative.decision;
  if (alternative.changed_by) inputs.changed_by = alternative.changed_by;
  return inputs;
}

function notApplicable(type: AgreementType, alternatives: readonly EffectiveAlternative[], facts: SelectionFacts): Reason {
  const inputs: Reason['inputs'] = { agreement_type_id: type.id, rank: type.rank };
  const parts = alternatives.map((alternative, index) => {
    const unmet = unmetFacts(alternative, facts);
    inputs[`alternative_${index + 1}_unmet`] = unmet.join(', ');
    return `alternatief ${index + 1} vraagt ${unmet.map((key) => factText(key, alternative.facts[key] as SelectionFacts[FactKey])).join(' en ')}`;
  });
  return {
    rule: `agreement.${type.id}.not-applicable`,
    source: type.source,
    inputs,
    message: `Niet van toepassing: ${type.title} (rang ${type.rank}); ${parts.join('; ') || 'geen alternatieven'}.`,
  };
}

/** Why each higher-ranked type does not apply, which alternative of which type matched, its decision. */
export function matchReasons(context: Context, base: Evaluation): Reason[] {
  const reasons: Reason[] = [];
  for (const { type, alternatives } of context.types) {
    if (type.id === base.match?.type.id) break;
    reasons.push(notApplicable(type, alternatives, base.facts));
  }
  const match = base.match;
  if (!match) return reasons;
  const { type, alternative, number } = match;
  const stated = FACT_KEYS.filter((key) => alternative.facts[key] !== undefined).map((key) => factText(key, base.facts[key]));
  reasons.push({
    rule: `agreement.${type.id}`,
    source: type.source,
    inputs: { agb: context.input.provider.agb, agreement_type_id: type.id, rank: type.rank, alternative: number, ...alternativeInputs(alternative, base.facts) },
    message: `${type.title} (rang ${type.rank}, eerste passende afspraaksoort): alternatief ${number} klopt (${stated.join(', ')}). ${type.text}`,
  });
  if (alternative.decision) {
    const parameterId = alternative.changed_by ?? context.policy.parameters.find((p) => p.decision === alternative.decision)?.id;
    const reason = decisionReason(context.policy, alternative.decision, parameterId);
    if (reason && !reasons.some((r) => r.rule === reason.rule)) reasons.push(reason);
  }
  return reasons;
}

/** Which points are open, which of them decide the outcome, and what it would be if they failed. */
export function openFactReason(context: Context, analysis: OpenAnalysis): Reason | undefined {
  if (analysis.open.length === 0) return undefined;
  const labels = (fields: readonly OpenField[]) => fields.map((f) => OPEN_LABEL[f]).join(', ');
  const ifRejected = analysis.ifRejected.match?.type;
  const inputs: Reason['inputs'] = {
    open_facts: analysis.open.join(', '),
    decisive_open_facts: analysis.decisive.join(', '),
    outcome_if_open_rejected: ifRejected?.id ?? null,
  };
  if (analysis.decisive.length === 0) {
    return {
      rule: 'agreement.open-facts',
      source: context.policy.agreement_selection.source,
      inputs,
      message: `Nog open: ${labels(analysis.open)}; dit verandert de afspraaksoort niet, de beslissing is definitief.`,
    };
  }
  return {
    rule: 'agreement.provisional',
    source: context.policy.agreement_selection.source,
    inputs,
    message:
      `Voorlopig: nog open is ${labels(analysis.open)}. De beslissing gaat uit van akkoord op de open punten (wat Zilveren Kruis aanbiedt); ` +
      `bepalend: ${labels(analysis.decisive)}. Zonder akkoord op de open punten: ${ifRejected?.title ?? 'geen passende afspraaksoort'}.`,
  };
}

/** Notes that come with the agreement: multi-year rules, resolutive condition, budget policy. */
export function noteReasons(context: Context, match: Match): Reason[] {
  const { policy, input } = context;
  const reasons: Reason[] = [];
  if (match.type.years > 1) {
    reasons.push({
      rule: 'agreement.multi-year-rules',
      source: policy.multi_year_rules.source,
      inputs: { years: match.type.years, adjustments: policy.multi_year_adjustments.map((a) => a.id).join(', ') },
      message: `${policy.multi_year_rules.text} Aanpassingen: ${policy.multi_year_adjustments.map((a) => a.title.toLowerCase()).join(', ')}.`,
    });
    for (const condition of policy.resolutive_conditions) {
      const decision = condition.decision ? policyDecision(policy, condition.decision) : undefined;
      reasons.push({
        rule: `agreement.resolutive-condition.${condition.id}`,
        source: condition.source,
        inputs: { applies_if: condition.applies_if, decision: condition.decision ?? null, expensive_drugs_agreement_years: policy.expensive_drugs.years },
        message: `${condition.text}${decision ? ` ${decision.decision}` : ''} ${policy.expensive_drugs.text}`,
      });
    }
  }
  const selected = input.provider.budgetPolicySelected;
  if (selected !== undefined) {
    const budget = policy.budget_policy;
    reasons.push({
      rule: 'agreement.budget-policy',
      source: budget.source,
      inputs: { budget_policy_selected: selected, selection_years: budget.selection_years.join(', '), selected_for_year: budget.selected_for_year, extension_years: budget.extension_years },
      message: selected
        ? `De aanbieder is in ${budget.selection_years.join(' en ')} geselecteerd voor de budgetpolissen en blijft dat in ${budget.selected_for_year}; de overeenkomst voor de budgetpolissen wordt met ${budget.extension_years} jaar verlengd.`
        : `De aanbieder is niet geselecteerd voor de budgetpolissen; vanaf ${budget.non_selected_eligible_from} kan hij weer in aanmerking komen.`,
    });
  }
  return reasons;
}
