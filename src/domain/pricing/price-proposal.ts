/**
 * MSZ §3 price proposal: per product the standard price plus surcharges, and the provider's price
 * level against the standard prices as an index (decisions `price-index`, `umc-surcharge-formula`).
 * - Provider surcharge (opslag) for demonstrably more complex patients: only with evidence when
 *   `provider_surcharge_requires_evidence` is true.
 * - UMC surcharge per care category: academic share × `umc_surcharge_max_<category>`; never for a
 *   provider that is not a UMC.
 * - Price = standard × (1 + surcharges) (`price_surcharge_combination`), rounded once (`multiplyCents`).
 * - Index = Σ price × units / Σ standard × units, `price_index_decimal_places` places, half-up;
 *   without volumes every product counts once.
 */
import { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import { isCents, MoneyDecimal, multiplyCents, parseShare, type Cents, type RoundingMode } from '../money/index.js';
import { parameterValue, type MszPolicy } from '../policy/index.js';

export type CareCategory = MszPolicy['price']['umc_surcharge']['categories'][number]['id'];

export interface PriceProposalProduct {
  code: string;
  name: string;
  category: CareCategory;
  standardPriceCents: number;
}

export interface PriceProposalInput {
  /** `type` as in provider records: ziekenhuis, umc, zbc, categoraal. */
  provider: { agb: string; type: string };
  products: readonly PriceProposalProduct[];
  /** Provider surcharge as a share ("0.03") and the evidence of more complex patients. */
  providerSurcharge?: { share: string; evidence: string } | null;
  /** UMC only: share of academic patients ("0.42"). */
  academicShare?: string | null;
  /** Units per product code; when given the index is volume-weighted. */
  volumes?: Readonly<Record<string, number>> | null;
}

export interface PriceProposalLine {
  product_code: string;
  name: string;
  category: CareCategory;
  standard_price_cents: Cents;
  /** Total surcharge factor minus 1, as a decimal string ("0.042"). */
  surcharge_share: string;
  price_cents: Cents;
  reasons: Reason[];
}

export interface PriceProposal {
  provider_agb: string;
  lines: PriceProposalLine[];
  /** Σ price / Σ standard, a decimal string with `price_index_decimal_places` places. */
  price_index: string;
  price_index_method: 'unweighted' | 'volume-weighted';
  reasons: Reason[];
}

const SOURCE = 'MSZ §3';

const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down'];

/** The policy's rounding rule (`rounding_rule`, decision `rounding`) for `multiplyCents` and `roundToCents`. */
export function roundingMode(policy: MszPolicy): Result<RoundingMode> {
  const mode = parameterValue(policy, policy.price.rounding_parameter, 'enum');
  if (!mode.ok) return mode;
  if (!(ROUNDING_MODES as readonly string[]).includes(mode.value)) return fail('invalid_input', `Afrondingsregel '${mode.value}' wordt niet ondersteund.`);
  return ok(mode.value as RoundingMode);
}

function shareParameter(policy: MszPolicy, id: string): Result<Decimal> {
  const value = parameterValue(policy, id, 'decimal');
  if (!value.ok) return value;
  const share = parseShare(value.value, id);
  return share.ok ? ok(share.value.decimal) : share;
}

/** Surcharge per care category for a UMC: academic share × the category's maximum. */
function umcSurcharges(policy: MszPolicy, academicShare: Decimal): Result<Map<CareCategory, { max: Decimal; share: Decimal }>> {
  const result = new Map<CareCategory, { max: Decimal; share: Decimal }>();
  for (const category of policy.price.umc_surcharge.categories) {
    const max = shareParameter(policy, `umc_surcharge_max_${category.id}`);
    if (!max.ok) return max;
    result.set(category.id, { max: max.value, share: academicShare.times(max.value) });
  }
  return ok(result);
}

/** Volume-weighted price index Σ price × units / Σ standard × units; products without units count 0. */
export function priceIndex(
  lines: readonly Pick<PriceProposalLine, 'product_code' | 'standard_price_cents' | 'price_cents'>[],
  volumes: Readonly<Record<string, number>> | null,
  decimalPlaces = 4,
): Result<string> {
  let priced: Decimal = new MoneyDecimal(0);
  let standard: Decimal = new MoneyDecimal(0);
  for (const line of lines) {
    const units = volumes === null ? 1 : (volumes[line.product_code] ?? 0);
    if (!Number.isFinite(units) || units < 0) return fail('invalid_input', `Volume van product ${line.product_code} moet een getal ≥ 0 zijn.`, [{ field: `volumes.${line.product_code}`, message: 'geen geldig volume' }]);
    priced = priced.plus(new MoneyDecimal(line.price_cents).times(units));
    standard = standard.plus(new MoneyDecimal(line.standard_price_cents).times(units));
  }
  if (standard.isZero()) return fail('invalid_input', 'Het prijsindexcijfer is niet te bepalen: de som van standaardprijs × volume is 0.');
  return ok(priced.dividedBy(standard).toFixed(decimalPlaces, Decimal.ROUND_HALF_UP));
}

export function priceProposal(policy: MszPolicy, input: PriceProposalInput): Result<PriceProposal> {
  if (input.products.length === 0) return fail('invalid_input', 'Een prijsvoorstel heeft minstens één product nodig.', [{ field: 'products', message: 'geen producten' }]);
  for (const [i, p] of input.products.entries()) {
    if (!isCents(p.standardPriceCents) || p.standardPriceCents < 0) {
      return fail('invalid_input', `Standaardprijs van product ${p.code} moet een geheel aantal centen ≥ 0 zijn.`, [{ field: `products[${i}].standardPriceCents`, message: 'geen geldig bedrag' }]);
    }
  }
  const requiresEvidence = parameterValue(policy, policy.price.provider_surcharge.requires_evidence_parameter, 'boolean');
  if (!requiresEvidence.ok) return requiresEvidence;
  const combination = parameterValue(policy, 'price_surcharge_combination', 'enum');
  if (!combination.ok) return combination;
  if (combination.value !== 'additive' && combination.value !== 'compounded') return fail('invalid_input', `Opslagcombinatie '${combination.value}' wordt niet ondersteund.`);
  const places = parameterValue(policy, 'price_index_decimal_places', 'integer');
  if (!places.ok) return places;
  const rounding = roundingMode(policy);
  if (!rounding.ok) return rounding;
  const reasons: Reason[] = [];

  // Provider surcharge (MSZ §3): only with evidence when the policy asks for it.
  let providerShare: Decimal = new MoneyDecimal(0);
  const surcharge = input.providerSurcharge ?? null;
  if (surcharge !== null) {
    const share = parseShare(surcharge.share, 'providerSurcharge.share');
    if (!share.ok) return share;
    const evidence = surcharge.evidence.trim();
    if (requiresEvidence.value && evidence === '' && !share.value.decimal.isZero()) {
      return fail('invalid_input', 'Een aanbiedersopslag kan alleen met onderbouwing dat de aanbieder aantoonbaar patiënten met een complexere zorgvraag heeft.', [
        { field: 'providerSurcharge.evidence', message: 'onderbouwing ontbreekt' },
      ]);
    }
    providerShare = share.value.decimal;
    reasons.push({
      rule: 'price.provider-surcharge', source: policy.price.provider_surcharge.source,
      inputs: { share: providerShare.toFixed(), evidence, requires_evidence: requiresEvidence.value },
      message: `Aanbiedersopslag van ${providerShare.times(100).toFixed()}% op alle producten, onderbouwd met: ${evidence || '(geen onderbouwing nodig)'}.`,
    });
  }

  // UMC surcharge per care category (MSZ §3).
  let umc = new Map<CareCategory, { max: Decimal; share: Decimal }>();
  const academic = input.academicShare ?? null;
  const umcSource = policy.price.umc_surcharge.source;
  if (input.provider.type === 'umc') {
    if (academic === null) return fail('invalid_input', 'Voor een UMC is het aandeel academische patiënten nodig om de UMC-opslag te bepalen.', [{ field: 'academicShare', message: 'ontbreekt' }]);
    const share = parseShare(academic, 'academicShare');
    if (!share.ok) return share;
    const table = umcSurcharges(policy, share.value.decimal);
    if (!table.ok) return table;
    umc = table.value;
    reasons.push({
      rule: 'price.umc-surcharge', source: umcSource,
      inputs: { academic_share: share.value.decimal.toFixed(), ...Object.fromEntries([...umc].map(([c, s]) => [`max_${c}`, s.max.toFixed()])) },
      message: `UMC-opslag per zorgcategorie: aandeel academische patiënten ${share.value.decimal.toFixed()} × het maximum van de categorie.`,
    });
  } else if (academic !== null) {
    reasons.push({
      rule: 'price.umc-surcharge.not-umc', source: umcSource, inputs: { provider_type: input.provider.type, academic_share: academic },
      message: `Geen UMC-opslag: de aanbieder is geen UMC (type ${input.provider.type}); het aandeel academische patiënten telt niet mee.`,
    });
  }

  const lines: PriceProposalLine[] = [];
  for (const product of input.products) {
    const umcShare = umc.get(product.category)?.share ?? new MoneyDecimal(0);
    const one = new MoneyDecimal(1);
    const factor = combination.value === 'compounded'
      ? one.plus(providerShare).times(one.plus(umcShare))
      : one.plus(providerShare).plus(umcShare);
    const price = multiplyCents(product.standardPriceCents, factor, rounding.value);
    const lineReasons: Reason[] = [{
      rule: 'price.line', source: SOURCE,
      inputs: {
        product_code: product.code, category: product.category, standard_price_cents: product.standardPriceCents,
        provider_surcharge_share: providerShare.toFixed(), umc_surcharge_share: umcShare.toFixed(), combination: combination.value, rounding: rounding.value,
      },
      message: `Prijs = standaardprijs × ${factor.toFixed()} (aanbiedersopslag ${providerShare.toFixed()}, UMC-opslag ${umcShare.toFixed()} voor ${product.category}), één keer afgerond op hele centen.`,
    }];
    lines.push({
      product_code: product.code, name: product.name, category: product.category,
      standard_price_cents: product.standardPriceCents, surcharge_share: factor.minus(1).toFixed(),
      price_cents: price, reasons: lineReasons,
    });
  }

  const volumes = input.volumes ?? null;
  const index = priceIndex(lines, volumes, places.value);
  if (!index.ok) return index;
  const method = volumes === null ? 'unweighted' : 'volume-weighted';
  reasons.push({
    rule: 'price.index', source: policy.price.source,
    inputs: { products: lines.length, method, decimal_places: places.value, price_index: index.value },
    message: method === 'unweighted'
      ? `Prijsniveau ${index.value} ten opzichte van de standaardprijzen (Σ prijs / Σ standaardprijs, elk product één keer).`
      : `Prijsniveau ${index.value} ten opzichte van de standaardprijzen (Σ prijs × volume / Σ standaardprijs × volume).`,
  });
  return ok({ provider_agb: input.provider.agb, lines, price_index: index.value, price_index_method: method, reasons });
}
