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
 *
 * Decisions (details in each rule's file under `checks/`):
 * - Order: "earlier" is the smaller claim id (code-unit comparison), never the input position, so
 *   shuffling the input changes nothing. Claim ids are taken to be unique.
 * - Credits (`credits.ts`): a credit cancels the earliest line of the same person, provider,
 *   declaration code, start and end date with exactly the opposite amount. Credit and cancelled line
 *   are never flagged by any rule and together use no plafond; an unmatched credit is not flagged but
 *   lowers the provider's cumulative revenue.
 * - Duplicate (`duplicate.ts`): the key is `duplicate_match_fields` (2018: insured, AGB, declaration
 *   code, start, end; not the amount), among lines not settled by a credit; the first stays clean.
 * - Parallel (`parallel.ts`): subtrajecten (no add-on lines, no duplicates) of one person, provider
 *   and specialism overlap when they share a day: an overlap of one day counts. Both are flagged.
 * - Serial (`serial.ts`): an initial subtraject starting 1..N days after the end of the previous one
 *   (same person, provider, specialism, diagnosis); exactly N days apart is "within N days" and is
 *   flagged, N+1 is not (N = `serial_window_days`, 120).
 * - Action and source of every rule come from the policy's `claims_control.rules`; `RULE_DEFAULTS`
 *   only fills a rule a policy file lacks. Add-on rules run only with an add-on policy.
 * - Ceiling (`ceiling.ts`): per provider, after the per-person pass, over payable subtraject lines
 *   (no add-on lines, no settled pairs, no line with a `reject` finding) in start-date order.
 */
import { expectOk } from '../errors.js';
import type { AddOnPolicy, MszPolicy } from '../policy/index.js';
import { checkCeilings, type CeilingLine } from './checks/ceiling.js';
import { compareFindings } from './checks/findings.js';
import { checkPerson, groupByPerson, prepareReference } from './checks/person.js';
import { resolveCheckSettings } from './checks/settings.js';
import type { CheckReference, Claim, Finding } from './types.js';

export { resolveCheckSettings, RULE_DEFAULTS, DUPLICATE_FIELD_NAMES, type CheckSettings, type DuplicateField, type RuleSetting } from './checks/settings.js';
export { checkCeilings, type CeilingLine } from './checks/ceiling.js';
export { compareFindings } from './checks/findings.js';
export { checkPerson, groupByPerson, prepareReference, type PersonResult, type PreparedReference } from './checks/person.js';

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
