/**
 * Use case: the price and volume proposal of a provider for a contract year (MSZ §3, §4), and the
 * financial proposal it leads to (richtpunt or plafond). The base is the provider's realisation in
 * the base year (policy parameter `volume_base_year`, else the year before), valued at the standard
 * prices of the policy; every correction is an explained line.
 */
import type { AgreementDecision } from '../../domain/agreement/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { MoneyDecimal } from '../../domain/money/index.js';
import { parameterValue, type MszPolicy, type PracticeVariationIndicatorDefinition } from '../../domain/policy/index.js';
import { priceProposal, type PriceProposal } from '../../domain/pricing/index.js';
import { financialProposal, type FinancialProposal } from '../../domain/proposal/financial-proposal.js';
import { volumeProposal, type PracticeVariationIndicator, type VolumeProposal } from '../../domain/volume/index.js';
import type { Tx } from '../../storage/context.js';
import { catalogueWithPrices, followUpRates, readProposalInputs, realisationByProduct, type FollowUpRate } from '../../storage/repositories/purchasing.js';
import { withProviderYear, type ProviderYear, type PurchasingDeps } from './provider-year.js';

export interface ProposalView {
  provider: { agb: string; name: string; city: string; type: string };
  year: number;
  policy: { id: string; title: string };
  decision: AgreementDecision;
  financial: FinancialProposal;
  volume: VolumeProposal;
  price: PriceProposal;
}

/**
 * The A3 indicators of the policy (volume correction A3, `indicators`; decision
 * `practice-variation-indicators`), e.g. follow-up subtrajecten per 1,000 patients in cardiology for
 * the MSZ §4A example "meerjarige follow-up zorg zonder interventies".
 */
export function practiceVariationDefinitions(policy: MszPolicy): PracticeVariationIndicatorDefinition[] {
  return policy.volume.corrections.find((c) => c.id === 'A3')?.indicators ?? [];
}

/**
 * One indicator's input for correction A3 from every provider's rates in the base year: providers
 * below the indicator's patient minimum are left out; without the provider itself or with fewer peers
 * than the minimum there is no indicator (null). Rates per `per` patients, exact, 2 decimals half-up.
 */
export function practiceVariationIndicator(definition: PracticeVariationIndicatorDefinition, rates: readonly FollowUpRate[], agb: string): PracticeVariationIndicator | null {
  const counted = rates.filter((r) => r.patients >= definition.min_patients);
  const own = counted.find((r) => r.agb === agb);
  const peers = counted.filter((r) => r.agb !== agb);
  if (!own || peers.length < definition.min_peers) return null;
  const rate = (r: FollowUpRate) => new MoneyDecimal(r.follow_ups).times(definition.per).dividedBy(r.patients).toFixed(2, MoneyDecimal.ROUND_HALF_UP);
  return {
    indicator: definition.label,
    specialism: definition.specialism,
    providerRatePer1000: rate(own),
    peerRatesPer1000: peers.map(rate),
    affectedAmountCents: Math.max(0, own.follow_up_cents),
  };
}

export function baseYearFor(policy: MszPolicy, year: number): number {
  const configured = parameterValue(policy, 'volume_base_year', 'integer');
  // The policy names the base year for its own policy year; later years of a multi-year term step along.
  return configured.ok ? configured.value + (year - policy.policy_year) : year - 1;
}

export async function computeProposal(tx: Tx, context: ProviderYear): Promise<Result<ProposalView>> {
  const { policy, provider, year, decision } = context;
  const baseYear = baseYearFor(policy, year);
  const [catalogue, realisation, inputs] = await Promise.all([
    catalogueWithPrices(tx, policy.id),
    realisationByProduct(tx, provider.agb, baseYear),
    readProposalInputs(tx, provider.agb, year),
  ]);
  if (catalogue.length === 0) return fail('not_found', `Er zijn geen standaardprijzen voor ${policy.id}; laad eerst de zorgproducten en prijzen.`);
  const standard = new Map(catalogue.map((c) => [c.code, c.price_cents]));

  const practiceVariation: PracticeVariationIndicator[] = [];
  for (const definition of practiceVariationDefinitions(policy)) {
    // `measure` has one value today (follow-up-subtrajects); a new measure is a new query here.
    const indicator = practiceVariationIndicator(definition, await followUpRates(tx, definition.specialism, baseYear), provider.agb);
    if (indicator) practiceVariation.push(indicator);
  }

  const volume = volumeProposal(policy, {
    provider: { agb: provider.agb, type: provider.type },
    baseYear,
    realisation: realisation.map((r) => ({
      product_code: r.product_code,
      specialism: r.specialism,
      category: r.category,
      careKinds: r.care_kinds,
      bijlage4Item: r.bijlage4_item,
      units: Math.max(0, r.units),
      // The base is valued at the policy's standard prices (MSZ §3), not at the provider's own prices.
      amountCents: Math.max(0, standard.has(r.product_code) ? Math.max(0, r.units) * standard.get(r.product_code)! : r.amount_cents),
    })),
    a1InputCents: inputs?.a1_input_cents ?? null,
    practiceVariation,
    ...(inputs?.demography_growth != null ? { demographyGrowth: String(inputs.demography_growth) } : {}),
    ...(inputs?.kwf_incidence_growth != null ? { kwfIncidenceGrowth: String(inputs.kwf_incidence_growth) } : {}),
    homeDialysisExpectedShare: inputs?.home_dialysis_expected_share != null ? String(inputs.home_dialysis_expected_share) : null,
    integratedBirthCare: inputs?.integrated_birth_care ?? false,
    elvSubstitutionShare: inputs?.elv_substitution_share != null ? String(inputs.elv_substitution_share) : null,
  });
  if (!volume.ok) return volume;

  const volumes = Object.fromEntries(realisation.filter((r) => r.units > 0).map((r) => [r.product_code, r.units]));
  const price = priceProposal(policy, {
    provider: { agb: provider.agb, type: provider.type },
    products: catalogue.map((c) => ({ code: c.code, name: c.name, category: c.category, standardPriceCents: c.price_cents })),
    providerSurcharge:
      inputs?.provider_surcharge_share != null && inputs.provider_surcharge_evidence
        ? { share: String(inputs.provider_surcharge_share), evidence: inputs.provider_surcharge_evidence }
        : null,
    academicShare: provider.type === 'umc' ? (inputs?.academic_share != null ? String(inputs.academic_share) : '0') : null,
    volumes: Object.keys(volumes).length > 0 ? volumes : null,
  });
  if (!price.ok) return price;

  const financial = financialProposal(policy, { decision: { type: decision.type, years: decision.years }, volume: volume.value, price: price.value, year });
  if (!financial.ok) return financial;

  return ok({
    provider: { agb: provider.agb, name: provider.name, city: provider.city, type: provider.type },
    year,
    policy: { id: policy.id, title: policy.title },
    decision,
    financial: financial.value,
    volume: volume.value,
    price: price.value,
  });
}

export const proposalFor = (deps: PurchasingDeps, agb: string, year: unknown): Promise<Result<ProposalView>> =>
  withProviderYear(deps, agb, year, (tx, context) => computeProposal(tx, context));
