/**
 * MSZ §3 standard prices: one price per care product, "gebaseerd op kostprijzen (bijvoorbeeld voor
 * hemodialyse) en huidige marktprijzen". The method is the policy parameter `standard_price_method`
 * (decision `standard-price-method`):
 * - `cost-price-else-weighted-median-market-price`: a product whose care kinds match one of
 *   `price.standard_price.cost_price_examples` (e.g. `hemodialyse` matches `hemodialyse-centrum`)
 *   gets its cost price; every other product the volume-weighted median of current market prices.
 * - `weighted-mean-market-price`: every product the volume-weighted mean of market prices.
 * `standardPrice` takes the market price already derived per product; `marketPrice` derives it from
 * observed prices with the method's statistic.
 */
import type { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import { isCents, MoneyDecimal, roundToCents, type Cents, type RoundingMode } from '../money/index.js';
import { parameterValue, type MszPolicy } from '../policy/index.js';

export const STANDARD_PRICE_METHODS = ['cost-price-else-weighted-median-market-price', 'weighted-mean-market-price'] as const;
export type StandardPriceMethod = (typeof STANDARD_PRICE_METHODS)[number];

export interface StandardPriceProduct {
  code: string;
  costPriceCents: number | null;
  marketPriceCents: number | null;
  careKinds: readonly string[];
}

export interface StandardPrice {
  price_cents: Cents;
  basis: 'cost-price' | 'market-price';
  reason: Reason;
}

/** One observed market price of a product (a provider's contracted price) and its volume. */
export interface MarketPriceObservation {
  priceCents: number;
  units: number;
}

export function standardPriceMethod(policy: MszPolicy): Result<StandardPriceMethod> {
  const method = parameterValue(policy, policy.price.standard_price.method_parameter, 'enum');
  if (!method.ok) return method;
  if (!(STANDARD_PRICE_METHODS as readonly string[]).includes(method.value)) {
    return fail('invalid_input', `Standaardprijsmethode '${method.value}' wordt niet ondersteund (bekend: ${STANDARD_PRICE_METHODS.join(', ')}).`);
  }
  return ok(method.value as StandardPriceMethod);
}

/** Whether the product is priced from a cost-price model: a care kind equals or starts with a listed example. */
export function isCostPriceBased(policy: MszPolicy, careKinds: readonly string[]): boolean {
  const examples = policy.price.standard_price.cost_price_examples.map((e) => e.toLowerCase());
  return careKinds.some((kind) => examples.some((example) => kind === example || kind.startsWith(`${example}-`)));
}

function validPrice(value: number | null, field: string): Result<Cents | null> {
  if (value === null) return ok(null);
  if (!isCents(value) || value < 0) return fail('invalid_input', `Veld '${field}' moet een geheel aantal centen ≥ 0 zijn (gekregen: ${value}).`, [{ field, message: 'geen geldig bedrag' }]);
  return ok(value);
}

/** The standard price of one product by the policy's method, with the reason (rule, source, inputs). */
export function standardPrice(policy: MszPolicy, product: StandardPriceProduct): Result<StandardPrice> {
  const method = standardPriceMethod(policy);
  if (!method.ok) return method;
  const cost = validPrice(product.costPriceCents, 'costPriceCents');
  if (!cost.ok) return cost;
  const market = validPrice(product.marketPriceCents, 'marketPriceCents');
  if (!market.ok) return market;

  const costBased = method.value === 'cost-price-else-weighted-median-market-price' && isCostPriceBased(policy, product.careKinds);
  const source = policy.price.standard_price.source;
  const inputs = {
    product_code: product.code,
    method: method.value,
    cost_price_cents: cost.value,
    market_price_cents: market.value,
    care_kinds: product.careKinds.join(', '),
    cost_price_examples: policy.price.standard_price.cost_price_examples.join(', '),
  };
  if (costBased) {
    if (cost.value === null) {
      return fail('invalid_input', `Product ${product.code} heeft een kostprijsmodel (${inputs.care_kinds}) maar geen kostprijs.`, [
        { field: 'costPriceCents', message: 'kostprijs ontbreekt' },
      ]);
    }
    return ok({
      price_cents: cost.value,
      basis: 'cost-price',
      reason: { rule: 'price.standard.cost-price', source, inputs, message: `Standaardprijs van ${product.code} is de kostprijs: Zilveren Kruis heeft een kostprijsmodel voor deze zorg (${inputs.care_kinds}).` },
    });
  }
  if (market.value === null) {
    return fail('invalid_input', `Product ${product.code} heeft geen marktprijs; zonder kostprijsmodel is die nodig voor de standaardprijs.`, [
      { field: 'marketPriceCents', message: 'marktprijs ontbreekt' },
    ]);
  }
  const statistic = method.value === 'weighted-mean-market-price' ? 'naar volume gewogen gemiddelde' : 'naar volume gewogen mediaan';
  return ok({
    price_cents: market.value,
    basis: 'market-price',
    reason: { rule: 'price.standard.market-price', source, inputs, message: `Standaardprijs van ${product.code} is de huidige marktprijs (${statistic}).` },
  });
}

/**
 * The market price of one product from observed prices, by the method's statistic:
 * - weighted median (lower weighted median): the lowest observed price at which the cumulative
 *   volume reaches half of the total volume; always one of the observed prices, no rounding;
 * - weighted mean: Σ price × units / Σ units, rounded once to whole cents (`rounding`, default half-up).
 * Units are non-negative numbers (claimed numbers of the product); at least one must be positive.
 */
export function marketPrice(
  method: StandardPriceMethod,
  observations: readonly MarketPriceObservation[],
  rounding: RoundingMode = 'half-up',
): Result<Cents> {
  for (const [i, o] of observations.entries()) {
    if (!isCents(o.priceCents) || o.priceCents < 0) return fail('invalid_input', `Marktprijs ${i + 1} is geen geheel aantal centen ≥ 0.`, [{ field: `observations[${i}].priceCents`, message: 'geen geldig bedrag' }]);
    if (!Number.isFinite(o.units) || o.units < 0) return fail('invalid_input', `Volume bij marktprijs ${i + 1} moet een getal ≥ 0 zijn.`, [{ field: `observations[${i}].units`, message: 'geen geldig volume' }]);
  }
  const weighted = observations.filter((o) => o.units > 0);
  if (weighted.length === 0) return fail('invalid_input', 'Geen marktprijzen met volume: de marktprijs is niet te bepalen.');
  const totalUnits = weighted.reduce((sum, o) => sum.plus(o.units), new MoneyDecimal(0));
  if (method === 'weighted-mean-market-price') {
    const amount = weighted.reduce((sum, o) => sum.plus(new MoneyDecimal(o.priceCents).times(o.units)), new MoneyDecimal(0));
    return ok(roundToCents(amount.dividedBy(totalUnits), rounding));
  }
  const sorted = weighted.toSorted((a, b) => a.priceCents - b.priceCents);
  const half = totalUnits.dividedBy(2);
  let cumulative: Decimal = new MoneyDecimal(0);
  for (const o of sorted) {
    cumulative = cumulative.plus(o.units);
    if (cumulative.greaterThanOrEqualTo(half)) return ok(o.priceCents);
  }
  return ok((sorted[sorted.length - 1] as MarketPriceObservation).priceCents);
}
