/**
 * Use case: the claim behind a finding, at patient level (Regeling zorgverzekering art. 7.8;
 * MSZ §6; DOMAIN.md H).
 *
 * - A controller or medical adviser sees the full claim line (BSN, diagnosis, dates) and the other
 *   claims of the same insured person, and only when the finding is attached to a specific risk
 *   analysis. Without one, the view is refused with the reason.
 * - A provider user sees its own finding (once sent) with its own claim line, the BSN masked, and
 *   the related claims of its own without their diagnosis.
 * - Anyone else (a purchaser) is refused.
 *
 * Every view, granted or refused, is in the audit log: event `claim.detail`, action R, the outcome,
 * the stated purpose and the claim id; never the BSN or a diagnosis.
 */
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { bsnElfproefValid, maskBsn } from '../../domain/identifiers/index.js';
import { audit, type AuditEntry } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { STORED_CLAIM_COLUMNS, type StoredClaimRow } from './stored-claims.js';
import { findingRow, hearingSettings, hearingView, parseFindingId, type FindingHearingView } from './hearing.js';

export interface ClaimDetailDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

export const EVENT = 'claim.detail';
/** The insured person's other claims shown at most (newest first beyond that are left out). */
export const MAX_PERSON_CLAIMS = 200;
const DETAIL_ROLES: readonly Actor['role'][] = ['controller', 'medical-adviser'];

export interface ClaimLineView {
  claim_id: string;
  agb: string;
  uzovi: string;
  /** Full for detail control; masked (`*****2333`) for a provider user. */
  bsn: string;
  care_type: '11' | '21';
  specialism: string;
  /** Null where the viewer may not see it (a provider, for claims other than the finding's own). */
  diagnosis: string | null;
  product_code: string;
  start_date: string;
  end_date: string;
  amount_cents: number;
  zi_number: string | null;
  units: string | null;
}

export interface RelatedClaimView extends ClaimLineView {
  /** Named by the finding as the claim that makes this one suspect. */
  related: boolean;
}

export interface ClaimDetail {
  access: 'detail-control' | 'own-provider';
  finding: FindingHearingView;
  risk_analysis: { id: number; title: string } | null;
  claim: ClaimLineView;
  related_claims: RelatedClaimView[];
  /** True when the person has more claims than shown. */
  related_truncated: boolean;
}

const lineView = (row: StoredClaimRow, options: { mask: boolean; diagnosis: boolean }): ClaimLineView => ({
  claim_id: row.claim_id,
  agb: row.agb,
  uzovi: row.uzovi,
  bsn: options.mask ? maskBsn(row.bsn) : row.bsn,
  care_type: row.care_type,
  specialism: row.specialism,
  diagnosis: options.diagnosis ? row.diagnosis : null,
  product_code: row.product_code,
  start_date: row.start_date,
  end_date: row.end_date,
  amount_cents: row.amount_cents,
  zi_number: row.zi_number,
  units: row.units,
});

/**
 * The stated purpose for the audit log: trimmed, at most 200 characters, and any nine-digit
 * number that passes the elfproef (a BSN typed into the purpose) masked.
 */
export function auditPurpose(purpose: string): string {
  return purpose
    .trim()
    .slice(0, 200)
    .replace(/\d{9}/g, (digits) => (bsnElfproefValid(digits) ? maskBsn(digits) : digits));
}

async function claimRows(tx: Tx, where: ReturnType<typeof sql>, limit: number): Promise<StoredClaimRow[]> {
  const result = await sql<StoredClaimRow>`select ${STORED_CLAIM_COLUMNS} from claims where ${where} order by start_date, claim_id limit ${limit}`.execute(tx);
  return result.rows;
}

/** `now` only picks the policy whose rules say what upholding the finding means (`upheld_outcome`). */
export async function claimDetail(deps: ClaimDetailDeps, findingIdInput: unknown, purposeInput: unknown, now: Date = new Date()): Promise<Result<ClaimDetail>> {
  const actor = deps.actor;
  if (actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const purpose = typeof purposeInput === 'string' ? auditPurpose(purposeInput) : '';
  const findingId = parseFindingId(findingIdInput);
  if (!findingId.ok) return findingId;
  const settings = hearingSettings(deps.policies, now);
  if (!settings.ok) return settings;

  /** Writes the view (or refusal) to the audit log under the actor who asked. */
  const record = (tx: Tx, claimId: string | null, outcome: AuditEntry['outcome'], details: Record<string, unknown>, agb: string | null) =>
    audit(tx, actor, {
      event: EVENT, action: 'R', outcome, purpose: purpose || 'niet opgegeven',
      objectType: claimId ? 'claim' : 'claim-finding', objectId: claimId ?? String(findingId.value), agb,
      details: { finding_id: findingId.value, ...details },
    });

  // The provider's own view: read under its own role, so row-level security limits it to its own sent findings and claims.
  if (actor.role === 'provider') {
    return withActor(deps.db, actor, async (tx) => {
      const finding = await findingRow(tx, findingId.value);
      if (!finding || finding.agb !== actor.agb) {
        await record(tx, null, 'denied', { reason: 'not-visible' }, actor.agb);
        return fail('not_found', `Bevinding ${findingId.value} niet gevonden.`);
      }
      const [claim] = await claimRows(tx, sql`claim_id = ${finding.claim_id}`, 1);
      if (!claim) return fail('not_found', `Declaratie ${finding.claim_id} niet gevonden.`);
      const related = (await getRelated(tx, finding.related_claim_ids)).map((r) => ({ ...lineView(r, { mask: true, diagnosis: false }), related: true }));
      await record(tx, finding.claim_id, 'success', { access: 'own-provider', related_claims: related.length }, finding.agb);
      return ok({
        access: 'own-provider' as const,
        finding: hearingView(finding, settings.value),
        risk_analysis: null,
        claim: lineView(claim, { mask: true, diagnosis: true }),
        related_claims: related,
        related_truncated: false,
      });
    });
  }

  // Insurer staff: row-level security lets every staff role read findings and claims, so a refusal can name the claim it concerned.
  return withActor(deps.db, actor, async (tx) => {
    const finding = await findingRow(tx, findingId.value);
    if (!finding) {
      await record(tx, null, 'failure', { reason: 'not-found' }, null);
      return fail('not_found', `Bevinding ${findingId.value} niet gevonden.`);
    }
    if (!DETAIL_ROLES.includes(actor.role) && actor.role !== 'system') {
      await record(tx, finding.claim_id, 'denied', { reason: 'role', role: actor.role }, finding.agb);
      return fail('forbidden', 'Detailcontrole op patiëntniveau is voorbehouden aan controllers en medisch adviseurs (Regeling zorgverzekering art. 7.8; MSZ §6).');
    }
    if (purpose.length < 3) {
      await record(tx, finding.claim_id, 'denied', { reason: 'purpose-missing' }, finding.agb);
      return fail('invalid_input', 'Geef het doel van de inzage op (purpose), bijvoorbeeld "materiële controle serialiteit".', [{ field: 'purpose', message: 'Doel ontbreekt.' }]);
    }
    if (finding.risk_analysis_id === null) {
      await record(tx, finding.claim_id, 'denied', { reason: 'no-risk-analysis' }, finding.agb);
      return fail('forbidden', 'Detailcontrole op patiëntniveau mag alleen na een specifieke risicoanalyse (Regeling zorgverzekering art. 7.8; MSZ §6). Koppel de bevinding eerst aan een risicoanalyse die onderbouwt waarom deze controle nodig is.');
    }
    const analysis = await tx.selectFrom('risk_analyses').select(['id', 'title']).where('id', '=', finding.risk_analysis_id).executeTakeFirstOrThrow();
    const [claim] = await claimRows(tx, sql`claim_id = ${finding.claim_id}`, 1);
    if (!claim) return fail('not_found', `Declaratie ${finding.claim_id} niet gevonden.`);
    const person = await claimRows(tx, sql`bsn = ${claim.bsn} and claim_id <> ${claim.claim_id}`, MAX_PERSON_CLAIMS + 1);
    const relatedIds = new Set(finding.related_claim_ids);
    const related = person.slice(0, MAX_PERSON_CLAIMS).map((r) => ({ ...lineView(r, { mask: false, diagnosis: true }), related: relatedIds.has(r.claim_id) }));
    await record(tx, finding.claim_id, 'success', { access: 'detail-control', risk_analysis_id: analysis.id, related_claims: related.length }, finding.agb);
    return ok({
      access: 'detail-control' as const,
      finding: hearingView(finding, settings.value),
      risk_analysis: { id: analysis.id, title: analysis.title },
      claim: lineView(claim, { mask: false, diagnosis: true }),
      related_claims: related,
      related_truncated: person.length > MAX_PERSON_CLAIMS,
    });
  });
}

async function getRelated(tx: Tx, ids: readonly string[]): Promise<StoredClaimRow[]> {
  if (ids.length === 0) return [];
  return claimRows(tx, sql`claim_id in (${sql.join([...ids])})`, ids.length);
}
