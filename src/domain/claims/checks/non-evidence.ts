/**
 * Care not meeting the "stand van Wetenschap en Praktijk" (MSZ §4A, Bijlage 4): a subtraject line
 * of a care product that the reference maps to a Bijlage 4 treatment (`products[].bijlage4Item`).
 * Checked for justification and reclaimed when unjustified (action from the policy: review, then
 * reclaim). Add-on lines (they repeat their subtraject's product) and settled lines are not flagged.
 */
import type { CheckReference, Claim, Finding } from '../types.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings } from './settings.js';

/** The Bijlage 4 item of the claim's product, or null. */
export function bijlage4ItemOf(claim: Claim, reference: CheckReference): number | null {
  return reference.products.get(claim.productCode)?.bijlage4Item ?? null;
}

export function nonEvidenceFinding(settings: CheckSettings, subject: FindingSubject & { amountCents: number; productCode: string }, item: number): Finding {
  return makeFinding(settings, 'non-evidence', subject, Math.max(0, subject.amountCents), [],
    { product_code: subject.productCode, bijlage4_item: item },
    `Zorgproduct ${subject.productCode} is behandeling ${item} uit bijlage 4 (niet of niet altijd stand van Wetenschap en Praktijk): beoordelen of de declaratie terecht is.`,
    `MSZ Bijlage 4 item ${item}`);
}
