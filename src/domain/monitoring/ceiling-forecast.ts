/**
 * Ceiling monitoring (MSZ §4): "Als u de plafondafspraak dreigt te overschrijden, moet u dit tijdig
 * bij Zilveren Kruis melden zodat wij nieuwe patiënten kunnen bemiddelen naar aanbieders die nog
 * ruimte hebben binnen hun financiële afspraak." Three pure steps:
 * 1. `forecastYearEnd`: the year-end claims forecast (decision `ceiling-forecast`):
 *    - `linear-elapsed-days`: claimed to date × days in the year / elapsed days (the as-of date
 *      included: 1 January is day 1);
 *    - `linear-complete-months`, when monthly amounts are given and at least one month is complete
 *      at the as-of date: Σ complete months × 12 / number of complete months.
 *    Rounded once to whole cents (half-up); never below what has already been claimed.
 * 2. `ceilingStatus`: ok, warning (from `ceiling_early_warning_share` of the ceiling, decision
 *    `ceiling-early-warning`) or overrun-expected (forecast above the ceiling).
 * 3. `providersWithRoom`: providers in the same region offering the specialism, by room left.
 */
import { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import { formatEuro, isCents, MoneyDecimal, parseShare, ratio, roundToCents, sumCents, type Cents } from '../money/index.js';
import { isIsoDate, parameterValue, type MszPolicy } from '../policy/index.js';

export type ForecastMethod = 'linear-elapsed-days' | 'linear-complete-months';

export interface ForecastInput {
  year: number;
  /** The date the claims are counted up to, inclusive, `YYYY-MM-DD`. */
  asOf: string;
  claimedToDateCents: number;
  /** Claimed amount per calendar month, January first (optional). */
  monthlyClaimedCents?: readonly number[];
}

export interface YearEndForecast {
  forecast_cents: Cents;
  method: ForecastMethod;
  reason: Reason;
}

export type CeilingStatus = 'ok' | 'warning' | 'overrun-expected';

export interface CeilingStatusResult {
  status: CeilingStatus;
  /** max(forecast, claimed) / ceiling, 4 decimals. */
  utilisation: string;
  /** Ceiling minus max(forecast, claimed); negative when an overrun is expected. */
  room_cents: Cents;
  reasons: Reason[];
}

export interface RoomCandidate {
  agb: string;
  name: string;
  region: string;
  specialisms: readonly string[];
  ceilingCents: number;
  forecastCents: number;
}

export type ProviderWithRoom<T extends RoomCandidate = RoomCandidate> = T & { room_cents: Cents };

const SOURCE = 'MSZ §4';
const DAY_MS = 86_400_000;

const bad = (field: string, message: string): Result<never> => fail('invalid_input', `${message} (veld '${field}')`, [{ field, message }]);

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function forecastYearEnd(input: ForecastInput): Result<YearEndForecast> {
  const { year, asOf, claimedToDateCents: claimed } = input;
  if (!Number.isInteger(year)) return bad('year', 'Het jaar moet een geheel getal zijn');
  if (!isIsoDate(asOf)) return bad('asOf', `Peildatum '${asOf}' is geen datum als JJJJ-MM-DD`);
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  if (y !== year) return bad('asOf', `Peildatum ${asOf} ligt niet in ${year}`);
  if (!isCents(claimed) || claimed < 0) return bad('claimedToDateCents', 'Het gedeclareerde bedrag moet een geheel aantal centen ≥ 0 zijn');
  const monthly = input.monthlyClaimedCents ?? [];
  for (const [i, v] of monthly.entries()) if (!isCents(v) || v < 0) return bad(`monthlyClaimedCents[${i}]`, 'Een maandbedrag moet een geheel aantal centen ≥ 0 zijn');

  const elapsed = dayNumber(y, m, d) - dayNumber(y, 1, 1) + 1;
  const daysInYear = dayNumber(y + 1, 1, 1) - dayNumber(y, 1, 1);
  const lastOfMonth = dayNumber(y, m + 1, 1) - 1 === dayNumber(y, m, d);
  const completeMonths = lastOfMonth ? m : m - 1;
  const inputs = { year, as_of: asOf, claimed_to_date_cents: claimed, elapsed_days: elapsed, days_in_year: daysInYear };

  if (monthly.length > 0 && completeMonths > 0) {
    if (monthly.length < completeMonths) return bad('monthlyClaimedCents', `Er zijn ${completeMonths} volledige maanden tot ${asOf}, maar ${monthly.length} maandbedragen`);
    const months = monthly.slice(0, completeMonths);
    const completeCents = sumCents(months);
    const sum = new MoneyDecimal(completeCents);
    const linear = roundToCents(sum.times(12).dividedBy(completeMonths), 'half-up');
    const forecast = Math.max(linear, claimed);
    return ok({
      forecast_cents: forecast, method: 'linear-complete-months',
      reason: {
        rule: 'monitoring.forecast.linear-complete-months', source: SOURCE,
        inputs: { ...inputs, complete_months: completeMonths, complete_months_cents: completeCents },
        message: `Prognose ${year}: ${formatEuro(completeCents)} over ${completeMonths} volledige maanden × 12 / ${completeMonths} = ${formatEuro(forecast)}${forecast > linear ? ' (niet lager dan al gedeclareerd)' : ''}.`,
      },
    });
  }
  const linear = roundToCents(new MoneyDecimal(claimed).times(daysInYear).dividedBy(elapsed), 'half-up');
  const forecast = Math.max(linear, claimed);
  return ok({
    forecast_cents: forecast, method: 'linear-elapsed-days',
    reason: {
      rule: 'monitoring.forecast.linear-elapsed-days', source: SOURCE, inputs,
      message: `Prognose ${year}: ${formatEuro(claimed)} gedeclareerd tot en met ${asOf} (${elapsed} van ${daysInYear} dagen), lineair doorgetrokken naar ${formatEuro(forecast)}.`,
    },
  });
}

export function ceilingStatus(policy: MszPolicy, input: { ceilingCents: number; forecastCents: number; claimedToDateCents: number }): Result<CeilingStatusResult> {
  const { ceilingCents: ceiling, forecastCents: forecast, claimedToDateCents: claimed } = input;
  if (!isCents(ceiling) || ceiling <= 0) return bad('ceilingCents', 'Het plafond moet een positief geheel aantal centen zijn');
  if (!isCents(forecast) || forecast < 0) return bad('forecastCents', 'De prognose moet een geheel aantal centen ≥ 0 zijn');
  if (!isCents(claimed) || claimed < 0) return bad('claimedToDateCents', 'Het gedeclareerde bedrag moet een geheel aantal centen ≥ 0 zijn');
  const parameter = policy.settlement.ceiling.early_warning_parameter;
  const warningText = parameterValue(policy, parameter, 'decimal');
  if (!warningText.ok) return warningText;
  const warningShare = parseShare(warningText.value, parameter);
  if (!warningShare.ok) return warningShare;

  const projected = Math.max(forecast, claimed);
  const used: Decimal = ratio(projected, ceiling);
  const threshold = warningShare.value.decimal;
  const status: CeilingStatus = projected > ceiling ? 'overrun-expected' : used.greaterThanOrEqualTo(threshold) ? 'warning' : 'ok';
  const utilisation = used.toFixed(4, Decimal.ROUND_HALF_UP);
  const percent = (d: Decimal) => d.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed();
  const report = 'De aanbieder moet dit tijdig bij Zilveren Kruis melden, zodat nieuwe patiënten kunnen worden bemiddeld naar aanbieders met ruimte.';
  const message = {
    ok: `Prognose ${percent(used)}% van het plafond, onder de signaalgrens van ${percent(threshold)}%.`,
    warning: `Prognose ${percent(used)}% van het plafond, op of boven de signaalgrens van ${percent(threshold)}%: het plafond dreigt te worden overschreden. ${report}`,
    'overrun-expected': `Prognose ${percent(used)}% van het plafond: overschrijding verwacht van ${formatEuro(projected - ceiling)}, die niet wordt vergoed. ${report}`,
  }[status];
  return ok({
    status, utilisation, room_cents: ceiling - projected,
    reasons: [{
      rule: `monitoring.ceiling.${status}`, source: policy.settlement.ceiling.source,
      inputs: { ceiling_cents: ceiling, forecast_cents: forecast, claimed_to_date_cents: claimed, utilisation, early_warning_share: threshold.toFixed() },
      message,
    }],
  });
}

/**
 * Providers that can take new patients: same region, offering the specialism, not the provider that
 * threatens to overrun, with room left (ceiling − forecast > 0); most room first, then by AGB.
 */
export function providersWithRoom<T extends RoomCandidate>(
  candidates: readonly T[],
  query: { region: string; specialism: string; excludeAgb?: string | null },
): ProviderWithRoom<T>[] {
  return candidates
    .filter((c) => c.region === query.region && c.specialisms.includes(query.specialism) && c.agb !== query.excludeAgb)
    .map((c) => ({ ...c, room_cents: c.ceilingCents - c.forecastCents }))
    .filter((c) => c.room_cents > 0)
    .toSorted((a, b) => b.room_cents - a.room_cents || (a.agb < b.agb ? -1 : a.agb > b.agb ? 1 : 0));
}
