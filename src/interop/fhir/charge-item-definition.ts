/**
 * A provider's price list for a year (MSZ §3) as R4 `ChargeItemDefinition`s, one per care product.
 *
 * Why ChargeItemDefinition and not InsurancePlan: InsurancePlan describes an insurer's product
 * (a policy with its coverage, benefits and member cost sharing); a price list is what one provider
 * may charge per zorgproduct, which is what ChargeItemDefinition models: the billing code
 * (`code`), when it applies (`effectivePeriod`), and the price as components. One resource per
 * product also keeps each price addressable (`url`, identifier `<agb>-<year>-<code>`).
 *
 * Price components: `base` = the standard price of the policy, `surcharge` = the provider's
 * surcharges (factor = total surcharge share, amount = price − standard price). Their amounts add
 * up to the price exactly, in cents. `status` is `active` once the price list is fixed (contracting
 * state price-list-fixed or published), `draft` before.
 */
import type { PriceProposalLine } from '../../domain/pricing/price-proposal.js';
import { eurMoney } from './money.js';
import { organizationReference } from './organization.js';
import { FHIR_BASE_URI, PRICE_COMPONENT_SYSTEM, PRICE_LINE_ID_SYSTEM, USAGE_CONTEXT_TYPE_SYSTEM, ZORGPRODUCT_SYSTEM } from './systems.js';
import type { ChargeItemDefinition } from './types.js';

export interface PriceListFacts {
  provider: { agb: string; name: string };
  year: number;
  lines: readonly Pick<PriceProposalLine, 'product_code' | 'name' | 'standard_price_cents' | 'surcharge_share' | 'price_cents'>[];
  /** The price list is fixed (contracting state price-list-fixed or published). */
  fixed: boolean;
}

export function priceLineToChargeItemDefinition(facts: PriceListFacts, line: PriceListFacts['lines'][number]): ChargeItemDefinition {
  const id = `${facts.provider.agb}-${facts.year}-${line.product_code}`;
  return {
    resourceType: 'ChargeItemDefinition',
    id,
    url: `${FHIR_BASE_URI}/ChargeItemDefinition/${id}`,
    identifier: [{ system: PRICE_LINE_ID_SYSTEM, value: id }],
    title: `${line.name} (${facts.provider.name}, ${facts.year})`,
    status: facts.fixed ? 'active' : 'draft',
    useContext: [{ code: { system: USAGE_CONTEXT_TYPE_SYSTEM, code: 'venue', display: 'Clinical Venue' }, valueReference: organizationReference(facts.provider) }],
    effectivePeriod: { start: `${facts.year}-01-01`, end: `${facts.year}-12-31` },
    code: { coding: [{ system: ZORGPRODUCT_SYSTEM, code: line.product_code, display: line.name }] },
    propertyGroup: [{
      priceComponent: [
        { type: 'base', code: { coding: [{ system: PRICE_COMPONENT_SYSTEM, code: 'standaardprijs', display: 'Standaardprijs' }] }, amount: eurMoney(line.standard_price_cents) },
        {
          type: 'surcharge',
          code: { coding: [{ system: PRICE_COMPONENT_SYSTEM, code: 'opslag', display: 'Opslag (aanbieder, UMC)' }] },
          factor: Number(line.surcharge_share),
          amount: eurMoney(line.price_cents - line.standard_price_cents),
        },
      ],
    }],
  };
}

export function priceListToChargeItemDefinitions(facts: PriceListFacts): ChargeItemDefinition[] {
  return facts.lines.map((line) => priceLineToChargeItemDefinition(facts, line));
}
