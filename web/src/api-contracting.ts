/**
 * Typed calls for the contracting year (MSZ §5, §7): the published calendar, one provider's contract
 * with the steps the user may take now, the transitions, the document to sign (its bytes and
 * SHA-256), signing, the purchasers' pipeline, and the user's notifications.
 */
import { ApiError, apiRequest, toApiError } from './api';
import type { ElementOf, QueryOf, ResponseOf } from './api-types';

export type ContractView = ResponseOf<'/api/providers/{agb}/contract', 'get'>;
export type ContractState = ContractView['state'];
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
] as const satisfies readonly ContractState[];

export type ContractEventType = ElementOf<ContractView['available_actions']>;
export type ContractPath = ContractView['path'];
export type ContractDeadline = ElementOf<ContractView['deadlines']>;
export type DayStatus = ContractDeadline['status'];
export type ContractSignature = ElementOf<ContractView['signatures']>;
export type ContractHistoryItem = ElementOf<ContractView['history']>;

export type ContractSummary = ResponseOf<'/api/providers/{agb}/contract/start', 'post'>;
export type SignResult = ResponseOf<'/api/providers/{agb}/contract/sign', 'post'>;

/** The purchaser's steps without input of their own, by route name. */
export type SimpleAction = 'start' | 'publish-concept' | 'send-proposal' | 'start-negotiation' | 'onderhandelakkoord' | 'fix-price-list' | 'publish';

export type Pipeline = ResponseOf<'/api/contracting/pipeline', 'get'>;

export type CalendarView = ResponseOf<'/api/calendar', 'get'>;
export type CalendarPathFilter = NonNullable<QueryOf<'/api/calendar', 'get'>['path']>;
export type CalendarEvent = ElementOf<CalendarView['events']>;

export type NotificationList = ResponseOf<'/api/notifications', 'get'>;
export type AppNotification = ElementOf<NotificationList['notifications']>;

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
