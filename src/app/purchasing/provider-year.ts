/**
 * Loads what the purchasing use cases need about one provider in one contract year, after checking
 * that the actor may see that provider. Computations that compare with peers (practice variation)
 * read aggregated figures of all providers under the system role; only the provider's own figures
 * and anonymous percentiles leave the use case.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { systemActor } from '../../domain/auth/actor.js';
import { decideAgreement, type AgreementDecision } from '../../domain/agreement/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import type { ProviderRow } from '../../storage/schema.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { readNegotiation, parseYear, type NegotiationState } from './negotiation.js';
import { mszPolicyForYear } from './policy-for-year.js';

export interface PurchasingDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

export interface ProviderYear {
  agb: string;
  year: number;
  policy: MszPolicy;
  provider: ProviderRow;
  negotiation: NegotiationState;
  decision: AgreementDecision;
}

/** Authorises, then runs `work` in one transaction under the system role with the provider-year loaded. */
export async function withProviderYear<T>(
  deps: PurchasingDeps,
  agbInput: string,
  yearInput: unknown,
  work: (tx: Tx, context: ProviderYear) => Promise<Result<T>>,
): Promise<Result<T>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, 'purchasing.read');
  if (!agb.ok) return agb;
  const policy = mszPolicyForYear(deps.policies, year.value);
  if (!policy.ok) return policy;
  return withActor(deps.db, systemActor(`purchasing:${deps.actor.email ?? deps.actor.role}`), async (tx) => {
    const provider = await findProvider(tx, agb.value);
    if (!provider) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'provider', message: 'Onbekende AGB-code.' }]);
    const negotiation = await readNegotiation(tx, agb.value, year.value);
    const decision = decideAgreement(policy.value, {
      provider: { agb: provider.agb, type: provider.type, kernregio: provider.kernregio, zkRevenueCents: provider.zk_revenue_cents, budgetPolicySelected: provider.budget_policy_selected },
      negotiation: {
        priceVolume: negotiation.price_volume,
        kernregioConditions: negotiation.kernregio_conditions,
        ...(negotiation.multi_year_content ? { multiYearContent: negotiation.multi_year_content } : {}),
        newProvider: negotiation.new_provider,
      },
    });
    return work(tx, { agb: agb.value, year: year.value, policy: policy.value, provider, negotiation, decision });
  });
}

export const decideAgreementFor = (deps: PurchasingDeps, agb: string, year: unknown): Promise<Result<AgreementDecision>> =>
  withProviderYear(deps, agb, year, async (_tx, context) => ok(context.decision));
