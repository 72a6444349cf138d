/** What the doors show of a stored upload (no figures of other providers, no patient data). */
import type { FieldIssue } from '../../domain/errors.js';
import type { UploadRow } from './figures-store.js';

export interface UploadView {
  id: number;
  agb: string;
  year: number;
  quarter: number;
  policy_id: string;
  received_at: string;
  /** The receipt's calendar day in the policy's time zone. */
  received_on: string;
  deadline: string;
  in_time: boolean;
  file_name: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  uploaded_by: string;
  status: 'accepted' | 'rejected';
  row_count: number;
  realisation_cents: number;
  prognosis_cents: number;
  issues: FieldIssue[];
}

export function uploadView(row: UploadRow): UploadView {
  return {
    id: Number(row.id),
    agb: row.agb,
    year: row.year,
    quarter: row.quarter,
    policy_id: row.policy_id,
    received_at: new Date(row.received_at).toISOString(),
    received_on: row.received_on,
    deadline: row.deadline,
    in_time: row.in_time,
    file_name: row.file_name,
    format: row.format,
    sha256: row.sha256,
    uploaded_by: row.uploaded_by,
    status: row.status,
    row_count: row.row_count,
    realisation_cents: row.realisation_cents,
    prognosis_cents: row.prognosis_cents,
    issues: Array.isArray(row.issues) ? (row.issues as FieldIssue[]) : [],
  };
}
