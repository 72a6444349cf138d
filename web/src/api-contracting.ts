/**
 * Typed calls for the contracting year (MSZ §5, §7): the published calendar, one provider's contract
 * with the steps the user may take now, the transitions, the document to sign (its bytes and
 * SHA-256), signing, the purchasers' pipeline, and the user's notifications.
 */
import { ApiError, apiRequest, toApiError } from './api';

export const CONTRACT_STATES = [
  'invited',
  'concept-out',
  'proposal-sent',
  'provider-responded',
  'negotiating',
  'onderhandelakkoord',
  'signed',
  'price-list-fixed',
  'published',
  'no-agreement',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export type ContractEventType =
  | 'publish-concept'
  | 'give-concept-feedback'
  | 'concept-deadline'
  | 'send-proposal'
  | 'respond'
  | 'response-deadline'
  | 'start-negotiation'
  | 'record-onderhandelakkoord'
  | 'negotiation-deadline'
  | 'sign'
  | 'fix-price-list'
  | 'publish'
  | 'decline'
  | 'signing-deadline';

export type ContractPath = 'regular' | 'digital';
export type DayStatus = 'past' | 'today' | 'upcoming';

export interface ContractDeadline {
  key: string;
  event: string;
  date: string;
  title: string;
  source: string;
  status: DayStatus;
  /** Calendar days from the server's today to the date; negative once past. */
  days_left: number;
}

export interface ContractSignature {
  document_kind: string;
  document_sha256: string;
  signed_by: number;
  signer_email: string;
  signed_at: string;
}

export interface ContractHistoryItem {
  event: string;
  from: string | null;
  to: string;
  actor_role: string;
  actor_email: string | null;
  at: string;
  details: unknown;
}

export interface ContractView {
  agb: string;
  name: string;
  year: number;
  policy_id: string;
  path: ContractPath;
  agreement_type_id: string;
  state: ContractState;
  today: string;
  concept: { status: 'not-published' | 'open' | 'feedback-given' | 'consent-by-silence'; published_at: string | null; feedback: string | null; feedback_at: string | null; consent_by_silence: boolean };
  proposal: { sent_at: string | null; document_date: string | null; document_sha256: string | null };
  response: { kind: 'accepted' | 'countered' | null; reasons: string | null; responded_at: string | null; overdue: boolean };
  onderhandelakkoord_at: string | null;
  signed_at: string | null;
  price_list_fixed_at: string | null;
  published_at: string | null;
  no_agreement_reason: string | null;
  deadlines: ContractDeadline[];
  available_actions: ContractEventType[];
  overdue: { kind: string; date: string; message: string; days_overdue: number }[];
  history: ContractHistoryItem[];
  signatures: ContractSignature[];
  documents: { kind: 'proposal-letter'; href: string; sha256_when_sent: string | null }[];
}

export interface ContractSummary {
  agb: string;
  year: number;
  path: ContractPath;
  state: ContractState;
  event: string;
  from: ContractState | null;
}

export interface SignResult extends ContractSummary {
  signature: ContractSignature;
}

/** The purchaser's steps without input of their own, by route name. */
export type SimpleAction = 'start' | 'publish-concept' | 'send-proposal' | 'start-negotiation' | 'onderhandelakkoord' | 'fix-price-list' | 'publish';

export interface Pipeline {
  year: number;
  today: string | null;
  total: number;
  by_state: Record<ContractState, number>;
  concept: { open: number; feedback_given: number; consent_by_silence: number };
  processes: { agb: string; name: string; state: ContractState; path: ContractPath; updated_at: string }[];
  overdue: { agb: string; name: string; state: ContractState; path: ContractPath; kind: string; date: string; message: string; days_overdue: number }[];
}

export type CalendarPathFilter = 'regular' | 'digital' | 'new-provider';

export interface CalendarEvent {
  id: string;
  date: string;
  title: string;
  kind: 'publication' | 'deadline' | 'milestone';
  paths: string[];
  actor: 'insurer' | 'provider' | 'both';
  meaning: string;
  source: string;
  status: DayStatus;
  note: string | null;
  decision: { id: string; decision: string } | null;
}

export interface CalendarView {
  policy: { id: string; title: string };
  path: CalendarPathFilter | null;
  time_zone: string;
  today: string;
  events: CalendarEvent[];
}

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  agb: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationList {
  unread: number;
  notifications: AppNotification[];
}

/** The document to sign as received: its bytes, the server's SHA-256 and the one computed here. */
export interface ContractDocument {
  bytes: ArrayBuffer;
  /** `x-document-sha256`: what the server says the bytes are. */
  serverSha256: string;
  /** SHA-256 of the received bytes, computed in the browser; null where Web Crypto is unavailable (no HTTPS). */
  computedSha256: string | null;
  date: string | null;
  fileName: string;
}

const segment = encodeURIComponent;
const contractPath = (agb: string, step = '') => `/api/providers/${segment(agb)}/contract${step ? `/${step}` : ''}`;

/** Lower-case hex of the SHA-256 of `bytes`, or null without Web Crypto (it needs a secure context). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchDocument(agb: string, year: number): Promise<ContractDocument> {
  let response: Response;
  try {
    response = await fetch(`${contractPath(agb, 'document')}?year=${year}`, { credentials: 'same-origin', headers: { accept: 'application/pdf, application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.');
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  const bytes = await response.arrayBuffer();
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return {
    bytes,
    serverSha256: (response.headers.get('x-document-sha256') ?? '').toLowerCase(),
    computedSha256: await sha256Hex(bytes),
    date: response.headers.get('x-document-date'),
    fileName: disposition?.[1] ?? `overeenkomst-${agb}-${year}.pdf`,
  };
}

export const contractingApi = {
  calendar: (options: { policy?: string; path?: CalendarPathFilter }, signal?: AbortSignal) => {
    const search = new URLSearchParams();
    if (options.policy) search.set('policy', options.policy);
    if (options.path) search.set('path', options.path);
    const text = search.toString();
    return apiRequest<CalendarView>('GET', `/api/calendar${text ? `?${text}` : ''}`, { signal });
  },
  pipeline: (year: number, signal?: AbortSignal) => apiRequest<Pipeline>('GET', `/api/contracting/pipeline?year=${year}`, { signal }),
  contract: (agb: string, year: number, signal?: AbortSignal) => apiRequest<ContractView>('GET', `${contractPath(agb)}?year=${year}`, { signal }),
  act: (agb: string, year: number, action: SimpleAction) => apiRequest<ContractSummary>('POST', contractPath(agb, action), { json: { year } }),
  conceptFeedback: (agb: string, year: number, feedback: string) => apiRequest<ContractSummary>('POST', contractPath(agb, 'concept-feedback'), { json: { year, feedback } }),
  respond: (agb: string, year: number, answer: { response: 'accepted' } | { response: 'countered'; reasons: string }) =>
    apiRequest<ContractSummary>('POST', contractPath(agb, 'respond'), { json: { year, ...answer } }),
  decline: (agb: string, year: number, reason: string) => apiRequest<ContractSummary>('POST', contractPath(agb, 'decline'), { json: { year, reason } }),
  document: fetchDocument,
  sign: (agb: string, year: number, documentSha256: string) => apiRequest<SignResult>('POST', contractPath(agb, 'sign'), { json: { year, document_sha256: documentSha256 } }),
  notifications: (options: { unreadOnly?: boolean; limit?: number }, signal?: AbortSignal) => {
    const search = new URLSearchParams();
    if (options.unreadOnly) search.set('unread', 'true');
    if (options.limit) search.set('limit', String(options.limit));
    const text = search.toString();
    return apiRequest<NotificationList>('GET', `/api/notifications${text ? `?${text}` : ''}`, { signal });
  },
  markRead: (id: number) => apiRequest<AppNotification>('POST', `/api/notifications/${segment(String(id))}/read`),
};
