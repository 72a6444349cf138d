/**
 * Use cases: the imported claim files of a provider, and the ZH309 answer to one of them (Vektis
 * retourinformatie: per record its status and return codes). A provider user sees its own records
 * only (`providerAccess`, refusals audited; row-level security on `claim_import_records` is the
 * second wall); insurer staff see any provider. Every answer produced is audited.
 */
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { writeZh309, type Zh309Record } from '../../interop/vektis/zh309.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { auditHiddenObject, providerAccess } from '../access.js';
import type { ClaimFileFormat } from './import-claims.js';

export interface ClaimImportView {
  id: number;
  file_name: string;
  format: ClaimFileFormat;
  imported_at: string;
  /** Records of this provider in the file, and how many were accepted and rejected. */
  records: number;
  accepted: number;
  rejected: number;
}

export interface Zh309Download {
  fileName: string;
  /** ISO-8859-1 bytes, records ended by CR LF. */
  content: Buffer;
  records: number;
  accepted: number;
  rejected: number;
}

const STAFF_ROLES = new Set(['controller', 'medical-adviser', 'purchaser', 'system']);

/** The imports with records of this provider, newest first. */
export async function listClaimImports(deps: { db: Database; actor: Actor }, agbInput: string): Promise<Result<ClaimImportView[]>> {
  const agb = await providerAccess(deps, agbInput, 'claims.imports', 'agb');
  if (!agb.ok) return agb;
  const rows = await withActor(deps.db, deps.actor, (tx) =>
    sql<ClaimImportView>`
      select i.id, i.file_name, i.format, to_char(i.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at,
             count(*)::int as records,
             (count(*) filter (where r.status = 'accepted'))::int as accepted,
             (count(*) filter (where r.status = 'rejected'))::int as rejected
      from claim_import_records r join claim_imports i on i.id = r.import_id
      where r.agb = ${agb.value}
      group by i.id, i.file_name, i.format, i.imported_at
      order by i.imported_at desc, i.id desc`.execute(tx),
  );
  return ok(rows.rows);
}

/**
 * The ZH309 answer to import `importId`: for a provider (`agb`) its own records only; without an
 * AGB (insurer staff, the CLI) every record of the file.
 */
export async function claimImportZh309(deps: { db: Database; actor: Actor }, importId: number, agbInput: string | null): Promise<Result<Zh309Download>> {
  let agb: string | null = null;
  if (agbInput !== null) {
    const access = await providerAccess(deps, agbInput, 'claims.zh309', 'agb');
    if (!access.ok) return access;
    agb = access.value;
  } else if (!STAFF_ROLES.has(deps.actor.role)) {
    return fail('forbidden', 'Een zorgaanbieder haalt het antwoord op via zijn eigen AGB-code.');
  }
  if (!Number.isSafeInteger(importId) || importId < 1) return fail('invalid_input', `Ongeldig importnummer '${importId}'.`, [{ field: 'id', message: 'Geen positief geheel getal.' }]);

  return withActor(deps.db, deps.actor, async (tx) => {
    const file = await tx
      .selectFrom('claim_imports')
      .select(['id', 'file_name', 'format', sql<string>`to_char(imported_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('imported_on')])
      .where('id', '=', importId)
      .executeTakeFirst();
    let query = tx.selectFrom('claim_import_records').selectAll().where('import_id', '=', importId);
    if (agb !== null) query = query.where('agb', '=', agb);
    const rows = file ? await query.orderBy('line').orderBy('id').execute() : [];
    if (!file || (agb !== null && rows.length === 0)) {
      await auditHiddenObject(tx, deps.actor, { event: 'claims.zh309', objectType: 'claim-import', objectId: String(importId) });
      return fail('not_found', `Import ${importId} niet gevonden${agb ? ` met declaratieregels van ${agb}` : ''}.`, [{ field: 'id', message: 'Onbekende import.' }]);
    }
    const records: Zh309Record[] = rows.map((r) => ({
      line: r.line, recordId: r.record_id, recordType: r.record_type, claimId: r.claim_id, agb: r.agb, status: r.status, issues: r.issues, amountCents: r.amount_cents,
    }));
    const text = writeZh309({ importId, format: file.format, fileName: file.file_name, answerDate: file.imported_on, agb, records });
    if (!text.ok) return text;
    const accepted = records.filter((r) => r.status === 'accepted').length;
    await audit(tx, deps.actor, {
      event: 'claims.zh309', action: 'R', purpose: 'declaratieverwerking', objectType: 'claim-import', objectId: String(importId), agb,
      details: { records: records.length, accepted, rejected: records.length - accepted },
    });
    return ok({
      fileName: `ZH309-${importId}${agb ? `-${agb}` : ''}.txt`,
      content: Buffer.from(text.value, 'latin1'),
      records: records.length,
      accepted,
      rejected: records.length - accepted,
    });
  });
}
