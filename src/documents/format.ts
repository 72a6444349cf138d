/**
 * Dutch display helpers shared by the document renderers. Amounts stay integer cents until they
 * become text; decimal strings (shares, the price index) are re-punctuated, never parsed to floats.
 */
import { Decimal } from 'decimal.js';
import { assertCents, formatEuro, type Cents } from '../domain/money/index.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`; a malformed date is a bug in the caller (models come from the use cases). */
export function parseDate(iso: string): CalendarDate {
  const match = ISO_DATE.exec(iso);
  const [, y = '', m = '', d = ''] = match ?? [];
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (!match || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) {
    throw new RangeError(`Ongeldige datum '${iso}': verwacht JJJJ-MM-DD.`);
  }
  return date;
}

/** `2018-03-15` → `15 maart 2018`. */
export function formatDate(iso: string): string {
  const { year, month, day } = parseDate(iso);
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** The model's date as a UTC midnight `Date`, for document metadata (never the clock). */
export function dateValue(iso: string): Date {
  const { year, month, day } = parseDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A decimal string with a Dutch decimal comma: `1.0395` → `1,0395`, `-0.5` → `-0,5`. */
export function formatDecimal(text: string): string {
  return text.replace('.', ',');
}

/** A share as a Dutch percentage, exact: `0.042` → `4,2%`, `0` → `0%`. */
export function formatPercent(share: string): string {
  return `${formatDecimal(new Decimal(share).times(100).toFixed())}%`;
}

/** Cents as a plain decimal with a comma and no grouping, for CSV: `137700` → `1377,00`. */
export function plainEuro(cents: Cents): string {
  assertCents(cents, 'plainEuro');
  const magnitude = Math.abs(cents);
  const remainder = magnitude % 100;
  return `${cents < 0 ? '-' : ''}${(magnitude - remainder) / 100},${String(remainder).padStart(2, '0')}`;
}

const GROUPED = new Intl.NumberFormat('nl-NL', { useGrouping: true, maximumFractionDigits: 0 });
const MILLION_CENTS = 100_000_000;
const TENTH_MILLION_CENTS = 10_000_000;

/**
 * A short axis label from cents: `€ 12 mln`, `€ 12,5 mln`, `€ 250.000`, `€ 0`. Whole millions and
 * tenths are taken by integer division (axis ticks are round numbers), so no float division.
 */
export function formatEuroShort(value: number): string {
  const cents = Math.round(value);
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  if (magnitude >= MILLION_CENTS) {
    const tenths = (magnitude - (magnitude % TENTH_MILLION_CENTS)) / TENTH_MILLION_CENTS;
    const fraction = tenths % 10;
    return `€ ${sign}${GROUPED.format((tenths - fraction) / 10)}${fraction === 0 ? '' : `,${fraction}`} mln`;
  }
  return `€ ${sign}${GROUPED.format((magnitude - (magnitude % 100)) / 100)}`;
}

export type AgreementType = 'transitie' | 'plafond' | 'none';

export const AGREEMENT_TYPE_LABEL: Record<AgreementType, string> = {
  transitie: 'Transitieafspraak',
  plafond: 'Plafondafspraak',
  none: 'Geen overeenkomst',
};

/** `Richtpunt` for a transitieafspraak, `Plafond` for a plafondafspraak. */
export function targetLabel(type: 'transitie' | 'plafond'): 'Richtpunt' | 'Plafond' {
  return type === 'transitie' ? 'Richtpunt' : 'Plafond';
}

const INPUT_LABELS: Record<string, string> = {
  realised_cents: 'gerealiseerd',
  excluded_cents: 'uitgezonderde zorg',
  realised_within_cents: 'gerealiseerd binnen de afspraak',
  shortfall_cents: 'tekort',
  growth_cents: 'groei',
  overrun_cents: 'overschrijding',
  share: 'aandeel',
  rounding: 'afronding',
  exempt_care: 'soort zorg',
  volume_amount_cents: 'volume',
  price_index: 'prijsindex',
};

const DECIMAL = /^-?\d+\.\d+$/;

/** One input value for display: cents as euros, decimals with a comma, booleans as ja/nee. */
export function formatInputValue(key: string, value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return key.endsWith('_cents') && Number.isSafeInteger(value) ? formatEuro(value) : formatDecimal(String(value));
  return DECIMAL.test(value) ? formatDecimal(value) : value;
}

/**
 * The inputs of a reason as one line: `gerealiseerd € 9.000.000,00 · aandeel 0,5`. Known keys get a
 * Dutch name (`target_cents` becomes the richtpunt or plafond); others keep their id, so the line
 * stays traceable to the rule.
 */
export function formatInputs(inputs: Record<string, string | number | boolean | null>, type?: 'transitie' | 'plafond'): string {
  return Object.entries(inputs)
    .map(([key, value]) => {
      const label = key === 'target_cents' ? (type ? targetLabel(type).toLowerCase() : 'richtpunt/plafond') : (INPUT_LABELS[key] ?? key);
      return `${label} ${formatInputValue(key, value)}`;
    })
    .join(' · ');
}
