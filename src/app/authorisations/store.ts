/**
 * Query functions for prior authorisations (migrations/0008_prior_authorisations.sql). Row-level
 * security scopes every read and write to the acting user; callers open the transaction
 * (`withActor`). Notifications go through the notifications table and e-mail outbox of the
 * contracting year, to the recipients `authorisation_notification_recipients` names.
 */
import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import type { AttachmentKind, AuthorisationContent, PlanLine, Requirement } from '../../domain/authorisations/index.js';
import type { Queryable, Tx } from '../../storage/context.js';
import type { PriorAuthorisationEvent, PriorAuthorisationEventsTable, PriorAuthorisationsTable, PriorAuthorisationStatus } from '../../storage/schema.js';
import { insertNotifications, type Recipient } from '../contracting/contract-store.js';

export type AuthorisationRow = Selectable<PriorAuthorisationsTable> & { provider_name: string | null };
export type EventRow = Selectable<PriorAuthorisationEventsTable>;

export interface AttachmentMeta {
  id: number;
  authorisation_id: number;
  kind: AttachmentKind;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface NewAttachment {
  kind: AttachmentKind;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const withProviderName = (q: Queryable) =>
  q.selectFrom('prior_authorisations as a').leftJoin('providers as p', 'p.agb', 'a.agb').selectAll('a').select('p.name as provider_name');

export async function findAuthorisation(q: Queryable, id: number, options: { lock?: boolean } = {}): Promise<AuthorisationRow | undefined> {
  if (options.lock) {
    const locked = await q.selectFrom('prior_authorisations').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return withProviderName(q).where('a.id', '=', id).executeTakeFirst();
}

export async function listAuthorisations(q: Queryable, filter: { agb?: string; status?: PriorAuthorisationStatus }): Promise<AuthorisationRow[]> {
  let query = withProviderName(q);
  if (filter.agb) query = query.where('a.agb', '=', filter.agb);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  return query.orderBy('a.id', 'desc').execute();
}

export async function eventsOf(q: Queryable, ids: readonly number[]): Promise<Map<number, EventRow[]>> {
  const byId = new Map<number, EventRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await q.selectFrom('prior_authorisation_events').selectAll().where('authorisation_id', 'in', ids).orderBy('id').execute();
  for (const row of rows) byId.get(row.authorisation_id)?.push(row);
  return byId;
}

export async function linesOf(q: Queryable, id: number): Promise<PlanLine[]> {
  const rows = await q.selectFrom('prior_authorisation_lines').selectAll().where('authorisation_id', '=', id).orderBy('line_no').execute();
  return rows.map((r) => ({ performance_code: r.performance_code, element_numbers: [...r.element_numbers].map(Number), amount_cents: r.amount_cents, description: r.description }));
}

export async function lineTotals(q: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  if (ids.length === 0) return totals;
  const rows = await q
    .selectFrom('prior_authorisation_lines')
    .select(['authorisation_id', (eb) => eb.fn.sum<number>('amount_cents').as('total')])
    .where('authorisation_id', 'in', ids)
    .groupBy('authorisation_id')
    .execute();
  for (const r of rows) totals.set(r.authorisation_id, Number(r.total));
  return totals;
}

export async function attachmentsOf(q: Queryable, id: number): Promise<AttachmentMeta[]> {
  return q
    .selectFrom('prior_authorisation_attachments')
    .select(['id', 'authorisation_id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'])
    .where('authorisation_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function attachmentContent(q: Queryable, authorisationId: number, attachmentId: number): Promise<(AttachmentMeta & { content: Uint8Array }) | undefined> {
  return q
    .selectFrom('prior_authorisation_attachments')
    .select(['id', 'authorisation_id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at', 'content'])
    .where('authorisation_id', '=', authorisationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertAuthorisation(
  tx: Tx,
  values: { agb: string; policyId: string; content: AuthorisationContent; inDoubt: boolean; requirement: Requirement; by: string; at: Date },
): Promise<number | undefined> {
  const c = values.content;
  const row = await tx
    .insertInto('prior_authorisations')
    .values({
      agb: values.agb,
      policy_id: values.policyId,
      provider_reference: c.provider_reference,
      patient_bsn: c.patient.bsn,
      patient_name: c.patient.name,
      patient_birth_date: c.patient.birth_date,
      treatment_kind: c.treatment_kind,
      treatment_date: c.treatment_date,
      treatment_plan: c.treatment_plan,
      technique_costs_cents: c.technique_costs_cents,
      in_doubt: values.inDoubt,
      requirement: JSON.stringify(values.requirement),
      received_at: values.at,
      submitted_by: values.by,
      updated_at: values.at,
    })
    .onConflict((oc) => oc.columns(['agb', 'provider_reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return undefined;
  if (c.plan_lines.length > 0) {
    await tx
      .insertInto('prior_authorisation_lines')
      .values(
        c.plan_lines.map((l, i) => ({
          authorisation_id: row.id,
          line_no: i + 1,
          agb: values.agb,
          performance_code: l.performance_code,
          element_numbers: l.element_numbers,
          amount_cents: l.amount_cents,
          description: l.description,
        })),
      )
      .execute();
  }
  return row.id;
}

export async function insertAttachment(tx: Tx, values: { authorisationId: number; agb: string; attachment: NewAttachment; by: string; at: Date }): Promise<AttachmentMeta> {
  const a = values.attachment;
  return tx
    .insertInto('prior_authorisation_attachments')
    .values({
      authorisation_id: values.authorisationId,
      agb: values.agb,
      kind: a.kind,
      file_name: a.fileName,
      media_type: a.mediaType,
      size_bytes: a.bytes.length,
      sha256: sha256Hex(a.bytes),
      content: a.bytes,
      uploaded_by: values.by,
      uploaded_at: values.at,
    })
    .returning(['id', 'authorisation_id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'])
    .executeTakeFirstOrThrow();
}

export async function insertEvent(
  tx: Tx,
  values: { authorisationId: number; agb: string; event: PriorAuthorisationEvent; actor: Actor; at: Date; message?: string | null; consultationDate?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  const role = values.actor.role;
  if (role !== 'provider' && role !== 'medical-adviser' && role !== 'controller' && role !== 'system') throw new Error(`role ${role} does not act on authorisations`);
  await tx
    .insertInto('prior_authorisation_events')
    .values({
      authorisation_id: values.authorisationId,
      agb: values.agb,
      event: values.event,
      at: values.at,
      actor_role: role,
      actor_email: values.actor.email,
      message: values.message ?? null,
      consultation_date: values.consultationDate ?? null,
      details: JSON.stringify(values.details ?? {}),
    })
    .execute();
}

export type Audience = 'provider' | 'insurer';

export interface AuthorisationNotice {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/** Tells the other side: the provider's users, or the medical advisers and controllers; never the actor. */
export async function notifyAuthorisation(tx: Tx, actor: Actor, agb: string, audience: Audience, notice: AuthorisationNotice, at: Date): Promise<number> {
  const result = await sql<Recipient>`select user_id, email, role, agb from authorisation_notification_recipients(${agb})`.execute(tx);
  const recipients = result.rows.filter((r) => r.user_id !== actor.userId && (audience === 'provider' ? r.role === 'provider' : r.role === 'medical-adviser' || r.role === 'controller'));
  await insertNotifications(tx, recipients.map((recipient) => ({ recipient, agb, ...notice, at })));
  return recipients.length;
}
