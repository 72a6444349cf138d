/**
 * Typed calls for prior authorisations (machtigingen kaakchirurgie, MSZ Bijlage 1 art. 6): the
 * requirement check, the treatment kinds, a provider's own requests (submit with files, answer a
 * question, add a file, withdraw) and the insurer's queue (ask for information, schedule an
 * assessment at the advising dentist's consultation hour, decide). Every request carries its
 * decision clock as the server computes it.
 */
import { apiRequest } from './api';
import type { BodyOf, ElementOf, ResponseOf } from './api-types';

const segment = encodeURIComponent;

export type RequirementInput = BodyOf<'/api/authorisations/requirement', 'post'>;
export type Requirement = ResponseOf<'/api/authorisations/requirement', 'post'>;
export type RequirementOutcome = Requirement['outcome'];
export type TreatmentKinds = ResponseOf<'/api/authorisations/treatment-kinds', 'get'>;
export type TreatmentKind = ElementOf<TreatmentKinds['kinds']>;
export type KindCategory = TreatmentKind['category'];

export type AuthorisationSummary = ElementOf<ResponseOf<'/api/authorisations', 'get'>>;
export type AuthorisationDetail = ResponseOf<'/api/authorisations/{id}', 'get'>;
export type AuthorisationStatus = AuthorisationSummary['status'];
export type DecisionClock = AuthorisationSummary['clock'];
/** information: nadere informatie gevraagd; consultation: beoordeling op het spreekuur van de adviserend tandarts. */
export type PauseReason = ElementOf<DecisionClock['pause_reasons']>;
export type PlanLine = ElementOf<AuthorisationDetail['plan_lines']>;
export type AttachmentInfo = ResponseOf<'/api/providers/{agb}/authorisations/{id}/attachments', 'post', 201>;
export type AttachmentKind = AttachmentInfo['kind'];
export type HistoryEntry = ElementOf<AuthorisationDetail['history']>;

/**
 * What the request form sends: the server's body schema is loose on purpose (its use case names
 * each missing or wrong field in Dutch), so an amount the user typed wrongly travels as null.
 */
export interface SubmitInput extends Omit<RequirementInput, 'birth_date'> {
  provider_reference?: string;
  patient: { bsn: string; name: string; birth_date: string };
  treatment_plan: string;
  plan_lines: { performance_code: string; element_numbers: number[]; amount_cents: number | null; description?: string }[];
  technique_costs_cents: number | null;
}

/** 200: no request needed, nothing stored; 201: the request is stored. */
export type SubmitResult =
  | ResponseOf<'/api/providers/{agb}/authorisations', 'post', 200>
  | ResponseOf<'/api/providers/{agb}/authorisations', 'post', 201>;

export const authorisationsApi = {
  requirement: (input: RequirementInput) => apiRequest<Requirement>('POST', '/api/authorisations/requirement', { json: input }),
  kinds: (signal?: AbortSignal) => apiRequest<TreatmentKinds>('GET', '/api/authorisations/treatment-kinds', { signal }),
  providerList: (agb: string, signal?: AbortSignal) => apiRequest<AuthorisationSummary[]>('GET', `/api/providers/${segment(agb)}/authorisations`, { signal }),
  queue: (status: AuthorisationStatus | '', signal?: AbortSignal) =>
    apiRequest<AuthorisationSummary[]>('GET', `/api/authorisations${status ? `?status=${segment(status)}` : ''}`, { signal }),
  /** One request: a provider through its own AGB, the insurer directly. */
  get: (id: string, agb: string | null, signal?: AbortSignal) =>
    apiRequest<AuthorisationDetail>('GET', agb ? `/api/providers/${segment(agb)}/authorisations/${segment(id)}` : `/api/authorisations/${segment(id)}`, { signal }),
  /** Multipart: the request as JSON in "request", the files in "record" and "photo". */
  submit: (agb: string, input: SubmitInput, files: { records: File[]; photos: File[] }) => {
    const form = new FormData();
    form.append('request', JSON.stringify(input));
    for (const file of files.records) form.append('record', file, file.name);
    for (const file of files.photos) form.append('photo', file, file.name);
    return apiRequest<SubmitResult>('POST', `/api/providers/${segment(agb)}/authorisations`, { form });
  },
  addAttachment: (agb: string, id: number, kind: AttachmentKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<AttachmentInfo>('POST', `/api/providers/${segment(agb)}/authorisations/${id}/attachments?kind=${kind}`, { form });
  },
  answer: (agb: string, id: number, answer: string) => apiRequest<AuthorisationDetail>('POST', `/api/providers/${segment(agb)}/authorisations/${id}/information`, { json: { answer } }),
  withdraw: (agb: string, id: number) => apiRequest<AuthorisationDetail>('POST', `/api/providers/${segment(agb)}/authorisations/${id}/withdraw`, { json: {} }),
  requestInformation: (id: number, question: string) => apiRequest<AuthorisationDetail>('POST', `/api/authorisations/${id}/request-information`, { json: { question } }),
  scheduleConsultation: (id: number, date: string, note: string) =>
    apiRequest<AuthorisationDetail>('POST', `/api/authorisations/${id}/consultation`, { json: note.trim() ? { date, note } : { date } }),
  decide: (id: number, decision: 'approve' | 'reject', reason: string) => apiRequest<AuthorisationDetail>('POST', `/api/authorisations/${id}/decision`, { json: { decision, reason } }),
  attachmentUrl: (agb: string, id: number, attachmentId: number) => `/api/providers/${segment(agb)}/authorisations/${id}/attachments/${attachmentId}`,
};

/**
 * Euros as typed in the Netherlands (`1.234,56`, `450`, `450,5`) to integer cents, in string
 * arithmetic: no float touches the amount. Null when it is not an amount.
 */
export function euroTextToCents(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (!match) return null;
  const euros = (match[1] as string).replaceAll('.', '');
  const cents = ((match[2] ?? '') + '00').slice(0, 2);
  const value = Number(euros) * 100 + Number(cents);
  return Number.isSafeInteger(value) ? value : null;
}

/** `36, 46` or `36 46` to element numbers; null when a part is not a two-digit number. */
export function parseElementNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.some((p) => !/^\d{2}$/.test(p))) return null;
  return parts.map(Number);
}
