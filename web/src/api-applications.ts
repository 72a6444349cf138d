/**
 * Typed calls for new providers (MSZ §5 "Nieuwe aanbieders"): the public conditions and dates of a
 * year, applying, the applicant's own look-up and its objection or request for explanation; for
 * purchasers the list, one application, the assessment and the rejection letter (PDF).
 */
import { apiRequest } from './api';
import type { BodyOf, ElementOf, ResponseOf } from './api-types';

/** What a new provider must know before applying, from the policy of the year. */
export type ApplicationConditions = ResponseOf<'/api/applications/conditions', 'get'>;
export type PathDate = ApplicationConditions['dates']['application'];
export type Declaration = NonNullable<ElementOf<ApplicationConditions['requirements']>['declaration']>;

export type ApplicationInput = BodyOf<'/api/applications', 'post'>;
export type ApplicationReceipt = ResponseOf<'/api/applications', 'post', 201>;

/** An application as purchasers see it. */
export type Application = ResponseOf<'/api/applications/{id}', 'get'>;
export type ApplicationStatus = Application['status'];
export type ObjectionKind = NonNullable<Application['objection_kind']>;
export type Deadlines = Application['deadlines'];
export type AssessmentResult = ResponseOf<'/api/applications/{id}/assessment', 'post'>;

/** An application as the applicant sees it (no staff names). */
export type ApplicantApplication = ResponseOf<'/api/applications/{id}/lookup', 'post'>;
/** The deadlines measured on the server's day. */
export type ApplicationTiming = ApplicantApplication['timing'];
export type ObjectionInput = BodyOf<'/api/applications/{id}/objection', 'post'>;
export type ObjectionReceipt = ResponseOf<'/api/applications/{id}/objection', 'post'>;

const segment = encodeURIComponent;

export const applicationsApi = {
  conditions: (year: number | null, signal?: AbortSignal) =>
    apiRequest<ApplicationConditions>('GET', `/api/applications/conditions${year === null ? '' : `?year=${year}`}`, { signal }),
  submit: (input: ApplicationInput) => apiRequest<ApplicationReceipt>('POST', '/api/applications', { json: input }),
  lookup: (id: string, applicantEmail: string) =>
    apiRequest<ApplicantApplication>('POST', `/api/applications/${segment(id)}/lookup`, { json: { applicant_email: applicantEmail } }),
  object: (id: string, input: ObjectionInput) =>
    apiRequest<ObjectionReceipt>('POST', `/api/applications/${segment(id)}/objection`, { json: input }),
  list: (year: number, signal?: AbortSignal) => apiRequest<ResponseOf<'/api/applications', 'get'>>('GET', `/api/applications?year=${year}`, { signal }),
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
