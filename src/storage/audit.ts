/**
 * The append-only audit log (NEN 7513 spirit): who did what to which object, when, why, with what
 * outcome. Records are hash-chained by a database trigger; `verifyAuditChain` recomputes the chain
 * and reports any changed, inserted or removed record.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/auth/actor.js';
import type { Database } from './database.js';
import type { Queryable } from './context.js';

export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

export interface AuditEntry {
  event: string;
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failure';
  purpose: string;
  objectType?: string;
  objectId?: string;
  agb?: string | null;
  responsibleUser?: string | null;
  /** Never a BSN, diagnosis or password. */
  details?: Record<string, unknown>;
}

/** Actors (one object per request) for whom a refusal was recorded: the HTTP door records the rest. */
const refusalRecorded = new WeakSet<Actor>();

/** Whether a `denied` record was written for this actor object (in this request). */
export const hasRecordedRefusal = (actor: Actor): boolean => refusalRecorded.has(actor);

export async function audit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  if (entry.outcome === 'denied') refusalRecorded.add(actor);
  await q
    .insertInto('audit_log')
    .values({
      event: entry.event,
      action: entry.action,
      outcome: entry.outcome ?? 'success',
      user_id: actor.userId,
      user_email: actor.email,
      role: actor.role,
      responsible_user: entry.responsibleUser ?? actor.email,
      purpose: entry.purpose,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      agb: entry.agb ?? actor.agb,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditVerification {
  records: number;
  valid: boolean;
  problems: { seq: number; problem: 'hash-mismatch' | 'broken-link' | 'gap' }[];
}

/** Runs as the owner connection (CLI, jobs): reads the whole chain in order. */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  const rows = await sql<{ seq: number; problem: 'hash-mismatch' | 'broken-link' | 'gap' | null }>`
    select seq,
      case
        when hash <> audit_record_hash(a) then 'hash-mismatch'
        when prev_hash <> coalesce(lag(hash) over (order by seq), repeat('0', 64)) then 'broken-link'
        when seq <> coalesce(lag(seq) over (order by seq), 0) + 1 then 'gap'
      end as problem
    from audit_log a
    order by seq`.execute(db.kysely);
  const problems = rows.rows.filter((r) => r.problem !== null).map((r) => ({ seq: r.seq, problem: r.problem! }));
  return { records: rows.rows.length, valid: problems.length === 0, problems };
}
