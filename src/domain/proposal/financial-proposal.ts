/**
 * The financial proposal (MSZ §2, §3, §4; decision `price-index`): the volume proposal repriced with
 * the provider's price index, as a richtpunt (transitieafspraak) or a ceiling (plafondafspraak).
 * - amount = volume total × price index, rounded once (`multiplyCents`, policy rounding rule);
 * - every volume line is repriced and the lines are split so they sum exactly to the amount:
 *   positive and negative lines are allocated separately (`allocateCents` needs weights ≥ 0): the
 *   positive group's total is Σ positive lines × index rounded once, the negative group gets the
 *   rest; each line is within a cent of its share of its group (so within two cents of line × index);
 * - years: for a transitieafspraak the policy's `settlement.transition.richtpunt_years` from the
 *   proposal year on, for a plafondafspraak the proposal year and the following years of its term.
 *   The same amount applies to each year; changes during the term follow the multi-year rules (§2).
 */
import { fail, ok, type Result } from '../errors.js';
import type { ExplainedLine, Reason } from '../explain.js';
import { allocateCents, formatEuro, multiplyCents, parseRate, sumCents, type Cents } from '../money/index.js';
import type { MszPolicy } from '../policy/index.js';
import { roundingMode, type PriceProposal } from '../pricing/index.js';
import type { VolumeProposal } from '../volume/index.js';

export type AgreementKind = 'transitie' | 'plafond' | 'none';
export type AmountKind = 'richtpunt' | 'plafond' | 'none';

export interface FinancialProposalInput {
  /** The agreement type chosen (MSZ §2) and its term in years. */
  decision: { type: AgreementKind; years: number };
  volume: Pick<VolumeProposal, 'provider_agb' | 'lines' | 'total_cents'>;
  price: Pick<PriceProposal, 'provider_agb' | 'price_index'>;
  /** The first year of the agreement, e.g. 2018. */
  year: number;
}

export interface FinancialProposal {
  provider_agb: string;
  amount_kind: AmountKind;
  amount_cents: Cents;
  years: number[];
  price_index: string;
  lines: ExplainedLine[];
  reasons: Reason[];
}

const AMOUNT_KIND: Record<AgreementKind, AmountKind> = { transitie: 'richtpunt', plafond: 'plafond', none: 'none' };

/** Splits `amount` over signed line amounts: positives and negatives each by their own weights. */
export function repriceLines(amounts: readonly Cents[], positiveTotal: Cents, amount: Cents): Cents[] {
  const negativeTotal = amount - positiveTotal;
  const split = (total: Cents, pick: (a: Cents) => boolean): Cents[] => {
    const weights = amounts.map((a) => (pick(a) ? Math.abs(a) : 0));
    return weights.some((w) => w > 0) ? allocateCents(total, weights) : amounts.map(() => 0);
  };
  const positives = split(positiveTotal, (a) => a > 0);
  const negatives = split(negativeTotal, (a) => a < 0);
  return amounts.map((a, i) => (a > 0 ? (positives[i] ?? 0) : a < 0 ? (negatives[i] ?? 0) : 0));
}

function agreementYears(policy: MszPolicy, input: FinancialProposalInput): Result<number[]> {
  const { type, years } = input.decision;
  if (type === 'none') return ok([]);
  if (!Number.isInteger(years) || years < 1) return fail('invalid_input', `Een ${type}afspraak heeft een looptijd van minstens 1 jaar (gekregen: ${years}).`, [{ field: 'decision.years', message: 'ongeldige looptijd' }]);
  if (type === 'plafond') return ok(Array.from({ length: years }, (_, i) => input.year + i));
  const richtpunt = policy.settlement.transition.richtpunt_years.filter((y) => y >= input.year).slice(0, years);
  if (richtpunt.length < years || richtpunt[0] !== input.year) {
    return fail('invalid_input', `Het beleid noemt richtpuntjaren ${policy.settlement.transition.richtpunt_years.join(', ')}; een transitieafspraak van ${years} jaar vanaf ${input.year} past daar niet in.`, [
      { field: 'decision.years', message: 'past niet bij de richtpuntjaren' },
    ]);
  }
  return ok(richtpunt);
}

export function financialProposal(policy: MszPolicy, input: FinancialProposalInput): Result<FinancialProposal> {
  const { volume, price, decision } = input;
  if (volume.provider_agb !== price.provider_agb) {
    return fail('invalid_input', `Volume- en prijsvoorstel horen bij verschillende aanbieders (${volume.provider_agb} en ${price.provider_agb}).`, [{ field: 'price.provider_agb', message: 'andere aanbieder' }]);
  }
  const lineTotal = sumCents(volume.lines.map((l) => l.amount_cents));
  if (lineTotal !== volume.total_cents) return fail('invalid_input', `De regels van het volumevoorstel tellen op tot ${formatEuro(lineTotal)} in plaats van ${formatEuro(volume.total_cents)}.`, [{ field: 'volume.lines', message: 'som klopt niet' }]);
  const index = parseRate(price.price_index, 'price.price_index');
  if (!index.ok) return index;
  if (index.value.decimal.isNegative()) return fail('invalid_input', 'Het prijsindexcijfer mag niet negatief zijn.', [{ field: 'price.price_index', message: 'negatief' }]);
  const rounding = roundingMode(policy);
  if (!rounding.ok) return rounding;
  const years = agreementYears(policy, input);
  if (!years.ok) return years;

  const kind = AMOUNT_KIND[decision.type];
  const source = kind === 'richtpunt' ? policy.settlement.transition.source : kind === 'plafond' ? policy.settlement.ceiling.source : 'MSZ §2';
  const inputs = { agreement_type: decision.type, term_years: decision.years, first_year: input.year, volume_total_cents: volume.total_cents, price_index: price.price_index, rounding: rounding.value };
  if (kind === 'none') {
    return ok({
      provider_agb: volume.provider_agb, amount_kind: kind, amount_cents: 0, years: [], price_index: price.price_index, lines: [],
      reasons: [{ rule: 'proposal.none', source, inputs, message: 'Geen overeenkomst: er is geen overeenstemming over een acceptabel prijs- en volumeniveau, dus geen financiële afspraak.' }],
    });
  }

  const amount = multiplyCents(volume.total_cents, index.value, rounding.value);
  const positiveTotal = multiplyCents(sumCents(volume.lines.filter((l) => l.amount_cents > 0).map((l) => l.amount_cents)), index.value, rounding.value);
  const parts = repriceLines(volume.lines.map((l) => l.amount_cents), positiveTotal, amount);
  const lines = volume.lines.map((l, i): ExplainedLine => ({
    ...l,
    amount_cents: parts[i] ?? 0,
    inputs: { ...l.inputs, volume_amount_cents: l.amount_cents, price_index: price.price_index },
    message: `${l.message} Geprijsd met prijsindex ${price.price_index}.`,
  }));
  const yearsText = years.value.join(', ');
  const message = kind === 'richtpunt'
    ? `Richtpunt voor ${yearsText}: volume ${formatEuro(volume.total_cents)} × prijsindex ${price.price_index} = ${formatEuro(amount)} per jaar. Onder of boven het richtpunt wordt deels vergoed (transitieafspraak).`
    : `Omzetplafond voor ${yearsText}: volume ${formatEuro(volume.total_cents)} × prijsindex ${price.price_index} = ${formatEuro(amount)} per jaar. Overschrijdingen worden niet vergoed.`;
  return ok({
    provider_agb: volume.provider_agb, amount_kind: kind, amount_cents: amount, years: years.value, price_index: price.price_index, lines,
    reasons: [{ rule: `proposal.${kind}`, source, inputs: { ...inputs, amount_cents: amount, years: yearsText }, message }],
  });
}
