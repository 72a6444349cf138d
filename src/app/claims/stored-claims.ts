/**
 * What the use cases over stored claims share: the policy, settings and reference data a check run needs
 * (`loadCheckInputs`), the stored claim row with its columns (`STORED_CLAIM_COLUMNS`, read with the
 * dates and units as text) and its mapping to the domain `Claim` (`toClaim`), and the grouping of
 * claims read in BSN order into one batch per insured person (`personBatches`). Used by
 * `claims check` (check-claims.ts), the FHIR exchange (fhir-exchange.ts) and the claim detail
 * (claim-detail.ts).
 */
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { prepareReference, resolveCheckSettings, type CheckSettings, type PreparedReference } from '../../domain/claims/check-claims.js';
import type { CheckReference, Claim } from '../../domain/claims/types.js';
import { ok, type Result } from '../../domain/errors.js';
import type { AddOnPolicy, MszPolicy } from '../../domain/policy/index.js';
import type { Database } from '../../storage/database.js';
import type { ClaimsTable } from '../../storage/schema.js';
import type { PolicyCatalogue } from '../policies.js';
import { addOnPolicyForYear, mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { loadCheckReference } from './check-reference.js';

export interface CheckInputs {
  policy: MszPolicy;
  /** Null when no add-on policy governs the year: the add-on rules do not run. */
  addOnPolicy: AddOnPolicy | null;
  settings: CheckSettings;
  reference: CheckReference;
  prepared: PreparedReference;
}

/**
 * The policy of the year (or the newest one when no year is given), the check settings it and the
 * add-on policy resolve to, and the reference data from storage (with the plafonds of the year).
 */
export async function loadCheckInputs(deps: { db: Database; actor: Actor; policies: PolicyCatalogue }, year: number | null): Promise<Result<CheckInputs>> {
  const policy = mszPolicyForYear(deps.policies, year ?? 9999);
  if (!policy.ok) return policy;
  const addOn = addOnPolicyForYear(deps.policies, year ?? 9999);
  const addOnPolicy = addOn.ok ? addOn.value : null;
  const settings = resolveCheckSettings(policy.value, addOnPolicy);
  if (!settings.ok) return settings;
  const reference = await loadCheckReference(deps, year);
  if (!reference.ok) return reference;
  return ok({ policy: policy.value, addOnPolicy, settings: settings.value, reference: reference.value, prepared: prepareReference(reference.value) });
}

/** A row of `claims` as `STORED_CLAIM_COLUMNS` selects it: the dates and units as text. */
export type StoredClaimRow = Pick<
  Selectable<ClaimsTable>,
  'claim_id' | 'uzovi' | 'agb' | 'bsn' | 'care_type' | 'specialism' | 'diagnosis' | 'product_code' | 'amount_cents' | 'zi_number'
> & { start_date: string; end_date: string; units: string | null };

/** The select list of a `StoredClaimRow`: dates and units as text, so both databases give the same strings. */
export const STORED_CLAIM_COLUMNS = sql`claim_id, uzovi, agb, bsn, care_type, specialism, diagnosis, product_code, start_date::text as start_date, end_date::text as end_date,
                                        amount_cents, zi_number, units::text as units`;

export const toClaim = (r: StoredClaimRow): Claim => ({
  claimId: r.claim_id, uzovi: r.uzovi, agb: r.agb, bsn: r.bsn, careType: r.care_type, specialism: r.specialism, diagnosis: r.diagnosis,
  productCode: r.product_code, startDate: String(r.start_date), endDate: String(r.end_date), amountCents: r.amount_cents, ziNumber: r.zi_number,
  units: r.units === null ? null : String(r.units),
});

/**
 * Collects claims that arrive ordered by BSN (over any number of pages) and hands the claims of
 * one insured person to `run` as soon as the next person's first claim arrives; `flush` hands over
 * the last person.
 */
export function personBatches(run: (claims: Claim[]) => void): { add(claim: Claim): void; flush(): void } {
  let pending: Claim[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const person = pending;
    pending = [];
    run(person);
  };
  return {
    add(claim) {
      if (pending.length > 0 && pending[0]!.bsn !== claim.bsn) flush();
      pending.push(claim);
    },
    flush,
  };
}
