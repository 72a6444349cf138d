/**
 * Use case: a provider's improvement agreements for a contract year (MSZ Bijlage 1: an entry
 * condition not yet met on the reference date is met within the agreement term). Staff see every
 * provider, a provider user only its own (a refusal is audited).
 */
import { ok, type Result } from '../../domain/errors.js';
import { withActor, type Tx } from '../../storage/context.js';
import { qualityScope, type QualityDeps, type QualityScope } from './quality-context.js';

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
