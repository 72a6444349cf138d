/**
 * The per-person rules (MSZ §4A, §6, Bijlage 3 and 4; ADD §3, §4) over the lines of one insured
 * person: credits first, then duplicate, parallel, serial, non-evidence, selective and add-on; and
 * the lines the person hands to the per-provider ceiling pass. Every rule here compares lines of
 * one BSN only, which is what lets the work partition by BSN.
 */
import type { CheckReference, Claim, Finding } from '../types.js';
import { addOnCentreFinding, addOnExcessThousandths, addOnTariffFinding } from './addon.js';
import type { CeilingLine } from './ceiling.js';
import { compareClaimIds, dayNumber, isAddOnLine } from './claim-facts.js';
import { matchCredits } from './credits.js';
import { duplicateFinding, findDuplicates } from './duplicate.js';
import { bijlage4ItemOf, nonEvidenceFinding } from './non-evidence.js';
import { combinationKeys, findParallel, parallelFinding, type ParallelRule } from './parallel.js';
import { selectiveFinding, selectiveViolation } from './selective.js';
import { findSerial, serialFinding } from './serial.js';
import type { CheckSettings } from './settings.js';

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
