/**
 * Query functions for the public transparency read model: everything needed to decide which
 * providers are contracted in a year and what their prices are, in four queries for all providers
 * (not one use case per provider). Callers run them under the system role and publish only the
 * public projection.
 */
import type { Selectable } from 'kysely';
import type { Queryable } from '../context.js';
import type { CareProductsTable, ProvidersTable, StandardPricesTable } from '../schema.js';

const PUBLICATION_PROVIDER_COLUMNS = ['agb', 'name', 'type', 'city', 'kernregio', 'insurer', 'zk_revenue_cents', 'budget_policy_selected', 'specialisms', 'licences', 'programmes', 'minimum_norms', 'latitude', 'longitude', 'updated_at'] as const;

export type PublicationProviderRow = Pick<Selectable<ProvidersTable>, (typeof PUBLICATION_PROVIDER_COLUMNS)[number]>;

export type PublicationProductRow = Pick<Selectable<CareProductsTable>, 'code' | 'name' | 'specialism' | 'category' | 'selective_id'> & Pick<Selectable<StandardPricesTable>, 'price_cents'>;

export function publicationProviders(q: Queryable): Promise<PublicationProviderRow[]> {
  return q
    .selectFrom('providers')
    .select(PUBLICATION_PROVIDER_COLUMNS)
    .orderBy('name')
    .orderBy('agb')
    .execute();
}

export function negotiationsOfYear(q: Queryable, year: number) {
  return q.selectFrom('negotiations').selectAll().where('year', '=', year).execute();
}

export function proposalInputsOfYear(q: Queryable, year: number) {
  return q
    .selectFrom('proposal_inputs')
    .select(['agb', 'provider_surcharge_share', 'provider_surcharge_evidence', 'academic_share', 'updated_at'])
    .where('year', '=', year)
    .execute();
}

/** The catalogue with the standard prices of a policy, with what decides who may deliver a product. */
export function publicationCatalogue(q: Queryable, policyId: string): Promise<PublicationProductRow[]> {
  return q
    .selectFrom('care_products as p')
    .innerJoin('standard_prices as s', 's.product_code', 'p.code')
    .select(['p.code', 'p.name', 'p.specialism', 'p.category', 'p.selective_id', 's.price_cents'])
    .where('s.policy_id', '=', policyId)
    .orderBy('p.code')
    .execute();
}
