/**
 * Use cases: a provider's own ceiling warnings, and the purchasers' list of all warnings of a year,
 * each with the plafond, the reported expectation and overrun, Zilveren Kruis's own forecast for the
 * provider, and the providers with room for the same care from the ceiling monitor (MSZ §4).
 */
import type { Actor } from '../../domain/auth/actor.js';
import { localDateIn } from '../../domain/contracting/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy/index.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { CeilingWarningStatus } from '../../storage/schema.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { ceilingMonitor } from '../purchasing/ceiling-monitor.js';
import { parseYear } from '../purchasing/negotiation.js';
import { roomFor, warningView, type CeilingWarningView, type CeilingWarningWithRoom } from './views.js';
import { warningsOf, type WarningRow } from './warnings-store.js';

export const WARNING_STATUSES: readonly CeilingWarningStatus[] = ['open', 'acknowledged', 'closed'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Deps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

const policyOf = (policies: PolicyCatalogue, row: WarningRow): Policy | null => {
  const policy = policies.get(row.policy_id);
  return policy.ok ? policy.value : null;
};

export async function providerCeilingWarnings(deps: Deps, agbInput: string, yearInput: unknown): Promise<Result<{ agb: string; year: number; warnings: CeilingWarningView[] }>> {
  const agb = await providerAccess(deps, agbInput, 'ceiling-warning.read', 'agb');
  if (!agb.ok) return agb;
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const rows = await withActor(deps.db, deps.actor, (tx) => warningsOf(tx, { year: year.value, agb: agb.value }));
  return ok({ agb: agb.value, year: year.value, warnings: rows.map((r) => warningView(r, policyOf(deps.policies, r))) });
}

export interface CeilingWarningsOverview {
  year: number;
  as_of: string;
  status: CeilingWarningStatus | null;
  counts: Record<CeilingWarningStatus, number>;
  warnings: CeilingWarningWithRoom[];
}

/** Today in Amsterdam, kept inside `year` (its last day for a past year, its first for a future one). */
export function defaultAsOf(year: number, now: Date): string {
  const today = localDateIn(now, 'Europe/Amsterdam');
  if (today.startsWith(`${year}-`)) return today;
  return today < `${year}-01-01` ? `${year}-01-01` : `${year}-12-31`;
}

export async function ceilingWarningsOverview(
  deps: Deps & { now: Date },
  input: { year: unknown; status?: string | undefined; asOf?: string | undefined },
): Promise<Result<CeilingWarningsOverview>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'controller' && deps.actor.role !== 'system') {
    return fail('forbidden', 'Alleen zorginkopers en controllers zien de plafondmeldingen van alle zorgaanbieders.');
  }
  const year = parseYear(input.year);
  if (!year.ok) return year;
  const status = input.status === undefined || input.status === '' ? null : input.status;
  if (status !== null && !(WARNING_STATUSES as readonly string[]).includes(status)) {
    return fail('invalid_input', `Status moet ${WARNING_STATUSES.join(', ')} zijn (gekregen: '${status}').`, [{ field: 'status', message: 'Onbekende status.' }]);
  }
  const asOf = input.asOf ?? defaultAsOf(year.value, deps.now);
  if (!ISO_DATE.test(asOf) || !asOf.startsWith(`${year.value}-`)) {
    return fail('invalid_input', `Peildatum moet een datum (JJJJ-MM-DD) in ${year.value} zijn.`, [{ field: 'as_of', message: 'Ongeldige peildatum.' }]);
  }

  const all = await withActor(deps.db, deps.actor, (tx) => warningsOf(tx, { year: year.value }));
  const counts = { open: 0, acknowledged: 0, closed: 0 } satisfies Record<CeilingWarningStatus, number>;
  for (const row of all) counts[row.status] += 1;
  const shown = status === null ? all : all.filter((w) => w.status === status);
  if (shown.length === 0) return ok({ year: year.value, as_of: asOf, status: status as CeilingWarningStatus | null, counts, warnings: [] });

  const monitor = await ceilingMonitor(deps, year.value, asOf);
  if (!monitor.ok) return monitor;
  // A provider that reported a threatened overrun itself (and it is not closed) takes no new patients.
  const excluded = new Set(all.filter((w) => w.status !== 'closed').map((w) => w.agb));
  const warnings = shown.map((row): CeilingWarningWithRoom => {
    const view = warningView(row, policyOf(deps.policies, row));
    const own = monitor.value.providers.find((p) => p.agb === row.agb);
    return {
      ...view,
      monitor: own ? { as_of: asOf, claimed_to_date_cents: own.claimed_to_date_cents, forecast_cents: own.forecast_cents, status: own.status } : null,
      providers_with_room: roomFor(view, monitor.value.providers, { asOf, excluded }),
    };
  });
  return ok({ year: year.value, as_of: asOf, status: status as CeilingWarningStatus | null, counts, warnings });
}
