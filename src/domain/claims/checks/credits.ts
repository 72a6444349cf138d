/**
 * Credit lines (MSZ §6, formal control). A credit line has a negative amount and cancels the line
 * it repeats. Decision:
 * - a credit cancels a positive line of the same person with the same provider, declaration code
 *   (care product, or ZI number for an add-on line), start date and end date, and exactly the
 *   opposite amount; a correction line with a new amount is not cancelled by it;
 * - several candidates: credits in claim-id order each cancel the earliest (claim id) candidate not
 *   yet cancelled, whether the credit comes before or after it in the file;
 * - a credit and the line it cancels are "settled": no rule flags either of them, and together they
 *   do not count towards a plafond. An unmatched credit is not flagged either, but it does lower
 *   the provider's cumulative revenue for the ceiling rule.
 */
import type { Claim } from '../types.js';
import { declarationCode } from './claim-facts.js';

function creditKey(claim: Claim, amountCents: number): string {
  return `${claim.agb}|${declarationCode(claim)}|${claim.startDate}|${claim.endDate}|${amountCents}`;
}

export interface CreditMatch {
  /** Positive lines cancelled by a credit. */
  cancelled: ReadonlySet<Claim>;
  /** Credit lines that cancel a line. */
  matchedCredits: ReadonlySet<Claim>;
}

/** Pairs the credits of one person with the lines they cancel; `claims` sorted by claim id. */
export function matchCredits(claims: readonly Claim[]): CreditMatch {
  const open = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (claim.amountCents <= 0) continue;
    const key = creditKey(claim, claim.amountCents);
    const queue = open.get(key);
    if (queue) queue.push(claim);
    else open.set(key, [claim]);
  }
  const cancelled = new Set<Claim>();
  const matchedCredits = new Set<Claim>();
  for (const credit of claims) {
    if (credit.amountCents >= 0) continue;
    const original = open.get(creditKey(credit, -credit.amountCents))?.shift();
    if (original === undefined) continue;
    cancelled.add(original);
    matchedCredits.add(credit);
  }
  return { cancelled, matchedCredits };
}
