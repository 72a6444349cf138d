/**
 * Small facts about claim lines that every rule needs: their order, their dates as day numbers,
 * what kind of line they are, and the line's declaration code. The batch engine
 * (`src/claims-engine`) computes the same facts from its compact columns; these are the definitions.
 */
import type { Claim } from '../types.js';

const DAY_MS = 86_400_000;

/**
 * The order of claims: by claim id, compared code unit by code unit (not locale-aware), so the
 * outcome never depends on the order of the input. "Earlier" in every rule means "smaller claim id";
 * claim ids are unique in a file (a repeated id would be the same line).
 */
export function compareClaimIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (already validated); pure, no clock. */
export function dayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** An add-on drug line (ADD): it carries a ZI number and repeats the dates of its subtraject. */
export function isAddOnLine(claim: Claim): boolean {
  return claim.ziNumber !== null;
}

/** A credit line: a negative amount that (partly) cancels an earlier claim. */
export function isCredit(claim: Claim): boolean {
  return claim.amountCents < 0;
}

/**
 * The code the line declares: the ZI number of an add-on line, else the care product. Prefixed with
 * the kind of line so an add-on line never matches a subtraject line.
 */
export function declarationCode(claim: Claim): string {
  return claim.ziNumber !== null ? `zi:${claim.ziNumber}` : `dbc:${claim.productCode}`;
}
