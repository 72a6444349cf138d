/**
 * Use cases: a provider's improvement agreements for a contract year (MSZ Bijlage 1: an entry
 * condition not yet met on the reference date is met within the agreement term). Staff see every
 * provider, a provider user only its own (a refusal is audited). A purchaser marks an agreement
 * met once the provider meets the entry condition (the provider's own "yes" later does not close
 * it: the insurer decides); audited.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import { providerAccess } from '../access.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { PURPOSE, qualityScope, type QualityDeps, type QualityScope } from './quality-context.js';

export interface ImprovementAgreementView {
  id: number;
  agb: string;
  year: number;
  specification_number: number;
  topic: string | null;
  question: string | null;
  source: string | null;
  due_date: string;
  status: 'open' | 'met';
  created_from_answer: number;
  created_at: string;
}

export async function improvementAgreementsIn(tx: Tx, scope: QualityScope): Promise<ImprovementAgreementView[]> {
  const rows = await tx.selectFrom('improvement_agreements').selectAll().where('agb', '=', scope.agb).where('year', '=', scope.year).orderBy('specification_number').execute();
  const specs = new Map(scope.policy.quality.purchasing_specifications.questions.map((q) => [q.number, q]));
  return rows.map((r) => {
    const spec = specs.get(r.specification_number);
    return {
      id: r.id,
      agb: r.agb,
      year: r.year,
      specification_number: r.specification_number,
      topic: spec?.topic ?? null,
      question: spec?.question ?? null,
      source: spec?.source ?? null,
      due_date: r.due_date,
      status: r.status,
      created_from_answer: r.created_from_answer,
      created_at: new Date(r.created_at).toISOString(),
    };
  });
}

export async function listImprovementAgreements(deps: QualityDeps, agbInput: string, yearInput: unknown): Promise<Result<ImprovementAgreementView[]>> {
  const scope = await qualityScope(deps, agbInput, yearInput, 'quality.improvement-agreements.read');
  if (!scope.ok) return scope;
  return withActor(deps.db, deps.actor, async (tx) => ok(await improvementAgreementsIn(tx, scope.value)));
}

/** The agreement `idInput` of provider `agbInput` becomes `met` (purchaser or job); `conflict` when it already is. */
export async function markImprovementAgreementMet(deps: QualityDeps, agbInput: string, idInput: unknown): Promise<Result<ImprovementAgreementView>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers stellen vast dat een verbeterafspraak is nagekomen.');
  const id = Number(idInput);
  if (!Number.isSafeInteger(id) || id < 1) return fail('invalid_input', `Ongeldig nummer van een verbeterafspraak '${String(idInput)}'.`, [{ field: 'id', message: 'Een positief geheel getal.' }]);
  const agb = await providerAccess(deps, agbInput, 'quality.improvement-agreement.met', 'agb');
  if (!agb.ok) return agb;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await tx.selectFrom('improvement_agreements').select(['year', 'status']).where('id', '=', id).where('agb', '=', agb.value).forUpdate().executeTakeFirst();
    if (!row) return fail('not_found', `Verbeterafspraak ${id} van zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'id', message: 'Onbekende verbeterafspraak.' }]);
    if (row.status === 'met') return fail('conflict', `Verbeterafspraak ${id} is al als nagekomen vastgelegd.`, [{ field: 'id', message: 'Al nagekomen.' }]);
    const policy = mszPolicyForYear(deps.policies, row.year);
    if (!policy.ok) return policy;
    await tx.updateTable('improvement_agreements').set({ status: 'met' }).where('id', '=', id).execute();
    const view = (await improvementAgreementsIn(tx, { agb: agb.value, year: row.year, policy: policy.value })).find((a) => a.id === id)!;
    await audit(tx, deps.actor, {
      event: 'quality.improvement-agreement.met',
      action: 'U',
      purpose: PURPOSE,
      objectType: 'improvement_agreement',
      objectId: String(id),
      agb: agb.value,
      details: { year: view.year, specification: view.specification_number, due_date: view.due_date, before: 'open', after: 'met' },
    });
    return ok(view);
  });
}
