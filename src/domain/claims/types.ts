/**
 * Claims control (MSZ §4A, §6, Bijlage 3 and 4; ADD §5, §8): the claim line as the checks see it,
 * the reference data they consult, and the finding they produce. Shared by the check engine, the
 * import, the storage and the screens.
 */
import type { Reason } from '../explain.js';

/** One DBC subtraject claim line (or add-on drug line), as imported and stored. */
export interface Claim {
  claimId: string;
  uzovi: string;
  agb: string;
  bsn: string;
  /** '11' initial subtraject, '21' follow-up subtraject. */
  careType: '11' | '21';
  specialism: string;
  diagnosis: string;
  productCode: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, on or after startDate */
  endDate: string;
  /** Integer cents; negative for a credit line. */
  amountCents: number;
  /** Add-on drug lines only. */
  ziNumber: string | null;
  /** Add-on drug lines only: units as a decimal string. */
  units: string | null;
}

export const RULE_IDS = [
  'duplicate',
  'parallel',
  'parallel-combination',
  'parallel-specialism',
  'serial',
  'non-evidence',
  'selective',
  'ceiling',
  'addon-tariff',
  'addon-centre',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type FindingAction = 'reject' | 'reclaim' | 'review';

export interface Finding {
  claimId: string;
  rule: RuleId;
  /** Policy section or external rule the finding rests on, e.g. `MSZ Bijlage 4 item 6`, `NZa Regeling msz`. */
  source: string;
  agb: string;
  /** What is at stake for this claim, in cents (positive). */
  amountAtStakeCents: number;
  action: FindingAction;
  /** The other claim(s) that make this one suspect (the earlier duplicate, the overlapping subtraject…). */
  relatedClaimIds: string[];
  reason: Reason;
}

/** Reference data the checks consult; built by the caller from the catalogue, providers and policies. */
export interface CheckReference {
  /** Care products by code. */
  products: ReadonlyMap<string, { bijlage4Item: number | null; selectiveId: string | null; careKinds: readonly string[] }>;
  /** Providers by AGB: what they are selected / licensed for. */
  providers: ReadonlyMap<string, { type: string; licences: readonly string[]; programmes: readonly string[]; minimumNorms: readonly string[]; certificates: readonly string[] }>;
  /** Add-on drugs by ZI number. */
  drugs: ReadonlyMap<string, { referenceTariffCents: number; specialisedCentresOnly: boolean }>;
  /** Providers recognised as specialised centres for add-on drugs restricted to such centres (ADD §3). */
  specialisedCentres: ReadonlySet<string>;
  /** Diagnosis pairs (per specialism) that may not run in parallel (NZa diagnosis-combination table). */
  diagnosisCombinations: readonly { specialism: string; diagnosisA: string; diagnosisB: string }[];
  /** Agreed plafond per provider for the year, in cents (providers with a ceiling agreement only). */
  ceilings: ReadonlyMap<string, number>;
}
