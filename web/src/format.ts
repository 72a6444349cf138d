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
  'medical-adviser': 'Medisch adviseur',
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

/**
 * A euro amount as typed by a Dutch user (`1.234.567,89`, `1234567,89`, `€ 1234567`, or `1234567.89`)
 * as integer cents in a digit string; null when it is not an amount with at most two decimals.
 * Integer arithmetic on the digits: no float touches the amount.
 */
export function parseEuroInput(text: string): string | null {
  let t = text.replace(/[\s\u00a0]/g, '').replace(/^€/, '');
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  let parts: string[];
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t) || /^\d+(,\d{1,2})?$/.test(t)) {
    // Dutch: dots group thousands, the comma marks the decimals.
    parts = t.replace(/\./g, '').split(',');
  } else if (/^\d+\.\d{1,2}$/.test(t)) {
    // A plain decimal point with one or two decimals (`1234.5`).
    parts = t.split('.');
  } else {
    return null;
  }
  const [whole = '0', fraction = ''] = parts;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return (negative && cents !== 0n ? -cents : cents).toString();
}

/** Cents as an amount to put back into a euro input field: `1234567,89` (no thousands dots). */
export function centsToEuroInput(value: unknown): string {
  const cents = parseCents(value);
  if (cents === null) return '';
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A share typed as `0,5`, `0.5` or `50%` as a decimal string (`0.5`); null when not a share in 0..1. */
export function parseShareInput(text: string): string | null {
  const t = text.replace(/\s/g, '').replace(',', '.');
  const percent = /^(\d{1,3})(\.\d+)?%$/.exec(t);
  let decimal: string;
  if (percent) {
    // Move the decimal point two places to the left, in text: 12.5% is 0.125.
    const whole = percent[1] as string;
    const frac = (percent[2] ?? '').slice(1);
    const scale = frac.length + 2;
    const digits = (whole + frac).padStart(scale + 1, '0');
    decimal = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  } else if (/^\d+(\.\d+)?$/.test(t)) {
    decimal = t;
  } else {
    return null;
  }
  decimal = decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
  decimal = decimal.replace(/^0+(?=\d)/, '');
  const n = Number(decimal);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? decimal : null;
}

/** A decimal fraction (`0.9731`) as a Dutch percentage with one decimal (`97,3%`). */
const utilisationFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
export function formatPercent(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? utilisationFormat.format(n) : String(value);
}

export const agreementTypeLabels: Record<string, string> = {
  transitie: 'Transitieafspraak',
  plafond: 'Plafondafspraak',
  none: 'Geen overeenkomst',
};

export const agreementPathLabels: Record<string, string> = {
  regular: 'Regulier traject',
  digital: 'Digitaal traject',
};

export const decisionStatusLabels: Record<string, string> = {
  final: 'Definitief',
  provisional: 'Voorlopig',
};

export const negotiationFactLabels: Record<string, string> = {
  agreed: 'Overeenstemming',
  rejected: 'Geen overeenstemming',
  open: 'Nog open',
};

export const amountKindLabels: Record<string, string> = {
  richtpunt: 'Richtpunt',
  plafond: 'Plafond',
  none: 'Geen bedrag (geen overeenkomst)',
};

export const ceilingStatusLabels: Record<string, string> = {
  ok: 'ok',
  warning: 'waarschuwing',
  'overrun-expected': 'overschrijding verwacht',
};

export const addonAgreementLabels: Record<string, string> = {
  'fda-nacalculatie': 'Financiële deelafspraak met nacalculatie',
  plafond: 'Plafond tegen referentietarieven, zonder nacalculatie',
};

export const priceIndexMethodLabels: Record<string, string> = {
  unweighted: 'ongewogen',
  'volume-weighted': 'gewogen naar volume',
};

/** "3 jaar" / "1 jaar". */
export const yearsText = (years: number): string => `${years} jaar`;

/* ---- Claims control and mirror information ---- */

export const ruleLabels: Record<string, string> = {
  duplicate: 'Dubbele declaratie',
  parallel: 'Parallel initieel subtraject',
  'parallel-combination': 'Parallelle diagnosecombinatie',
  'parallel-specialism': 'Parallel subtraject zonder parallelliteit',
  serial: 'Initieel subtraject binnen vervolgtermijn',
  'non-evidence': 'Behandeling uit Bijlage 4',
  selective: 'Selectief ingekochte zorg',
  ceiling: 'Overschrijding omzetplafond',
  'addon-tariff': 'Add-on boven referentietarief',
  'addon-centre': 'Add-on buiten gespecialiseerd centrum',
};

export const findingActionLabels: Record<string, string> = {
  reject: 'Afwijzen',
  reclaim: 'Terugvorderen',
  review: 'Beoordelen',
};

export const findingStatusLabels: Record<string, string> = {
  open: 'Open',
  sent: 'Verstuurd voor hoor en wederhoor',
  responded: 'Reactie ontvangen',
  upheld: 'Gehandhaafd',
  withdrawn: 'Ingetrokken',
};

export const mirrorSignalLabels: Record<string, string> = {
  'above-p90': 'Boven P90',
  'above-p75': 'Boven P75',
  normal: 'Binnen P25–P75',
  'below-p25': 'Onder P25',
};

/** The same, inside a sentence. */
export const mirrorSignalPhrases: Record<string, string> = {
  'above-p90': 'boven P90',
  'above-p75': 'boven P75',
  normal: 'binnen P25–P75',
  'below-p25': 'onder P25',
};

/** The topics of ADD §8, in the order of the policy. */
export const mirrorTopicLabels: Record<string, string> = {
  'correct-declareren': 'Correct declareren en registreren',
  'gepast-gebruik': 'Gepast gebruik',
  'juiste-zorg': 'Juiste zorg',
  'feitelijke-levering': 'Feitelijke levering',
  doelmatigheid: 'Doelmatigheid',
};

/**
 * A decimal in text (`0.341234`, `-1.5`) times 10^shift, rounded half-up to `decimals` places, in
 * Dutch notation (`34,12`). Digit arithmetic on a bigint: no float touches the value. Null when the
 * text is not a plain decimal.
 */
export function formatDecimalText(value: string, decimals: number, shift = 0): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  // The digits as an integer scaled by 10^fraction.length, then moved `shift` places.
  let digits = BigInt(whole + fraction);
  let scale = fraction.length - shift;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  // Round half-up to `decimals` places.
  if (scale > decimals) {
    const divisor = 10n ** BigInt(scale - decimals);
    digits = (digits + divisor / 2n) / divisor;
  } else {
    digits *= 10n ** BigInt(decimals - scale);
  }
  const text = digits.toString().padStart(decimals + 1, '0');
  const intPart = text.slice(0, text.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fracPart = decimals > 0 ? `,${text.slice(text.length - decimals)}` : '';
  const negative = sign === '-' && digits !== 0n;
  return `${negative ? '-' : ''}${intPart}${fracPart}`;
}

/** An indicator value by its unit: a share as `34,12%`, per patient as `1,84`, cents as euros. */
export function formatIndicatorValue(value: string, unit: string): string {
  if (unit === 'cents') return formatEuroCents(value);
  if (unit === 'share') {
    const text = formatDecimalText(value, 2, 2);
    return text === null ? value : `${text}%`;
  }
  return formatDecimalText(value, 2) ?? value;
}

/** A percentile rank 0..1 (`0.9231`) as `92e percentiel`. */
export function formatRank(rank: string): string {
  const text = formatDecimalText(rank, 0, 2);
  return text === null ? rank : `${text}e percentiel`;
}

/** Today in the Netherlands as `YYYY-MM-DD` (response deadlines are Dutch calendar dates). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/* ---- Public pages ---- */

const kmFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A distance in km with one decimal and the Dutch decimal comma: `7,4`. Display only. */
export const formatKm = (km: number): string => (Number.isFinite(km) ? kmFormat.format(km) : '—');

/** "1 zorgaanbieder" / "12 zorgaanbieders". */
export const countText = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
