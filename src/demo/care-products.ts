/**
 * Demo DBC care products: the fixed catalogue of care-product-data.ts with generated prices. Codes
 * are fixed for every seed (9 digits: "0", the specialism's last two digits, the diagnosis padded
 * to four digits and a two-digit sequence), so claims and contracts of different seeds share codes.
 */
import {
  DIAGNOSIS_COMBINATION_ROWS, PRODUCT_ROWS,
  type CareCategory, type CareKind, type ProductRow,
} from './care-product-data.js';
import { createPrng, type Seed } from './prng.js';
import { SPECIALISMS, type SpecialismCode } from './specialisms.js';
import type { SelectiveId } from './vocabulary.js';

export { CARE_CATEGORIES, CARE_KINDS, type CareCategory, type CareKind } from './care-product-data.js';

export interface DemoCareProduct {
  /** Zorgproductcode, 9 digits. */
  code: string;
  name: string;
  /** Vektis specialism code. */
  specialism: SpecialismCode;
  specialismName: string;
  /** Diagnosis code within the specialism (3-4 digits, illustrative). */
  diagnosis: string;
  category: CareCategory;
  costPriceCents: number;
  marketPriceCents: number;
  standardPriceCents: number;
  careKinds: CareKind[];
  /** The MSZ Bijlage 4 treatment (1..18) this product is, or null. */
  bijlage4Item: number | null;
  /** Selective-purchasing id (MSZ §2), or null when every provider may supply it. */
  selectiveId: SelectiveId | null;
  /** Relative yearly volume, for generating claims (1 = a common outpatient product). */
  volumeWeight: number;
}

export interface DemoDiagnosisCombination {
  specialism: SpecialismCode;
  diagnosisA: string;
  diagnosisB: string;
  description: string;
}

/** The fixed code of each catalogue row, in catalogue order. */
function productCodes(rows: readonly ProductRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map(([, specialism, diagnosis]) => {
    const stem = `0${specialism.slice(2)}${diagnosis.padStart(4, '0')}`;
    const sequence = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, sequence);
    return `${stem}${String(sequence).padStart(2, '0')}`;
  });
}

const CODES = productCodes(PRODUCT_ROWS);

/** About 120 care products with seeded cost, market and standard prices (integer cents). */
export function demoCareProducts(seed: Seed): DemoCareProduct[] {
  const prng = createPrng(seed).fork('care-products');
  return PRODUCT_ROWS.map(([name, specialism, diagnosis, category, baseEur, volumeWeight, extra = {}], i) => {
    const base = baseEur * 100;
    const costPriceCents = Math.round(base * prng.float(0.8, 0.95));
    const marketPriceCents = Math.round(base * prng.float(0.95, 1.15));
    // MSZ §3: standard prices from cost prices (e.g. haemodialysis) and current market prices.
    const standardPriceCents = extra.costBased === true ? costPriceCents : Math.round((costPriceCents + marketPriceCents) / 2);
    return {
      code: CODES[i] as string,
      name,
      specialism,
      specialismName: SPECIALISMS[specialism],
      diagnosis,
      category,
      costPriceCents,
      marketPriceCents,
      standardPriceCents,
      careKinds: [...(extra.kinds ?? [])],
      bijlage4Item: extra.b4 ?? null,
      selectiveId: extra.sel ?? null,
      volumeWeight,
    };
  });
}

/** Pairs of diagnoses within a specialism that may not run in parallel (as the NZa table does). */
export function demoDiagnosisCombinations(): DemoDiagnosisCombination[] {
  return DIAGNOSIS_COMBINATION_ROWS.map(([specialism, diagnosisA, diagnosisB, description]) => ({
    specialism, diagnosisA, diagnosisB, description,
  }));
}
