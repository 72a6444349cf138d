/**
 * The slow path of reading a claim file: one line as text, split by the RFC 4180 rules (quoted
 * fields, doubled quotes), turned into a record for `parseClaimRecord`. Used for the header and
 * for every line the fast path does not accept. A quoted field may not hold a line break: claim
 * fields never do, and the reader splits the file at line breaks.
 */
import { parseClaimRecord, type ClaimLineIssue } from '../domain/claims/claim-line.js';
import type { Claim } from '../domain/claims/types.js';
import type { Result } from '../domain/errors.js';

/** The fields of one line, or null when its quotes do not close properly. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line.charCodeAt(i) !== 44) return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** The column names of a header line (BOM and surrounding spaces removed). */
export function headerColumns(line: string): string[] {
  return (splitCsvLine(line.replace(/^\uFEFF/, '')) ?? line.split(',')).map((c) => c.trim());
}

/** One line through `parseClaimRecord`, with the line-shape problem (ZK-191) first. */
export function parseLineSlow(text: string, columns: readonly string[], line: number): Result<Claim, { issues: ClaimLineIssue[] }> {
  const fields = splitCsvLine(text);
  if (fields === null || fields.length !== columns.length) {
    const message = fields === null
      ? 'Regel onleesbaar: aanhalingstekens sluiten niet goed'
      : `Regel heeft ${fields.length} velden, de kopregel ${columns.length}`;
    return { ok: false, error: { issues: [{ line, field: '(regel)', code: 'ZK-191', message }] } };
  }
  const record: Record<string, string> = {};
  columns.forEach((name, i) => {
    record[name] = fields[i] ?? '';
  });
  const result = parseClaimRecord(record, line);
  return result.ok ? result : { ok: false, error: { issues: result.error.issues } };
}
