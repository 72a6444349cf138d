/**
 * Deterministic demo data: pure generators, a function of the seed only (no database, no clock, no
 * Math.random). The seed command inserts what these return; benchmarks compare claim checks with
 * the ground truth of `generateClaimsWithTruth`.
 */
import { demoAddOnDrugs, type DemoAddOnDrug } from './addon-drugs.js';
import { demoCareProducts, type DemoCareProduct } from './care-products.js';
import type { Seed } from './prng.js';
import { demoProviders, type DemoProvider } from './providers.js';

export { createPrng, hashSeed, Prng, type Seed } from './prng.js';
export {
  demoProviders, EDGE_REVENUE_PROVIDER_KEY, REVENUE_BOUNDARY_CENTS, type DemoLocation, type DemoProvider,
} from './providers.js';
export { DEMO_PURCHASING_REGIONS, regionOf, type PurchasingRegion } from './regions.js';
export {
  CARE_CATEGORIES, CARE_KINDS, demoCareProducts, demoDiagnosisCombinations,
  type CareCategory, type CareKind, type DemoCareProduct, type DemoDiagnosisCombination,
} from './care-products.js';
export { GENERAL_HOSPITAL_SPECIALISMS, SPECIALISMS, SPECIALISM_CODES, isSpecialismCode, type SpecialismCode } from './specialisms.js';
export { ADD_ON_CLUSTERS, demoAddOnDrugs, type AddOnCluster, type DemoAddOnDrug } from './addon-drugs.js';
export {
  DEMO_UZOVI, INJECTED_ANOMALIES, generateClaims, generateClaimsWithTruth,
  type ClaimWithTruth, type DemoClaim, type GenerateClaimsOptions, type InjectedAnomaly,
} from './claims.js';
export * from './vocabulary.js';

export interface DemoDataset {
  providers: DemoProvider[];
  products: DemoCareProduct[];
  drugs: DemoAddOnDrug[];
}

/** Providers, care products and add-on drugs for one seed (claims stream separately). */
export function demoDataset(seed: Seed): DemoDataset {
  return { providers: demoProviders(seed), products: demoCareProducts(seed), drugs: demoAddOnDrugs(seed) };
}
