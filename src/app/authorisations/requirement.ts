/**
 * Use cases: whether a treatment needs prior authorisation (stateless: nothing is stored, no
 * patient is named), and the treatment kinds of the policy in force, for forms and the CLI.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { authorisationRequirement, treatmentKinds, type Requirement, type TreatmentKind } from '../../domain/authorisations/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { PolicyCatalogue } from '../policies.js';
import { policyForTreatment } from './settings.js';

export interface RequirementRequest {
  birth_date?: unknown;
  treatment_date?: unknown;
  treatment_kind?: unknown;
  in_doubt?: boolean | undefined;
  implants_covered?: boolean | null | undefined;
  orthodontics_special_dentistry?: boolean | null | undefined;
  serious_medical_grounds?: boolean | null | undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function checkRequirement(deps: { actor: Actor; policies: PolicyCatalogue; now: Date }, input: RequirementRequest): Result<Requirement> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const policy = policyForTreatment(deps.policies, input.treatment_date, deps.now);
  if (!policy.ok) return policy;
  return authorisationRequirement(policy.value, {
    birthDate: str(input.birth_date),
    treatmentDate: str(input.treatment_date),
    treatmentKind: str(input.treatment_kind),
    inDoubt: input.in_doubt === true,
    implantsCovered: input.implants_covered ?? null,
    orthodonticsSpecialDentistry: input.orthodontics_special_dentistry ?? null,
    seriousMedicalGrounds: input.serious_medical_grounds ?? null,
  });
}

export interface TreatmentKindList {
  policy_id: string;
  source: string;
  age_limit_parameter: string;
  kinds: TreatmentKind[];
  required_content: { id: string; title: string; optional: boolean }[];
}

/** The kinds of the policy for treatments on `date` (default today). */
export function listTreatmentKinds(deps: { policies: PolicyCatalogue; now: Date }, date?: string): Result<TreatmentKindList> {
  const policy = policyForTreatment(deps.policies, date, deps.now);
  if (!policy.ok) return policy;
  const auth = policy.value.prior_authorisation;
  return ok({
    policy_id: policy.value.id,
    source: auth.source,
    age_limit_parameter: auth.minors.max_age_inclusive_parameter,
    kinds: treatmentKinds(policy.value),
    required_content: auth.required_content.map((c) => ({ id: c.id, title: c.title, optional: c.optional === true })),
  });
}
