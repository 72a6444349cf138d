/**
 * Typed calls for new providers (MSZ §5 "Nieuwe aanbieders"): the public conditions and dates of a
 * year, applying, the applicant's own look-up and its objection or request for explanation; for
 * purchasers the list, one application, the assessment and the rejection letter (PDF).
 */
import { apiRequest, type ProviderType } from './api';

export type ApplicationStatus = 'submitted' | 'assessing' | 'accepted' | 'rejected';
export type ObjectionKind = 'objection' | 'explanation';
export type Declaration = 'wtzi_admission' | 'kvk_registered' | 'meets_quality_and_entry_conditions' | 'added_value';

export interface PathDate {
  event: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  source: string;
  /** Still in time on the server's day. */
  open: boolean;
}

/** What a new provider must know before applying, from the policy of the year. */
export interface ApplicationConditions {
  year: number;
  policy: { id: string; title: string };
  text: string;
  source: string;
  contact_email: string;
  requirements: { id: string; text: string; declaration: Declaration | null }[];
  outcomes: { id: string; text: string }[];
  time_zone: string;
  day_inclusive: boolean;
  today: string;
  dates: { application: PathDate; assessment: PathDate; objection: PathDate };
}

export interface ApplicationInput {
  year: number;
  organisation_name: string;
  applicant_email: string;
  kvk: string;
  agb: string;
  provider_type: ProviderType;
  city: string;
  wtzi_admission: boolean;
  kvk_registered: boolean;
  meets_quality_and_entry_conditions: boolean;
  added_value: string;
}

export interface ApplicationReceipt {
  id: string;
  year: number;
  agb: string;
  status: 'submitted';
  submitted_at: string;
  assessment_by: string;
  message: string;
}

export interface Deadlines {
  application: string;
  assessment: string;
  objection: string;
  day_inclusive: boolean;
}

/** The deadlines measured on the server's day. */
export interface ApplicationTiming {
  today: string;
  assessment_open: boolean;
  objection_open: boolean;
  overdue: boolean;
}

/** An application as purchasers see it. */
export interface Application {
  id: string;
  year: number;
  policy_id: string;
  organisation_name: string;
  applicant_email: string;
  kvk: string;
  agb: string;
  provider_type: ProviderType;
  city: string;
  wtzi_admission: boolean;
  kvk_registered: boolean;
  meets_quality_and_entry_conditions: boolean;
  added_value: string;
  status: ApplicationStatus;
  submitted_at: string;
  assessed_by: string | null;
  assessed_at: string | null;
  rejection_reasons: string | null;
  objection_kind: ObjectionKind | null;
  objection: string | null;
  objection_at: string | null;
  deadlines: Deadlines;
  timing?: ApplicationTiming;
}

export interface AssessmentResult {
  application: Application;
  provider_created: boolean | null;
  negotiation: { agb: string; year: number; new_provider: boolean } | null;
}

/** An application as the applicant sees it (no staff names). */
export interface ApplicantApplication {
  id: string;
  year: number;
  organisation_name: string;
  agb: string;
  city: string;
  status: ApplicationStatus;
  submitted_at: string;
  assessed_at: string | null;
  rejection_reasons: string | null;
  objection_kind: ObjectionKind | null;
  objection: string | null;
  objection_at: string | null;
  deadlines: Deadlines;
  objection_source: string;
  timing: ApplicationTiming;
  /** Why an objection is not possible now, in the server's words; null when it is. */
  objection_refused: string | null;
  contact_email: string;
}

export interface ObjectionReceipt {
  id: string;
  year: number;
  agb: string;
  status: 'rejected';
  objection_kind: ObjectionKind;
  objection_at: string;
  message: string;
}

const segment = encodeURIComponent;

export const applicationsApi = {
  conditions: (year: number | null, signal?: AbortSignal) =>
    apiRequest<ApplicationConditions>('GET', `/api/applications/conditions${year === null ? '' : `?year=${year}`}`, { signal }),
  submit: (input: ApplicationInput) => apiRequest<ApplicationReceipt>('POST', '/api/applications', { json: input }),
  lookup: (id: string, applicantEmail: string) =>
    apiRequest<ApplicantApplication>('POST', `/api/applications/${segment(id)}/lookup`, { json: { applicant_email: applicantEmail } }),
  object: (id: string, input: { kind: ObjectionKind; text: string; applicant_email: string }) =>
    apiRequest<ObjectionReceipt>('POST', `/api/applications/${segment(id)}/objection`, { json: input }),
  list: (year: number, signal?: AbortSignal) => apiRequest<Application[]>('GET', `/api/applications?year=${year}`, { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest<Application>('GET', `/api/applications/${segment(id)}`, { signal }),
  assess: (id: string, decision: 'accept' | 'reject', reasons?: string) =>
    apiRequest<AssessmentResult>('POST', `/api/applications/${segment(id)}/assessment`, { json: reasons === undefined ? { decision } : { decision, reasons } }),
  /** A plain link: the browser sends the session cookie. */
  rejectionLetterUrl: (id: string) => `/api/applications/${segment(id)}/rejection-letter.pdf`,
};

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  submitted: 'Ingediend',
  assessing: 'Toelating loopt',
  accepted: 'Toegelaten',
  rejected: 'Afgewezen',
};

export const objectionKindLabels: Record<ObjectionKind, string> = {
  objection: 'Bezwaar',
  explanation: 'Verzoek om toelichting',
};

/** Texts of the application form: 10–5000 characters for the added value and for reasons (as the server checks). */
export const TEXT_MIN = 10;
export const TEXT_MAX = 5000;
