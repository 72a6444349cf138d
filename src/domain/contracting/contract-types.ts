/**
 * The vocabulary of the contracting state machine: its states, events, actors, context, errors and
 * the shape of a transition rule. The rules themselves are in `state-machine.ts`.
 */
import type { ContractDeadlines, ContractPath, Deadline, LocalDate } from './deadlines.js';

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
export type ContractStatus = (typeof CONTRACT_STATES)[number];
export const FINAL_STATES: readonly ContractStatus[] = ['published', 'no-agreement'];
/** States in which the contract is still to be signed. */
export const UNSIGNED_STATES: readonly ContractStatus[] = ['invited', 'concept-out', 'proposal-sent', 'provider-responded', 'negotiating', 'onderhandelakkoord'];

export type ConceptStatus = 'not-published' | 'open' | 'feedback-given' | 'consent-by-silence';
export type ProviderResponse = 'accepted' | 'countered';
export type Who = 'purchaser' | 'provider' | 'job';

export interface ContractState {
  path: ContractPath;
  status: ContractStatus;
  concept: ConceptStatus;
  response: ProviderResponse | null;
  /** The regular response deadline passed without a response. */
  responseOverdue: boolean;
}

export type ContractEvent =
  | { type: 'publish-concept' }
  | { type: 'give-concept-feedback'; feedback: string }
  | { type: 'concept-deadline' }
  | { type: 'send-proposal' }
  | { type: 'respond'; response: 'accepted' }
  | { type: 'respond'; response: 'countered'; reasons: string }
  | { type: 'response-deadline' }
  | { type: 'start-negotiation' }
  | { type: 'record-onderhandelakkoord' }
  | { type: 'negotiation-deadline' }
  | { type: 'sign' }
  | { type: 'fix-price-list' }
  | { type: 'publish' }
  | { type: 'decline'; reason: string }
  | { type: 'signing-deadline' };
export type ContractEventType = ContractEvent['type'];

export const CONTRACT_EVENT_TYPES = [
  'publish-concept',
  'give-concept-feedback',
  'concept-deadline',
  'send-proposal',
  'respond',
  'response-deadline',
  'start-negotiation',
  'record-onderhandelakkoord',
  'negotiation-deadline',
  'sign',
  'fix-price-list',
  'publish',
  'decline',
  'signing-deadline',
] as const satisfies readonly ContractEventType[];

export interface TransitionContext {
  now: Date;
  deadlines: ContractDeadlines;
  by: Who;
  /** The acting provider user may sign for its provider (users.is_signatory). */
  signatory?: boolean;
}

export type TransitionErrorCode = 'deadline_passed' | 'conflict' | 'forbidden';
export interface TransitionError {
  code: TransitionErrorCode;
  /** Dutch, user-facing. */
  message: string;
  deadline?: Deadline;
}

export interface GuardInput {
  state: ContractState;
  event: ContractEvent;
  context: TransitionContext;
  today: LocalDate;
}

export interface Guard {
  /** Dutch, for the table and the documentation. */
  description: string;
  check(input: GuardInput): TransitionError | null;
}

export type Audience = 'provider' | 'purchasers';

export interface TransitionRule {
  from: readonly ContractStatus[];
  event: ContractEventType;
  to: ContractStatus | 'unchanged';
  who: readonly Who[];
  guard: Guard;
  source: string;
  /** Who is told (a notification and an e-mail) when the transition happens. */
  notify: readonly Audience[];
}
