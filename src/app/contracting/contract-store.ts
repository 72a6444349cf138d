/**
 * Query functions for the contracting year (migrations/0006_contracting.sql): processes, their
 * event history, signatures, notifications and the e-mail outbox. Row-level security scopes every
 * read and write to the acting user; the callers open the transaction (`withActor`).
 */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { ContractState } from '../../domain/contracting/index.js';
import type { Queryable } from '../../storage/context.js';
import type { ContractEventsTable, ContractProcessesTable, NotificationsTable, SignaturesTable, UserRole } from '../../storage/schema.js';

export type ProcessRow = Selectable<ContractProcessesTable>;
export type ProcessPatch = Updateable<ContractProcessesTable>;
export type EventRow = Selectable<ContractEventsTable>;
export type SignatureRow = Selectable<SignaturesTable>;
export type NotificationRow = Selectable<NotificationsTable>;

/** The state machine's view of a stored process. */
export function stateOf(row: ProcessRow): ContractState {
  return {
    path: row.path,
    status: row.state,
    concept: row.concept_published_at === null ? 'not-published' : row.consent_by_silence ? 'consent-by-silence' : row.concept_feedback !== null ? 'feedback-given' : 'open',
    response: row.response,
    responseOverdue: row.response_overdue,
  };
}

export async function findProcess(q: Queryable, agb: string, year: number, options: { lock?: boolean } = {}): Promise<ProcessRow | undefined> {
  const query = q.selectFrom('contract_processes').selectAll().where('agb', '=', agb).where('year', '=', year);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertProcess(q: Queryable, values: { agb: string; year: number; policy_id: string; path: 'regular' | 'digital'; agreement_type_id: string; now: Date }): Promise<void> {
  const { now, ...rest } = values;
  await q.insertInto('contract_processes').values({ ...rest, state: 'invited', created_at: now, updated_at: now }).execute();
}

export async function updateProcess(q: Queryable, agb: string, year: number, patch: ProcessPatch): Promise<void> {
  await q.updateTable('contract_processes').set(patch).where('agb', '=', agb).where('year', '=', year).execute();
}

export interface NewContractEvent {
  agb: string;
  year: number;
  event: string;
  from: string | null;
  to: string;
  actorRole: 'purchaser' | 'provider' | 'job';
  actorUserId: number | null;
  actorEmail: string | null;
  at: Date;
  details?: Record<string, unknown>;
}

export async function insertContractEvent(q: Queryable, e: NewContractEvent): Promise<void> {
  await q
    .insertInto('contract_events')
    .values({
      agb: e.agb,
      year: e.year,
      event: e.event,
      from_state: e.from,
      to_state: e.to,
      actor_role: e.actorRole,
      actor_user_id: e.actorUserId,
      actor_email: e.actorEmail,
      at: e.at,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export async function contractEvents(q: Queryable, agb: string, year: number): Promise<EventRow[]> {
  return q.selectFrom('contract_events').selectAll().where('agb', '=', agb).where('year', '=', year).orderBy('id').execute();
}

export async function insertSignature(q: Queryable, s: { agb: string; year: number; sha256: string; userId: number; email: string; at: Date }): Promise<void> {
  await q
    .insertInto('signatures')
    .values({ agb: s.agb, year: s.year, document_kind: 'proposal-letter', document_sha256: s.sha256, signed_by: s.userId, signed_at: s.at, signer_email: s.email })
    .execute();
}

export async function contractSignatures(q: Queryable, agb: string, year: number): Promise<SignatureRow[]> {
  return q.selectFrom('signatures').selectAll().where('agb', '=', agb).where('year', '=', year).orderBy('id').execute();
}

export async function providerName(q: Queryable, agb: string): Promise<string | undefined> {
  const row = await q.selectFrom('providers').select('name').where('agb', '=', agb).executeTakeFirst();
  return row?.name;
}

export interface Recipient {
  user_id: number;
  email: string;
  role: UserRole;
  agb: string | null;
}

/** The provider's users and the purchasers, through the SECURITY DEFINER function of migration 0006. */
export async function notificationRecipients(q: Queryable, agb: string): Promise<Recipient[]> {
  const result = await sql<Recipient>`select user_id, email, role, agb from contract_notification_recipients(${agb})`.execute(q);
  return result.rows;
}

export interface NewNotification {
  recipient: Recipient;
  agb: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  at: Date;
}

/** One notification and one outbox e-mail per recipient (no RETURNING: the rows belong to others). */
export async function insertNotifications(q: Queryable, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await q
    .insertInto('notifications')
    .values(notifications.map((n) => ({ user_id: n.recipient.user_id, agb: n.agb, role: n.recipient.role, kind: n.kind, title: n.title, body: n.body, link: n.link, created_at: n.at })))
    .execute();
  await q
    .insertInto('outbox')
    .values(notifications.map((n) => ({ to_email: n.recipient.email, subject: n.title, body: `${n.body}\n\nZie ${n.link}`, agb: n.agb, created_at: n.at })))
    .execute();
}

export async function ownNotifications(q: Queryable, userId: number, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  let query = q.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}

export async function markRead(q: Queryable, userId: number, id: number, at: Date): Promise<NotificationRow | undefined> {
  await q.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  return q.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export type PipelineRow = ProcessRow & { name: string };

export async function processesOfYear(q: Queryable, year: number): Promise<PipelineRow[]> {
  return q
    .selectFrom('contract_processes as c')
    .innerJoin('providers as p', 'p.agb', 'c.agb')
    .selectAll('c')
    .select('p.name')
    .where('c.year', '=', year)
    .orderBy('c.agb')
    .execute();
}

/** One page of processes that are not final, after the cursor `(year, agb)`. */
export async function openProcessesAfter(q: Queryable, cursor: { year: number; agb: string } | null, limit: number): Promise<ProcessRow[]> {
  let query = q.selectFrom('contract_processes').selectAll().where('state', 'not in', ['published', 'no-agreement']);
  if (cursor) query = query.where((eb) => eb.or([eb('year', '>', cursor.year), eb.and([eb('year', '=', cursor.year), eb('agb', '>', cursor.agb)])]));
  return query.orderBy('year').orderBy('agb').limit(limit).execute();
}
