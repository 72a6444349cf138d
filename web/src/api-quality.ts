/**
 * Typed calls for the quality questionnaire (MSZ Bijlage 1, 2): the questionnaire with answers and
 * summary, answering it (the provider itself), the improvement agreements (a purchaser marks one
 * met), and the minimum-norm and selective-purchasing status (a purchaser applies it).
 */
import { apiRequest, type Reason } from './api';

export const ITEM_KINDS = ['general', 'specification', 'minimum-norm'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
/** As the server checks (`EXPLANATION_MAX`). */
export const EXPLANATION_MAX = 2000;

export interface QuestionnaireItem {
  kind: ItemKind;
  number: number;
  /** `general:7`, `specification:2`, `minimum-norm:38`. */
  key: string;
  text: string;
  source: string;
  applies: boolean;
  applies_reason: string;
  article: string | null;
  specification_type: 'instapvoorwaarde' | 'doelstelling' | null;
  topic: string | null;
  treatment_id: string | null;
  norm_sources: string[];
  answer: Answer | null;
  explanation: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface QuestionnaireSummary {
  items: number;
  applicable: number;
  answered: number;
  open: string[];
  general_not_met: number[];
  entry_conditions_not_met: number[];
  objectives_met: number[];
  objectives_not_met: number[];
}

export interface Questionnaire {
  agb: string;
  year: number;
  policy_id: string;
  items: QuestionnaireItem[];
  summary: QuestionnaireSummary;
}

export interface ImprovementAgreement {
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

export interface AnswerInput {
  kind: ItemKind;
  number: number;
  answer: Answer;
  explanation?: string | null;
}

export interface AnswerResult {
  questionnaire: Questionnaire;
  improvement_agreements_created: ImprovementAgreement[];
  term: { end: string; reason: Reason };
}

export interface TreatmentSelection {
  id: string;
  treatment: string;
  group: string;
  number: number | null;
  norm_sources: string[];
  selected: boolean;
  determined_by: 'answers' | 'recorded' | 'no-norm';
  reasons: Reason[];
}

export interface SelectiveSelection {
  id: string;
  title: string;
  kind: string;
  selective: boolean;
  selected: boolean;
  holds: string[];
  reason: Reason;
}

interface ListChange {
  added: string[];
  removed: string[];
}

export interface Selection {
  agb: string;
  year: number;
  policy_id: string;
  treatments: TreatmentSelection[];
  selective_purchasing: SelectiveSelection[];
  minimum_norms: string[];
  programmes: string[];
  changes: { minimum_norms: ListChange; programmes: ListChange };
}

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
    apiRequest<{ applied: boolean; status: Selection }>('POST', `/api/providers/${segment(agb)}/selection`, { json: { year } }),
};

export const answerLabels: Record<Answer, string> = { yes: 'Ja', no: 'Nee', 'not-applicable': 'Niet van toepassing' };
