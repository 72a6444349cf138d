/**
 * Typed calls for prior authorisations (machtigingen kaakchirurgie, MSZ Bijlage 1 art. 6): the
 * requirement check, the treatment kinds, a provider's own requests (submit with files, answer a
 * question, add a file, withdraw) and the insurer's queue (ask for information, schedule an
 * assessment at the advising dentist's consultation hour, decide). Every request carries its
 * decision clock as the server computes it.
 */
import { apiRequest, type Reason } from './api';

const segment = encodeURIComponent;

export type AuthorisationStatus = 'submitted' | 'info-requested' | 'approved' | 'rejected' | 'withdrawn';
export type RequirementOutcome = 'required' | 'not-required' | 'in-doubt';
export type KindCategory = 'listed' | 'coverage-dependency' | 'extraction-under-anaesthesia' | 'extraction-free' | 'zvw-2-7-5a';
export type AttachmentKind = 'record' | 'photo';

export interface TreatmentKind {
  id: string;
  title: string;
  category: KindCategory;
  source: string;
  letter: string | null;
  covered_only_if: 'implants-covered' | 'orthodontics-special-dentistry' | null;
  minors_excepted: boolean;
}

export interface TreatmentKinds {
  policy_id: string;
  source: string;
  kinds: TreatmentKind[];
  required_content: { id: string; title: string; optional: boolean }[];
}

export interface RequirementInput {
  birth_date: string;
  treatment_date: string;
  treatment_kind: string;
  in_doubt?: boolean;
  implants_covered?: boolean | null;
  orthodontics_special_dentistry?: boolean | null;
  serious_medical_grounds?: boolean | null;
}

export interface Requirement {
  policy_id: string;
  treatment_kind: string;
  treatment_title: string;
  age: number;
  age_limit_inclusive: number;
  minor: boolean;
  outcome: RequirementOutcome;
  request: boolean;
  covered: boolean | null;
  message: string;
  reasons: Reason[];
}

/** information: nadere informatie gevraagd; consultation: beoordeling op het spreekuur van de adviserend tandarts. */
export type PauseReason = 'information' | 'consultation';

export interface DecisionClock {
  working_days: number;
  received_on: string;
  due_date: string | null;
  paused: boolean;
  pause_reasons: PauseReason[];
  consultation_date: string | null;
  pauses: { reason: PauseReason; from: string; until: string | null }[];
  working_days_used: number;
  working_days_remaining: number;
  working_days_late: number;
  late: boolean;
  decided_on: string | null;
  reason: Reason;
}

export interface AuthorisationSummary {
  id: number;
  agb: string;
  provider_name: string | null;
  provider_reference: string | null;
  patient_name: string;
  patient_bsn_masked: string;
  patient_birth_date: string;
  treatment_kind: string;
  treatment_title: string;
  treatment_date: string;
  total_cents: number;
  in_doubt: boolean;
  status: AuthorisationStatus;
  status_text: string;
  received_at: string;
  decided_at: string | null;
  decision: 'approved' | 'rejected' | null;
  open_question: string | null;
  clock: DecisionClock;
}

export interface PlanLine {
  performance_code: string;
  element_numbers: number[];
  amount_cents: number;
  description: string | null;
}

export interface AttachmentInfo {
  id: number;
  kind: AttachmentKind;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface HistoryEntry {
  id: number;
  event: 'submitted' | 'information-requested' | 'information-provided' | 'consultation-scheduled' | 'decided' | 'withdrawn' | 'attachment-added';
  at: string;
  role: 'provider' | 'medical-adviser' | 'controller' | 'system';
  by: string | null;
  message: string | null;
  consultation_date: string | null;
}

export interface AuthorisationDetail extends AuthorisationSummary {
  policy_id: string;
  patient: { bsn: string; name: string; birth_date: string };
  treatment_plan: string;
  plan_lines: PlanLine[];
  technique_costs_cents: number;
  requirement: Requirement;
  submitted_by: string;
  decision_reason: string | null;
  decided_by: string | null;
  withdrawn_at: string | null;
  attachments: AttachmentInfo[];
  history: HistoryEntry[];
}

export interface SubmitInput extends Omit<RequirementInput, 'birth_date'> {
  provider_reference?: string;
  patient: { bsn: string; name: string; birth_date: string };
  treatment_plan: string;
  plan_lines: { performance_code: string; element_numbers: number[]; amount_cents: number | null; description?: string }[];
  technique_costs_cents: number | null;
}

export interface SubmitResult {
  submitted: boolean;
  message: string;
  requirement: Requirement;
  authorisation: AuthorisationDetail | null;
}

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
