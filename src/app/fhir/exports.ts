/**
 * Use cases: the product's data as FHIR R4 resources (mapping in `src/interop/fhir`).
 * - Providers as `Organization`: the search lists what the actor may see (a provider user: its
 *   own organisation; row-level security scopes it too), the read checks `providerAccess`.
 * - A provider's agreement for a year as a `Contract` and its price list as
 *   `ChargeItemDefinition`s: `providerAccess` first (a provider user only its own AGB; a refusal
 *   is audited as `fhir.contract.read` / `fhir.price-list.read`), then the same proposal the
 *   purchasing screens and documents show (`computeProposal`), and the contracting state of the year.
 */
import { ok, type Result } from '../../domain/errors.js';
import type { ContractStatus } from '../../domain/contracting/index.js';
import { priceListToChargeItemDefinitions } from '../../interop/fhir/charge-item-definition.js';
import { agreementToContract } from '../../interop/fhir/contract.js';
import { providerToOrganization } from '../../interop/fhir/organization.js';
import { searchset } from '../../interop/fhir/search-bundle.js';
import type { Bundle, ChargeItemDefinition, Contract, Organization } from '../../interop/fhir/types.js';
import type { Tx } from '../../storage/context.js';
import { providerAccess } from '../access.js';
import { findProcess } from '../contracting/contract-store.js';
import { getProviderFor, listProvidersFor } from '../providers/queries.js';
import { computeProposal } from '../purchasing/proposal.js';
import { withProviderYear, type ProviderYear, type PurchasingDeps } from '../purchasing/provider-year.js';

/** Where the resources live: the absolute URL the FHIR paths hang under (`https://host/api/fhir`). */
export interface FhirBase {
  base: string;
}

/** `identifier` search parameter: `system|value`, or `value` alone for an identifier of any system (AGB-Z, KvK). */
function matchesIdentifier(organization: Organization, search: string): boolean {
  const [system, value] = search.includes('|') ? [search.slice(0, search.indexOf('|')), search.slice(search.indexOf('|') + 1)] : ['', search];
  return (organization.identifier ?? []).some((i) => i.value === value && (system === '' || i.system === system));
}

export async function organizationSearch(deps: PurchasingDeps, query: FhirBase & { identifier?: string }): Promise<Result<Bundle<Organization>>> {
  const providers = await listProvidersFor(deps);
  if (!providers.ok) return providers;
  const organizations = providers.value.map(providerToOrganization).filter((o) => query.identifier === undefined || matchesIdentifier(o, query.identifier));
  const self = `${query.base}/Organization${query.identifier !== undefined ? `?identifier=${encodeURIComponent(query.identifier)}` : ''}`;
  return ok(searchset(organizations, { self, fullUrl: (o) => `${query.base}/Organization/${o.id}` }));
}

export async function organizationRead(deps: PurchasingDeps, agb: string): Promise<Result<Organization>> {
  const provider = await getProviderFor(deps, agb);
  return provider.ok ? ok(providerToOrganization(provider.value)) : provider;
}

/** The contracting state of the provider-year, or null before the process started. */
async function stateOf(tx: Tx, context: ProviderYear): Promise<ContractStatus | null> {
  return (await findProcess(tx, context.agb, context.year))?.state ?? null;
}

export async function contractSearch(deps: PurchasingDeps, agbInput: string, year: unknown, at: FhirBase): Promise<Result<Bundle<Contract>>> {
  const agb = await providerAccess(deps, agbInput, 'fhir.contract.read', 'agb');
  if (!agb.ok) return agb;
  return withProviderYear(deps, agb.value, year, async (tx, context) => {
    const proposal = await computeProposal(tx, context);
    // Without standard prices there is no amount yet; the agreement kind and its reasons still are.
    if (!proposal.ok && proposal.error.code !== 'not_found') return proposal;
    const contract = agreementToContract({
      provider: { agb: context.agb, name: context.provider.name },
      year: context.year,
      policy: { id: context.policy.id, title: context.policy.title },
      decision: context.decision,
      financial: proposal.ok ? proposal.value.financial : null,
      state: await stateOf(tx, context),
    });
    return ok(searchset([contract], { self: `${at.base}/Contract?year=${context.year}`, fullUrl: (c) => `${at.base}/Contract/${c.id}` }));
  });
}

export async function chargeItemDefinitionSearch(deps: PurchasingDeps, agbInput: string, year: unknown, at: FhirBase): Promise<Result<Bundle<ChargeItemDefinition>>> {
  const agb = await providerAccess(deps, agbInput, 'fhir.price-list.read', 'agb');
  if (!agb.ok) return agb;
  return withProviderYear(deps, agb.value, year, async (tx, context) => {
    const proposal = await computeProposal(tx, context);
    if (!proposal.ok) return proposal;
    const state = await stateOf(tx, context);
    const definitions = priceListToChargeItemDefinitions({
      provider: { agb: context.agb, name: context.provider.name },
      year: context.year,
      lines: proposal.value.price.lines,
      fixed: state === 'price-list-fixed' || state === 'published',
    });
    return ok(searchset(definitions, { self: `${at.base}/ChargeItemDefinition?year=${context.year}`, fullUrl: (d) => `${at.base}/ChargeItemDefinition/${d.id}` }));
  });
}
