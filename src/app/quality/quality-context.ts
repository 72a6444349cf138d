/**
 * What the quality use cases share: access to one provider's questionnaire (insurer staff every
 * provider, a provider user only its own AGB; a refusal is audited by `providerAccess`), the policy
 * of the contract year, the provider's facts and its stored answers. Row-level security on
 * `quality_answers` and `improvement_agreements` is the second wall behind this check.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import type { QualityProviderFacts, StoredAnswer } from '../../domain/quality/questionnaire.js';
import type { Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import type { ProviderRow } from '../../storage/schema.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';

export interface QualityDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

export const PURPOSE = 'zorginkoop';

export interface QualityScope {
  agb: string;
  year: number;
  policy: MszPolicy;
}

/** Checks the year, the actor's access to the AGB (audited when refused as `event`) and finds the policy. */
export async function qualityScope(deps: QualityDeps, agbInput: string, yearInput: unknown, event: string): Promise<Result<QualityScope>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, event, 'agb');
  if (!agb.ok) return agb;
  const policy = mszPolicyForYear(deps.policies, year.value);
  if (!policy.ok) return policy;
  return ok({ agb: agb.value, year: year.value, policy: policy.value });
}

export async function providerOf(tx: Tx, agb: string): Promise<Result<ProviderRow>> {
  const provider = await findProvider(tx, agb);
  return provider ? ok(provider) : fail('not_found', `Zorgaanbieder ${agb} niet gevonden.`, [{ field: 'agb', message: 'Onbekende AGB-code.' }]);
}

export const factsOf = (provider: ProviderRow): QualityProviderFacts => ({ type: provider.type, specialisms: provider.specialisms, licences: provider.licences, vsvLevel: provider.vsv_level });

export interface AnswerRow extends StoredAnswer {
  id: number;
  explanation: string | null;
  answered_by: string;
  answered_at: string;
}

export async function readAnswers(tx: Tx, agb: string, year: number): Promise<AnswerRow[]> {
  const rows = await tx
    .selectFrom('quality_answers')
    .select(['id', 'item_kind', 'item_number', 'answer', 'explanation', 'answered_by', 'answered_at'])
    .where('agb', '=', agb)
    .where('year', '=', year)
    .orderBy('item_kind')
    .orderBy('item_number')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.item_kind, number: r.item_number, answer: r.answer, explanation: r.explanation, answered_by: r.answered_by, answered_at: new Date(r.answered_at).toISOString() }));
}
