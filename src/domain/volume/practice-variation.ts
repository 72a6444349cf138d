/**
 * MSZ §4A correction A3, unwanted practice variation (decisions `practice-variation-benchmark` and
 * `practice-variation-percentile-method`). Per indicator (e.g. coronary angiographies per 1000
 * patients) the norm is the percentile `practice_variation_percentile` of the peer rates. A provider
 * above the norm has its affected amount brought down to the norm:
 *   correction = -(provider rate - norm) / provider rate × affected amount, rounded once.
 * All arithmetic is exact decimal arithmetic (decimal.js), never floats.
 *
 * Percentile methods (`practice_variation_percentile_method`), over the peer rates sorted ascending
 * x[0] ≤ … ≤ x[n-1] and the percentile p (0..1):
 * - `linear-interpolation` (Hyndman & Fan type 7, Excel PERCENTILE.INC, R and NumPy default):
 *   h = (n - 1) × p; result = x[⌊h⌋] + (h - ⌊h⌋) × (x[⌊h⌋ + 1] - x[⌊h⌋]).
 * - `nearest-rank`: the value at rank ⌈p × n⌉ (at least rank 1), always one of the peer rates.
 * Both lie within min..max of the peer rates.
 */
import type { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import type { ExplainedLine } from '../explain.js';
import { isCents, MoneyDecimal, parseRate, parseShare, roundToCents, type RoundingMode } from '../money/index.js';

export const PERCENTILE_METHODS = ['linear-interpolation', 'nearest-rank'] as const;
export type PercentileMethod = (typeof PERCENTILE_METHODS)[number];

export interface PracticeVariationIndicator {
  /** E.g. "Ondoelmatige inzet van coronaire angiografie". */
  indicator: string;
  /** Vektis specialism code, e.g. "0320" (cardiologie). */
  specialism: string;
  providerRatePer1000: string;
  peerRatesPer1000: readonly string[];
  /** The provider's base amount the indicator applies to, in cents. */
  affectedAmountCents: number;
}

export interface PracticeVariationSettings {
  percentile: string;
  method: PercentileMethod;
  rounding: RoundingMode;
  /** Policy source of correction A3, e.g. "MSZ §4A". */
  source: string;
}

/** The percentile `p` (0..1) of `values` by `method`. Throws on an empty list (a bug: callers check). */
export function percentile(values: readonly Decimal[], p: Decimal, method: PercentileMethod): Decimal {
  if (values.length === 0) throw new RangeError('percentile: geen waarden');
  const sorted = values.toSorted((a, b) => a.comparedTo(b));
  const at = (i: number): Decimal => sorted[Math.min(Math.max(i, 0), sorted.length - 1)] as Decimal;
  if (method === 'nearest-rank') {
    const rank = Math.max(1, p.times(sorted.length).ceil().toNumber());
    return at(rank - 1);
  }
  const h = p.times(sorted.length - 1);
  const lower = h.floor().toNumber();
  const fraction = h.minus(lower);
  return at(lower).plus(fraction.times(at(lower + 1).minus(at(lower))));
}

/** `percentile` on decimal strings, with the input checked; the result as a plain decimal string. */
export function percentileOf(values: readonly string[], p: string, method: PercentileMethod, field = 'peerRatesPer1000'): Result<string> {
  const share = parseShare(p, 'practice_variation_percentile');
  if (!share.ok) return share;
  const parsed = parseRates(values, field);
  if (!parsed.ok) return parsed;
  return ok(percentile(parsed.value, share.value.decimal, method).toFixed());
}

function parseRates(values: readonly string[], field: string): Result<Decimal[]> {
  if (values.length === 0) return fail('invalid_input', `Veld '${field}' heeft minstens één vergelijkbare aanbieder nodig.`, [{ field, message: 'geen vergelijkbare aanbieders' }]);
  const rates: Decimal[] = [];
  for (const [i, value] of values.entries()) {
    const rate = parseRate(value, `${field}[${i}]`);
    if (!rate.ok) return rate;
    if (rate.value.decimal.isNegative()) return fail('invalid_input', `Veld '${field}[${i}]' mag niet negatief zijn.`, [{ field: `${field}[${i}]`, message: 'negatief' }]);
    rates.push(rate.value.decimal);
  }
  return ok(rates);
}

/** The A3 line of one indicator: zero at or below the norm, else the excess share of the affected amount, negative. */
export function practiceVariationLine(item: PracticeVariationIndicator, index: number, settings: PracticeVariationSettings): Result<ExplainedLine> {
  const field = `practiceVariation[${index}]`;
  const own = parseRate(item.providerRatePer1000, `${field}.providerRatePer1000`);
  if (!own.ok) return own;
  if (own.value.decimal.isNegative()) return fail('invalid_input', `Veld '${field}.providerRatePer1000' mag niet negatief zijn.`, [{ field: `${field}.providerRatePer1000`, message: 'negatief' }]);
  if (!isCents(item.affectedAmountCents) || item.affectedAmountCents < 0) {
    return fail('invalid_input', `Veld '${field}.affectedAmountCents' moet een geheel aantal centen ≥ 0 zijn.`, [{ field: `${field}.affectedAmountCents`, message: 'geen geldig bedrag' }]);
  }
  const peers = parseRates(item.peerRatesPer1000, `${field}.peerRatesPer1000`);
  if (!peers.ok) return peers;
  const p = parseShare(settings.percentile, 'practice_variation_percentile');
  if (!p.ok) return p;

  const norm = percentile(peers.value, p.value.decimal, settings.method);
  const rate = own.value.decimal;
  const above = rate.greaterThan(norm);
  const excessShare: Decimal = above ? rate.minus(norm).dividedBy(rate) : new MoneyDecimal(0);
  const excess = roundToCents(excessShare.times(item.affectedAmountCents), settings.rounding);
  const percent = p.value.decimal.times(100).toFixed();
  const inputs = {
    indicator: item.indicator,
    specialism: item.specialism,
    provider_rate_per_1000: rate.toFixed(),
    peers: peers.value.length,
    percentile: p.value.decimal.toFixed(),
    percentile_method: settings.method,
    norm_per_1000: norm.toFixed(),
    excess_share: excessShare.toSignificantDigits(12).toFixed(),
    affected_amount_cents: item.affectedAmountCents,
  };
  const message = above
    ? `${item.indicator} (specialisme ${item.specialism}): ${rate.toFixed()} per 1000 ligt boven de norm van ${norm.toFixed()} per 1000 (${percent}e percentiel van ${peers.value.length} vergelijkbare aanbieders, ${settings.method}); het betrokken volume wordt teruggebracht tot de norm.`
    : `${item.indicator} (specialisme ${item.specialism}): ${rate.toFixed()} per 1000 ligt niet boven de norm van ${norm.toFixed()} per 1000 (${percent}e percentiel van ${peers.value.length} vergelijkbare aanbieders); geen correctie.`;
  return ok({
    id: `A3.${index + 1}`,
    label: `Behandelvariatie: ${item.indicator}`,
    amount_cents: excess === 0 ? 0 : -excess,
    rule: 'volume.A3',
    source: settings.source,
    inputs,
    message,
  });
}
