/**
 * Builds the reference data the claim checks consult from storage: the catalogue's Bijlage 4 and
 * selective-purchasing mapping, what each provider is licensed and selected for, the add-on drugs
 * and specialised centres, the NZa diagnosis combinations, and the plafond of every provider with a
 * ceiling agreement in the year (the financial proposal's amount, MSZ §4).
 */
import { systemActor } from '../../domain/auth/actor.js';
import type { CheckReference } from '../../domain/claims/types.js';
import { ok, type Result } from '../../domain/errors.js';
import { withActor, type Tx } from '../../storage/context.js';
import { listProviders } from '../../storage/repositories/providers.js';
import { computeProposal } from '../purchasing/proposal.js';
import { withProviderYear, type PurchasingDeps } from '../purchasing/provider-year.js';

async function staticReference(tx: Tx): Promise<Omit<CheckReference, 'ceilings'>> {
  const [products, providers, drugs, centres, combinations] = await Promise.all([
    tx.selectFrom('care_products').select(['code', 'bijlage4_item', 'selective_id', 'care_kinds']).execute(),
    listProviders(tx),
    tx.selectFrom('addon_drugs').select(['zi_number', 'reference_tariff_cents', 'specialised_centres_only']).execute(),
    tx.selectFrom('specialised_centres').select('agb').execute(),
    tx.selectFrom('diagnosis_combinations').selectAll().execute(),
  ]);
  return {
    products: new Map(products.map((p) => [p.code, { bijlage4Item: p.bijlage4_item, selectiveId: p.selective_id, careKinds: p.care_kinds }])),
    providers: new Map(providers.map((p) => [p.agb, { type: p.type, licences: p.licences, programmes: p.programmes, minimumNorms: p.minimum_norms, certificates: p.certificates }])),
    drugs: new Map(drugs.map((d) => [d.zi_number, { referenceTariffCents: d.reference_tariff_cents, specialisedCentresOnly: d.specialised_centres_only }])),
    specialisedCentres: new Set(centres.map((c) => c.agb)),
    diagnosisCombinations: combinations.map((c) => ({ specialism: c.specialism, diagnosisA: c.diagnosis_a, diagnosisB: c.diagnosis_b })),
  };
}

/** Plafonds per provider with a ceiling agreement in the year; none when no year is given. */
export async function ceilingsFor(deps: PurchasingDeps, year: number | null): Promise<Result<Map<string, number>>> {
  const ceilings = new Map<string, number>();
  if (year === null) return ok(ceilings);
  const providers = await withActor(deps.db, systemActor('claims-check'), (tx) => listProviders(tx));
  for (const provider of providers) {
    const amount = await withProviderYear(deps, provider.agb, year, async (tx, context) => {
      if (context.decision.type !== 'plafond') return ok(null);
      const proposal = await computeProposal(tx, context);
      return proposal.ok ? ok(proposal.value.financial.amount_cents) : proposal;
    });
    if (!amount.ok) {
      if (amount.error.code === 'not_found') continue; // no policy or catalogue for the year: no plafond to check
      return amount;
    }
    if (amount.value !== null && amount.value > 0) ceilings.set(provider.agb, amount.value);
  }
  return ok(ceilings);
}

export async function loadCheckReference(deps: PurchasingDeps, year: number | null): Promise<Result<CheckReference>> {
  const ceilings = await ceilingsFor(deps, year);
  if (!ceilings.ok) return ceilings;
  const reference = await withActor(deps.db, systemActor('claims-check'), (tx) => staticReference(tx));
  return ok({ ...reference, ceilings: ceilings.value });
}
