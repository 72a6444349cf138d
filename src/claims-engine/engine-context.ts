/**
 * What a worker needs to run the checks on numbers instead of strings: the resolved policy
 * settings and the reference data re-keyed by the integer forms of codes (product, AGB, ZI,
 * specialism), built once per worker.
 */
import { prepareReference, type PreparedReference } from '../domain/claims/checks/person.js';
import type { CheckSettings } from '../domain/claims/checks/settings.js';
import { hasParallelException } from '../domain/claims/checks/parallel.js';
import { selectiveViolation } from '../domain/claims/checks/selective.js';
import type { CheckReference, RuleId } from '../domain/claims/types.js';
import { encodeDiagnosis, padDigits } from './codec.js';
import { IntTable } from './int-table.js';

export interface ProductFacts {
  bijlage4Item: number | null;
  selectiveId: string | null;
  parallelException: boolean;
}

export interface EngineContext {
  settings: CheckSettings;
  prepared: PreparedReference;
  /** Product code → index into `productFacts`. */
  productIndex: IntTable;
  productFacts: ProductFacts[];
  /** ZI number → index into `drugFacts`. */
  drugIndex: IntTable;
  drugFacts: { tariffCents: number; centresOnly: boolean }[];
  /** Specialised centres: AGB → 1. */
  centres: IntTable;
  /** Providers with a plafond: AGB → index in `ceilingProviders(reference).agbs`. */
  ceilingIndex: IntTable;
  combinations: Set<number>;
  excludedSpecialisms: Set<number>;
  initialCareType: number;
  rejectRules: Set<RuleId>;
  /** Duplicate-key columns beyond person and line kind. */
  dupAgb: boolean;
  dupCode: boolean;
  dupStart: boolean;
  dupEnd: boolean;
  dupAmount: boolean;
  dupCareType: boolean;
  dupSpecialism: boolean;
  dupDiagnosis: boolean;
  dupUzovi: boolean;
  /** product → agb → selective id the provider lacks (or null), filled on demand. */
  selectiveCache: Map<number, Map<number, string | null>>;
}

const DIGITS = /^[0-9]+$/;
const numeric = (code: string, width: number): number | null => (code.length === width && DIGITS.test(code) ? Number(code) : null);

export const combinationNumber = (specialism: number, diagnosisA: number, diagnosisB: number): number => (specialism * 100000 + diagnosisA) * 100000 + diagnosisB;

/** The context of `settings` (see `resolveCheckSettings`) over `reference`. */
export function engineContext(reference: CheckReference, settings: CheckSettings): EngineContext {
  const productFacts: ProductFacts[] = [];
  const productKeys: [number, number][] = [];
  for (const [code, p] of reference.products) {
    const key = numeric(code, 9);
    if (key === null) continue;
    productKeys.push([key, productFacts.length]);
    productFacts.push({ bijlage4Item: p.bijlage4Item, selectiveId: p.selectiveId, parallelException: hasParallelException(reference, code, settings) });
  }
  const drugFacts: { tariffCents: number; centresOnly: boolean }[] = [];
  const drugKeys: [number, number][] = [];
  for (const [zi, d] of reference.drugs) {
    const key = numeric(zi, 8);
    if (key === null) continue;
    drugKeys.push([key, drugFacts.length]);
    drugFacts.push({ tariffCents: d.referenceTariffCents, centresOnly: d.specialisedCentresOnly });
  }
  const centres = new IntTable([...reference.specialisedCentres].map((agb) => numeric(agb, 8)).filter((k): k is number => k !== null).map((k) => [k, 1] as const));
  const ceilingIndex = new IntTable(ceilingProviders(reference).agbs.map((agb, i) => [agb, i] as const));
  const combinations = new Set<number>();
  for (const c of reference.diagnosisCombinations) {
    const specialism = numeric(c.specialism, 4);
    if (specialism === null || !/^[0-9]{1,4}$/.test(c.diagnosisA) || !/^[0-9]{1,4}$/.test(c.diagnosisB)) continue;
    const a = encodeDiagnosis(c.diagnosisA);
    const b = encodeDiagnosis(c.diagnosisB);
    combinations.add(combinationNumber(specialism, a, b));
    combinations.add(combinationNumber(specialism, b, a));
  }
  const excludedSpecialisms = new Set<number>();
  for (const s of settings.parallelExcludedSpecialisms) {
    const key = numeric(s, 4);
    if (key !== null) excludedSpecialisms.add(key);
  }
  const fields = new Set(settings.duplicateFields);
  const rejectRules = new Set((Object.keys(settings.rules) as RuleId[]).filter((r) => settings.rules[r].action === 'reject'));
  return {
      settings, prepared: prepareReference(reference), productIndex: new IntTable(productKeys), productFacts, drugIndex: new IntTable(drugKeys), drugFacts,
      centres, ceilingIndex, combinations, excludedSpecialisms,
      initialCareType: settings.initialCareType === '11' ? 11 : settings.initialCareType === '21' ? 21 : -1,
      rejectRules,
      dupAgb: fields.has('provider_agb'), dupCode: fields.has('declaration_code'), dupStart: fields.has('start_date'),
      dupEnd: fields.has('end_date'), dupAmount: fields.has('amount_cents'), dupCareType: fields.has('care_type'),
      dupSpecialism: fields.has('specialism'), dupDiagnosis: fields.has('diagnosis'), dupUzovi: fields.has('uzovi'),
      selectiveCache: new Map(),
  };
}

/** The providers with a plafond in ascending AGB order, as numbers, with their plafonds. */
export function ceilingProviders(reference: CheckReference): { agbs: number[]; plafonds: number[] } {
  const entries = [...reference.ceilings]
    .map(([agb, plafond]) => [numeric(agb, 8), plafond] as const)
    .filter((e): e is readonly [number, number] => e[0] !== null)
    .sort((a, b) => a[0] - b[0]);
  return { agbs: entries.map((e) => e[0]), plafonds: entries.map((e) => e[1]) };
}

/** The selective id `agb` lacks for `product`, or null (the domain rule, cached per pair). */
export function selectiveLack(ctx: EngineContext, product: number, agb: number): string | null {
  let byAgb = ctx.selectiveCache.get(product);
  if (!byAgb) {
    byAgb = new Map();
    ctx.selectiveCache.set(product, byAgb);
  }
  let lack = byAgb.get(agb);
  if (lack === undefined) {
    lack = selectiveViolation(ctx.prepared.reference, padDigits(agb, 8), padDigits(product, 9));
    byAgb.set(agb, lack);
  }
  return lack;
}
