/**
 * Query functions for ceiling early warnings (migrations/0009): row-level security shows a provider
 * user only its own warnings; callers open the transaction (`withActor`).
 */
import type { Selectable } from 'kysely';
import type { Queryable } from '../../storage/context.js';
import type { CeilingWarningsTable, CeilingWarningStatus } from '../../storage/schema.js';

export type WarningRow = Selectable<CeilingWarningsTable> & { name: string; region: string | null };

export interface NewWarning {
  agb: string;
  year: number;
  policyId: string;
  ceilingCents: number;
  expectedRevenueCents: number;
  specialisms: string[];
  explanation: string;
  reportedBy: number | null;
  reportedByEmail: string;
  reportedAt: Date;
}

export async function insertWarning(q: Queryable, w: NewWarning): Promise<number> {
  const row = await q
    .insertInto('ceiling_warnings')
    .values({
      agb: w.agb,
      year: w.year,
      policy_id: w.policyId,
      ceiling_cents: w.ceilingCents,
      expected_revenue_cents: w.expectedRevenueCents,
      specialisms: w.specialisms,
      explanation: w.explanation,
      reported_by: w.reportedBy,
      reported_by_email: w.reportedByEmail,
      reported_at: w.reportedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function withProvider(q: Queryable) {
  return q.selectFrom('ceiling_warnings as w').innerJoin('providers as p', 'p.agb', 'w.agb').selectAll('w').select(['p.name', 'p.region']);
}

export async function findWarning(q: Queryable, id: number): Promise<WarningRow | undefined> {
  return withProvider(q).where('w.id', '=', id).executeTakeFirst();
}

export async function warningsOf(q: Queryable, filter: { year: number; agb?: string; status?: CeilingWarningStatus }): Promise<WarningRow[]> {
  let query = withProvider(q).where('w.year', '=', filter.year);
  if (filter.agb) query = query.where('w.agb', '=', filter.agb);
  if (filter.status) query = query.where('w.status', '=', filter.status);
  return query.orderBy('w.reported_at', 'desc').orderBy('w.id', 'desc').execute();
}

export async function lockWarning(q: Queryable, id: number): Promise<Selectable<CeilingWarningsTable> | undefined> {
  return q.selectFrom('ceiling_warnings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function recordHandling(
  q: Queryable,
  id: number,
  change: { status: 'acknowledged' | 'closed'; by: string; at: Date; note: string },
): Promise<void> {
  const set =
    change.status === 'acknowledged'
      ? { status: change.status, acknowledged_by: change.by, acknowledged_at: change.at, acknowledgement_note: change.note }
      : { status: change.status, closed_by: change.by, closed_at: change.at, closing_note: change.note };
  await q.updateTable('ceiling_warnings').set(set).where('id', '=', id).execute();
}
