/**
 * Compact numeric forms of claim fields, so a worker keeps millions of lines in typed arrays
 * instead of strings: codes of fixed width as integers (re-padded on the way out), dates as day
 * numbers, units in thousandths, diagnoses with their length, claim ids as a packed prefix plus a
 * number. Every encoding is exact and reversible for what `parseClaimRecord` accepts.
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();

/** The ISO date of a day number (cached: a file spans few distinct days). */
export function isoFromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function padDigits(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A diagnosis of 1-4 digits as `length × 10000 + value` (keeps leading zeros). */
export function encodeDiagnosis(text: string): number {
  return text.length * 10000 + Number(text);
}

export function decodeDiagnosis(code: number): string {
  const length = Math.floor(code / 10000);
  return padDigits(code - length * 10000, length);
}

/** Canonical units text (`240`, `1.5`) of a number of thousandths. */
export function unitsText(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const fraction = thousandths - whole * 1000;
  if (fraction === 0) return String(whole);
  return `${whole}.${padDigits(fraction, 3).replace(/0+$/, '')}`;
}

/** Canonical units text → thousandths. */
export function unitsThousandths(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return Number(text) * 1000;
  return Number(text.slice(0, dot)) * 1000 + Number(text.slice(dot + 1).padEnd(3, '0'));
}

/**
 * A claim id `prefix + digits` with a prefix of at most 6 ASCII characters and 1-15 trailing
 * digits packs into one safe integer: the prefix in base 128, its length, and the digit count.
 * Ids of the same code compare like their numbers; other ids compare as text. Anything else
 * (longer prefix, no or too many digits) is "exotic" and kept as a string (code -1).
 */
export const MAX_PREFIX = 6;
export const MAX_ID_DIGITS = 15;

export function packIdCode(prefix: string, digitCount: number): number {
  let packed = 0;
  for (let i = 0; i < prefix.length; i++) packed = packed * 128 + prefix.charCodeAt(i);
  return (packed * 8 + prefix.length) * 16 + digitCount;
}

export interface DecodedIdCode {
  prefix: string;
  digits: number;
}

const codeCache = new Map<number, DecodedIdCode>();

export function unpackIdCode(code: number): DecodedIdCode {
  let cached = codeCache.get(code);
  if (cached) return cached;
  const digits = code % 16;
  let rest = (code - digits) / 16;
  const length = rest % 8;
  rest = (rest - length) / 8;
  const chars: number[] = [];
  for (let i = 0; i < length; i++) {
    chars.unshift(rest % 128);
    rest = (rest - (rest % 128)) / 128;
  }
  cached = { prefix: String.fromCharCode(...chars), digits };
  codeCache.set(code, cached);
  return cached;
}

export function idFromCode(code: number, num: number): string {
  const { prefix, digits } = unpackIdCode(code);
  return prefix + padDigits(num, digits);
}

/** `[code, num]` of a claim id, or `[-1, 0]` when it does not pack. */
export function encodeClaimId(id: string): [number, number] {
  let digits = 0;
  while (digits < id.length) {
    const c = id.charCodeAt(id.length - 1 - digits);
    if (c < 48 || c > 57) break;
    digits++;
  }
  const prefixLength = id.length - digits;
  if (digits === 0 || digits > MAX_ID_DIGITS || prefixLength > MAX_PREFIX) return [-1, 0];
  return [packIdCode(id.slice(0, prefixLength), digits), Number(id.slice(prefixLength))];
}
