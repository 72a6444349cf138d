/**
 * The one way a contracting process changes: authorise, lock the process row, ask the state machine,
 * then in the same transaction write the new state, the history row, the audit record and the
 * notifications (+ outbox e-mails) for the users the transition concerns. A refusal is audited too.
 * Every use case in this folder, the HTTP routes, the CLI and the deadline sweep go through here.
 */
import type { Actor } from '../../domain/auth/actor.js';
import {
  contractDeadlines,
  contractNotice,
  localDateIn,
  transition,
  type ContractDeadlines,
  type ContractEvent,
  type ContractState,
  type ContractStatus,
  type Notice,
  type TransitionRule,
  type Who,
} from '../../domain/contracting/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import {
  findProcess,
  insertContractEvent,
  insertNotifications,
  notificationRecipients,
  providerName,
  stateOf,
  updateProcess,
  type ProcessPatch,
  type ProcessRow,
} from './contract-store.js';

export interface ContractingDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
  /** The application clock at the time of the request (injectable in tests). */
  now: Date;
}

export interface ContractSummary {
  agb: string;
  year: number;
  path: 'regular' | 'digital';
  state: ContractStatus;
  concept: ContractState['concept'];
  response: ContractState['response'];
  response_overdue: boolean;
  event: string;
  from: ContractStatus | null;
}

export function whoOf(actor: Actor): Who | null {
  switch (actor.role) {
    case 'purchaser':
      return 'purchaser';
    case 'provider':
      return 'provider';
    case 'system':
      return 'job';
    default:
      return null;
  }
}

/** The MSZ policy a stored process was started under. */
export function processPolicy(policies: PolicyCatalogue, row: Pick<ProcessRow, 'policy_id'>): Result<MszPolicy> {
  const policy = policies.get(row.policy_id);
  if (!policy.ok) return policy;
  return policy.value.kind === 'msz' ? ok(policy.value) : fail('not_found', `Beleid ${row.policy_id} is geen inkoopbeleid medisch-specialistische zorg.`);
}

/** The MSZ policy whose calendar governs contracting for `year` (its policy year is that year). */
export function contractingPolicyForYear(policies: PolicyCatalogue, year: number): Result<MszPolicy> {
  const policy = policies.all().find((p): p is MszPolicy => p.kind === 'msz' && p.policy_year === year);
  return policy ? ok(policy) : fail('not_found', `Er is geen inkoopkalender voor contractjaar ${year}.`, [{ field: 'year', message: `Geen MSZ-beleid voor ${year}.` }]);
}

export function deadlinesOf(policies: PolicyCatalogue, row: Pick<ProcessRow, 'policy_id' | 'path'>): Result<ContractDeadlines> {
  const policy = processPolicy(policies, row);
  return policy.ok ? contractDeadlines(policy.value, row.path) : policy;
}

/** Checks the actor may act on the provider: system (jobs, CLI) always; others via the audited access check. */
export async function contractAccess(deps: { db: Database; actor: Actor }, agbInput: string, event: string): Promise<Result<string>> {
  if (deps.actor.role === 'system') return parseAgb(agbInput, 'agb');
  return providerAccess(deps, agbInput, event, 'agb');
}

export const notFoundProcess = (agb: string, year: number) =>
  fail('not_found', `Er is geen contracteringsproces ${year} voor zorgaanbieder ${agb}; de zorginkoper start het jaar.`, [{ field: 'year', message: 'Niet gestart.' }]);

/** The column values an event sets besides the state (the when of each step). */
function patchFor(event: ContractEvent, before: ContractState, next: ContractState, now: Date, extra: ProcessPatch): ProcessPatch {
  const base: ProcessPatch = { state: next.status, response: next.response, response_overdue: next.responseOverdue, updated_at: now, ...extra };
  switch (event.type) {
    case 'publish-concept':
      return { ...base, concept_published_at: now };
    case 'give-concept-feedback':
      return { ...base, concept_feedback: event.feedback, concept_feedback_at: now };
    case 'concept-deadline':
      return { ...base, consent_by_silence: true };
    case 'send-proposal':
      return { ...base, proposal_sent_at: now };
    case 'respond':
      return { ...base, responded_at: now, response_reasons: event.response === 'countered' ? event.reasons : null };
    case 'record-onderhandelakkoord':
      return { ...base, onderhandelakkoord_at: now };
    case 'sign':
      // Signing an offered digital agreement accepts it: the response is recorded at the same moment.
      return { ...base, signed_at: now, ...(before.response === null ? { responded_at: now } : {}) };
    case 'fix-price-list':
      return { ...base, price_list_fixed_at: now };
    case 'publish':
      return { ...base, published_at: now };
    case 'decline':
      return { ...base, no_agreement_reason: event.reason };
    case 'negotiation-deadline':
      return { ...base, no_agreement_reason: 'Geen onderhandelakkoord voor de termijn (MSZ §5).' };
    case 'signing-deadline':
      return { ...base, no_agreement_reason: 'Niet getekend voor de termijn (MSZ §5, §7).' };
    default:
      return base;
  }
}

/** What the history keeps of the event's payload (no free text of the concept feedback: it is on the process). */
function detailsOf(event: ContractEvent): Record<string, unknown> {
  switch (event.type) {
    case 'respond':
      return event.response === 'countered' ? { response: 'countered', reasons: event.reasons } : { response: 'accepted' };
    case 'decline':
      return { reason: event.reason };
    default:
      return {};
  }
}

/** Writes a notification and an outbox e-mail for each user `audiences` name, except the actor. */
export async function notify(tx: Tx, actor: Actor, agb: string, audiences: readonly ('provider' | 'purchasers')[], notice: Notice, at: Date): Promise<number> {
  const recipients = (await notificationRecipients(tx, agb)).filter(
    (r) => r.user_id !== actor.userId && ((audiences.includes('provider') && r.role === 'provider') || (audiences.includes('purchasers') && r.role === 'purchaser')),
  );
  await insertNotifications(tx, recipients.map((recipient) => ({ recipient, agb, ...notice, at })));
  return recipients.length;
}

export interface TransitionOptions {
  /** More columns to set with the transition (e.g. the proposal's document hash). */
  patch?: ProcessPatch;
  /** More to record in the history row. */
  details?: Record<string, unknown>;
  /** Work in the same transaction once the transition is allowed (e.g. the signature row). */
  also?: (tx: Tx, context: { agb: string; year: number; row: ProcessRow; next: ContractState }) => Promise<void>;
}

export async function runTransition(deps: ContractingDeps, agbInput: string, yearInput: unknown, event: ContractEvent, options: TransitionOptions = {}): Promise<Result<ContractSummary>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await contractAccess(deps, agbInput, `contract.${event.type}`);
  if (!agb.ok) return agb;
  const objectId = `${agb.value}/${year.value}`;
  const by = whoOf(deps.actor);

  return withActor(deps.db, deps.actor, async (tx) => {
    const refuse = async (code: 'forbidden' | 'conflict' | 'deadline_passed', message: string, issues?: { field: string; message: string }[]) => {
      await audit(tx, deps.actor, { event: `contract.${event.type}`, action: 'U', outcome: 'denied', purpose: 'zorginkoop', objectType: 'contract', objectId, agb: agb.value, details: { code, message } });
      return fail(code, message, issues);
    };
    if (by === null) return refuse('forbidden', 'Uw rol kan het contracteringsproces niet wijzigen.');
    const row = await findProcess(tx, agb.value, year.value, { lock: true });
    if (!row) return notFoundProcess(agb.value, year.value);
    const deadlines = deadlinesOf(deps.policies, row);
    if (!deadlines.ok) return deadlines;

    const before = stateOf(row);
    const result = transition(before, event, { now: deps.now, deadlines: deadlines.value, by, signatory: deps.actor.isSignatory === true });
    if (!result.ok) {
      const d = result.error.deadline;
      return refuse(result.error.code, result.error.message, d ? [{ field: 'deadline', message: `${d.title}: ${d.date} (${d.event})` }] : undefined);
    }
    const { state: next, rule } = result.value;

    await updateProcess(tx, agb.value, year.value, patchFor(event, before, next, deps.now, options.patch ?? {}));
    await options.also?.(tx, { agb: agb.value, year: year.value, row, next });
    await insertContractEvent(tx, {
      agb: agb.value,
      year: year.value,
      event: event.type,
      from: before.status,
      to: next.status,
      actorRole: by,
      actorUserId: by === 'job' ? null : deps.actor.userId,
      actorEmail: deps.actor.email,
      at: deps.now,
      details: { ...detailsOf(event), ...(options.details ?? {}), today: localDateIn(deps.now, deadlines.value.timeZone) },
    });
    await audit(tx, deps.actor, {
      event: `contract.${event.type}`,
      action: 'U',
      purpose: 'zorginkoop',
      objectType: 'contract',
      objectId,
      agb: agb.value,
      details: { from: before.status, to: next.status, ...(options.details ?? {}) },
    });
    await notifyRule(tx, deps, rule, event, { agb: agb.value, year: year.value, deadlines: deadlines.value });
    return ok(summary(agb.value, year.value, next, event.type, before.status));
  });
}

async function notifyRule(tx: Tx, deps: ContractingDeps, rule: TransitionRule, event: ContractEvent, subject: { agb: string; year: number; deadlines: ContractDeadlines }): Promise<void> {
  const name = (await providerName(tx, subject.agb)) ?? subject.agb;
  await notify(tx, deps.actor, subject.agb, rule.notify, contractNotice(event, { ...subject, providerName: name }), deps.now);
}

export function summary(agb: string, year: number, state: ContractState, event: string, from: ContractStatus | null): ContractSummary {
  return { agb, year, path: state.path, state: state.status, concept: state.concept, response: state.response, response_overdue: state.responseOverdue, event, from };
}
