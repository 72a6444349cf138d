/**
 * Use case: load the deterministic demo data set (providers with locations, the care-product
 * catalogue with standard prices, add-on drugs with reference tariffs, a year of claims, and the
 * demo users). Idempotent: rows already stored are left as they are, so seeding twice adds nothing.
 */
import { systemActor } from '../../domain/auth/actor.js';
import { ok, type Result } from '../../domain/errors.js';
import type { ProviderRecord } from '../../domain/providers/provider-record.js';
import { demoAddOnDrugs } from '../../demo/addon-drugs.js';
import { demoCareProducts, demoDiagnosisCombinations } from '../../demo/care-products.js';
import { generateClaims } from '../../demo/claims.js';
import { demoAddonAgreements, demoNegotiations, demoProposalInputs } from '../../demo/negotiations.js';
import { demoProviders, type DemoProvider } from '../../demo/providers.js';
import { audit } from '../../storage/audit.js';
import type { Insertable } from 'kysely';
import { withActor, type Tx } from '../../storage/context.js';
import type { ClaimsTable } from '../../storage/schema.js';
import type { Database } from '../../storage/database.js';
import { replaceLocations, upsertProvider } from '../../storage/repositories/providers.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { addUser } from '../users/add-user.js';
import { DEMO_LOGINS } from './demo-users.js';
import { seedAuthorisations } from './seed-authorisations.js';

export const DEMO_POLICY_ID = 'msz-2018';
/** The contract year of the demo, and the base year whose realisation the proposals start from (MSZ §4). */
export const DEMO_YEAR = 2018;
export const DEMO_BASE_YEAR = 2017;
export const DEMO_ADDON_YEAR = 2022;
export const DEFAULT_DEMO_CLAIMS = 20_000;
const CLAIM_BATCH = 1_000;

export interface DemoSeedOptions {
  seed: string;
  /** Claim lines per MSZ year: the base year and the contract year each get this many, the add-on year a quarter. */
  claims: number;
  /** Skip entirely when providers exist already (used by `npm start`). */
  ifEmpty?: boolean;
  onProgress?: (message: string) => void;
}

export interface DemoSeedReport {
  skipped: boolean;
  providers: { created: number; updated: number; unchanged: number };
  careProducts: number;
  addOnDrugs: number;
  claims: { generated: number; inserted: number };
  users: { created: number; existing: number };
  demoProviderAgb: string;
}

export function toProviderRecord(p: DemoProvider): ProviderRecord {
  return {
    agb: p.agb,
    name: p.name,
    type: p.type,
    city: p.city,
    province: p.province,
    region: p.region,
    kernregio: p.kernregio,
    insurer: p.insurer,
    zkRevenueCents: p.zkRevenueCents,
    marketShare: p.marketShare,
    kvk: p.kvk,
    vsvLevel: p.vsvLevel,
    budgetPolicySelected: p.budgetPolicySelected,
    licences: [...p.licences].sort(),
    certificates: [...p.certificates].sort(),
    programmes: [...p.programmes].sort(),
    minimumNorms: [...p.minimumNorms].sort(),
    specialisms: [...p.specialisms].sort(),
    latitude: p.latitude.toFixed(5),
    longitude: p.longitude.toFixed(5),
  };
}

/** The provider the demo provider user belongs to: the first general hospital in a kernregio. */
export function demoProviderFor(providers: DemoProvider[]): DemoProvider {
  const chosen = providers.find((p) => p.type === 'ziekenhuis' && p.kernregio && p.namedInPolicy) ?? providers[0];
  if (!chosen) throw new Error('demo data set has no providers');
  return chosen;
}

export async function seedDemo(db: Database, options: DemoSeedOptions): Promise<Result<DemoSeedReport>> {
  const actor = systemActor('demo-seed');
  const progress = options.onProgress ?? (() => {});
  const providers = demoProviders(options.seed);
  const ownProvider = demoProviderFor(providers);

  if (options.ifEmpty) {
    const existing = await withActor(db, actor, (tx) => tx.selectFrom('providers').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    if (Number(existing.n) > 0) {
      return ok({ skipped: true, providers: { created: 0, updated: 0, unchanged: 0 }, careProducts: 0, addOnDrugs: 0, claims: { generated: 0, inserted: 0 }, users: { created: 0, existing: 0 }, demoProviderAgb: ownProvider.agb });
    }
  }

  const products = demoCareProducts(options.seed);
  const drugs = demoAddOnDrugs(options.seed);
  const counts = { created: 0, updated: 0, unchanged: 0 };

  await withActor(db, actor, async (tx) => {
    for (const provider of providers) {
      const change = await upsertProvider(tx, toProviderRecord(provider));
      await replaceLocations(
        tx,
        provider.agb,
        provider.locations.map((l, i) => ({ name: l.name, city: l.city, isMain: i === 0, latitude: l.latitude.toFixed(5), longitude: l.longitude.toFixed(5) })),
      );
      counts[change] += 1;
    }
    for (const product of products) {
      await tx
        .insertInto('care_products')
        .values({
          code: product.code,
          name: product.name,
          specialism: product.specialism,
          diagnosis: product.diagnosis,
          category: product.category,
          care_kinds: [...product.careKinds],
          bijlage4_item: product.bijlage4Item,
          selective_id: product.selectiveId,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      await tx
        .insertInto('standard_prices')
        .values({ policy_id: DEMO_POLICY_ID, product_code: product.code, price_cents: product.standardPriceCents, cost_price_cents: product.costPriceCents, market_price_cents: product.marketPriceCents })
        .onConflict((oc) => oc.columns(['policy_id', 'product_code']).doNothing())
        .execute();
    }
    for (const drug of drugs) {
      await tx
        .insertInto('addon_drugs')
        .values({
          zi_number: drug.ziNumber,
          name: drug.name,
          cluster: drug.cluster,
          unit: drug.unit,
          reference_tariff_cents: drug.referenceTariffCents,
          specialised_centres_only: drug.specialisedCentresOnly,
          efficiency_requirement: drug.efficiencyRequirement,
        })
        .onConflict((oc) => oc.column('zi_number').doNothing())
        .execute();
    }
    for (const c of demoDiagnosisCombinations()) {
      const [a, b] = [c.diagnosisA, c.diagnosisB].sort();
      await tx
        .insertInto('diagnosis_combinations')
        .values({ specialism: c.specialism, diagnosis_a: a!, diagnosis_b: b!, description: c.description })
        .onConflict((oc) => oc.columns(['specialism', 'diagnosis_a', 'diagnosis_b']).doNothing())
        .execute();
    }
    // Demo assumption: UMCs and categorical institutions are the specialised centres for restricted add-on drugs.
    for (const p of providers.filter((p) => p.type === 'umc' || p.type === 'categoraal')) {
      await tx.insertInto('specialised_centres').values({ agb: p.agb, recognition: 'CieBAG-kwaliteitsvoorwaarden (demo)' }).onConflict((oc) => oc.column('agb').doNothing()).execute();
    }
    for (const n of demoNegotiations(options.seed, providers)) {
      await tx
        .insertInto('negotiations')
        .values({ agb: n.agb, year: DEMO_YEAR, price_volume: n.priceVolume, kernregio_conditions: n.kernregioConditions, multi_year_content: n.multiYearContent, new_provider: n.newProvider })
        .onConflict((oc) => oc.columns(['agb', 'year']).doNothing())
        .execute();
    }
    for (const i of demoProposalInputs(options.seed, providers)) {
      await tx
        .insertInto('proposal_inputs')
        .values({
          agb: i.agb,
          year: DEMO_YEAR,
          academic_share: i.academicShare,
          provider_surcharge_share: i.providerSurcharge?.share ?? null,
          provider_surcharge_evidence: i.providerSurcharge?.evidence ?? null,
          demography_growth: i.demographyGrowth,
          kwf_incidence_growth: i.kwfIncidenceGrowth,
          home_dialysis_expected_share: i.homeDialysisExpectedShare,
        })
        .onConflict((oc) => oc.columns(['agb', 'year']).doNothing())
        .execute();
    }
    await audit(tx, actor, { event: 'demo.seed', action: 'C', purpose: 'demo', details: { seed: options.seed, providers: counts, products: products.length, drugs: drugs.length } });
  });
  progress(`${providers.length} zorgaanbieders, ${products.length} zorgproducten, ${drugs.length} add-on geneesmiddelen`);

  // Claims: streamed from the generator, one transaction per batch; the base year and the contract year.
  let generated = 0;
  let inserted = 0;
  const years = [
    { year: DEMO_BASE_YEAR, count: options.claims },
    { year: DEMO_YEAR, count: options.claims },
    { year: DEMO_ADDON_YEAR, count: Math.ceil(options.claims / 4) },
  ];
  const total = years.reduce((sum, y) => sum + y.count, 0);
  let batch: Insertable<ClaimsTable>[] = [];
  const addonUnits = new Map<string, Map<string, number>>();
  const flush = async () => {
    if (batch.length === 0) return;
    inserted += await withActor(db, actor, (tx) => insertClaimBatch(tx, batch));
    batch = [];
    if (generated % 10_000 === 0 || generated === total) progress(`declaraties: ${generated}/${total}`);
  };
  for (const { year, count } of years) {
    const claims = generateClaims({ seed: options.seed, count, year, providers, products, drugs, idPrefix: `C${year}-` });
    for (const claim of claims) {
      generated += 1;
      batch.push({
        claim_id: claim.claimId,
        uzovi: claim.uzovi,
        agb: claim.agb,
        bsn: claim.bsn,
        care_type: claim.careType,
        specialism: claim.specialism,
        diagnosis: claim.diagnosis,
        product_code: claim.productCode,
        start_date: claim.startDate,
        end_date: claim.endDate,
        amount_cents: claim.amountCents,
        zi_number: claim.ziNumber ?? null,
        units: claim.units === undefined ? null : String(claim.units),
      });
      if (year === DEMO_ADDON_YEAR && claim.ziNumber !== undefined && claim.units !== undefined && claim.amountCents > 0) {
        const perDrug = addonUnits.get(claim.agb) ?? new Map<string, number>();
        perDrug.set(claim.ziNumber, (perDrug.get(claim.ziNumber) ?? 0) + Number(claim.units));
        addonUnits.set(claim.agb, perDrug);
      }
      if (batch.length >= CLAIM_BATCH) await flush();
    }
  }
  await flush();

  // Add-on sub-agreements follow from what each provider claimed in the add-on year.
  await withActor(db, actor, async (tx) => {
    for (const a of demoAddonAgreements(options.seed, providers, drugs, addonUnits)) {
      const inserted = await tx
        .insertInto('addon_agreements')
        .values({ agb: a.agb, year: DEMO_ADDON_YEAR, expected_revenue_cents: a.expectedRevenueCents, q2_figures: a.q2Figures, efficiency: a.efficiency })
        .onConflict((oc) => oc.columns(['agb', 'year']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && a.lines.length > 0) {
        await tx.insertInto('addon_agreement_lines').values(a.lines.map((l) => ({ agb: a.agb, year: DEMO_ADDON_YEAR, zi_number: l.ziNumber, agreed_units: l.agreedUnits }))).execute();
      }
    }
  });

  const users = { created: 0, existing: 0 };
  for (const login of DEMO_LOGINS) {
    const exists = await withActor(db, actor, (tx) => findUserByEmail(tx, login.email));
    if (exists) {
      users.existing += 1;
      continue;
    }
    const created = await addUser(
      { db, actor },
      { email: login.email, password: login.password, role: login.role, agb: login.role === 'provider' ? ownProvider.agb : null, signatory: login.signatory === true, displayName: login.label, totpSecret: login.totpSecret ?? null },
    );
    if (!created.ok) return created;
    users.created += 1;
  }

  // Prior-authorisation requests in different states, through their use cases (after the users exist).
  const authorisations = await seedAuthorisations(db);
  if (!authorisations.ok) return authorisations;

  return ok({ skipped: false, providers: counts, careProducts: products.length, addOnDrugs: drugs.length, claims: { generated, inserted }, users, demoProviderAgb: ownProvider.agb });
}

async function insertClaimBatch(tx: Tx, rows: Insertable<ClaimsTable>[]): Promise<number> {
  const result = await tx.insertInto('claims').values(rows).onConflict((oc) => oc.column('claim_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
