/**
 * Use case: ceiling monitoring (MSZ §4). For every provider with a plafondafspraak in the year:
 * claims to date, a year-end forecast, and the early-warning status against its plafond; for a
 * provider heading for an overrun, the providers in its region with room left for the same care,
 * to whom new patients can be mediated.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import type { Reason } from '../../domain/explain.js';
import { ceilingStatus, forecastYearEnd, providersWithRoom } from '../../domain/monitoring/ceiling-forecast.js';
import { claimedTotals } from '../../storage/repositories/purchasing.js';
import { listProviders } from '../../storage/repositories/providers.js';
import { systemActor } from '../../domain/auth/actor.js';
import { withActor } from '../../storage/context.js';
import { parseYear } from './negotiation.js';
import { computeProposal } from './proposal.js';
import { withProviderYear, type PurchasingDeps } from './provider-year.js';

export interface CeilingRow {
  agb: string;
  name: string;
  region: string | null;
  specialisms: string[];
  ceiling_cents: number;
  claimed_to_date_cents: number;
  forecast_cents: number;
  status: 'ok' | 'warning' | 'overrun-expected';
  utilisation: string;
  room_cents: number;
  reasons: Reason[];
  providers_with_room?: { agb: string; name: string; room_cents: number }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function ceilingMonitor(deps: PurchasingDeps, yearInput: unknown, asOf: string): Promise<Result<{ year: number; as_of: string; providers: CeilingRow[] }>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'controller' && deps.actor.role !== 'system') {
    return fail('forbidden', 'Alleen zorginkopers en controllers zien de plafondmonitor.');
  }
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  if (!ISO_DATE.test(asOf) || !asOf.startsWith(String(year.value))) {
    return fail('invalid_input', `Peildatum moet een datum (JJJJ-MM-DD) in ${year.value} zijn.`, [{ field: 'as_of', message: 'Ongeldige peildatum.' }]);
  }
  const providers = await withActor(deps.db, systemActor('ceiling-monitor'), (tx) => listProviders(tx));
  const rows: CeilingRow[] = [];
  for (const p of providers) {
    const row = await withProviderYear(deps, p.agb, year.value, async (tx, context) => {
      if (context.decision.type !== 'plafond') return ok(null);
      const proposal = await computeProposal(tx, context);
      if (!proposal.ok) return proposal;
      // Without a base-year realisation there is no plafond amount to monitor yet.
      if (proposal.value.financial.amount_cents <= 0) return ok(null);
      const totals = await claimedTotals(tx, p.agb, year.value, { until: asOf, exemptKinds: [] });
      const forecast = forecastYearEnd({ year: year.value, asOf, claimedToDateCents: Math.max(0, totals.total_cents) });
      if (!forecast.ok) return forecast;
      const status = ceilingStatus(context.policy, { ceilingCents: proposal.value.financial.amount_cents, forecastCents: forecast.value.forecast_cents, claimedToDateCents: Math.max(0, totals.total_cents) });
      if (!status.ok) return status;
      return ok({
        agb: p.agb,
        name: p.name,
        region: p.region,
        specialisms: p.specialisms,
        ceiling_cents: proposal.value.financial.amount_cents,
        claimed_to_date_cents: Math.max(0, totals.total_cents),
        forecast_cents: forecast.value.forecast_cents,
        status: status.value.status,
        utilisation: status.value.utilisation,
        room_cents: status.value.room_cents,
        reasons: [forecast.value.reason, ...status.value.reasons],
      } satisfies CeilingRow);
    });
    if (!row.ok) return row;
    if (row.value) rows.push(row.value);
  }
  for (const row of rows) {
    if (row.status === 'ok') continue;
    const candidates = rows.map((r) => ({ agb: r.agb, name: r.name, region: r.region ?? '', specialisms: r.specialisms, ceilingCents: r.ceiling_cents, forecastCents: r.forecast_cents }));
    row.providers_with_room = row.specialisms
      .flatMap((specialism) => providersWithRoom(candidates, { region: row.region ?? '', specialism, excludeAgb: row.agb }))
      .filter((c, i, all) => all.findIndex((x) => x.agb === c.agb) === i)
      .slice(0, 5)
      .map((c) => ({ agb: c.agb, name: c.name, room_cents: c.room_cents }));
  }
  rows.sort((a, b) => Number(b.utilisation) - Number(a.utilisation));
  return ok({ year: year.value, as_of: asOf, providers: rows });
}
