/**
 * Validates already-parsed policy data (plain objects, e.g. from YAML) against the policy schema.
 * Pure: no I/O. Every problem becomes a `FieldIssue` with the file and the exact field path
 * (`calendar[3].date`); the storage layer adds the line number.
 */
import { z } from 'zod';
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import { policySchema, type Policy } from './schema.js';

export type PathSegment = string | number;

/** `['calendar', 3, 'date']` → `calendar[3].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** `calendar[3].date` → `['calendar', 3, 'date']` (the inverse of `formatPath`). */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

const dutch = z.locales.nl();

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    return "onbekende of ontbrekende soort (kind): verwacht 'msz' of 'add-on'";
  }
  return issue.message;
}

/** Turns zod issues into field issues; an unknown key becomes one issue per key, at that key. */
export function policyIssues(error: z.ZodError, file: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ file, path: formatPath([...issue.path, key]), code: 'unknown_key', message: `onbekend veld '${key}'` });
      }
      continue;
    }
    issues.push({ file, path: formatPath(issue.path), code: issue.code, message: issueMessage(issue) });
  }
  return issues;
}

/** Validates policy data read from `file` (the name is only used in the issues). */
export function parsePolicy(data: unknown, file: string): Result<Policy> {
  const parsed = policySchema.safeParse(data, { error: dutch.localeError });
  if (parsed.success) return ok(parsed.data);
  const issues = policyIssues(parsed.error, file);
  const count = issues.length === 1 ? '1 fout' : `${issues.length} fouten`;
  return fail('invalid_input', `Beleidsbestand ${file} is ongeldig (${count}).`, issues);
}
