/**
 * Typed calls for the quality questionnaire (MSZ Bijlage 1, 2): the questionnaire with answers and
 * summary, answering it (the provider itself), the improvement agreements (a purchaser marks one
 * met), and the minimum-norm and selective-purchasing status (a purchaser applies it).
 */
import { apiRequest } from './api';
import type { BodyOf, ElementOf, ResponseOf } from './api-types';

export type Questionnaire = ResponseOf<'/api/providers/{agb}/questionnaire', 'get'>;
export type QuestionnaireItem = ElementOf<Questionnaire['items']>;
export type QuestionnaireSummary = Questionnaire['summary'];
export type ItemKind = QuestionnaireItem['kind'];
export type Answer = NonNullable<QuestionnaireItem['answer']>;
export const ITEM_KINDS = ['general', 'specification', 'minimum-norm'] as const satisfies readonly ItemKind[];
export const ANSWERS = ['yes', 'no', 'not-applicable'] as const satisfies readonly Answer[];
/** As the server checks (`EXPLANATION_MAX`). */
export const EXPLANATION_MAX = 2000;

export type AnswerInput = ElementOf<BodyOf<'/api/providers/{agb}/questionnaire', 'put'>['answers']>;
export type AnswerResult = ResponseOf<'/api/providers/{agb}/questionnaire', 'put'>;
export type ImprovementAgreement = ResponseOf<'/api/providers/{agb}/improvement-agreements/{id}/met', 'post'>;

export type Selection = ResponseOf<'/api/providers/{agb}/selection', 'get'>;
export type TreatmentSelection = ElementOf<Selection['treatments']>;
export type SelectiveSelection = ElementOf<Selection['selective_purchasing']>;

const segment = encodeURIComponent;

export const qualityApi = {
  questionnaire: (agb: string, year: number, signal?: AbortSignal) =>
    apiRequest<Questionnaire>('GET', `/api/providers/${segment(agb)}/questionnaire?year=${year}`, { signal }),
  answer: (agb: string, year: number, answers: AnswerInput[]) =>
    apiRequest<AnswerResult>('PUT', `/api/providers/${segment(agb)}/questionnaire`, { json: { year, answers } }),
  improvementAgreements: (agb: string, year: number, signal?: AbortSignal) =>
    apiRequest<ImprovementAgreement[]>('GET', `/api/providers/${segment(agb)}/improvement-agreements?year=${year}`, { signal }),
  markMet: (agb: string, id: number) => apiRequest<ImprovementAgreement>('POST', `/api/providers/${segment(agb)}/improvement-agreements/${id}/met`),
  selection: (agb: string, year: number, signal?: AbortSignal) => apiRequest<Selection>('GET', `/api/providers/${segment(agb)}/selection?year=${year}`, { signal }),
  applySelection: (agb: string, year: number) =>
    apiRequest<ResponseOf<'/api/providers/{agb}/selection', 'post'>>('POST', `/api/providers/${segment(agb)}/selection`, { json: { year } }),
};

export const answerLabels: Record<Answer, string> = { yes: 'Ja', no: 'Nee', 'not-applicable': 'Niet van toepassing' };
