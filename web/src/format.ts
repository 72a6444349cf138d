/** Dutch display formats: euros from integer cents, dates, yes/no, and the labels of codes. */
import type { ProviderType, Role } from './api';

/** Integer cents (a safe integer, a digit string or a bigint) as a bigint; null when not an integer. */
export function parseCents(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return null;
}

/**
 * `€ 12.345.678,90` from 1234567890 cents, in integer arithmetic: no float ever touches the amount.
 * Negative amounts read `€ -12,00`, as Dutch bookkeeping writes them.
 */
export function formatEuroCents(value: unknown): string {
  const cents = parseCents(value);
  if (cents === null) return 'ongeldig bedrag';
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `€ ${negative ? '-' : ''}${euros},${rest}`;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isIsoDateTime = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);

/** `2017-04-01` as `1 april 2017`; a timestamp with its time in Dutch local time. */
export function formatDate(value: string): string {
  if (isIsoDate(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
  }
  const midnightUtc = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.0+)?)?Z$/.exec(value);
  if (midnightUtc) return formatDate(midnightUtc[1] as string);
  if (isIsoDateTime(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return dateTimeFormat.format(date);
  }
  return value;
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6 });
export const formatNumber = (value: number): string => numberFormat.format(value);

const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 2 });
/** A share written as a decimal fraction (`0.35`) as `35%`. Display only. */
export function formatShare(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? percentFormat.format(n) : String(value);
}

export const yesNo = (value: boolean | null | undefined): string => (value === true ? 'ja' : value === false ? 'nee' : '—');

export const roleLabels: Record<Role, string> = {
  purchaser: 'Zorginkoper',
  controller: 'Controller',
  provider: 'Zorgaanbieder',
};

export const providerTypeLabels: Record<ProviderType, string> = {
  ziekenhuis: 'Algemeen ziekenhuis',
  umc: 'UMC',
  zbc: 'ZBC',
  categoraal: 'Categorale instelling',
};

export const insurerLabels: Record<string, string> = {
  zk: 'Zilveren Kruis',
  'de-friesland': 'De Friesland',
};

export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined ? '—' : (labels[code] ?? code);

/** Lower case without accents, for filtering (`Ziekenhuis Gelderse Vallei` matches `gelderse`). */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
