/**
 * Use cases: reading claim-check findings. Staff see every finding; a provider user sees the
 * findings of its own provider once they were sent for its response (row-level security enforces
 * the same). Listing findings shows no patient data: no BSN, no diagnosis.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { RULE_IDS, type RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { Reason } from '../../domain/explain.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { Selectable } from 'kysely';
import type { ClaimFindingsTable, FindingStatus } from '../../storage/schema.js';

export interface FindingView {
  id: number;
  claim_id: string;
  agb: string;
  rule: RuleId;
  source: string;
  amount_at_stake_cents: number;
  action: 'reject' | 'reclaim' | 'review';
  related_claim_ids: string[];
  status: FindingStatus;
  response_due: string | null;
  provider_response: string | null;
  reason: Reason;
}

/** One finding with its history fields, for the drill-down. */
export interface FindingDetailView extends FindingView {
  created_at: string;
  responded_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  risk_analysis_id: number | null;
}

export interface FindingFilter {
  rule?: string;
  agb?: string;
  status?: FindingStatus;
  limit?: number;
  offset?: number;
}

export function parseRule(rule: string | undefined): Result<RuleId | undefined> {
  if (rule === undefined) return ok(undefined);
  return (RULE_IDS as readonly string[]).includes(rule)
    ? ok(rule as RuleId)
    : fail('invalid_input', `Onbekende regel '${rule}'. Bekend: ${RULE_IDS.join(', ')}.`, [{ field: 'rule', message: 'Onbekende regel.' }]);
}

export async function listFindings(deps: { db: Database; actor: Actor }, filter: FindingFilter): Promise<Result<FindingView[]>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const rule = parseRule(filter.rule);
  if (!rule.ok) return rule;
  const agb = deps.actor.role === 'provider' ? deps.actor.agb : filter.agb;
  const rows = await withActor(deps.db, deps.actor, (tx) => {
    let query = tx.selectFrom('claim_findings').selectAll();
    if (rule.value) query = query.where('rule', '=', rule.value);
    if (agb) query = query.where('agb', '=', agb);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
    return query.orderBy('claim_id').orderBy('rule').execute();
  });
  return ok(rows.map(toFindingView));
}

type FindingRow = Selectable<ClaimFindingsTable>;

function toFindingView(r: FindingRow): FindingView {
  return {
      id: r.id,
      claim_id: r.claim_id,
      agb: r.agb,
      rule: r.rule as RuleId,
      source: r.source,
      amount_at_stake_cents: r.amount_at_stake_cents,
      action: r.action,
      related_claim_ids: r.related_claim_ids,
      status: r.status,
      response_due: r.response_due === null ? null : String(r.response_due),
      provider_response: r.provider_response,
      reason: r.reason as Reason,
  };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * One finding by id. Row-level security hides what the actor may not see (a provider sees only its
 * own findings once sent), so a hidden finding is simply not found.
 */
export async function getFinding(deps: { db: Database; actor: Actor }, id: number): Promise<Result<FindingDetailView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  // Row-level security hides another provider's finding: for a provider user "not found" may be a
  // refused look at someone else's claim data, so every attempt is in the audit log.
  const row = await withActor(deps.db, deps.actor, async (tx) => {
    const found = await tx.selectFrom('claim_findings').selectAll().where('id', '=', id).executeTakeFirst();
    await audit(tx, deps.actor, {
      event: 'claims.finding.read',
      action: 'R',
      outcome: found ? 'success' : deps.actor.role === 'provider' ? 'denied' : 'failure',
      purpose: 'controle',
      objectType: 'claim-finding',
      objectId: String(id),
      agb: found?.agb ?? deps.actor.agb,
    });
    return found;
  });
  if (!row) return fail('not_found', `Bevinding ${id} niet gevonden.`);
  return ok({
    ...toFindingView(row),
    created_at: iso(row.created_at)!,
    responded_at: iso(row.responded_at),
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decision_note: row.decision_note,
    risk_analysis_id: row.risk_analysis_id,
  });
}

export const FINDINGS_CSV_COLUMNS = ['claim_id', 'rule', 'agb', 'amount_at_stake_cents', 'action', 'status', 'source', 'related_claim_ids'] as const;

/** CSV with the claim id first, one line per flagged claim and rule; the header line only when asked. */
export function findingsCsv(findings: FindingView[], options: { header?: boolean } = {}): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = findings.map((f) => [f.claim_id, f.rule, f.agb, String(f.amount_at_stake_cents), f.action, f.status, f.source, f.related_claim_ids.join(' ')].map(quote).join(','));
  const all = options.header ? [FINDINGS_CSV_COLUMNS.join(','), ...lines] : lines;
  return all.length === 0 ? '' : all.join('\n') + '\n';
}
