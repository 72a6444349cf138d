/**
 * Duplicate claims (MSZ §4A, §6; policy decision `duplicate-key`): a line whose fields named in
 * `duplicate_match_fields` (2018: insured, provider AGB, declaration code, start and end date) equal
 * those of an earlier line that is not credited. "Earlier" is the smaller claim id; the earliest
 * line of a group stays clean, every later one is flagged with the earliest as related claim.
 * Add-on lines and subtraject lines never match each other (the declaration code of an add-on line
 * is its ZI number). Settled lines (credits and what they cancel) take no part.
 */
import type { Claim, Finding } from '../types.js';
import { declarationCode } from './claim-facts.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings, DuplicateField } from './settings.js';

function fieldValue(claim: Claim, field: DuplicateField): string {
  switch (field) {
    case 'insured_id': return claim.bsn;
    case 'provider_agb': return claim.agb;
    case 'declaration_code': return declarationCode(claim);
    case 'start_date': return claim.startDate;
    case 'end_date': return claim.endDate;
    case 'amount_cents': return String(claim.amountCents);
    case 'care_type': return claim.careType;
    case 'specialism': return claim.specialism;
    case 'diagnosis': return claim.diagnosis;
    case 'uzovi': return claim.uzovi;
  }
}

export function duplicateKey(claim: Claim, fields: readonly DuplicateField[]): string {
  const kind = claim.ziNumber !== null ? 'zi' : 'dbc';
  return `${kind}|${fields.map((f) => fieldValue(claim, f)).join('|')}`;
}

/** Later duplicates → the earliest line of their group; `live` sorted by claim id. */
export function findDuplicates(live: readonly Claim[], settings: CheckSettings): Map<Claim, Claim> {
  const first = new Map<string, Claim>();
  const duplicates = new Map<Claim, Claim>();
  for (const claim of live) {
    const key = duplicateKey(claim, settings.duplicateFields);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, claim);
    else duplicates.set(claim, earlier);
  }
  return duplicates;
}

export function duplicateFinding(settings: CheckSettings, subject: FindingSubject & { amountCents: number }, earlierClaimId: string): Finding {
  const fields = settings.duplicateFields.join(',');
  return makeFinding(settings, 'duplicate', subject, Math.max(0, subject.amountCents), [earlierClaimId],
    { earlier_claim_id: earlierClaimId, match_fields: fields },
    `Declaratie ${subject.claimId} is gelijk aan de eerdere declaratie ${earlierClaimId} (${fields}): dubbele declaratie.`);
}
