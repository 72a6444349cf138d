/**
 * Use case: import a claims file (CSV with a header). Every line is accepted or rejected with a
 * code, the field and a reason, the way a return message answers a claim file. The accepted lines
 * of a file are stored in one transaction (a crash part-way stores none of them); a file already
 * imported (same SHA-256) adds nothing, and a claim id already stored is never stored twice. The
 * file is streamed: memory does not grow with its size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Insertable } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { claimHeaderIssues, parseClaimRecord } from '../../domain/claims/claim-line.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { ClaimsTable } from '../../storage/schema.js';

/** The error list in a report is capped; the counts are always complete. */
export const MAX_REPORTED_ERRORS = 1000;
const BATCH = 1000;
/** Return code for a line whose provider is not in the provider register (checked against storage, not the line). */
export const UNKNOWN_PROVIDER_CODE = 'ZK-301';

export interface ClaimLineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface ClaimImportReport {
  file: string;
  sha256: string;
  format: 'csv';
  accepted: number;
  rejected: number;
  /** Accepted lines newly stored by this import (0 when the file or its claim ids were stored before). */
  stored: number;
  /** Accepted lines whose claim id was already stored. */
  already_stored: number;
  /** True when this exact file had been imported before: nothing is stored again. */
  duplicate_file: boolean;
  errors: ClaimLineError[];
  errors_truncated: boolean;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function importClaimsFile(deps: { db: Database; actor: Actor }, file: { path: string; name: string }): Promise<Result<ClaimImportReport>> {
  if (deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen controllers importeren declaratiebestanden.');
  const sha256 = await fileSha256(file.path);
  const previous = await withActor(deps.db, deps.actor, (tx) => tx.selectFrom('claim_imports').select(['id']).where('sha256', '=', sha256).executeTakeFirst());

  return withActor(deps.db, deps.actor, async (tx) => {
    const report: ClaimImportReport = { file: file.name, sha256, format: 'csv', accepted: 0, rejected: 0, stored: 0, already_stored: 0, duplicate_file: previous !== undefined, errors: [], errors_truncated: false };
    const importId = previous
      ? null
      : (await tx.insertInto('claim_imports').values({ file_name: file.name, sha256, format: 'csv', accepted: 0, rejected: 0 }).returning('id').executeTakeFirstOrThrow()).id;

    const knownProviders = new Set((await tx.selectFrom('providers').select('agb').execute()).map((p) => p.agb));
    const addError = (e: ClaimLineError) => {
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
      else report.errors_truncated = true;
    };
    let batch: Insertable<ClaimsTable>[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      if (importId !== null) {
        const stored = await insertClaims(tx, batch);
        report.stored += stored;
        report.already_stored += batch.length - stored;
      } else {
        report.already_stored += batch.length;
      }
      batch = [];
    };

    const parser = createReadStream(file.path).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    let header: string[] | null = null;
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = claimHeaderIssues(header);
        if (missing.length > 0) {
          return fail('invalid_input', `${file.name}: verplichte kolom(men) ontbreken: ${missing.map((m) => m.field).join(', ')}.`, missing.map((m) => ({ file: file.name, ...m })));
        }
        continue;
      }
      const values = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
      const parsed = parseClaimRecord(values, info.lines);
      if (!parsed.ok) {
        report.rejected += 1;
        for (const issue of parsed.error.issues ?? [{ message: parsed.error.message }]) {
          addError({ line: issue.line ?? info.lines, field: issue.field ?? '', code: issue.code ?? 'ZK-999', message: issue.message });
        }
        continue;
      }
      const c = parsed.value;
      if (!knownProviders.has(c.agb)) {
        report.rejected += 1;
        addError({ line: info.lines, field: 'agb', code: UNKNOWN_PROVIDER_CODE, message: `Zorgaanbieder met AGB-code ${c.agb} is niet bekend bij de zorgverzekeraar.` });
        continue;
      }
      report.accepted += 1;
      batch.push({
        claim_id: c.claimId, import_id: importId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, care_type: c.careType, specialism: c.specialism, diagnosis: c.diagnosis,
        product_code: c.productCode, start_date: c.startDate, end_date: c.endDate, amount_cents: c.amountCents, zi_number: c.ziNumber, units: c.units,
      });
      if (batch.length >= BATCH) await flush();
    }
    if (header === null) return fail('invalid_input', `${file.name} is leeg.`, [{ file: file.name, line: 1, message: 'Geen kopregel gevonden.' }]);
    await flush();

    if (importId !== null) {
      await tx.updateTable('claim_imports').set({ accepted: report.accepted, rejected: report.rejected }).where('id', '=', importId).execute();
    }
    await audit(tx, deps.actor, {
      event: 'claims.import',
      action: 'C',
      purpose: 'controle',
      objectType: 'claim-file',
      objectId: sha256,
      details: { file: file.name, accepted: report.accepted, rejected: report.rejected, stored: report.stored, duplicate_file: report.duplicate_file },
    });
    return ok(report);
  });
}

/**
 * Stores a batch; claim ids already present are skipped. A claim of an unknown provider is a line
 * error found by the caller first, so a foreign-key failure here is a bug.
 */
async function insertClaims(tx: Tx, rows: Insertable<ClaimsTable>[]): Promise<number> {
  const result = await tx.insertInto('claims').values(rows).onConflict((oc) => oc.column('claim_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
