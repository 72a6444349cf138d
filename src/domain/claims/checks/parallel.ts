/**
 * Parallelity (MSZ §4A; NZa Regeling medisch-specialistische zorg; policy decision `parallel-rules`).
 * Among the subtrajecten of one person at one provider in one specialism (add-on lines, settled
 * lines and duplicates left out), two whose periods share at least one day (an overlap of one day
 * counts: one ends on the day the other starts) are parallel. Three rules, each flagging both lines:
 * - `parallel`: the two have the same diagnosis;
 * - `parallel-combination`: their two diagnoses form a pair of the diagnosis-combination table of
 *   that specialism (either order);
 * - `parallel-specialism`: the specialism is in `parallel_excluded_specialisms` (cardiology 0320),
 *   unless either product has a care kind of `parallel_cardiology_exceptions` (consultation,
 *   cardiac rehabilitation, transplantation): that line is the permitted parallel subtraject.
 * A pair can meet several rules (same diagnosis in cardiology): each rule gives its own finding.
 */
import type { CheckReference, Claim, Finding, RuleId } from '../types.js';
import { compareClaimIds, dayNumber } from './claim-facts.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings } from './settings.js';

export type ParallelRule = Extract<RuleId, 'parallel' | 'parallel-combination' | 'parallel-specialism'>;

export const combinationKey = (specialism: string, diagnosisA: string, diagnosisB: string): string =>
  `${specialism}|${diagnosisA}|${diagnosisB}`;

/** The diagnosis-combination table as a set of keys, both orders. */
export function combinationKeys(reference: CheckReference): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const c of reference.diagnosisCombinations) {
    keys.add(combinationKey(c.specialism, c.diagnosisA, c.diagnosisB));
    keys.add(combinationKey(c.specialism, c.diagnosisB, c.diagnosisA));
  }
  return keys;
}

/** True when the product may run parallel in an excluded specialism (an exception care kind). */
export function hasParallelException(reference: CheckReference, productCode: string, settings: CheckSettings): boolean {
  const kinds = reference.products.get(productCode)?.careKinds ?? [];
  return kinds.some((k) => settings.parallelExceptions.includes(k));
}

/** Which rules a pair of overlapping subtrajecten (same person, provider, specialism) breaks. */
export function parallelRulesOfPair(a: Claim, b: Claim, reference: CheckReference, combinations: ReadonlySet<string>, settings: CheckSettings): ParallelRule[] {
  const rules: ParallelRule[] = [];
  if (a.diagnosis === b.diagnosis) rules.push('parallel');
  else if (combinations.has(combinationKey(a.specialism, a.diagnosis, b.diagnosis))) rules.push('parallel-combination');
  if (settings.parallelExcludedSpecialisms.includes(a.specialism)
    && !hasParallelException(reference, a.productCode, settings) && !hasParallelException(reference, b.productCode, settings)) {
    rules.push('parallel-specialism');
  }
  return rules;
}

/** Per rule: each flagged subtraject → the subtrajecten it runs parallel with. */
export function findParallel(
  subtrajecten: readonly Claim[],
  reference: CheckReference,
  combinations: ReadonlySet<string>,
  settings: CheckSettings,
): Record<ParallelRule, Map<Claim, Claim[]>> {
  const found: Record<ParallelRule, Map<Claim, Claim[]>> = { parallel: new Map(), 'parallel-combination': new Map(), 'parallel-specialism': new Map() };
  const add = (rule: ParallelRule, claim: Claim, other: Claim) => {
    const list = found[rule].get(claim);
    if (list) list.push(other);
    else found[rule].set(claim, [other]);
  };
  const groups = new Map<string, Claim[]>();
  for (const claim of subtrajecten) {
    const key = `${claim.agb}|${claim.specialism}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  for (const group of groups.values()) {
    // Sorted by start, a subtraject overlaps the ones after it until one starts after its end.
    const sorted = group
      .map((claim) => ({ claim, start: dayNumber(claim.startDate), end: dayNumber(claim.endDate) }))
      .sort((x, y) => x.start - y.start || compareClaimIds(x.claim.claimId, y.claim.claimId));
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as (typeof sorted)[number];
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j] as (typeof sorted)[number];
        if (b.start > a.end) break;
        for (const rule of parallelRulesOfPair(a.claim, b.claim, reference, combinations, settings)) {
          add(rule, a.claim, b.claim);
          add(rule, b.claim, a.claim);
        }
      }
    }
  }
  for (const map of Object.values(found)) for (const list of map.values()) list.sort((x, y) => compareClaimIds(x.claimId, y.claimId));
  return found;
}

export interface ParallelSubject extends FindingSubject {
  amountCents: number;
  specialism: string;
  diagnosis: string;
  startDate: string;
  endDate: string;
}

const PARALLEL_TEXT: Record<ParallelRule, string> = {
  parallel: 'loopt parallel aan een subtraject met dezelfde diagnose bij hetzelfde specialisme',
  'parallel-combination': 'loopt parallel aan een subtraject met een diagnose die volgens de NZa-diagnosecombinatietabel niet parallel mag lopen',
  'parallel-specialism': 'loopt parallel aan een ander subtraject binnen een specialisme dat geen parallelle subtrajecten kent',
};

/** `related` sorted by claim id. */
export function parallelFinding(settings: CheckSettings, rule: ParallelRule, subject: ParallelSubject, related: readonly string[]): Finding {
  return makeFinding(settings, rule, subject, Math.max(0, subject.amountCents), related,
    {
      specialism: subject.specialism,
      diagnosis: subject.diagnosis,
      start_date: subject.startDate,
      end_date: subject.endDate,
      overlapping_claims: related.length,
    },
    `Subtraject ${subject.claimId} (${subject.startDate} t/m ${subject.endDate}, specialisme ${subject.specialism}, diagnose ${subject.diagnosis}) ${PARALLEL_TEXT[rule]}: ${related.join(', ')}.`);
}
