/**
 * One way to build a finding, shared by the reference implementation (`checkClaims`) and the batch
 * engine, so both produce identical findings (rule, source, action, amount, reason text).
 */
import type { Reason } from '../../explain.js';
import type { Finding, RuleId } from '../types.js';
import type { CheckSettings } from './settings.js';

/** The claim a finding is about. */
export interface FindingSubject {
  claimId: string;
  agb: string;
}

export function makeFinding(
  settings: CheckSettings,
  rule: RuleId,
  subject: FindingSubject,
  amountAtStakeCents: number,
  relatedClaimIds: readonly string[],
  inputs: Reason['inputs'],
  message: string,
  source: string = settings.rules[rule].source,
): Finding {
  return {
    claimId: subject.claimId,
    rule,
    source,
    agb: subject.agb,
    amountAtStakeCents,
    action: settings.rules[rule].action,
    relatedClaimIds: [...relatedClaimIds],
    reason: { rule: `claims.${rule}`, source, inputs, message },
  };
}

const RULE_ORDER: ReadonlyMap<string, number> = new Map(
  ['duplicate', 'parallel', 'parallel-combination', 'parallel-specialism', 'serial', 'non-evidence', 'selective', 'ceiling', 'addon-tariff', 'addon-centre']
    .map((rule, i) => [rule, i]),
);

/** The order of findings: by claim id (code units), then by rule in `RULE_IDS` order. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.claimId !== b.claimId) return a.claimId < b.claimId ? -1 : 1;
  return (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0);
}
