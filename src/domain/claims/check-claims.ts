/**
 * Claims control (MSZ §4A, §6, Bijlage 3 and 4; ADD §3, §4; DOMAIN.md H): the pure reference
 * implementation of every check. `checkClaims` groups the lines by insured person, runs the
 * per-person rules (`checkPerson`: credits, duplicate, parallel, serial, non-evidence, selective,
 * add-on) and then the one rule across persons, the ceiling, as a second pass per provider over the
 * lines the per-person pass hands over. Findings come out in a fixed order: claim id, then rule.
 *
 * Because every per-person rule only compares lines of one BSN, the work partitions by BSN: the
 * findings of `checkPerson` over any split of the persons, concatenated, are the findings of the
 * whole (the batch engine in `src/claims-engine` relies on this and its tests prove it).
 */
import { expectOk } from '../errors.js';
import type { AddOnPolicy, MszPolicy } from '../policy/index.js';
import { addOnCentreFinding, addOnExcessThousandths, addOnTariffFinding } from './checks/addon.js';
import { checkCeilings, type CeilingLine } from './checks/ceiling.js';
import { compareClaimIds, dayNumber, isAddOnLine } from './checks/claim-facts.js';
import { matchCredits } from './checks/credits.js';
import { duplicateFinding, findDuplicates } from './checks/duplicate.js';
import { compareFindings } from './checks/findings.js';
import { bijlage4ItemOf, nonEvidenceFinding } from './checks/non-evidence.js';
import { combinationKeys, findParallel, parallelFinding, type ParallelRule } from './checks/parallel.js';
import { selectiveFinding, selectiveViolation } from './checks/selective.js';
import { findSerial, serialFinding } from './checks/serial.js';
import { resolveCheckSettings, type CheckSettings } from './checks/settings.js';
import type { CheckReference, Claim, Finding } from './types.js';

export { resolveCheckSettings, RULE_DEFAULTS, DUPLICATE_FIELD_NAMES, type CheckSettings, type DuplicateField, type RuleSetting } from './checks/settings.js';
export { checkCeilings, type CeilingLine } from './checks/ceiling.js';
export { compareFindings } from './checks/findings.js';

/** Reference data prepared once per run (lookup sets). */
export interface PreparedReference {
  reference: CheckReference;
  combinations: ReadonlySet<string>;
}

export function prepareReference(reference: CheckReference): PreparedReference {
  return { reference, combinations: combinationKeys(reference) };
}

export interface PersonResult {
  findings: Finding[];
  /** Lines that count towards a plafond, for the ceiling pass. */
  ceilingLines: CeilingLine[];
}

/** Every per-person rule over the lines of one insured person (any order). */
export function checkPerson(lines: readonly Claim[], prepared: PreparedReference, settings: CheckSettings): PersonResult {
  const { reference } = prepared;
  const claims = [...lines].sort((a, b) => compareClaimIds(a.claimId, b.claimId));
  const { cancelled, matchedCredits } = matchCredits(claims);
  const live = claims.filter((c) => c.amountCents >= 0 && !cancelled.has(c));
  const findings: Finding[] = [];

  const duplicates = findDuplicates(live, settings);
  for (const [claim, earlier] of duplicates) findings.push(duplicateFinding(settings, claim, earlier.claimId));

  const subtrajecten = live.filter((c) => !isAddOnLine(c) && !duplicates.has(c));
  const parallel = findParallel(subtrajecten, reference, prepared.combinations, settings);
  for (const rule of Object.keys(parallel) as ParallelRule[]) {
    for (const [claim, others] of parallel[rule]) findings.push(parallelFinding(settings, rule, claim, others.map((o) => o.claimId)));
  }
  for (const [claim, match] of findSerial(subtrajecten, settings)) findings.push(serialFinding(settings, claim, match.previous, match.gapDays));

  for (const claim of live) {
    if (!isAddOnLine(claim)) {
      const item = bijlage4ItemOf(claim, reference);
      if (item !== null) findings.push(nonEvidenceFinding(settings, claim, item));
      const selectiveId = selectiveViolation(reference, claim.agb, claim.productCode);
      if (selectiveId !== null) findings.push(selectiveFinding(settings, claim, selectiveId));
    } else if (settings.addOnRules && claim.ziNumber !== null && claim.units !== null) {
      const drug = reference.drugs.get(claim.ziNumber);
      if (drug === undefined) continue;
      const excess = addOnExcessThousandths(claim.amountCents, claim.units, drug.referenceTariffCents);
      if (excess > 0n) findings.push(addOnTariffFinding(settings, { ...claim, ziNumber: claim.ziNumber, units: claim.units }, drug.referenceTariffCents, excess));
      if (drug.specialisedCentresOnly && !reference.specialisedCentres.has(claim.agb)) {
        findings.push(addOnCentreFinding(settings, { ...claim, ziNumber: claim.ziNumber }));
      }
    }
  }

  const rejected = new Set(findings.filter((f) => settings.rules[f.rule].action === 'reject').map((f) => f.claimId));
  const ceilingLines: CeilingLine[] = [];
  for (const claim of claims) {
    if (isAddOnLine(claim) || cancelled.has(claim) || matchedCredits.has(claim) || rejected.has(claim.claimId)) continue;
    if (!reference.ceilings.has(claim.agb)) continue;
    ceilingLines.push({ claimId: claim.claimId, agb: claim.agb, startDay: dayNumber(claim.startDate), amountCents: claim.amountCents });
  }
  return { findings, ceilingLines };
}

/** Groups claim lines by insured person (BSN), in first-seen order. */
export function groupByPerson(claims: readonly Claim[]): Claim[][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.bsn);
    if (group) group.push(claim);
    else groups.set(claim.bsn, [claim]);
  }
  return [...groups.values()];
}

/**
 * Every claims-control rule over a set of claim lines. Deterministic: the same lines in any order
 * give the same findings, sorted by claim id, then rule (`RULE_IDS` order). Throws when the policy
 * lacks a parameter the checks need (a broken policy file is a bug here; doors that load policies
 * call `resolveCheckSettings` first to get it as a value).
 */
export function checkClaims(claims: readonly Claim[], reference: CheckReference, policy: MszPolicy, addOnPolicy: AddOnPolicy | null): Finding[] {
  const settings = expectOk(resolveCheckSettings(policy, addOnPolicy));
  const prepared = prepareReference(reference);
  const findings: Finding[] = [];
  const ceilingLines: CeilingLine[] = [];
  for (const person of groupByPerson(claims)) {
    const result = checkPerson(person, prepared, settings);
    for (const f of result.findings) findings.push(f);
    for (const l of result.ceilingLines) ceilingLines.push(l);
  }
  for (const f of checkCeilings(ceilingLines, reference.ceilings, settings)) findings.push(f);
  return findings.sort(compareFindings);
}
