/**
 * Use cases: the hearing of claim-check findings (hoor en wederhoor; MSZ §6, Regeling
 * zorgverzekering art. 7.5-7.10). The rules themselves are pure (`domain/claims/hearing.ts`):
 *
 * - `sendFindings` (controller): a provider's open findings go to the provider (open → sent) with a
 *   response term of `hearing_response_working_days` working days after today.
 * - `respondToFinding` (the provider user of that AGB): sent → responded, until the term ends.
 * - `decideFinding` (controller or medical adviser): uphold or withdraw; a reclaim is upheld only
 *   after the response or the term (`reclaim_requires_hearing`).
 *
 * The policy in force on the day of the step (newest MSZ policy not later than that year) gives the
 * term and the rules' `on_confirmed`. "Today" is the calendar date in Europe/Amsterdam. Every
 * transition is in the audit log with its status before and after; no response text or note is.
 */
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { checkDecision, checkResponse, responseDue, upheldOutcome, type FindingDecision, type UpheldOutcome } from '../../domain/claims/hearing.js';
import type { FindingAction, RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { parameterValue } from '../../domain/policy/index.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { FindingStatus } from '../../storage/schema.js';
import { auditHiddenObject, providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { documentDate } from '../purchasing/documents.js';
import { addOnPolicyForYear, mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { parseRule } from './findings.js';

export interface HearingDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

export const RESPONSE_MAX_LENGTH = 5000;
export const NOTE_MAX_LENGTH = 2000;
const PURPOSE = 'controle';

export interface HearingSettings {
  policyId: string;
  responseWorkingDays: number;
  reclaimRequiresHearing: boolean;
  /** `on_confirmed` per rule id, from the MSZ and add-on policies. */
  onConfirmed: ReadonlyMap<string, 'reject' | 'reclaim'>;
}

/** The calendar date in the Netherlands. */
export const today = (now: Date): string => documentDate(now);

/** The hearing parameters of the policy in force on `now`. */
export function hearingSettings(policies: PolicyCatalogue, now: Date): Result<HearingSettings> {
  const year = Number(today(now).slice(0, 4));
  const msz = mszPolicyForYear(policies, year);
  if (!msz.ok) return msz;
  const days = parameterValue(msz.value, 'hearing_response_working_days', 'integer');
  if (!days.ok) return days;
  const hearing = parameterValue(msz.value, 'reclaim_requires_hearing', 'boolean');
  if (!hearing.ok) return hearing;
  const addOn = addOnPolicyForYear(policies, year);
  const onConfirmed = new Map<string, 'reject' | 'reclaim'>();
  for (const rule of [...(addOn.ok ? addOn.value.claims_control.rules : []), ...msz.value.claims_control.rules]) {
    if (rule.on_confirmed) onConfirmed.set(rule.id, rule.on_confirmed);
  }
  return ok({ policyId: msz.value.id, responseWorkingDays: days.value, reclaimRequiresHearing: hearing.value, onConfirmed });
}

/** A finding's hearing and decision, without patient data. */
export interface FindingHearingView {
  id: number;
  claim_id: string;
  agb: string;
  rule: RuleId;
  source: string;
  action: FindingAction;
  /** What upholding it means: reject, reclaim, or nothing financial (null). */
  upheld_outcome: UpheldOutcome;
  amount_at_stake_cents: number;
  status: FindingStatus;
  response_due: string | null;
  provider_response: string | null;
  responded_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  risk_analysis_id: number | null;
}

export interface FindingRow {
  id: number;
  claim_id: string;
  agb: string;
  rule: string;
  source: string;
  action: FindingAction;
  amount_at_stake_cents: number;
  status: FindingStatus;
  response_due: string | null;
  provider_response: string | null;
  responded_at: Date | string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  risk_analysis_id: number | null;
  related_claim_ids: string[];
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function hearingView(row: FindingRow, settings: Pick<HearingSettings, 'onConfirmed'>): FindingHearingView {
  return {
    id: row.id,
    claim_id: row.claim_id,
    agb: row.agb,
    rule: row.rule as RuleId,
    source: row.source,
    action: row.action,
    upheld_outcome: upheldOutcome(row.action, settings.onConfirmed.get(row.rule)),
    amount_at_stake_cents: row.amount_at_stake_cents,
    status: row.status,
    response_due: row.response_due,
    provider_response: row.provider_response,
    responded_at: iso(row.responded_at),
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decision_note: row.decision_note,
    risk_analysis_id: row.risk_analysis_id,
  };
}

/** One finding as the actor may see it (row-level security decides), locked for the transition. */
export async function findingRow(tx: Tx, id: number, options: { lock?: boolean } = {}): Promise<FindingRow | undefined> {
  const result = await sql<FindingRow>`
    select id, claim_id, agb, rule, source, action, amount_at_stake_cents, status, response_due::text as response_due, provider_response,
           responded_at, decided_by, decided_at, decision_note, risk_analysis_id, related_claim_ids
    from claim_findings where id = ${id} ${options.lock ? sql`for update` : sql``}`.execute(tx);
  return result.rows[0];
}

export function parseFindingId(value: unknown, field = 'finding'): Result<number> {
  const id = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isSafeInteger(id) && id > 0 ? ok(id) : fail('invalid_input', `Ongeldig bevindingnummer '${String(value)}'.`, [{ field, message: 'Een positief geheel getal.' }]);
}

function text(value: unknown, field: string, label: string, min: number, max: number): Result<string> {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length < min || trimmed.length > max) {
    return fail('invalid_input', `${label} moet ${min}–${max} tekens lang zijn.`, [{ field, message: trimmed.length < min ? 'Te kort of leeg.' : 'Te lang.' }]);
  }
  return ok(trimmed);
}

const who = (actor: Actor): string => actor.email ?? actor.role;

// ---- send ------------------------------------------------------------------------------------

export interface SendFindingsInput {
  agb: string;
  rule?: string;
  findingIds?: number[];
}

export interface SendFindingsReport {
  agb: string;
  sent: number;
  finding_ids: number[];
  /** The last day the provider may respond; null when nothing was sent. */
  response_due: string | null;
  response_working_days: number;
}

export async function sendFindings(deps: HearingDeps, input: SendFindingsInput, now: Date): Promise<Result<SendFindingsReport>> {
  if (deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen controllers leggen bevindingen aan zorgaanbieders voor.');
  const agb = parseAgb(input.agb, 'agb');
  if (!agb.ok) return agb;
  const rule = parseRule(input.rule);
  if (!rule.ok) return rule;
  const ids = [...new Set(input.findingIds ?? [])];
  for (const id of ids) {
    const parsed = parseFindingId(id, 'finding_ids');
    if (!parsed.ok) return parsed;
  }
  const settings = hearingSettings(deps.policies, now);
  if (!settings.ok) return settings;
  const due = responseDue(today(now), settings.value.responseWorkingDays);

  return withActor(deps.db, deps.actor, async (tx) => {
    let query = tx.selectFrom('claim_findings').select(['id', 'status', 'rule']).where('agb', '=', agb.value).forUpdate();
    if (rule.value) query = query.where('rule', '=', rule.value);
    if (ids.length > 0) query = query.where('id', 'in', ids);
    else query = query.where('status', '=', 'open');
    const rows = await query.orderBy('id').execute();
    if (ids.length > 0) {
      const found = new Map(rows.map((r) => [r.id, r]));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        return fail('not_found', `Bevinding(en) ${missing.join(', ')} van zorgaanbieder ${agb.value}${rule.value ? ` onder regel ${rule.value}` : ''} niet gevonden.`, missing.map((id) => ({ field: 'finding_ids', message: `Bevinding ${id} niet gevonden.` })));
      }
      const notOpen = rows.filter((r) => r.status !== 'open');
      if (notOpen.length > 0) {
        return fail('conflict', `Alleen open bevindingen worden verstuurd; ${notOpen.map((r) => `${r.id} (${r.status})`).join(', ')} niet.`, notOpen.map((r) => ({ field: 'finding_ids', message: `Bevinding ${r.id} heeft status '${r.status}'.` })));
      }
    }
    const sent = rows.map((r) => r.id);
    if (sent.length > 0) {
      await tx.updateTable('claim_findings').set({ status: 'sent', response_due: due }).where('id', 'in', sent).where('status', '=', 'open').execute();
      for (const row of rows) {
        await audit(tx, deps.actor, {
          event: 'claims.finding.send', action: 'U', purpose: PURPOSE, objectType: 'claim-finding', objectId: String(row.id), agb: agb.value,
          details: { from: 'open', to: 'sent', rule: row.rule, response_due: due, policy: settings.value.policyId },
        });
      }
    }
    return ok({ agb: agb.value, sent: sent.length, finding_ids: sent, response_due: sent.length > 0 ? due : null, response_working_days: settings.value.responseWorkingDays });
  });
}

// ---- respond ---------------------------------------------------------------------------------

/**
 * The provider's response. `options.agb` is the provider named in the request (the HTTP path):
 * another provider's AGB is refused and audited; a finding of another provider is not found.
 */
export async function respondToFinding(deps: HearingDeps, findingId: unknown, responseText: unknown, now: Date, options: { agb?: string } = {}): Promise<Result<FindingHearingView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (deps.actor.role !== 'provider' || !deps.actor.agb) return fail('forbidden', 'Alleen de zorgaanbieder zelf reageert op een bevinding.');
  if (options.agb !== undefined) {
    const access = await providerAccess(deps, options.agb, 'claims.finding.respond', 'agb');
    if (!access.ok) return access;
  }
  const id = parseFindingId(findingId);
  if (!id.ok) return id;
  const response = text(responseText, 'response', 'De reactie', 1, RESPONSE_MAX_LENGTH);
  if (!response.ok) return response;
  const settings = hearingSettings(deps.policies, now);
  if (!settings.ok) return settings;
  const day = today(now);
  const actorAgb = deps.actor.agb;

  return withActor(deps.db, deps.actor, async (tx) => {
    // No row lock here: a provider's SELECT … FOR UPDATE only sees rows its update policy admits
    // (status 'sent'), which would turn "already responded" into "not found". The guarded update
    // below settles a race instead.
    const row = await findingRow(tx, id.value);
    if (!row || row.agb !== actorAgb) {
      await auditHiddenObject(tx, deps.actor, { event: 'claims.finding.respond', objectType: 'claim-finding', objectId: String(id.value), action: 'U' });
      return fail('not_found', `Bevinding ${id.value} niet gevonden.`);
    }
    const allowed = checkResponse({ status: row.status, responseDue: row.response_due }, day);
    if (!allowed.ok) {
      await audit(tx, deps.actor, {
        event: 'claims.finding.respond', action: 'U', outcome: 'denied', purpose: PURPOSE, objectType: 'claim-finding', objectId: String(row.id), agb: row.agb,
        details: { status: row.status, response_due: row.response_due, today: day, refused: allowed.error.code },
      });
      return allowed;
    }
    const updated = await tx
      .updateTable('claim_findings')
      .set({ status: 'responded', provider_response: response.value, responded_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return fail('conflict', 'De bevinding is intussen gewijzigd; laad haar opnieuw.');
    await audit(tx, deps.actor, {
      event: 'claims.finding.respond', action: 'U', purpose: PURPOSE, objectType: 'claim-finding', objectId: String(row.id), agb: row.agb,
      details: { from: 'sent', to: 'responded', response_due: row.response_due, today: day, response_length: response.value.length },
    });
    return ok(hearingView({ ...row, status: 'responded', provider_response: response.value, responded_at: now }, settings.value));
  });
}

// ---- decide ----------------------------------------------------------------------------------

export interface DecisionRequest {
  decision: FindingDecision | string;
  note: unknown;
}

export async function decideFinding(deps: HearingDeps, findingId: unknown, request: DecisionRequest, now: Date): Promise<Result<FindingHearingView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (!['controller', 'medical-adviser', 'system'].includes(deps.actor.role)) return fail('forbidden', 'Alleen een controller of medisch adviseur besluit over een bevinding.');
  const id = parseFindingId(findingId);
  if (!id.ok) return id;
  if (request.decision !== 'uphold' && request.decision !== 'withdraw') {
    return fail('invalid_input', `Besluit moet 'uphold' (handhaven) of 'withdraw' (intrekken) zijn (gekregen: '${request.decision}').`, [{ field: 'decision', message: 'Onbekend besluit.' }]);
  }
  const decision: FindingDecision = request.decision;
  const note = text(request.note, 'note', 'De toelichting bij het besluit', 3, NOTE_MAX_LENGTH);
  if (!note.ok) return note;
  const settings = hearingSettings(deps.policies, now);
  if (!settings.ok) return settings;
  const day = today(now);

  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findingRow(tx, id.value, { lock: true });
    if (!row) return fail('not_found', `Bevinding ${id.value} niet gevonden.`);
    const outcome = upheldOutcome(row.action, settings.value.onConfirmed.get(row.rule));
    const next = checkDecision({ status: row.status, responseDue: row.response_due, outcome, reclaimRequiresHearing: settings.value.reclaimRequiresHearing }, decision, day);
    if (!next.ok) return next;
    await tx
      .updateTable('claim_findings')
      .set({ status: next.value, decided_by: who(deps.actor), decided_at: now, decision_note: note.value })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .execute();
    await audit(tx, deps.actor, {
      event: 'claims.finding.decide', action: 'U', purpose: PURPOSE, objectType: 'claim-finding', objectId: String(row.id), agb: row.agb,
      details: { from: row.status, to: next.value, decision, outcome, rule: row.rule, response_due: row.response_due, today: day },
    });
    return ok(hearingView({ ...row, status: next.value, decided_by: who(deps.actor), decided_at: now, decision_note: note.value }, settings.value));
  });
}
