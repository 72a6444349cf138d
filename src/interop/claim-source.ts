/**
 * What every claim-file reader (CSV, Vektis ZH308, FHIR Bundle) hands to the one import pipeline:
 * per claim record its place in the file and either the claim as a CSV-shaped record (keyed by
 * `CLAIM_FIELDS` of `src/domain/claims/claim-line.ts`) or the problems found in the format itself.
 */

/** One problem of a record, named in the terms of its format (CSV column, ZH308 rubriek, FHIR path). */
export interface ClaimSourceIssue {
  field: string;
  code: string;
  message: string;
  /** The line of the problem when it differs from the item's line (a ZH308 tariff record under its claim). */
  line?: number;
}

export interface ClaimSourceItem {
  /** Line (or record number, or Bundle entry index + 1) of the claim record in the file. */
  line: number;
  /** The claim keyed by `CLAIM_FIELDS`; with `issues` present it only attributes the record (claim id, AGB). */
  record?: Record<string, string>;
  /** Problems found by the reader: the record is rejected with them. */
  issues?: ClaimSourceIssue[];
  /** The record type in the format (ZH308 `04`, or `02`/`06`/... for a record rejected on its own). */
  recordType?: string;
  /** The sender's identification of the record (ZH308 `Identificatie detailrecord`). */
  recordId?: number;
  /** Set when the file as a whole is refused (header, trailer, structure): the Dutch message; nothing is stored. */
  fatal?: string;
}
