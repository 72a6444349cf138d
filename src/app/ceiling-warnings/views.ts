/**
 * What the doors show of a ceiling early warning (MSZ §4), and for purchasers the providers with
 * room for the same care. Pure functions of stored rows, the policy and the ceiling monitor's rows:
 * - the warning: plafond, the provider's expected revenue, the overrun (expected − plafond) and the
 *   status the policy's early-warning share gives it (`ceilingStatus`), each with its reason;
 * - room: providers offering one of the warning's specialisms, in the same region when the provider
 *   has one (else anywhere), with room left (plafond − year-end forecast > 0, `providersWithRoom`),
 *   most room first, each with the reason it was chosen. Providers that reported a warning themselves
 *   are left out: they cannot take new patients either.
 */
import { ceilingStatus, providersWithRoom } from '../../domain/monitoring/ceiling-forecast.js';
import type { Reason } from '../../domain/explain.js';
import { formatEuro } from '../../domain/money/index.js';
import type { Policy } from '../../domain/policy/index.js';
import type { CeilingWarningStatus } from '../../storage/schema.js';
import type { CeilingRow } from '../purchasing/ceiling-monitor.js';
import type { WarningRow } from './warnings-store.js';

export interface CeilingWarningView {
  id: number;
  agb: string;
  name: string;
  region: string | null;
  year: number;
  policy_id: string;
  ceiling_cents: number;
  expected_revenue_cents: number;
  /** Expected revenue − plafond: what would not be paid; negative while still below the plafond. */
  overrun_cents: number;
  /** Expected revenue / plafond, 4 decimals. */
  utilisation: string | null;
  assessment: 'ok' | 'warning' | 'overrun-expected' | null;
  specialisms: string[];
  explanation: string;
  reported_by_email: string;
  reported_at: string;
  status: CeilingWarningStatus;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  acknowledgement_note: string | null;
  closed_by: string | null;
  closed_at: string | null;
  closing_note: string | null;
  reasons: Reason[];
}

export interface RoomProvider {
  agb: string;
  name: string;
  region: string | null;
  /** The warning's specialisms this provider offers. */
  specialisms: string[];
  ceiling_cents: number;
  forecast_cents: number;
  room_cents: number;
  reasons: Reason[];
}

export interface MonitorFigures {
  as_of: string;
  claimed_to_date_cents: number;
  forecast_cents: number;
  status: 'ok' | 'warning' | 'overrun-expected';
}

export interface CeilingWarningWithRoom extends CeilingWarningView {
  /** Zilveren Kruis's own forecast of this provider at the as-of date (ceiling monitor), if it has one. */
  monitor: MonitorFigures | null;
  providers_with_room: RoomProvider[];
}

/** One row of the ceiling monitor, as the room computation needs it. */
export type MonitorRow = Pick<CeilingRow, 'agb' | 'name' | 'region' | 'specialisms' | 'ceiling_cents' | 'claimed_to_date_cents' | 'forecast_cents' | 'status'>;

const SOURCE = 'MSZ §4';
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function warningView(row: WarningRow, policy: Policy | null): CeilingWarningView {
  const overrun = row.expected_revenue_cents - row.ceiling_cents;
  const assessed = policy?.kind === 'msz' ? ceilingStatus(policy, { ceilingCents: row.ceiling_cents, forecastCents: row.expected_revenue_cents, claimedToDateCents: 0 }) : null;
  const reported: Reason = {
    rule: 'ceiling-warning.reported',
    source: SOURCE,
    inputs: { ceiling_cents: row.ceiling_cents, expected_revenue_cents: row.expected_revenue_cents, overrun_cents: overrun, specialisms: row.specialisms.join(', '), year: row.year },
    message:
      `${row.name} meldt een dreigende overschrijding van het plafond ${row.year}: verwachte omzet ${formatEuro(row.expected_revenue_cents)} bij een plafond van ${formatEuro(row.ceiling_cents)}` +
      (overrun > 0 ? `, een overschrijding van ${formatEuro(overrun)} die niet wordt vergoed.` : ` (nog ${formatEuro(-overrun)} binnen het plafond).`) +
      ' Nieuwe patiënten kunnen worden bemiddeld naar aanbieders die nog ruimte hebben.',
  };
  return {
    id: Number(row.id),
    agb: row.agb,
    name: row.name,
    region: row.region,
    year: row.year,
    policy_id: row.policy_id,
    ceiling_cents: row.ceiling_cents,
    expected_revenue_cents: row.expected_revenue_cents,
    overrun_cents: overrun,
    utilisation: assessed?.ok ? assessed.value.utilisation : null,
    assessment: assessed?.ok ? assessed.value.status : null,
    specialisms: row.specialisms,
    explanation: row.explanation,
    reported_by_email: row.reported_by_email,
    reported_at: iso(row.reported_at) ?? '',
    status: row.status,
    acknowledged_by: row.acknowledged_by,
    acknowledged_at: iso(row.acknowledged_at),
    acknowledgement_note: row.acknowledgement_note,
    closed_by: row.closed_by,
    closed_at: iso(row.closed_at),
    closing_note: row.closing_note,
    reasons: [reported, ...(assessed?.ok ? assessed.value.reasons : [])],
  };
}

/** Providers with room for the warning's care, from the ceiling monitor's rows (see the module comment). */
export function roomFor(
  warning: Pick<CeilingWarningView, 'agb' | 'region' | 'specialisms'>,
  monitor: readonly MonitorRow[],
  options: { asOf: string; excluded: ReadonlySet<string>; limit?: number },
): RoomProvider[] {
  const sameRegionOnly = warning.region !== null && warning.region !== '';
  const candidates = monitor
    .filter((r) => !options.excluded.has(r.agb))
    .map((r) => ({ ...r, region: sameRegionOnly ? (r.region ?? '') : '', ceilingCents: r.ceiling_cents, forecastCents: r.forecast_cents, row: r }));
  const found = new Map<string, { row: MonitorRow; room: number; specialisms: string[] }>();
  for (const specialism of warning.specialisms) {
    for (const c of providersWithRoom(candidates, { region: sameRegionOnly ? (warning.region ?? '') : '', specialism, excludeAgb: warning.agb })) {
      const entry = found.get(c.agb) ?? { row: c.row, room: c.room_cents, specialisms: [] };
      entry.specialisms.push(specialism);
      found.set(c.agb, entry);
    }
  }
  return [...found.values()]
    .toSorted((a, b) => b.specialisms.length - a.specialisms.length || b.room - a.room || (a.row.agb < b.row.agb ? -1 : 1))
    .slice(0, options.limit ?? 10)
    .map(({ row, room, specialisms }) => ({
      agb: row.agb,
      name: row.name,
      region: row.region,
      specialisms,
      ceiling_cents: row.ceiling_cents,
      forecast_cents: row.forecast_cents,
      room_cents: room,
      reasons: [
        {
          rule: 'ceiling-warning.room',
          source: SOURCE,
          inputs: {
            region: sameRegionOnly ? warning.region : null,
            same_region_required: sameRegionOnly,
            specialisms: specialisms.join(', '),
            ceiling_cents: row.ceiling_cents,
            forecast_cents: row.forecast_cents,
            room_cents: room,
            as_of: options.asOf,
          },
          message:
            `${row.name}${sameRegionOnly ? ` (zelfde regio: ${warning.region})` : ''} biedt specialisme ${specialisms.join(', ')} en heeft ruimte binnen het plafond: ` +
            `${formatEuro(room)} (plafond ${formatEuro(row.ceiling_cents)}, prognose jaareinde ${formatEuro(row.forecast_cents)} op peildatum ${options.asOf}).`,
        },
      ],
    }));
}
