/**
 * The terms of a settlement (MSZ §2 Fig. 1, §4): the type, the richtpunt or ceiling, the UMC care
 * outside it, the shares paid below and above, and the rounding rule. Shares default to the
 * policy's parameters; an agreed share may replace them. Everything is validated here, once, so the
 * arithmetic in `settle.ts` only sees valid values.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import { isCents, parseShare, rateToString, type Cents, type Rate, type RoundingMode } from '../money/index.js';
import { parameterValue, policyParameter, type MszPolicy } from '../policy/index.js';

export type SettlementType = 'transitie' | 'plafond';

export interface SettlementInput {
  type: SettlementType;
  /** Richtpunt (transitie) or ceiling (plafond), in cents. */
  targetCents: number;
  /** Total realised revenue in cents, including the excluded UMC care. */
  realisedCents: number;
  /** Expensive non-plannable UMC care (transplants) within `realisedCents`, always paid in full. */
  excludedCents?: number;
  /** Share u of the shortfall below the richtpunt that is still paid, e.g. "0.5" (transitie only). */
  underShare?: string;
  /** Share m of the growth above the richtpunt that is paid (marginal cost), e.g. "0.7" (transitie only). */
  growthShare?: string;
}

/** A share and where it came from: the policy parameter or the input (an agreed value). */
export interface Share {
  rate: Rate;
  text: string;
  from: 'parameter' | 'input';
  /** The parameter id (also when the input replaced it). */
  parameter: string;
}

export interface Terms {
  type: SettlementType;
  target: Cents;
  excluded: Cents;
  /** transitie: below = u, above = m. plafond: above = the overrun share; `below` is not used. */
  below: Share | undefined;
  above: Share;
  exemptShare: Share;
  rounding: RoundingMode;
}

const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down'];

function issue(field: string, message: string): FieldIssue {
  return { field, message };
}

function amountIssue(value: unknown, field: string, label: string): FieldIssue | undefined {
  if (!isCents(value)) return issue(field, `${label} (${field}) moet een geheel aantal centen zijn.`);
  if (value < 0) return issue(field, `${label} (${field}) mag niet negatief zijn (gekregen: ${value}).`);
  return undefined;
}

function policyShare(policy: MszPolicy, parameter: string, issues: FieldIssue[]): Share | undefined {
  const value = parameterValue(policy, parameter, 'decimal');
  if (!value.ok) {
    issues.push(issue(parameter, value.error.message));
    return undefined;
  }
  const rate = parseShare(value.value, parameter);
  if (!rate.ok) {
    issues.push(...(rate.error.issues ?? [issue(parameter, rate.error.message)]));
    return undefined;
  }
  return { rate: rate.value, text: rateToString(rate.value), from: 'parameter', parameter };
}

function inputShare(text: string | undefined, field: string, parameter: string, policy: MszPolicy, issues: FieldIssue[]): Share | undefined {
  if (text === undefined) return policyShare(policy, parameter, issues);
  const rate = parseShare(text, field);
  if (!rate.ok) {
    issues.push(...(rate.error.issues ?? [issue(field, rate.error.message)]));
    return undefined;
  }
  return { rate: rate.value, text: rateToString(rate.value), from: 'input', parameter };
}

function roundingOf(policy: MszPolicy, issues: FieldIssue[]): RoundingMode | undefined {
  const id = policy.settlement.rounding_parameter;
  const value = parameterValue(policy, id, 'enum');
  if (!value.ok) {
    issues.push(issue(id, value.error.message));
    return undefined;
  }
  const mode = ROUNDING_MODES.find((m) => m === value.value);
  if (!mode) issues.push(issue(id, `Afrondingsregel '${value.value}' (parameter ${id}) is onbekend; toegestaan: ${ROUNDING_MODES.join(', ')}.`));
  return mode;
}

/** Validates everything but the realised amount; errors name the field (or the policy parameter). */
export function resolveTerms(policy: MszPolicy, input: Omit<SettlementInput, 'realisedCents'>): Result<Terms> {
  const issues: FieldIssue[] = [];
  const type = input.type;
  if (type !== 'transitie' && type !== 'plafond') {
    return fail('invalid_input', `Onbekend soort afrekening '${String(type)}'; verwacht transitie of plafond.`, [issue('type', 'verwacht transitie of plafond')]);
  }
  const targetLabel = type === 'transitie' ? 'Richtpunt' : 'Plafond';
  const targetIssue = amountIssue(input.targetCents, 'targetCents', targetLabel);
  if (targetIssue) issues.push(targetIssue);
  const excluded = input.excludedCents ?? 0;
  const excludedIssue = amountIssue(excluded, 'excludedCents', 'Uitgezonderde UMC-zorg');
  if (excludedIssue) issues.push(excludedIssue);

  const { transition, ceiling, umc_exception } = policy.settlement;
  let below: Share | undefined;
  let above: Share | undefined;
  if (type === 'transitie') {
    below = inputShare(input.underShare, 'underShare', transition.below_richtpunt.paid_share_parameter, policy, issues);
    above = inputShare(input.growthShare, 'growthShare', transition.above_richtpunt.paid_share_parameter, policy, issues);
  } else {
    for (const field of ['underShare', 'growthShare'] as const) {
      if (input[field] !== undefined) {
        issues.push(issue(field, `${field} geldt alleen voor een transitieafspraak; bij een plafond volgt de vergoeding van een overschrijding uit parameter ${ceiling.overrun_paid_share_parameter}.`));
      }
    }
    above = policyShare(policy, ceiling.overrun_paid_share_parameter, issues);
  }
  const exemptShare = policyShare(policy, umc_exception.paid_share_parameter, issues);
  const rounding = roundingOf(policy, issues);
  if (issues.length > 0 || !above || !exemptShare || !rounding || (type === 'transitie' && !below)) {
    return fail('invalid_input', `Ongeldige invoer voor de afrekening: ${issues.map((i) => i.message).join(' ')}`, issues);
  }
  return ok({ type, target: input.targetCents, excluded, below, above, exemptShare, rounding });
}

/** The realised amount: whole cents, not negative, and at least the excluded UMC care within it. */
export function realisedIssue(realised: unknown, excluded: Cents, field: string): FieldIssue | undefined {
  const basic = amountIssue(realised, field, 'Gerealiseerde omzet');
  if (basic) return basic;
  if ((realised as Cents) < excluded) {
    return issue(field, `Gerealiseerde omzet (${field}) ${String(realised)} is kleiner dan de uitgezonderde UMC-zorg ${excluded} die erin zit.`);
  }
  return undefined;
}

export function parameterSourceOf(policy: MszPolicy, id: string, fallback: string): string {
  return policyParameter(policy, id)?.source ?? fallback;
}
