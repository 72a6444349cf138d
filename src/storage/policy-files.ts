/**
 * Reads policy files (policies/*.yaml) from disk and validates them with the domain schema.
 * Problems name the file, the field path and the line: a YAML syntax error by its position, a
 * schema error by mapping the field path onto the YAML node it came from.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { fail, ok, type FieldIssue, type Result } from '../domain/errors.js';
import { parsePath, parsePolicy, type PathSegment } from '../domain/policy/parse.js';
import type { Policy } from '../domain/policy/schema.js';

/** The folder holding package.json, found by walking up from this module (works from src/ and dist/). */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json niet gevonden boven ${from}`);
    dir = parent;
  }
}

export function defaultPolicyDir(): string {
  return join(repoRoot(), 'policies');
}

/**
 * The line (1-based) of the node at `path` in a YAML document. For a map entry this is the line of its
 * key; when the path does not exist (a missing field) it is the line of the deepest part that does.
 */
export function lineOfPath(doc: Document, lines: LineCounter, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: [number, number, number] } | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (!range) break;
      offset = range[0];
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** Parses and validates the text of one policy file. No I/O: `file` only names it in the issues. */
export function parsePolicyYaml(text: string, file: string): Result<Policy> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues: FieldIssue[] = doc.errors.map((error) => ({
      file,
      line: error.linePos?.[0]?.line,
      code: error.code,
      message: `YAML-syntaxfout: ${error.message.split('\n')[0] ?? error.code}`,
    }));
    return fail('invalid_input', `Beleidsbestand ${file} is geen geldige YAML.`, issues);
  }
  const result = parsePolicy(doc.toJS({ maxAliasCount: 50 }), file);
  if (result.ok) return result;
  const issues = (result.error.issues ?? []).map((issue) => {
    const line = issue.path === undefined ? undefined : lineOfPath(doc, lines, parsePath(issue.path));
    return line === undefined ? issue : { ...issue, line };
  });
  return fail(result.error.code, result.error.message, issues);
}

export async function loadPolicyFile(path: string): Promise<Result<Policy>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail('not_found', `Beleidsbestand ${path} kan niet worden gelezen.`, [{ file: path, message: String(error) }]);
  }
  return parsePolicyYaml(text, path);
}

/**
 * Loads every *.yaml / *.yml file in `dir` (sorted by name). All problems of all files are reported
 * together; two files with the same policy id are an error naming both.
 */
export async function loadPolicies(dir: string = defaultPolicyDir()): Promise<Result<Policy[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return fail('not_found', `Map met beleidsbestanden ${dir} bestaat niet of is niet leesbaar.`);
  }
  const policies: Policy[] = [];
  const issues: FieldIssue[] = [];
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const result = await loadPolicyFile(file);
    if (!result.ok) {
      issues.push(...(result.error.issues ?? [{ file, message: result.error.message }]));
      continue;
    }
    const first = fileOf.get(result.value.id);
    if (first !== undefined) {
      issues.push({ file, path: 'id', code: 'duplicate_policy_id', message: `beleids-id '${result.value.id}' komt ook voor in ${first}` });
      continue;
    }
    fileOf.set(result.value.id, file);
    policies.push(result.value);
  }
  if (issues.length > 0) return fail('invalid_input', `Beleidsbestanden in ${dir} zijn ongeldig.`, issues);
  return ok(policies);
}
