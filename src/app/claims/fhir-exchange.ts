/**
 * Use case: a FHIR R4 Bundle of Claims in, a Bundle of ClaimResponses out (issue 7, FHIR).
 * 1. The Bundle is read (`fhirClaimRecords`); a file that is no such Bundle fails as a whole.
 * 2. Its Claims go through the one claims import pipeline (`importClaimRecords`, format `fhir`):
 *    accepted lines are stored in one transaction, rejected ones get their return codes; the
 *    status per line is read back from the import's records (`claim_import_records`).
 * 3. The claim checks run for the insured persons concerned, as `claims check` does per person
 *    (same policy, settings and reference data): every stored claim of each BSN of an accepted
 *    line is read (keyed by BSN, in pages), `checkPerson` runs, and the findings on the uploaded
 *    claims are kept. The ceiling rule needs a provider's whole year and the stored findings the
 *    hearing works with come from `claims check`; neither is part of this synchronous answer, and
 *    nothing is stored by the checks here. The read of the persons' claims is audited.
 * 4. One ClaimResponse per Claim (`claimResponseBundle`): rejected → `error` with the codes,
 *    accepted → the findings as adjudications (`partial`), or `complete`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { checkPerson } from '../../domain/claims/check-claims.js';
import { parseClaimRecord } from '../../domain/claims/claim-line.js';
import type { Claim, Finding } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { claimElementPath, fhirClaimRecords } from '../../interop/fhir/claim-bundle.js';
import { claimResponseBundle, type ClaimAnswer } from '../../interop/fhir/claim-response.js';
import type { Bundle, ClaimResponse } from '../../interop/fhir/types.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { loadCheckInputs, personBatches, STORED_CLAIM_COLUMNS, toClaim, type StoredClaimRow } from './stored-claims.js';
import { importClaimRecords, type ClaimImportReport } from './import-claims.js';

export interface FhirExchangeDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
  now: Date;
}

export interface FhirExchangeResult {
  bundle: Bundle<ClaimResponse>;
  report: ClaimImportReport;
}

/** BSNs per query when reading the persons' claims. */
const PERSONS_PER_PAGE = 1000;

type LineStatus = { status: 'accepted' | 'rejected'; errors: { field: string; code: string; message: string }[] };

/** The status of every line of the import: its stored records, or (for an import older than them) the report's errors. */
async function lineStatuses(deps: FhirExchangeDeps, report: ClaimImportReport): Promise<Map<number, LineStatus>> {
  const statuses = new Map<number, LineStatus>();
  if (report.import_id !== null) {
    const rows = await withActor(deps.db, deps.actor, (tx) =>
      tx.selectFrom('claim_import_records').select(['line', 'status', 'issues']).where('import_id', '=', report.import_id!).orderBy('line').execute(),
    );
    for (const row of rows) statuses.set(row.line, { status: row.status, errors: row.status === 'accepted' ? [] : row.issues.map((i) => ({ field: i.field, code: i.code, message: i.message })) });
  }
  if (statuses.size > 0) return statuses;
  for (const e of report.errors) {
    const status = statuses.get(e.line) ?? { status: 'rejected' as const, errors: [] };
    status.errors.push({ field: e.field, code: e.code, message: e.message });
    statuses.set(e.line, status);
  }
  return statuses;
}

/** The findings of the per-person checks on the given claims, over every stored claim of their insured persons. */
async function personFindings(deps: FhirExchangeDeps, claims: readonly Claim[]): Promise<Result<{ findings: Finding[]; persons: number; claimsRead: number }>> {
  const inputs = await loadCheckInputs(deps, null);
  if (!inputs.ok) return inputs;
  const { settings, prepared } = inputs.value;

  const uploaded = new Set(claims.map((c) => c.claimId));
  const bsns = [...new Set(claims.map((c) => c.bsn))].sort();
  const findings: Finding[] = [];
  let claimsRead = 0;
  const persons = personBatches((person) => {
    for (const f of checkPerson(person, prepared, settings).findings) if (uploaded.has(f.claimId)) findings.push(f);
  });
  for (let i = 0; i < bsns.length; i += PERSONS_PER_PAGE) {
    const page = bsns.slice(i, i + PERSONS_PER_PAGE);
    const rows = await withActor(deps.db, deps.actor, async (tx) => {
      const result = await sql<StoredClaimRow>`select ${STORED_CLAIM_COLUMNS} from claims where bsn in (${sql.join(page)}) order by bsn, claim_id`.execute(tx);
      return result.rows;
    });
    claimsRead += rows.length;
    for (const row of rows) persons.add(toClaim(row));
  }
  persons.flush();
  return ok({ findings, persons: bsns.length, claimsRead });
}

export async function exchangeFhirClaims(deps: FhirExchangeDeps, upload: { name: string; text: string }): Promise<Result<FhirExchangeResult>> {
  if (deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen controllers sturen declaraties in.');
  const records = fhirClaimRecords(upload.text);
  if (!records.ok) return records;
  const sha256 = createHash('sha256').update(upload.text, 'utf8').digest('hex');
  const imported = await importClaimRecords(deps, { name: upload.name, sha256, format: 'fhir', records: records.value, fieldName: (field, line) => claimElementPath(line, field) });
  if (!imported.ok) return imported;
  const report = imported.value;
  const statuses = await lineStatuses(deps, report);

  const accepted = new Map<number, Claim>();
  const rejected = new Map<number, LineStatus['errors']>();
  for (const r of records.value) {
    const status = statuses.get(r.line);
    if (status?.status === 'rejected') {
      rejected.set(r.line, status.errors);
      continue;
    }
    // Accepted by the pipeline (or, for an old import without stored records, not among its reported errors): read as it did.
    const parsed = r.record ? parseClaimRecord(r.record, r.line) : null;
    if (parsed?.ok) accepted.set(r.line, parsed.value);
    else {
      const issues = r.issues ?? (parsed && !parsed.ok ? (parsed.error.issues ?? []).map((i) => ({ field: i.field, code: i.code, message: i.message })) : []);
      rejected.set(r.line, issues.length > 0 ? issues : [{ field: `Bundle.entry[${r.line - 1}]`, code: 'ZK-191', message: 'Declaratieregel onleesbaar.' }]);
    }
  }
  const checked = await personFindings(deps, [...accepted.values()]);
  if (!checked.ok) return checked;
  const byClaim = new Map<string, Finding[]>();
  for (const f of checked.value.findings) byClaim.set(f.claimId, [...(byClaim.get(f.claimId) ?? []), f]);

  const answers: ClaimAnswer[] = records.value.map((r) => {
    const claim = accepted.get(r.line);
    return {
      line: r.line,
      ...(r.record ? { record: r.record } : {}),
      errors: rejected.get(r.line) ?? [],
      findings: claim ? (byClaim.get(claim.claimId) ?? []) : [],
    };
  });
  await withActor(deps.db, deps.actor, (tx) =>
    audit(tx, deps.actor, {
      event: 'claims.fhir-exchange',
      action: 'E',
      purpose: 'controle',
      objectType: 'claim-file',
      objectId: sha256,
      details: { file: upload.name, import_id: report.import_id, claims: records.value.length, accepted: accepted.size, persons: checked.value.persons, claims_read: checked.value.claimsRead, findings: checked.value.findings.length },
    }),
  );
  const bundle = claimResponseBundle(answers, { created: deps.now.toISOString(), newId: randomUUID });
  return ok({ bundle, report });
}
