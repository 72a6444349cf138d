/**
 * Splitting an amount by weights without losing or inventing a cent (largest remainder method,
 * as dinero.js `allocate`). All arithmetic is exact integer arithmetic on BigInt: weights are
 * scaled to integers, each part is the floor of its exact share, and the cents left over go one
 * each to the parts with the largest remainders (ties: lowest index first).
 */
import { Decimal } from 'decimal.js';
import { assertCents, type Cents } from './cents.js';

const WeightDecimal = Decimal.clone({ precision: 1000, toExpNeg: -1000, toExpPos: 1000 });

/** Weights as BigInt integers with the same proportions (scaled by 10^max decimals). */
function scaledWeights(weights: readonly (number | string)[]): bigint[] {
  const decimals = weights.map((weight, index) => {
    let decimal: Decimal;
    try {
      decimal = new WeightDecimal(typeof weight === 'string' ? weight.trim() : weight);
    } catch {
      throw new RangeError(`allocateCents: gewicht ${index} is geen getal: ${String(weight)}`);
    }
    if (!decimal.isFinite() || decimal.isNegative()) {
      throw new RangeError(`allocateCents: gewicht ${index} moet een eindig getal ≥ 0 zijn: ${String(weight)}`);
    }
    return decimal;
  });
  const places = Math.max(0, ...decimals.map((d) => d.decimalPlaces()));
  return decimals.map((d) => BigInt(d.toFixed(places).replace('.', '')));
}

/**
 * Splits `total` cents over `weights` (numbers or decimal strings, all ≥ 0, not all 0). The parts
 * sum exactly to `total`, each within 1 cent of its exact share `total × w / Σw`. A negative total
 * is split as its absolute value and negated, so the result mirrors the positive case. A weight of
 * 0 always gets 0. Number weights count at their shortest decimal form (0.1 is 0.1, not the
 * binary float). Throws on invalid weights (a bug: weights come from validated data).
 */
export function allocateCents(total: Cents, weights: readonly (number | string)[]): Cents[] {
  assertCents(total, 'allocateCents');
  if (weights.length === 0) throw new RangeError('allocateCents: geen gewichten');
  const scaled = scaledWeights(weights);
  const weightSum = scaled.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('allocateCents: de som van de gewichten is 0');

  const amount = BigInt(Math.abs(total));
  const parts = scaled.map((w) => (amount * w) / weightSum);
  const remainders = scaled.map((w, index) => ({ index, remainder: (amount * w) % weightSum }));
  let leftOver = amount - parts.reduce((a, b) => a + b, 0n);

  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftOver === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftOver -= 1n;
  }

  const negative = total < 0;
  return parts.map((part) => {
    const cents = Number(part);
    return negative && cents !== 0 ? -cents : cents;
  });
}
