/**
 * Use case: run every claims-control rule on a claims file without storing it (for analysts and
 * large batches): the batch engine streams the file, partitions by insured person over worker
 * threads and returns the same findings the stored check would. Reference data (catalogue,
 * providers, drugs, plafonds of the year) comes from the database.
 */
import type { Actor } from '../../domain/auth/actor.js';
import type { RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { checkFile, type CheckFileResult } from '../../claims-engine/index.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { addOnPolicyForYear, mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { loadCheckReference } from './check-reference.js';

export interface CheckFileReport {
  file: string;
  year: number | null;
  claims: number;
  accepted: number;
  rejected: number;
  findings: Record<RuleId, number>;
  errors: CheckFileResult['errors'];
  error_count: number;
  timings: CheckFileResult['timings'];
}

export async function checkClaimsFile(
  deps: { db: Database; actor: Actor; policies: PolicyCatalogue },
  file: string,
  options: { year?: unknown; workers?: number },
): Promise<Result<{ report: CheckFileReport; result: CheckFileResult }>> {
  if (!['controller', 'medical-adviser', 'system'].includes(deps.actor.role)) return fail('forbidden', 'Alleen controllers controleren declaratiebestanden.');
  let year: number | null = null;
  if (options.year !== undefined && options.year !== null) {
    const parsed = parseYear(options.year);
    if (!parsed.ok) return parsed;
    year = parsed.value;
  }
  const policy = mszPolicyForYear(deps.policies, year ?? 9999);
  if (!policy.ok) return policy;
  const addOn = addOnPolicyForYear(deps.policies, year ?? 9999);
  const reference = await loadCheckReference(deps, year);
  if (!reference.ok) return reference;
  const result = await checkFile(file, { reference: reference.value, policy: policy.value, addOnPolicy: addOn.ok ? addOn.value : null, ...(options.workers ? { workers: options.workers } : {}) });
  return ok({
    result,
    report: {
      file,
      year,
      claims: result.claims,
      accepted: result.accepted,
      rejected: result.rejected,
      findings: result.byRule,
      errors: result.errors,
      error_count: result.errorCount,
      timings: result.timings,
    },
  });
}
