/**
 * Building blocks of the claim generator: synthetic BSNs that pass the elfproef, the dates of a
 * year, and per-provider tables of the products it claims (weighted, for fast picking).
 */
import type { DemoAddOnDrug } from './addon-drugs.js';
import type { DemoCareProduct } from './care-products.js';
import type { Prng } from './prng.js';
import type { DemoProvider } from './providers.js';
import { providerMaySupply } from './vocabulary.js';

/** Patients per seed are numbered 0..MAX_PATIENTS-1; each gets a distinct BSN. */
export const MAX_PATIENTS = 9_000_000;
const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3] as const;

/**
 * Distinct, elfproef-valid BSNs for patient numbers: a seeded affine permutation of the patient
 * number gives the first 7 digits (1000000..9999999, so never a leading zero), the 8th digit is
 * the first from a seeded start for which the check digit is not 10, the 9th is the check digit.
 */
export class BsnSequence {
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(prng: Prng) {
    let a = prng.int(1_000_001, 8_999_999);
    // Coprime with 9,000,000 = 2^6 * 3^2 * 5^6, so the map is a permutation.
    while (a % 2 === 0 || a % 3 === 0 || a % 5 === 0) a++;
    this.multiplier = a;
    this.offset = prng.int(0, MAX_PATIENTS - 1);
  }

  bsn(patient: number): string {
    if (!Number.isInteger(patient) || patient < 0 || patient >= MAX_PATIENTS) {
      throw new RangeError(`patient number ${patient} outside 0..${MAX_PATIENTS - 1}`);
    }
    const stem = String(1_000_000 + ((patient * this.multiplier + this.offset) % MAX_PATIENTS));
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += (BSN_WEIGHTS[i] as number) * (stem.charCodeAt(i) - 48);
    for (let k = 0; k < 10; k++) {
      const eighth = (patient + k) % 10;
      const check = (sum + 2 * eighth) % 11;
      if (check !== 10) return `${stem}${eighth}${check}`;
    }
    throw new Error('unreachable: one of ten eighth digits always gives a check digit below 10');
  }
}

/** The ISO dates ('YYYY-MM-DD') of every day of `year`, index 0 = 1 January. */
export function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let d = 0; ; d++) {
    const date = new Date(Date.UTC(year, 0, 1 + d));
    if (date.getUTCFullYear() !== year) return days;
    days.push(date.toISOString().slice(0, 10));
  }
}

/** Items with cumulative weights, picked by binary search. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(items: readonly T[], weights: readonly number[]) {
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      total += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = total;
    }
  }

  get total(): number {
    return this.cumulative.length === 0 ? 0 : (this.cumulative[this.cumulative.length - 1] as number);
  }

  pick(prng: Prng): T {
    const target = prng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** What one provider claims, prepared once per generator run. */
export interface ProviderProfile {
  provider: DemoProvider;
  /** Products claimed in the normal flow: own specialisms, allowed category, no Bijlage 4, selective only when allowed. */
  products: WeightedTable<DemoCareProduct>;
  /** Follow-up candidates by specialism + diagnosis. */
  byDiagnosis: ReadonlyMap<string, readonly DemoCareProduct[]>;
  /** Bijlage 4 products it could claim (own specialisms, selective allowed). */
  bijlage4: readonly DemoCareProduct[];
  /** Selective products it may not supply (own specialisms first, else any). */
  forbidden: readonly DemoCareProduct[];
  /** Add-on drugs by specialism that it may claim. */
  drugs: ReadonlyMap<string, readonly DemoAddOnDrug[]>;
}

export const diagnosisKey = (specialism: string, diagnosis: string): string => `${specialism}|${diagnosis}`;

function categoryAllowed(provider: DemoProvider, product: DemoCareProduct): boolean {
  switch (provider.type) {
    case 'umc':
    case 'categoraal':
      return true;
    case 'ziekenhuis':
      return product.category !== 'topreferent';
    case 'zbc':
      return product.category === 'algemeen' || product.careKinds.some((k) => k.startsWith('hemodialyse'));
  }
}

export function providerProfile(
  provider: DemoProvider,
  products: readonly DemoCareProduct[],
  drugs: readonly DemoAddOnDrug[],
  prng: Prng,
): ProviderProfile {
  const offered = products.filter((p) => provider.specialisms.includes(p.specialism));
  const normal = offered.filter(
    (p) =>
      p.bijlage4Item === null &&
      providerMaySupply(provider, p) &&
      categoryAllowed(provider, p) &&
      (provider.vsvLevel !== null || !p.careKinds.includes('obstetrie')),
  );
  // MSZ §4: at least 10% of haemodialysis at home; each provider gets its own share (2-25%).
  const homeShare = prng.float(0.02, 0.25);
  const dialysis = normal.filter((p) => p.careKinds.some((k) => k.startsWith('hemodialyse')));
  const dialysisWeight = dialysis.reduce((sum, p) => sum + p.volumeWeight, 0);
  const weights = normal.map((p) => {
    if (p.careKinds.includes('hemodialyse-thuis')) return dialysisWeight * homeShare;
    if (p.careKinds.includes('hemodialyse-centrum')) return dialysisWeight * (1 - homeShare);
    return p.volumeWeight;
  });
  const byDiagnosis = new Map<string, DemoCareProduct[]>();
  for (const p of normal) {
    const key = diagnosisKey(p.specialism, p.diagnosis);
    byDiagnosis.set(key, [...(byDiagnosis.get(key) ?? []), p]);
  }
  const notAllowed = products.filter((p) => p.selectiveId !== null && p.bijlage4Item === null && !providerMaySupply(provider, p));
  const ownNotAllowed = notAllowed.filter((p) => provider.specialisms.includes(p.specialism));
  const specialisedAllowed = provider.type === 'umc' || provider.type === 'categoraal';
  const drugMap = new Map<string, DemoAddOnDrug[]>();
  for (const drug of drugs) {
    if (drug.specialisedCentresOnly && !specialisedAllowed) continue;
    for (const s of drug.specialisms) drugMap.set(s, [...(drugMap.get(s) ?? []), drug]);
  }
  return {
    provider,
    products: new WeightedTable(normal, weights),
    byDiagnosis,
    bijlage4: offered.filter((p) => p.bijlage4Item !== null && providerMaySupply(provider, p)),
    forbidden: ownNotAllowed.length > 0 ? ownNotAllowed : notAllowed,
    drugs: drugMap,
  };
}
