/**
 * Runs the matrix: the operations of the live OpenAPI document, the guard that every operation is
 * classified (and nothing else is), the ordered calls per stage, and the audit check of provider-B's
 * refusals. Each mismatch becomes one readable line, e.g.
 * `PUT /api/x as provider-B: expected forbidden, got 200`.
 */
import { appendFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../../src/storage/database.js';
import type { ApiClient } from '../../support/server.js';
import { ACTORS, type ActorId } from './actors.js';
import { EXPECTATIONS, PROBES, type Expectation, type Stage } from './expectations.js';
import { describeObserved, isRefusal, satisfies, type Observed, type Outcome } from './outcomes.js';
import { PLACEHOLDERS, type MatrixContext, type PlannedRequest, type Target } from './placeholders.js';

export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. `/api/providers/{agb}/contract`. */
  path: string;
  /** `METHOD /path`, the key of the expectation table. */
  key: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(item)) {
      if (!METHODS.includes(method)) continue;
      operations.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` });
    }
  }
  return operations;
}

/** Operations without an expectation (a new endpoint to classify) and expectations without an operation (gone). */
export function guard(operations: Operation[], table: Record<string, Expectation> = EXPECTATIONS): { unclassified: string[]; stale: string[] } {
  const live = new Set(operations.map((o) => o.key));
  const stale = [...Object.keys(table), ...Object.keys(PROBES).map((k) => `${k} (probe)`)].filter((k) => !live.has(k.replace(/ \(probe\)$/, '')));
  return { unclassified: [...live].filter((k) => !(k in table)).sort(), stale: stale.sort() };
}

/**
 * Entries where the provider user may use the endpoint for its own provider but is refused for
 * provider B, and that say neither which audit event records the refusal nor why none does.
 */
export function unsettledAudit(table: Record<string, Expectation> = EXPECTATIONS): string[] {
  return Object.entries(table)
    .filter(([, e]) => !isRefusal(e.cells['provider-A']) && isRefusal(e.cells['provider-B']) && e.audit === undefined && e.unaudited === undefined)
    .map(([key]) => key);
}

export interface Case {
  operation: Operation;
  actor: ActorId;
  expected: Outcome;
  expectation: Expectation;
  /** A cross-object probe: provider-A's own AGB in the path, provider B's object id. */
  probe?: true;
}

/**
 * The calls of one stage: every refusal first (a refused call changes nothing), then the allowed
 * calls in table order, each operation's actors in column order.
 */
export function casesOf(stage: Stage, operations: Operation[], table: Record<string, Expectation> = EXPECTATIONS): Case[] {
  const live = new Map(operations.map((o) => [o.key, o]));
  const cases: Case[] = [];
  for (const [key, expectation] of Object.entries(table)) {
    const operation = live.get(key);
    if (!operation) continue;
    for (const actor of ACTORS) {
      if ((expectation.stageOf?.[actor] ?? expectation.stage) !== stage) continue;
      cases.push({ operation, actor, expected: expectation.cells[actor], expectation });
    }
    const probe = PROBES[key];
    if (probe?.stage === stage) cases.push({ operation, actor: 'provider-A', expected: probe.expected, expectation, probe: true });
  }
  return [...cases.filter((c) => isRefusal(c.expected)), ...cases.filter((c) => !isRefusal(c.expected))];
}

export interface MatrixEnv {
  clients: Record<ActorId, ApiClient>;
  db: Database;
  ctx: MatrixContext;
  /** The user id behind each logged-in actor. */
  userIds: Partial<Record<ActorId, number>>;
}

export const targetOf = (ctx: MatrixContext, actor: ActorId, probe = false): Target => ({
  actor,
  agb: actor === 'provider-B' ? ctx.B : ctx.A,
  objects: actor === 'provider-B' || probe ? 'B' : 'A',
});

/** The URL of the planned request; throws on a path parameter without a placeholder. */
export function urlOf(operation: Operation, target: Target, planned: PlannedRequest): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const value = name === 'agb' ? target.agb : planned.params?.[name];
    if (value === undefined) throw new Error(`${operation.key}: no placeholder for path parameter {${name}} (add it in access-matrix/placeholders.ts)`);
    return encodeURIComponent(value);
  });
  return planned.query ? `${path}?${planned.query}` : path;
}

/** FHIR refusals are OperationOutcomes: their issue type, as the error code it stands for. */
const FHIR_ISSUE_CODES: Record<string, string> = { login: 'unauthenticated', forbidden: 'forbidden', 'not-found': 'not_found' };

/** The status and the error code (JSON error body, or a FHIR OperationOutcome), and the body as text. */
async function observe(response: Response): Promise<Observed & { text: string }> {
  const text = await response.text();
  let code: string | null = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown }; resourceType?: unknown; issue?: { code?: unknown }[] };
      if (typeof body.error?.code === 'string') code = body.error.code;
      else if (body.resourceType === 'OperationOutcome' && typeof body.issue?.[0]?.code === 'string') code = FHIR_ISSUE_CODES[body.issue[0].code] ?? `fhir:${body.issue[0].code}`;
    } catch {
      code = null;
    }
  }
  return { status: response.status, code, text };
}

/**
 * Whether a provider user's answer names provider B's AGB, leaving out the echo of the request's
 * own query (a FHIR searchset repeats it in its `self` link).
 */
function namesB(text: string, query: string | undefined, B: string): boolean {
  let rest = text;
  for (const pair of (query ?? '').split('&').filter(Boolean)) rest = rest.replaceAll(pair, '');
  return rest.includes(B);
}

async function deniedCount(db: Database, event: string, objectId: string): Promise<number> {
  const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and event = ${event} and object_id = ${objectId}`.execute(db.kysely);
  return rows.rows[0]?.n ?? 0;
}

async function deniedOf(db: Database, userId: number): Promise<number> {
  const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and user_id = ${userId}`.execute(db.kysely);
  return rows.rows[0]?.n ?? 0;
}

/** Makes one call; answers the mismatch lines (none when the call is as expected). */
export async function runCase(c: Case, env: MatrixEnv): Promise<string[]> {
  const target = targetOf(env.ctx, c.actor, c.probe === true);
  const label = `${c.operation.key} as ${c.actor}${c.probe ? " with provider B's object" : ''}`;
  let planned: PlannedRequest;
  let url: string;
  try {
    planned = (await PLACEHOLDERS[c.operation.key]?.(env.ctx, target)) ?? {};
    url = urlOf(c.operation, target, planned);
  } catch (error) {
    return [`${label}: ${(error as Error).message}`];
  }
  const audit = c.actor === 'provider-B' && !c.probe ? c.expectation.audit : undefined;
  const auditEvent = typeof audit === 'string' ? audit : audit?.event;
  const auditObject =
    audit === undefined ? null : typeof audit === 'string' ? target.agb : audit.object === 'finding' ? String(env.ctx.findings.sentB) : String(env.ctx.authorisations.B.id);
  // Every refusal of a logged-in user (403 at the door or in the use case, or a hidden 404) leaves a denied record of that user.
  const userId = env.userIds[c.actor];
  const deniedBefore = userId === undefined ? 0 : await deniedOf(env.db, userId);
  const before = auditEvent && auditObject ? await deniedCount(env.db, auditEvent, auditObject) : 0;

  const observed = await observe(await env.clients[c.actor].request(c.operation.method, url, planned.body));
  // AUTH_MATRIX_REPORT=<file>: every call's answer, one tab-separated line, to review the matrix as a whole.
  const report = process.env.AUTH_MATRIX_REPORT;
  if (report) appendFileSync(report, `${env.db.kind}\t${c.operation.key}\t${c.actor}${c.probe ? '+probe' : ''}\t${c.expected}\t${describeObserved(observed)}\n`);
  const problems: string[] = [];
  if (!satisfies(c.expected, observed, { rateLimited: c.expectation.rateLimited === true })) {
    problems.push(`${label}: expected ${c.expected}, got ${describeObserved(observed)}`);
  }
  // Served to the provider user on a non-public endpoint: nothing of provider B in it.
  const providerUser = c.actor === 'provider-A' || c.actor === 'provider-B';
  if (providerUser && !isRefusal(c.expected) && c.expectation.cells.visitor === 'unauthenticated' && observed.status < 300 && namesB(observed.text, planned.query, env.ctx.B)) {
    problems.push(`${label}: the answer names provider B (${env.ctx.B})`);
  }
  if (userId !== undefined && c.expectation.unaudited === undefined && (observed.status === 403 || (observed.status === 404 && c.expected === 'hidden')) && observed.code !== 'second_factor_required') {
    if ((await deniedOf(env.db, userId)) <= deniedBefore) problems.push(`${label}: refused (${observed.status}) without a denied record of the user in the audit log`);
  }
  if (auditEvent && auditObject) {
    const after = await deniedCount(env.db, auditEvent, auditObject);
    if (after <= before) problems.push(`${label}: refusal not in the audit log (event ${auditEvent}, outcome denied, object ${auditObject})`);
  }
  return problems;
}

export async function runStage(stage: Stage, operations: Operation[], env: MatrixEnv): Promise<string[]> {
  const problems: string[] = [];
  for (const c of casesOf(stage, operations)) problems.push(...(await runCase(c, env)));
  return problems;
}
