/** Which policy file governs a contract year: the newest of its kind whose policy year is not later. */
import type { PolicyCatalogue } from '../policies.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { AddOnPolicy, MszPolicy } from '../../domain/policy/index.js';

export function mszPolicyForYear(policies: PolicyCatalogue, year: number): Result<MszPolicy> {
  const candidates = policies.all().filter((p): p is MszPolicy => p.kind === 'msz' && p.policy_year <= year);
  const chosen = candidates.sort((a, b) => b.policy_year - a.policy_year)[0];
  return chosen ? ok(chosen) : fail('not_found', `Geen inkoopbeleid medisch-specialistische zorg voor ${year}.`, [{ field: 'year', message: `Geen beleid voor ${year}.` }]);
}

export function addOnPolicyForYear(policies: PolicyCatalogue, year: number): Result<AddOnPolicy> {
  const candidates = policies.all().filter((p): p is AddOnPolicy => p.kind === 'add-on' && p.policy_year <= year);
  const chosen = candidates.sort((a, b) => b.policy_year - a.policy_year)[0];
  return chosen ? ok(chosen) : fail('not_found', `Geen inkoopbeleid add-on geneesmiddelen voor ${year}.`, [{ field: 'year', message: `Geen beleid voor ${year}.` }]);
}
