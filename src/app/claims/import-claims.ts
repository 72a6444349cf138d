/**
 * Use case: import a claims file, as CSV with a header, Vektis ZH308 or a FHIR R4 Bundle of Claims.
 * Each format has a reader that yields claim records (`ClaimSourceItem`); one pipeline
 * (`importClaimRecords`) judges them all the same way: every record is accepted or rejected with a
 * code, the field and a reason, the way a return message answers a claim file, and its status is
 * kept per record for the ZH309 answer. The accepted records of a file are stored in one
 * transaction (a crash part-way, or a file refused as a whole, stores none of them); a file already
 * imported (same SHA-256) adds nothing, and a claim id already stored is never stored twice. CSV
 * and ZH308 files are streamed: memory does not grow with their size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Insertable } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { claimHeaderIssues, parseClaimRecord } from '../../domain/claims/claim-line.js';
import type { Claim } from '../../domain/claims/types.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import type { ClaimSourceIssue, ClaimSourceItem } from '../../interop/claim-source.js';
import { claimElementPath, fhirClaimRecords } from '../../interop/fhir/claim-bundle.js';
import { ZH308_FIELD_LABELS, zh308ClaimRecords } from '../../interop/vektis/zh308.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { ClaimImportRecordsTable, ClaimsTable } from '../../storage/schema.js';

/** The error list in a report is capped; the counts are always complete. */
export const MAX_REPORTED_ERRORS = 1000;
const BATCH = 1000;
/** Return code for a line whose provider is not in the provider register (checked against storage, not the line). */
export const UNKNOWN_PROVIDER_CODE = 'ZK-301';
/** Return code for a record a reader handed over with neither a claim nor a problem (a reader's bug, reported, not thrown). */
const UNREADABLE_CODE = 'ZK-191';

export const CLAIM_FILE_FORMATS = ['csv', 'zh308', 'fhir'] as const;
export type ClaimFileFormat = (typeof CLAIM_FILE_FORMATS)[number];

export interface ClaimLineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface ClaimImportReport {
  file: string;
  sha256: string;
  format: ClaimFileFormat;
  /** The import this file is (or, for a file imported before, was): the number of its ZH309 answer. */
  import_id: number | null;
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

export interface ClaimRecordsInput {
  name: string;
  sha256: string;
  format: ClaimFileFormat;
  records: AsyncIterable<ClaimSourceItem> | Iterable<ClaimSourceItem>;
  /** Names a claim field (of a problem `parseClaimRecord` finds) in the terms of the format; default the CSV column. */
  fieldName?: (field: string, line: number) => string;
}

export function parseClaimFileFormat(value: string | undefined): Result<ClaimFileFormat> {
  const format = (value ?? 'csv').trim().toLowerCase();
  return (CLAIM_FILE_FORMATS as readonly string[]).includes(format)
    ? ok(format as ClaimFileFormat)
    : fail('invalid_input', `Formaat moet csv, zh308 of fhir zijn (gekregen: '${String(value).slice(0, 20)}').`, [{ field: 'format', message: 'Onbekend formaat.' }]);
}

const mayImport = (actor: Actor) => actor.role === 'controller' || actor.role === 'system';
const forbidden = () => fail('forbidden', 'Alleen controllers importeren declaratiebestanden.');

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports a claims file from disk in the given format (default CSV). */
export async function importClaimsFile(deps: { db: Database; actor: Actor }, file: { path: string; name: string; format?: ClaimFileFormat }): Promise<Result<ClaimImportReport>> {
  if (!mayImport(deps.actor)) return forbidden();
  const sha256 = await fileSha256(file.path);
  const format = file.format ?? 'csv';
  if (format === 'csv') return importClaimRecords(deps, { name: file.name, sha256, format, records: csvClaimRecords(file.path, file.name) });
  if (format === 'zh308') {
    return importClaimRecords(deps, { name: file.name, sha256, format, records: zh308FileRecords(file.path, file.name), fieldName: (field) => ZH308_FIELD_LABELS[field] ?? field });
  }
  const records = fhirClaimRecords(await readFile(file.path, 'utf8'));
  if (!records.ok) return fail(records.error.code, `${file.name}: ${records.error.message}`, records.error.issues?.map((i) => ({ file: file.name, ...i })));
  return importClaimRecords(deps, { name: file.name, sha256, format, records: records.value, fieldName: (field, line) => claimElementPath(line, field) });
}

/** The records of a CSV claims file: a header naming `CLAIM_FIELDS`, then one claim per line. */
async function* csvClaimRecords(path: string, name: string): AsyncGenerator<ClaimSourceItem> {
  const parser = createReadStream(path).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header === null) {
      header = record.map((h) => h.trim().toLowerCase());
      const missing = claimHeaderIssues(header);
      if (missing.length > 0) {
        yield { line: 1, fatal: `${name}: verplichte kolom(men) ontbreken: ${missing.map((m) => m.field).join(', ')}.`, issues: missing };
        return;
      }
      continue;
    }
    const columns = header;
    yield { line: info.lines, record: Object.fromEntries(columns.map((h, i) => [h, record[i] ?? ''])) };
  }
  if (header === null) yield { line: 1, fatal: `${name} is leeg.`, issues: [{ field: '', code: '', message: 'Geen kopregel gevonden.' }] };
}

/** The records of a ZH308 file: ISO-8859-1 lines of 610 characters. */
async function* zh308FileRecords(path: string, name: string): AsyncGenerator<ClaimSourceItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'latin1' }), crlfDelay: Infinity });
  try {
    for await (const item of zh308ClaimRecords(lines)) yield item.fatal === undefined ? item : { ...item, fatal: `${name}: ${item.fatal}` };
  } finally {
    lines.close();
  }
}

/** Thrown inside the transaction to roll it back when the file is refused as a whole. */
class RefusedFile extends Error {
  constructor(readonly result: Result<never>) {
    super('claim file refused');
  }
}

interface Judgement {
  claim: Claim | null;
  errors: ClaimLineError[];
  claimId: string | null;
  agb: string | null;
  amountCents: number | null;
}

const CLAIM_ID = /^.{1,64}$/s;
const AGB = /^[0-9]{8}$/;
const CENTS = /^-?[0-9]{1,16}$/;

/** Accepts or rejects one record: the reader's problems, else `parseClaimRecord`, else the provider register. */
function judge(item: ClaimSourceItem, knownProviders: ReadonlySet<string>, fieldName: (field: string, line: number) => string): Judgement {
  const r = item.record ?? {};
  const text = (field: string) => (r[field] ?? '').trim();
  const claimId = CLAIM_ID.test(text('claim_id')) ? text('claim_id') : null;
  const agb = AGB.test(text('agb')) ? text('agb') : null;
  const cents = CENTS.test(text('amount_cents')) ? Number(text('amount_cents')) : null;
  const rejected = (errors: ClaimLineError[]): Judgement => ({ claim: null, errors, claimId, agb, amountCents: cents !== null && Number.isSafeInteger(cents) ? cents : null });
  const fromSource = (i: ClaimSourceIssue): ClaimLineError => ({ line: i.line ?? item.line, field: i.field, code: i.code, message: i.message });

  if (item.issues && item.issues.length > 0) return rejected(item.issues.map(fromSource));
  if (!item.record) return rejected([{ line: item.line, field: '', code: UNREADABLE_CODE, message: 'Record onleesbaar: geen declaratieregel gevonden.' }]);
  const parsed = parseClaimRecord(item.record, item.line);
  if (!parsed.ok) {
    const issues = parsed.error.issues ?? [{ message: parsed.error.message }];
    return rejected(issues.map((i: Partial<ClaimSourceIssue>) => ({ line: i.line ?? item.line, field: fieldName(i.field ?? '', item.line), code: i.code ?? 'ZK-999', message: i.message ?? '' })));
  }
  const c = parsed.value;
  if (!knownProviders.has(c.agb)) {
    return rejected([{ line: item.line, field: fieldName('agb', item.line), code: UNKNOWN_PROVIDER_CODE, message: `Zorgaanbieder met AGB-code ${c.agb} is niet bekend bij de zorgverzekeraar.` }]);
  }
  return { claim: c, errors: [], claimId: c.claimId, agb: c.agb, amountCents: c.amountCents };
}

const fileIssue = (file: string, line: number, i: ClaimSourceIssue): FieldIssue => ({
  file, line: i.line ?? line, ...(i.field ? { field: i.field } : {}), ...(i.code ? { code: i.code } : {}), message: i.message,
});

/**
 * The one import pipeline. A record with `fatal` refuses the whole file: the transaction is rolled
 * back and the failure names the file, line, field and code of every problem.
 */
export async function importClaimRecords(deps: { db: Database; actor: Actor }, input: ClaimRecordsInput): Promise<Result<ClaimImportReport>> {
  if (!mayImport(deps.actor)) return forbidden();
  const fieldName = input.fieldName ?? ((field: string) => field);
  const previous = await withActor(deps.db, deps.actor, (tx) => tx.selectFrom('claim_imports').select(['id']).where('sha256', '=', input.sha256).executeTakeFirst());

  try {
    return await withActor(deps.db, deps.actor, async (tx) => {
      const importId = previous
        ? null
        : (await tx.insertInto('claim_imports').values({ file_name: input.name, sha256: input.sha256, format: input.format, accepted: 0, rejected: 0 }).returning('id').executeTakeFirstOrThrow()).id;
      const report: ClaimImportReport = {
        file: input.name, sha256: input.sha256, format: input.format, import_id: previous?.id ?? importId,
        accepted: 0, rejected: 0, stored: 0, already_stored: 0, duplicate_file: previous !== undefined, errors: [], errors_truncated: false,
      };
      const knownProviders = new Set((await tx.selectFrom('providers').select('agb').execute()).map((p) => p.agb));
      let claims: Insertable<ClaimsTable>[] = [];
      let records: Insertable<ClaimImportRecordsTable>[] = [];
      const flush = async () => {
        if (claims.length > 0) {
          const stored = importId === null ? 0 : await insertClaims(tx, claims);
          report.stored += stored;
          report.already_stored += claims.length - stored;
          claims = [];
        }
        if (records.length > 0) {
          await tx.insertInto('claim_import_records').values(records).execute();
          records = [];
        }
      };

      for await (const item of input.records) {
        if (item.fatal !== undefined) throw new RefusedFile(fail('invalid_input', item.fatal, (item.issues ?? []).map((i) => fileIssue(input.name, item.line, i))));
        const j = judge(item, knownProviders, fieldName);
        if (j.claim) {
          report.accepted += 1;
          const c = j.claim;
          claims.push({
            claim_id: c.claimId, import_id: importId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, care_type: c.careType, specialism: c.specialism, diagnosis: c.diagnosis,
            product_code: c.productCode, start_date: c.startDate, end_date: c.endDate, amount_cents: c.amountCents, zi_number: c.ziNumber, units: c.units,
          });
        } else {
          report.rejected += 1;
          for (const e of j.errors) {
            if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
            else report.errors_truncated = true;
          }
        }
        if (importId !== null) {
          const recordType = item.recordType !== undefined && item.recordType.length >= 1 && item.recordType.length <= 2 ? item.recordType : null;
          const recordId = item.recordId !== undefined && Number.isSafeInteger(item.recordId) && item.recordId >= 0 ? item.recordId : null;
          records.push({
            import_id: importId, line: item.line, record_type: recordType, record_id: recordId, claim_id: j.claimId, agb: j.agb,
            status: j.claim ? 'accepted' : 'rejected', return_codes: [...new Set(j.errors.map((e) => e.code || UNREADABLE_CODE))], issues: JSON.stringify(j.errors), amount_cents: j.amountCents,
          });
        }
        if (claims.length >= BATCH || records.length >= BATCH) await flush();
      }
      await flush();

      if (importId !== null) {
        await tx.updateTable('claim_imports').set({ accepted: report.accepted, rejected: report.rejected }).where('id', '=', importId).execute();
      }
      await audit(tx, deps.actor, {
        event: 'claims.import',
        action: 'C',
        purpose: 'controle',
        objectType: 'claim-file',
        objectId: input.sha256,
        details: { file: input.name, format: input.format, import_id: report.import_id, accepted: report.accepted, rejected: report.rejected, stored: report.stored, duplicate_file: report.duplicate_file },
      });
      return ok(report);
    });
  } catch (error) {
    if (error instanceof RefusedFile) return error.result;
    throw error;
  }
}

/**
 * Stores a batch; claim ids already present are skipped. A claim of an unknown provider is a line
 * error found by the caller first, so a foreign-key failure here is a bug.
 */
async function insertClaims(tx: Tx, rows: Insertable<ClaimsTable>[]): Promise<number> {
  const result = await tx.insertInto('claims').values(rows).onConflict((oc) => oc.column('claim_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
