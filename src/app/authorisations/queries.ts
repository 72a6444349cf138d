/**
 * Use cases: reading authorisation requests with their decision clock. A provider user reads its own
 * (the AGB in the path; another AGB is refused and audited); the medical advisers and controllers
 * read the queue of every provider. Purchasers see no patient data. Every read is audited (patient
 * data, NEN 7513).
 */
import { OPEN_STATUSES, type AuthorisationStatus, type DecisionClock } from '../../domain/authorisations/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import { auditHiddenObject, providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { isInsurer, OBJECT_TYPE, parseAuthorisationId, PURPOSE, storedTermSettings, type AuthorisationDeps } from './settings.js';
import { attachmentsOf, eventsOf, findAuthorisation, lineTotals, linesOf, listAuthorisations, type AuthorisationRow } from './store.js';
import { detailView, summaryView, type AuthorisationDetail, type AuthorisationSummary } from './view.js';

/** The full request as the actor may see it, or undefined (row-level security decides). */
export async function loadDetail(tx: Tx, policies: PolicyCatalogue, row: AuthorisationRow, now: Date): Promise<Result<AuthorisationDetail>> {
  const settings = storedTermSettings(policies, row.policy_id);
  if (!settings.ok) return settings;
  const events = (await eventsOf(tx, [row.id])).get(row.id) ?? [];
  return ok(detailView(row, { events, lines: await linesOf(tx, row.id), attachments: await attachmentsOf(tx, row.id) }, settings.value, now));
}

async function summaries(tx: Tx, policies: PolicyCatalogue, rows: AuthorisationRow[], now: Date): Promise<Result<AuthorisationSummary[]>> {
  const ids = rows.map((r) => r.id);
  const events = await eventsOf(tx, ids);
  const totals = await lineTotals(tx, ids);
  const list: AuthorisationSummary[] = [];
  for (const row of rows) {
    const settings = storedTermSettings(policies, row.policy_id);
    if (!settings.ok) return settings;
    list.push(summaryView(row, events.get(row.id) ?? [], totals.get(row.id) ?? 0, settings.value, now));
  }
  return ok(list);
}

/** Open requests first, the earliest due date first (those waiting for an answer, due date unknown, after the others; a consultation pause has one); then decided ones, newest first. */
export function queueOrder(a: AuthorisationSummary, b: AuthorisationSummary): number {
  const open = (s: AuthorisationSummary) => OPEN_STATUSES.includes(s.status);
  if (open(a) !== open(b)) return open(a) ? -1 : 1;
  if (open(a)) {
    const due = (c: DecisionClock) => c.due_date ?? '9999-12-31';
    if (due(a.clock) !== due(b.clock)) return due(a.clock) < due(b.clock) ? -1 : 1;
    return a.id - b.id;
  }
  return (b.decided_at ?? b.received_at).localeCompare(a.decided_at ?? a.received_at) || b.id - a.id;
}

function parseStatus(value: unknown): Result<AuthorisationStatus | undefined> {
  if (value === undefined || value === null || value === '') return ok(undefined);
  const statuses: readonly string[] = ['submitted', 'info-requested', 'approved', 'rejected', 'withdrawn'];
  return statuses.includes(String(value)) ? ok(value as AuthorisationStatus) : fail('invalid_input', `Status: ${statuses.join(', ')}.`, [{ field: 'status', message: 'Onbekende status.' }]);
}

/** Records a provider user's attempt on a request it cannot see (not revealing whether it exists); nothing for other roles. */
export async function auditHidden(tx: Tx, actor: AuthorisationDeps['actor'], event: string, id: number, action: 'R' | 'U' | 'C' = 'R'): Promise<void> {
  await auditHiddenObject(tx, actor, { event, action, purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(id) });
}

/** Refuses purchasers (and anyone else outside the two sides), with an audit record. */
async function refuseOutsider(deps: AuthorisationDeps, event: string, agb: string | null): Promise<Result<never>> {
  await withActor(deps.db, deps.actor, (tx) => audit(tx, deps.actor, { event, action: 'R', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, agb }));
  return fail('forbidden', 'Machtigingsaanvragen bevatten patiëntgegevens: alleen de zorgaanbieder zelf, medisch adviseurs en controllers zien ze.');
}

export async function listProviderAuthorisations(deps: AuthorisationDeps, agbInput: string, filter: { status?: unknown } = {}): Promise<Result<AuthorisationSummary[]>> {
  const agb = await providerAccess(deps, agbInput, 'authorisation.list', 'agb');
  if (!agb.ok) return agb;
  if (deps.actor.role !== 'provider' && !isInsurer(deps.actor)) return refuseOutsider(deps, 'authorisation.list', agb.value);
  const status = parseStatus(filter.status);
  if (!status.ok) return status;
  return withActor(deps.db, deps.actor, async (tx) => {
    const rows = await listAuthorisations(tx, { agb: agb.value, ...(status.value ? { status: status.value } : {}) });
    const list = await summaries(tx, deps.policies, rows, deps.now);
    if (!list.ok) return list;
    await audit(tx, deps.actor, { event: 'authorisation.list', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, agb: agb.value, details: { count: rows.length, status: status.value ?? null } });
    return ok(list.value.sort(queueOrder));
  });
}

export async function listAuthorisationQueue(deps: AuthorisationDeps, filter: { status?: unknown; agb?: unknown } = {}): Promise<Result<AuthorisationSummary[]>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (!isInsurer(deps.actor)) return refuseOutsider(deps, 'authorisation.queue', deps.actor.agb);
  const status = parseStatus(filter.status);
  if (!status.ok) return status;
  const agb = typeof filter.agb === 'string' && filter.agb.trim() !== '' ? filter.agb.trim() : undefined;
  if (agb !== undefined && !/^\d{8}$/.test(agb)) return fail('invalid_input', 'AGB-code: 8 cijfers.', [{ field: 'agb', message: 'Ongeldige AGB-code.' }]);
  return withActor(deps.db, deps.actor, async (tx) => {
    const rows = await listAuthorisations(tx, { ...(agb ? { agb } : {}), ...(status.value ? { status: status.value } : {}) });
    const list = await summaries(tx, deps.policies, rows, deps.now);
    if (!list.ok) return list;
    await audit(tx, deps.actor, { event: 'authorisation.queue', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, agb: agb ?? null, details: { count: rows.length, status: status.value ?? null } });
    return ok(list.value.sort(queueOrder));
  });
}

/**
 * One request. `options.agb` is the provider named in the path: another provider's AGB is refused
 * and audited, a request of another provider is not found.
 */
export async function getAuthorisation(deps: AuthorisationDeps, idInput: unknown, options: { agb?: string } = {}): Promise<Result<AuthorisationDetail>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  let agb: string | undefined;
  if (options.agb !== undefined) {
    const access = await providerAccess(deps, options.agb, 'authorisation.read', 'agb');
    if (!access.ok) return access;
    agb = access.value;
  } else if (deps.actor.role === 'provider') {
    agb = deps.actor.agb ?? undefined;
  }
  if (deps.actor.role !== 'provider' && !isInsurer(deps.actor)) return refuseOutsider(deps, 'authorisation.read', agb ?? null);
  const id = parseAuthorisationId(idInput);
  if (!id.ok) return id;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findAuthorisation(tx, id.value);
    if (!row || (agb !== undefined && row.agb !== agb)) {
      // A provider user asking for a request it may not see (another provider's, or none): the attempt is recorded.
      await auditHidden(tx, deps.actor, 'authorisation.read', id.value);
      return fail('not_found', `Machtigingsaanvraag ${id.value} niet gevonden.`);
    }
    const detail = await loadDetail(tx, deps.policies, row, deps.now);
    if (!detail.ok) return detail;
    await audit(tx, deps.actor, { event: 'authorisation.read', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(row.id), agb: row.agb });
    return detail;
  });
}
