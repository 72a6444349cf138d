/** Use cases: the policy files (read once, validated, cached per process). */
import { fail, ok, type Result } from '../domain/errors.js';
import { summarisePolicy, type Policy } from '../domain/policy/index.js';
import { loadPolicies } from '../storage/policy-files.js';

export interface PolicyCatalogue {
  list(): ReturnType<typeof summarisePolicy>[];
  get(id: string): Result<Policy>;
  all(): Policy[];
}

export async function loadPolicyCatalogue(dir?: string): Promise<Result<PolicyCatalogue>> {
  const loaded = await loadPolicies(dir);
  if (!loaded.ok) return loaded;
  const policies = loaded.value;
  return ok({
    list: () => policies.map(summarisePolicy),
    all: () => policies,
    get: (id) => {
      const policy = policies.find((p) => p.id === id);
      return policy ? ok(policy) : fail('not_found', `Inkoopbeleid '${id}' bestaat niet. Beschikbaar: ${policies.map((p) => p.id).join(', ')}.`);
    },
  });
}
