/**
 * The year settlement of an MSZ agreement (MSZ §2 Fig. 1, §4), as explained lines.
 *
 * Transition, richtpunt T, realised within the agreement W = R − E:
 *   W < T pays W + u·(T − W)   (part of the shortfall: fixed-cost compensation)
 *   W > T pays T + m·(W − T)   (efficient growth at marginal cost)
 * Ceiling P: W ≤ P pays W; W > P pays P + c·(W − P), c = ceiling_overrun_paid_share (0: not paid).
 * UMC care outside richtpunt and ceiling, E (within R), is added at umc_exempt_care_paid_share (1.00).
 *
 * `lines` are the components of the payable amount and sum to it exactly; each computed amount is
 * rounded once, by `multiplyCents` with the policy's rounding rule. `facts` inform and do not sum.
 */
import { fail, ok, type Result } from '../errors.js';
import type { ExplainedLine, Reason } from '../explain.js';
import { formatEuro, multiplyCents, sumCents, type Cents } from '../money/index.js';
import { policyDecision, type MszPolicy } from '../policy/index.js';
import { parameterSourceOf, realisedIssue, resolveTerms, type SettlementInput, type SettlementType, type Share, type Terms } from './terms.js';

export interface Settlement {
  type: SettlementType;
  target_cents: Cents;
  realised_cents: Cents;
  excluded_cents: Cents;
  payable_cents: Cents;
  /** payable − realised: positive when more is paid than realised (compensation), negative when less. */
  difference_cents: Cents;
  lines: ExplainedLine[];
  facts: ExplainedLine[];
  reasons: Reason[];
}

export interface PaymentCurvePoint {
  realised_cents: Cents;
  payable_cents: Cents;
}

type Part = Omit<ExplainedLine, 'source' | 'rule'>;

const shareInput = (share: Share): string => share.text;

function shareLine(part: Omit<Part, 'amount_cents'>, base: Cents, share: Share, terms: Terms): Part {
  return { ...part, amount_cents: multiplyCents(base, share.rate, terms.rounding), inputs: { ...part.inputs, share: shareInput(share), rounding: terms.rounding } };
}

/** The components within richtpunt or ceiling (before the UMC care), with their rule id. */
function components(terms: Terms, realised: Cents): { rule: string; parts: Part[] } {
  const T = terms.target;
  const W = realised - terms.excluded;
  const base = { realised_cents: realised, excluded_cents: terms.excluded, target_cents: T };
  const within = (label: string): Part => ({
    id: 'realised-within', label, amount_cents: W, inputs: base,
    message: `Gerealiseerd binnen de afspraak (gerealiseerd ${formatEuro(realised)} min uitgezonderde zorg ${formatEuro(terms.excluded)}): ${formatEuro(W)}.`,
  });
  if (terms.type === 'transitie') {
    const below = terms.below as Share;
    if (W < T) {
      const compensation = shareLine({
        id: 'shortfall-compensation', label: 'Compensatie vaste lasten (deel van het tekort)',
        inputs: { target_cents: T, realised_within_cents: W, shortfall_cents: T - W },
        message: `${below.text} × tekort ${formatEuro(T - W)} (richtpunt ${formatEuro(T)} − ${formatEuro(W)}).`,
      }, T - W, below, terms);
      return { rule: 'settlement.transition.below', parts: [within('Gerealiseerd binnen het richtpunt'), compensation] };
    }
    if (W === T) return { rule: 'settlement.transition.at-target', parts: [within('Gerealiseerd, gelijk aan het richtpunt')] };
    const growth = shareLine({
      id: 'growth-payment', label: 'Doelmatige groei tegen marginale meerkosten',
      inputs: { target_cents: T, realised_within_cents: W, growth_cents: W - T },
      message: `${terms.above.text} × groei ${formatEuro(W - T)} boven het richtpunt (${formatEuro(W)} − ${formatEuro(T)}).`,
    }, W - T, terms.above, terms);
    const target: Part = { id: 'target', label: 'Richtpunt', amount_cents: T, inputs: base, message: `Richtpunt ${formatEuro(T)}.` };
    return { rule: 'settlement.transition.above', parts: [target, growth] };
  }
  if (W <= T) return { rule: 'settlement.ceiling.within', parts: [within('Gerealiseerd binnen het plafond')] };
  const ceiling: Part = { id: 'ceiling', label: 'Plafond', amount_cents: T, inputs: base, message: `Plafond ${formatEuro(T)}.` };
  const overrun = shareLine({
    id: 'overrun-payment', label: 'Vergoeding overschrijding',
    inputs: { target_cents: T, realised_within_cents: W, overrun_cents: W - T },
    message: `${terms.above.text} × overschrijding ${formatEuro(W - T)}.`,
  }, W - T, terms.above, terms);
  return { rule: 'settlement.ceiling.over', parts: overrun.amount_cents > 0 ? [ceiling, overrun] : [ceiling] };
}

function ruleReason(policy: MszPolicy, terms: Terms, rule: string, realised: Cents): Reason {
  const { transition, ceiling } = policy.settlement;
  const inputs: Reason['inputs'] = { target_cents: terms.target, realised_cents: realised, excluded_cents: terms.excluded, rounding: terms.rounding };
  if (terms.type === 'transitie') {
    const below = terms.below as Share;
    Object.assign(inputs, { under_share: below.text, under_share_from: below.from, growth_share: terms.above.text, growth_share_from: terms.above.from });
    const part = rule === 'settlement.transition.below' ? transition.below_richtpunt : rule === 'settlement.transition.above' ? transition.above_richtpunt : undefined;
    const formula = rule === 'settlement.transition.below' ? `onder het richtpunt: W + u × (T − W) met W = R − E (gerealiseerd zonder uitgezonderde zorg) en u = ${below.text}`
      : rule === 'settlement.transition.above' ? `boven het richtpunt: T + m × (W − T) met W = R − E (gerealiseerd zonder uitgezonderde zorg) en m = ${terms.above.text}` : 'precies op het richtpunt: het richtpunt';
    return { rule, source: transition.source, inputs, message: `Transitieafspraak, ${formula}. ${part ? `${part.purpose}. ${part.text}` : transition.text}` };
  }
  Object.assign(inputs, { overrun_share: terms.above.text });
  const message = rule === 'settlement.ceiling.over'
    ? `Plafondafspraak, overschrijding: het plafond${terms.above.rate.decimal.isZero() ? '' : ` plus ${terms.above.text} × de overschrijding`}. ${ceiling.text}`
    : 'Plafondafspraak binnen het plafond: de gerealiseerde zorg wordt vergoed.';
  return { rule, source: ceiling.source, inputs, message };
}

function shareReasons(policy: MszPolicy, terms: Terms): Reason[] {
  const shares = terms.type === 'transitie' ? [terms.below as Share, terms.above] : [terms.above];
  const fallback = terms.type === 'transitie' ? policy.settlement.transition.source : policy.settlement.ceiling.source;
  return shares.map((share) => {
    const decisionId = policy.parameters.find((p) => p.id === share.parameter)?.decision;
    const decision = decisionId ? policyDecision(policy, decisionId) : undefined;
    return {
      rule: `settlement.share.${share.parameter}`,
      source: parameterSourceOf(policy, share.parameter, fallback),
      inputs: { parameter: share.parameter, share: share.text, from: share.from },
      message: share.from === 'input'
        ? `Overeengekomen aandeel ${share.text} in plaats van parameter ${share.parameter}.`
        : `Aandeel ${share.text} uit parameter ${share.parameter}.${decision ? ` ${decision.decision}` : ''}`,
    };
  });
}

function facts(policy: MszPolicy, terms: Terms, realised: Cents, payable: Cents): ExplainedLine[] {
  const T = terms.target;
  const W = realised - terms.excluded;
  const transition = terms.type === 'transitie';
  const rule = transition ? 'settlement.transition' : 'settlement.ceiling';
  const source = transition ? policy.settlement.transition.source : policy.settlement.ceiling.source;
  const fact = (id: string, label: string, amount: Cents, message: string): ExplainedLine => ({ id, label, amount_cents: amount, rule, source, inputs: { target_cents: T, realised_cents: realised, excluded_cents: terms.excluded }, message });
  const list = [
    fact('target', transition ? 'Richtpunt' : 'Plafond', T, `${transition ? 'Richtpunt' : 'Plafond'} ${formatEuro(T)}.`),
    fact('realised', 'Gerealiseerd (totaal)', realised, `Gerealiseerde omzet ${formatEuro(realised)}, inclusief uitgezonderde zorg.`),
  ];
  if (terms.excluded > 0) {
    list.push(fact('excluded', 'Uitgezonderde UMC-zorg', terms.excluded, `Dure, niet-planbare UMC-zorg ${formatEuro(terms.excluded)} valt buiten ${transition ? 'het richtpunt' : 'het plafond'}.`));
    list.push(fact('realised-within', 'Gerealiseerd binnen de afspraak', W, `Gerealiseerd min uitgezonderde zorg: ${formatEuro(W)}.`));
  }
  if (W < T) list.push(fact(transition ? 'shortfall' : 'room-left', transition ? 'Tekort onder het richtpunt' : 'Ruimte onder het plafond', T - W, `${formatEuro(T - W)} onder ${transition ? 'het richtpunt' : 'het plafond'}.`));
  if (W > T) list.push(fact(transition ? 'growth' : 'overrun', transition ? 'Groei boven het richtpunt' : 'Overschrijding van het plafond', W - T, `${formatEuro(W - T)} boven ${transition ? 'het richtpunt' : 'het plafond'}.`));
  if (realised > payable) list.push(fact('not-paid', 'Niet vergoed', realised - payable, `Van de gerealiseerde omzet wordt ${formatEuro(realised - payable)} niet vergoed.`));
  list.push(fact('difference', 'Verschil (te betalen − gerealiseerd)', payable - realised, `Te betalen ${formatEuro(payable)} − gerealiseerd ${formatEuro(realised)} = ${formatEuro(payable - realised)}.`));
  return list;
}

/** The settlement for valid terms and a valid realised amount (checked by the callers). */
function compute(policy: MszPolicy, terms: Terms, realised: Cents): Settlement {
  const { transition, ceiling, umc_exception } = policy.settlement;
  const { rule, parts } = components(terms, realised);
  const source = terms.type === 'transitie' ? transition.source : ceiling.source;
  const lines: ExplainedLine[] = parts.map((part) => ({ ...part, rule, source }));
  const reasons: Reason[] = [ruleReason(policy, terms, rule, realised), ...shareReasons(policy, terms)];
  if (terms.excluded > 0) {
    const exempt = multiplyCents(terms.excluded, terms.exemptShare.rate, terms.rounding);
    const care = policy.parameters.find((p) => p.id === umc_exception.exempt_care_parameter);
    const careList = care && Array.isArray(care.value) ? care.value.join(', ') : '';
    const message = `${umc_exception.text} Uitgezonderde zorg (${careList}): ${terms.exemptShare.text} × ${formatEuro(terms.excluded)}.`;
    const inputs = { excluded_cents: terms.excluded, share: terms.exemptShare.text, exempt_care: careList, rounding: terms.rounding };
    lines.push({ id: 'exempt-care', label: 'Uitgezonderde UMC-zorg (volledig vergoed)', amount_cents: exempt, rule: 'settlement.umc-exempt', source: umc_exception.source, inputs, message });
    reasons.push({ rule: 'settlement.umc-exempt', source: umc_exception.source, inputs, message });
  }
  const roundingId = policy.settlement.rounding_parameter;
  const roundingDecision = policy.parameters.find((p) => p.id === roundingId)?.decision;
  reasons.push({
    rule: 'settlement.rounding',
    source: parameterSourceOf(policy, roundingId, policy.settlement.source),
    inputs: { [roundingId]: terms.rounding },
    message: `Elk berekend bedrag wordt één keer op hele centen afgerond (${terms.rounding}).${roundingDecision ? ` ${policyDecision(policy, roundingDecision)?.decision ?? ''}` : ''}`.trim(),
  });
  const payable = sumCents(lines.map((line) => line.amount_cents));
  return {
    type: terms.type,
    target_cents: terms.target,
    realised_cents: realised,
    excluded_cents: terms.excluded,
    payable_cents: payable,
    difference_cents: payable - realised,
    lines,
    facts: facts(policy, terms, realised, payable),
    reasons,
  };
}

/** Settles one agreement year: what is payable for the realised revenue, line by line, and why. */
export function settle(policy: MszPolicy, input: SettlementInput): Result<Settlement> {
  const terms = resolveTerms(policy, input);
  const problem = realisedIssue(input.realisedCents, terms.ok ? terms.value.excluded : 0, 'realisedCents');
  if (!terms.ok) {
    if (!problem) return terms;
    return fail('invalid_input', `${terms.error.message} ${problem.message}`, [...(terms.error.issues ?? []), problem]);
  }
  if (problem) return fail('invalid_input', problem.message, [problem]);
  return ok(compute(policy, terms.value, input.realisedCents));
}

/** Payable against realised revenue for a chart of Fig. 1: one point per realised amount in `points`. */
export function paymentCurve(policy: MszPolicy, terms: Omit<SettlementInput, 'realisedCents'>, points: readonly number[]): Result<PaymentCurvePoint[]> {
  const resolved = resolveTerms(policy, terms);
  if (!resolved.ok) return resolved;
  const issues = points.flatMap((point, index) => realisedIssue(point, resolved.value.excluded, `points[${index}]`) ?? []);
  if (issues.length > 0) return fail('invalid_input', `Ongeldige punten voor de betaalcurve: ${issues.map((i) => i.message).join(' ')}`, issues);
  return ok(points.map((point) => ({ realised_cents: point, payable_cents: compute(policy, resolved.value, point).payable_cents })));
}
