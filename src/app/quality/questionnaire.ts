/**
 * Use cases: a provider's quality questionnaire for a contract year (MSZ Bijlage 1, 2; rules in
 * `domain/quality/questionnaire.ts`).
 *
 * - `getQuestionnaire`: the items that apply to the provider with its answers and a summary; staff
 *   see every provider, a provider user only its own (a refusal is audited).
 * - `answerQuestionnaire`: only the provider user of that AGB answers (its own declarations; a job
 *   may too). Answers are upserted per item. An *instapvoorwaarde* answered "no" creates an
 *   improvement agreement due at the end of the agreement term (the provider's agreement decision
 *   for the year; see `agreementTerm`), once per specification and year; a *doelstelling* is
 *   recorded. Changing a "no" to "yes" later leaves the agreement open: the insurer marks it met.
 *   Audited with which items changed and which agreements were made.
 */
import type { Reason } from '../../domain/explain.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { agreementTerm, improvementAgreementFor } from '../../domain/quality/improvement-agreement.js';
import {
  checkAnswers,
  questionnaireItems,
  summarise,
  type Answer,
  type AnswerInput,
  type QuestionnaireItem,
  type QuestionnaireSummary,
} from '../../domain/quality/questionnaire.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import { decideAgreementFor } from '../purchasing/provider-year.js';
import { factsOf, PURPOSE, providerOf, qualityScope, readAnswers, type QualityDeps, type QualityScope } from './quality-context.js';
import { improvementAgreementsIn, type ImprovementAgreementView } from './improvement-agreements.js';

export interface QuestionnaireItemView extends QuestionnaireItem {
  answer: Answer | null;
  explanation: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface QuestionnaireView {
  agb: string;
  year: number;
  policy_id: string;
  items: QuestionnaireItemView[];
  summary: QuestionnaireSummary;
}

async function questionnaireIn(tx: Tx, scope: QualityScope): Promise<Result<QuestionnaireView>> {
  const provider = await providerOf(tx, scope.agb);
  if (!provider.ok) return provider;
  const answers = await readAnswers(tx, scope.agb, scope.year);
  const byKey = new Map(answers.map((a) => [`${a.kind}:${a.number}`, a]));
  const items = questionnaireItems(scope.policy, factsOf(provider.value));
  return ok({
    agb: scope.agb,
    year: scope.year,
    policy_id: scope.policy.id,
    items: items.map((item) => {
      const a = byKey.get(item.key);
      return { ...item, answer: a?.answer ?? null, explanation: a?.explanation ?? null, answered_by: a?.answered_by ?? null, answered_at: a?.answered_at ?? null };
    }),
    summary: summarise(items, answers),
  });
}

export async function getQuestionnaire(deps: QualityDeps, agbInput: string, yearInput: unknown): Promise<Result<QuestionnaireView>> {
  const scope = await qualityScope(deps, agbInput, yearInput, 'quality.read');
  if (!scope.ok) return scope;
  return withActor(deps.db, deps.actor, (tx) => questionnaireIn(tx, scope.value));
}

export interface AnswerResult {
  questionnaire: QuestionnaireView;
  /** Improvement agreements made by these answers (an entry condition answered "no" for the first time). */
  improvement_agreements_created: ImprovementAgreementView[];
  /** The agreement term the due dates were set in, with why. */
  term: { end: string; reason: Reason };
}

export async function answerQuestionnaire(deps: QualityDeps, agbInput: string, input: { year: unknown; answers: readonly AnswerInput[] }, now: Date): Promise<Result<AnswerResult>> {
  if (deps.actor.role !== 'provider' && deps.actor.role !== 'system') {
    return fail('forbidden', 'Alleen de zorgaanbieder zelf beantwoordt zijn kwaliteitsvragenlijst.');
  }
  const scope = await qualityScope(deps, agbInput, input.year, 'quality.answer');
  if (!scope.ok) return scope;
  const { agb, year, policy } = scope.value;
  const decision = await decideAgreementFor(deps, agb, year);
  if (!decision.ok) return decision;
  const term = agreementTerm(policy, year, decision.value);
  const answeredBy = deps.actor.email ?? deps.actor.role;

  return withActor(deps.db, deps.actor, async (tx) => {
    const provider = await providerOf(tx, agb);
    if (!provider.ok) return provider;
    const items = questionnaireItems(policy, factsOf(provider.value));
    const checked = checkAnswers(items, input.answers);
    if (!checked.ok) return checked;

    const before = new Map((await readAnswers(tx, agb, year)).map((a) => [`${a.kind}:${a.number}`, a.answer]));
    const changed: string[] = [];
    const createdIds: number[] = [];
    for (const a of checked.value) {
      const saved = await tx
        .insertInto('quality_answers')
        .values({ agb, year, item_kind: a.kind, item_number: a.number, answer: a.answer, explanation: a.explanation, answered_by: answeredBy, answered_at: now })
        .onConflict((oc) => oc.columns(['agb', 'year', 'item_kind', 'item_number']).doUpdateSet({ answer: a.answer, explanation: a.explanation, answered_by: answeredBy, answered_at: now }))
        .returning('id')
        .executeTakeFirstOrThrow();
      const key = `${a.kind}:${a.number}`;
      if (before.get(key) !== a.answer) changed.push(`${key}=${a.answer}`);
      if (a.kind !== 'specification') continue;
      const plan = improvementAgreementFor(policy, a.number, a.answer, term);
      if (!plan.ok) return plan;
      if (!plan.value) continue;
      const created = await tx
        .insertInto('improvement_agreements')
        .values({ agb, year, specification_number: plan.value.specification_number, due_date: plan.value.due_date, created_from_answer: saved.id, created_at: now })
        .onConflict((oc) => oc.columns(['agb', 'year', 'specification_number']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (created) createdIds.push(created.id);
    }
    const agreements = await improvementAgreementsIn(tx, scope.value);
    const createdViews = agreements.filter((a) => createdIds.includes(a.id));
    await audit(tx, deps.actor, {
      event: 'quality.answer',
      action: 'U',
      purpose: PURPOSE,
      objectType: 'quality_questionnaire',
      objectId: `${agb}/${year}`,
      agb,
      details: { year, answered: checked.value.length, changed, improvement_agreements: createdViews.map((a) => ({ specification: a.specification_number, due_date: a.due_date })), term_end: term.end },
    });
    const questionnaire = await questionnaireIn(tx, scope.value);
    if (!questionnaire.ok) return questionnaire;
    return ok({ questionnaire: questionnaire.value, improvement_agreements_created: createdViews, term });
  });
}
