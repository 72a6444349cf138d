/**
 * Query functions for quarterly add-on figures (migrations/0009): uploads (accepted or rejected) and
 * the figure rows of accepted ones. Row-level security scopes them to the acting user; callers open
 * the transaction (`withActor`).
 */
import type { Selectable } from 'kysely';
import type { FigureRecord, FiguresAttempt, Quarter } from '../../domain/addon/figures.js';
import type { FieldIssue } from '../../domain/errors.js';
import { sumCents } from '../../domain/money/index.js';
import type { Queryable } from '../../storage/context.js';
import type { AddonFigureUploadsTable } from '../../storage/schema.js';

export type UploadRow = Selectable<AddonFigureUploadsTable>;

/** At most this many issues of a rejected file are kept with it (the reply lists them all). */
const KEPT_ISSUES = 200;

export interface NewUpload {
  agb: string;
  year: number;
  quarter: Quarter;
  policyId: string;
  receivedAt: Date;
  receivedOn: string;
  deadline: string;
  inTime: boolean;
  fileName: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  uploadedBy: string;
  uploadedByUserId: number | null;
}

export async function findUploadByContent(q: Queryable, key: { agb: string; year: number; quarter: number; sha256: string }): Promise<UploadRow | undefined> {
  return q
    .selectFrom('addon_figure_uploads')
    .selectAll()
    .where('agb', '=', key.agb)
    .where('year', '=', key.year)
    .where('quarter', '=', key.quarter)
    .where('sha256', '=', key.sha256)
    .executeTakeFirst();
}

const uploadValues = (u: NewUpload) => ({
  agb: u.agb,
  year: u.year,
  quarter: u.quarter,
  policy_id: u.policyId,
  received_at: u.receivedAt,
  received_on: u.receivedOn,
  deadline: u.deadline,
  in_time: u.inTime,
  file_name: u.fileName,
  format: u.format,
  sha256: u.sha256,
  uploaded_by: u.uploadedBy,
  uploaded_by_user_id: u.uploadedByUserId,
});

/** Stores a rejected upload with its issues; undefined when the same file was stored meanwhile. */
export async function insertRejectedUpload(q: Queryable, upload: NewUpload, issues: readonly FieldIssue[]): Promise<UploadRow | undefined> {
  return q
    .insertInto('addon_figure_uploads')
    .values({ ...uploadValues(upload), status: 'rejected', row_count: 0, realisation_cents: 0, prognosis_cents: 0, issues: JSON.stringify(issues.slice(0, KEPT_ISSUES)) })
    .onConflict((oc) => oc.columns(['agb', 'year', 'quarter', 'sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Stores an accepted upload and its rows; undefined when the same file was stored meanwhile. */
export async function insertAcceptedUpload(q: Queryable, upload: NewUpload, records: readonly FigureRecord[]): Promise<UploadRow | undefined> {
  const stored = await q
    .insertInto('addon_figure_uploads')
    .values({
      ...uploadValues(upload),
      status: 'accepted',
      row_count: records.length,
      realisation_cents: sumCents(records.map((r) => r.realisationCents)),
      prognosis_cents: sumCents(records.map((r) => r.prognosisCents)),
      issues: '[]',
    })
    .onConflict((oc) => oc.columns(['agb', 'year', 'quarter', 'sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!stored) return undefined;
  await q
    .insertInto('addon_figure_rows')
    .values(
      records.map((r) => ({
        upload_id: stored.id,
        agb: upload.agb,
        year: upload.year,
        quarter: upload.quarter,
        line: r.line,
        zi_number: r.ziNumber,
        patients: r.patients,
        realisation_cents: r.realisationCents,
        prognosis_cents: r.prognosisCents,
      })),
    )
    .execute();
  return stored;
}

export async function knownAddonDrugs(q: Queryable): Promise<Set<string>> {
  const rows = await q.selectFrom('addon_drugs').select('zi_number').execute();
  return new Set(rows.map((r) => r.zi_number));
}

export async function uploadsOf(q: Queryable, agb: string, year: number): Promise<UploadRow[]> {
  return q.selectFrom('addon_figure_uploads').selectAll().where('agb', '=', agb).where('year', '=', year).orderBy('received_at', 'desc').orderBy('id', 'desc').execute();
}

export async function q2Attempts(q: Queryable, agb: string, year: number): Promise<FiguresAttempt[]> {
  const rows = await q
    .selectFrom('addon_figure_uploads')
    .select(['id', 'status', 'received_at'])
    .where('agb', '=', agb)
    .where('year', '=', year)
    .where('quarter', '=', 2)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), status: r.status, receivedAt: new Date(r.received_at) }));
}

export interface FigureRowView {
  line: number;
  zi_number: string;
  name: string | null;
  patients: number;
  realisation_cents: number;
  prognosis_cents: number;
}

export async function rowsOfUpload(q: Queryable, uploadId: number): Promise<FigureRowView[]> {
  return q
    .selectFrom('addon_figure_rows as r')
    .leftJoin('addon_drugs as d', 'd.zi_number', 'r.zi_number')
    .select(['r.line', 'r.zi_number', 'd.name', 'r.patients', 'r.realisation_cents', 'r.prognosis_cents'])
    .where('r.upload_id', '=', uploadId)
    .orderBy('r.line')
    .execute();
}
