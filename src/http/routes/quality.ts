/**
 * The quality questionnaire over HTTP (MSZ Bijlage 1, 2): a provider reads and answers its own
 * questionnaire, sees its improvement agreements and its minimum-norm and selective-purchasing
 * status; insurer staff read every provider's, a purchaser marks an improvement agreement met and
 * applies the status to the provider record the claim checks read. Provider-scoped paths take the AGB as `agb`; a provider user asking
 * for another AGB gets 403 and the attempt is in the audit log.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicyCatalogue } from '../../app/policies.js';
import { listImprovementAgreements, markImprovementAgreementMet } from '../../app/quality/improvement-agreements.js';
import { answerQuestionnaire, getQuestionnaire } from '../../app/quality/questionnaire.js';
import { applySelection, getSelection } from '../../app/quality/selection.js';
import type { Actor } from '../../domain/auth/actor.js';
import { ANSWERS, ITEM_KINDS } from '../../domain/quality/questionnaire.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireRoles } from '../auth.js';
import { sendResult } from '../reply.js';
import { AgbParam, ErrorBody, Year, YearText } from '../schemas.js';

const YearQuery = z.object({ year: YearText.default(2018).describe('contractjaar') });
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Kind = z.enum(ITEM_KINDS);
const AnswerValue = z.enum(ANSWERS);

const ReasonBody = z.object({ rule: z.string(), source: z.string(), inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), message: z.string() });

const ItemBody = z.object({
  kind: Kind,
  number: z.number().int(),
  key: z.string(),
  text: z.string(),
  source: z.string(),
  applies: z.boolean().describe('geldt voor deze aanbieder (afgeleid uit applies_to en de aanbiedersgegevens)'),
  applies_reason: z.string(),
  article: z.string().nullable(),
  specification_type: z.enum(['instapvoorwaarde', 'doelstelling']).nullable(),
  topic: z.string().nullable(),
  treatment_id: z.string().nullable(),
  norm_sources: z.array(z.string()),
  answer: AnswerValue.nullable(),
  explanation: z.string().nullable(),
  answered_by: z.string().nullable(),
  answered_at: z.string().nullable(),
});

const QuestionnaireBody = z.object({
  agb: z.string(),
  year: z.number().int(),
  policy_id: z.string(),
  items: z.array(ItemBody),
  summary: z.object({
    items: z.number().int(),
    applicable: z.number().int(),
    answered: z.number().int(),
    open: z.array(z.string()),
    general_not_met: z.array(z.number().int()),
    entry_conditions_not_met: z.array(z.number().int()),
    objectives_met: z.array(z.number().int()),
    objectives_not_met: z.array(z.number().int()),
  }),
});

const ImprovementAgreementBody = z.object({
  id: z.number().int(),
  agb: z.string(),
  year: z.number().int(),
  specification_number: z.number().int(),
  topic: z.string().nullable(),
  question: z.string().nullable(),
  source: z.string().nullable(),
  due_date: z.string().describe('uiterlijk voldoen op (JJJJ-MM-DD), binnen de looptijd van de overeenkomst'),
  status: z.enum(['open', 'met']),
  created_from_answer: z.number().int(),
  created_at: z.string(),
});

const AnswerResultBody = z.object({
  questionnaire: QuestionnaireBody,
  improvement_agreements_created: z.array(ImprovementAgreementBody),
  term: z.object({ end: z.string(), reason: ReasonBody }),
});

const ListChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });
const SelectionBody = z.object({
  agb: z.string(),
  year: z.number().int(),
  policy_id: z.string(),
  treatments: z.array(
    z.object({
      id: z.string(),
      treatment: z.string(),
      group: z.string(),
      number: z.number().int().nullable(),
      norm_sources: z.array(z.string()),
      selected: z.boolean(),
      determined_by: z.enum(['answers', 'recorded', 'no-norm']),
      reasons: z.array(ReasonBody),
    }),
  ),
  selective_purchasing: z.array(
    z.object({ id: z.string(), title: z.string(), kind: z.string(), selective: z.boolean(), selected: z.boolean(), holds: z.array(z.string()), reason: ReasonBody }),
  ),
  minimum_norms: z.array(z.string()),
  programmes: z.array(z.string()),
  changes: z.object({ minimum_norms: ListChange, programmes: ListChange }),
});

export const qualityRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies });
  const tags = ['quality'];

  app.get(
    '/api/providers/:agb/questionnaire',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Kwaliteitsvragenlijst (bijlage 1 en minimumnormen bijlage 2) met antwoorden en samenvatting', params: AgbParam, querystring: YearQuery, response: { 200: QuestionnaireBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await getQuestionnaire(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.put(
    '/api/providers/:agb/questionnaire',
    {
      preHandler: requireRoles('provider'),
      schema: {
        tags,
        summary: 'Vragenlijst beantwoorden (de zorgaanbieder zelf); een instapvoorwaarde met "nee" geeft een verbeterafspraak binnen de looptijd',
        params: AgbParam,
        body: z.object({
          year: Year,
          answers: z
            .array(z.object({ kind: Kind, number: z.number().int().min(1).max(200), answer: AnswerValue, explanation: z.string().max(2000).nullable().optional() }))
            .min(1)
            .max(200),
        }),
        response: { 200: AnswerResultBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await answerQuestionnaire(deps(request.actor), request.params.agb, request.body, opts.now())),
  );

  app.get(
    '/api/providers/:agb/improvement-agreements',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Verbeterafspraken uit de inkoopspecificaties (instapvoorwaarden)', params: AgbParam, querystring: YearQuery, response: { 200: z.array(ImprovementAgreementBody), ...Errors } },
    },
    async (request, reply) => sendResult(reply, await listImprovementAgreements(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.post(
    '/api/providers/:agb/improvement-agreements/:id/met',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags,
        summary: 'Verbeterafspraak als nagekomen vastleggen (zorginkoper): de zorgaanbieder voldoet nu aan de instapvoorwaarde',
        params: AgbParam.extend({ id: z.string().max(20).describe('nummer van de verbeterafspraak') }),
        response: { 200: ImprovementAgreementBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await markImprovementAgreementMet(deps(request.actor), request.params.agb, request.params.id)),
  );

  app.get(
    '/api/providers/:agb/selection',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Selectie voor minimumnormzorg (bijlage 2) en selectieve inkoop (MSZ §2), met redenen', params: AgbParam, querystring: YearQuery, response: { 200: SelectionBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await getSelection(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.post(
    '/api/providers/:agb/selection',
    {
      preHandler: requireRoles('purchaser'),
      schema: {
        tags,
        summary: 'Selectie vastleggen op de zorgaanbieder (zorginkoper): minimumnormen en programma’s, die de declaratiecontrole gebruikt',
        params: AgbParam,
        body: z.object({ year: Year }),
        response: { 200: z.object({ applied: z.boolean(), status: SelectionBody }), ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await applySelection(deps(request.actor), request.params.agb, request.body.year)),
  );
};
