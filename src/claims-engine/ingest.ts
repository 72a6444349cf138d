/**
 * One chunk of a claim file (whole lines) into columns: each line through the fast path, else
 * through `parseClaimRecord`; valid lines go to the columns of the partition their BSN hashes to,
 * problems are returned with their line number within the chunk (1-based).
 */
import type { ClaimLineIssue } from '../domain/claims/claim-line.js';
import { CLAIM_FIELDS } from '../domain/claims/claim-line.js';
import { partitionOf, S, SCRATCH_SIZE, scratchOfClaim, type ClaimColumns } from './columns.js';
import { parseLineSlow } from './csv.js';
import { parseLineFast, type FastOut, type Layout } from './fast-parse.js';
import { parseStandardLine } from './standard-line.js';

export { partitionOf } from './columns.js';

export interface ChunkResult {
  /** Lines in the chunk, blank lines included (for numbering). */
  lines: number;
  /** Non-blank lines: claim lines read. */
  claims: number;
  accepted: number;
  rejected: number;
  /** Problems, line numbers relative to the chunk (1 = its first line); at most `issueLimit`. */
  issues: ClaimLineIssue[];
  issueCount: number;
}

const utf8 = new TextDecoder('utf-8');

export class ChunkIngester {
  private readonly scratch = new Float64Array(SCRATCH_SIZE);
  private readonly fast: FastOut = { exoticId: null };

  /** The file has the standard columns in the standard order: the straight-line parser applies. */
  private readonly standard: boolean;

  constructor(private readonly layout: Layout, private readonly sinks: readonly ClaimColumns[]) {
    this.standard = layout.columns.length === CLAIM_FIELDS.length && CLAIM_FIELDS.every((f, i) => layout.columns[i] === f);
  }

  ingest(buf: Uint8Array, issueLimit: number): ChunkResult {
    const { layout, sinks, scratch, fast, standard } = this;
    const partitions = sinks.length;
    const result: ChunkResult = { lines: 0, claims: 0, accepted: 0, rejected: 0, issues: [], issueCount: 0 };
    const length = buf.length;
    let p = 0;
    while (p < length) {
      result.lines++;
      if (standard) {
        const lineEnd = parseStandardLine(buf, p, length, sinks);
        if (lineEnd >= 0) {
          result.claims++;
          result.accepted++;
          p = lineEnd + 1;
          continue;
        }
      }
      const lineEnd = parseLineFast(buf, p, length, layout, scratch, fast);
      if (lineEnd >= 0) {
        result.claims++;
        (sinks[partitionOf(scratch[S.bsn] as number, partitions)] as ClaimColumns).push(scratch, fast.exoticId);
        result.accepted++;
        p = lineEnd + 1;
        continue;
      }
      let nl = buf.indexOf(10, p);
      if (nl < 0) nl = length;
      let end = nl;
      if (end > p && buf[end - 1] === 13) end--;
      if (end > p) {
        result.claims++;
        const parsed = parseLineSlow(utf8.decode(buf.subarray(p, end)), layout.columns, result.lines);
        if (parsed.ok) {
          const exotic = scratchOfClaim(parsed.value, scratch);
          (sinks[partitionOf(scratch[S.bsn] as number, partitions)] as ClaimColumns).push(scratch, exotic);
          result.accepted++;
        } else {
          result.rejected++;
          result.issueCount += parsed.error.issues.length;
          for (const issue of parsed.error.issues) if (result.issues.length < issueLimit) result.issues.push(issue);
        }
      }
      p = nl + 1;
    }
    return result;
  }
}
