/**
 * Which agreement a provider gets (MSZ §2): the policy's agreement types are tested in `rank`
 * order against the facts of the provider and its negotiation, first match wins. Every step is a
 * `Reason`: the revenue test, kernregio, each condition, the matching alternative, the parameters
 * and decisions used, open points, and the notes that come with the agreement.
 *
 * Open points (`open`) are decided as if agreed (what is on offer); when the outcome depends on one
 * of them the decision is `provisional`.
 */
import type { MszPolicy } from '../policy/index.js';
import type { Reason } from '../explain.js';
import {
  boundaryOf,
  effectiveTypes,
  firstMatch,
  kernregioConditionsApply,
  requiredParameter,
  revenueSide,
  type EffectiveType,
  type Match,
  type SelectionFacts,
} from './selection.js';
import { contextReasons, matchReasons, noteReasons, openFactReason } from './reasons.js';

export type NegotiationStatus = 'agreed' | 'rejected' | 'open';
export type ProviderType = 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';

export interface AgreementInput {
  provider: {
    agb: string;
    type: ProviderType;
    kernregio: boolean;
    /** Zilveren Kruisomzet in cents, on the basis of parameter `revenue_basis`. */
    zkRevenueCents: number;
    /** Selected for the budget policies in 2016/2017 (MSZ §2); omitted = unknown, no note. */
    budgetPolicySelected?: boolean;
  };
  negotiation: {
    priceVolume: NegotiationStatus;
    kernregioConditions: NegotiationStatus;
    /**
     * Agreement on the content of the multi-year agreement. Default when omitted: agreed when price
     * and volume are agreed and, where the kernregio conditions apply to the provider (in a
     * kernregio, unless a parameter waives them), those conditions are agreed too.
     */
    multiYearContent?: NegotiationStatus;
    newProvider: boolean;
  };
}

export interface AgreementDecision {
  type: 'transitie' | 'plafond' | 'none';
  years: 0 | 1 | 2 | 3;
  path: 'regular' | 'digital';
  status: 'final' | 'provisional';
  agreement_type_id: string;
  title: string;
  settlement: 'transition' | 'ceiling' | 'none';
  partial_purchase_possible: boolean;
  reasons: Reason[];
}

/** `agreement_type_id` when no type of the policy matches (a gap in the policy data). */
export const NO_MATCH_ID = 'geen-passende-afspraaksoort';

export const OPEN_FIELDS = ['priceVolume', 'kernregioConditions', 'multiYearContent'] as const;
export type OpenField = (typeof OPEN_FIELDS)[number];

export interface Context {
  policy: MszPolicy;
  input: AgreementInput;
  types: EffectiveType[];
  thresholdCents: number;
}

export interface Evaluation {
  facts: SelectionFacts;
  multiYearDefaulted: boolean;
  match: Match | undefined;
}

/** `open` fields count as agreed unless `rejected` names them (for the what-if evaluations). */
function evaluate(context: Context, rejected: ReadonlySet<OpenField>): Evaluation {
  const { policy, input } = context;
  const status = (field: OpenField, value: NegotiationStatus): boolean =>
    value === 'agreed' || (value === 'open' && !rejected.has(field));
  const price = status('priceVolume', input.negotiation.priceVolume);
  const conditions = status('kernregioConditions', input.negotiation.kernregioConditions);
  const revenue = revenueSide(input.provider.zkRevenueCents, context.thresholdCents, boundaryOf(policy));
  const given = input.negotiation.multiYearContent;
  // Default for an omitted multi-year content: agreed when price/volume is agreed and the kernregio
  // conditions are agreed wherever they apply (see AgreementInput.negotiation.multiYearContent).
  const multiYear =
    given === undefined
      ? price && (!kernregioConditionsApply(policy, input.provider.kernregio, revenue) || conditions)
      : status('multiYearContent', given);
  const facts: SelectionFacts = {
    new_provider: input.negotiation.newProvider,
    kernregio: input.provider.kernregio,
    revenue,
    price_volume_agreed: price,
    kernregio_conditions_met: conditions,
    multi_year_content_agreed: multiYear,
  };
  return { facts, multiYearDefaulted: given === undefined, match: firstMatch(context.types, facts) };
}

const outcomeId = (evaluation: Evaluation): string => evaluation.match?.type.id ?? NO_MATCH_ID;

export interface OpenAnalysis {
  open: OpenField[];
  /** Open fields whose value changes the outcome for some value of the other open fields. */
  decisive: OpenField[];
  /** The outcome when every open field is rejected. */
  ifRejected: Evaluation;
}

/** Tries every agreed/rejected combination of the open fields (at most 2³). */
function analyseOpen(context: Context): OpenAnalysis {
  const open = OPEN_FIELDS.filter((field) => context.input.negotiation[field] === 'open');
  const combos = Array.from({ length: 2 ** open.length }, (_, mask) => {
    const rejected = new Set(open.filter((_, bit) => (mask & (1 << bit)) !== 0));
    return outcomeId(evaluate(context, rejected));
  });
  const decisive = open.filter((_, bit) =>
    combos.some((id, mask) => (mask & (1 << bit)) === 0 && combos[mask | (1 << bit)] !== id),
  );
  return { open, decisive, ifRejected: evaluate(context, new Set(open)) };
}

function yearsOf(years: number): AgreementDecision['years'] {
  if (years === 0 || years === 1 || years === 2 || years === 3) return years;
  throw new Error(`Afspraaksoort met looptijd ${years} jaar wordt niet ondersteund.`);
}

/**
 * The agreement for a provider and the state of its negotiation (MSZ §2). Total over its input:
 * every combination gives a decision. It throws only when the policy lacks a parameter it needs
 * (a defect in the policy file, not in the input).
 */
export function decideAgreement(policy: MszPolicy, input: AgreementInput): AgreementDecision {
  const thresholdCents = requiredParameter(policy, policy.agreement_selection.revenue_threshold_parameter, 'money');
  const context: Context = { policy, input, types: effectiveTypes(policy), thresholdCents };
  const base = evaluate(context, new Set());
  const openAnalysis = analyseOpen(context);
  const status = openAnalysis.decisive.length > 0 ? 'provisional' : 'final';
  const reasons: Reason[] = [];
  // One reason per rule: a decision cited for the facts is not repeated for the matching alternative.
  const add = (...more: (Reason | undefined)[]) => {
    for (const reason of more) if (reason && !reasons.some((r) => r.rule === reason.rule)) reasons.push(reason);
  };
  add(...contextReasons(context, base), ...matchReasons(context, base), openFactReason(context, openAnalysis));

  const match = base.match;
  if (!match) {
    add({
      rule: 'agreement.no-match',
      source: policy.agreement_selection.source,
      inputs: { ...base.facts },
      message: 'Geen enkele afspraaksoort uit het beleid past bij deze feiten; het beleidsbestand moet worden aangevuld. Voorlopig geen overeenkomst.',
    });
    return {
      type: 'none',
      years: 0,
      path: 'regular',
      status: 'provisional',
      agreement_type_id: NO_MATCH_ID,
      title: 'Geen passende afspraaksoort',
      settlement: 'none',
      partial_purchase_possible: false,
      reasons,
    };
  }
  add(...noteReasons(context, match));
  return {
    type: match.type.type,
    years: yearsOf(match.type.years),
    path: match.type.path,
    status,
    agreement_type_id: match.type.id,
    title: match.type.title,
    settlement: match.type.settlement,
    partial_purchase_possible: match.type.partial_purchase_possible ?? false,
    reasons,
  };
}
