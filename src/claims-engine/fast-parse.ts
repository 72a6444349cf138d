/**
 * The fast path of validation: one CSV line, as bytes, straight into a scratch row of numbers,
 * with no strings made. It accepts only lines that are plainly valid (no quotes, no spaces, every
 * field in the strict form `parseClaimRecord` accepts); anything else returns false and the caller
 * falls back to `parseClaimRecord` itself, which decides and words the reject codes. The tests
 * prove: whatever this accepts, `parseClaimRecord` accepts with the same values.
 */
import { dayFromCivil, MAX_ID_DIGITS, MAX_PREFIX } from './codec.js';
import { S } from './columns.js';

export const KIND = {
  ignore: 0, claim_id: 1, uzovi: 2, agb: 3, bsn: 4, care_type: 5, specialism: 6, diagnosis: 7, product_code: 8,
  start_date: 9, end_date: 10, amount_cents: 11, zi_number: 12, units: 13,
} as const;

/** Per column of the file, what it holds (`KIND`). */
export interface Layout {
  kinds: Uint8Array;
  columns: string[];
}

export function layoutOf(columns: readonly string[]): Layout {
  const kinds = new Uint8Array(columns.length);
  columns.forEach((name, i) => {
    const kind = (KIND as Record<string, number>)[name.trim()];
    kinds[i] = kind === undefined || name.trim() === 'ignore' ? KIND.ignore : kind;
  });
  return { kinds, columns: columns.map((c) => c.trim()) };
}

/** Day number of a valid ISO date string (see codec `dayFromCivil`). */
export function dayNumberOf(iso: string): number {
  return dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Bytes that end a field: comma, line feed, carriage return. */
export const FIELD_END = new Uint8Array(256);
FIELD_END[44] = 1;
FIELD_END[10] = 1;
FIELD_END[13] = 1;

/** Width of fixed-width fields by kind (0: variable). */
const WIDTH = new Uint8Array(16);
WIDTH[KIND.uzovi] = 4;
WIDTH[KIND.agb] = 8;
WIDTH[KIND.bsn] = 9;
WIDTH[KIND.care_type] = 2;
WIDTH[KIND.specialism] = 4;
WIDTH[KIND.product_code] = 9;
WIDTH[KIND.start_date] = 10;
WIDTH[KIND.end_date] = 10;
WIDTH[KIND.zi_number] = 8;

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];
/** Allowed claim-id bytes: A-Z a-z 0-9 . _ / - */
export const CLAIM_ID_BYTE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLAIM_ID_BYTE[c] = 1;
for (let c = 65; c <= 90; c++) CLAIM_ID_BYTE[c] = 1;
for (let c = 97; c <= 122; c++) CLAIM_ID_BYTE[c] = 1;
for (const c of [45, 46, 47, 95]) CLAIM_ID_BYTE[c] = 1;

/** Exactly `width` digits at [p, q) → value, or −1. */
function fixedDigits(buf: Uint8Array, p: number, q: number, width: number): number {
  if (q - p !== width) return -1;
  let v = 0;
  for (let i = p; i < q; i++) {
    const d = (buf[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A date `YYYY-MM-DD` (1900-2999, existing day) at [p, q) → day number, or NaN. */
function date(buf: Uint8Array, p: number, q: number): number {
  if (q - p !== 10 || buf[p + 4] !== 45 || buf[p + 7] !== 45) return NaN;
  const y = fixedDigits(buf, p, p + 4, 4);
  const m = fixedDigits(buf, p + 5, p + 7, 2);
  const d = fixedDigits(buf, p + 8, p + 10, 2);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : (MONTH_DAYS[m] as number);
  if (d > max) return NaN;
  return dayFromCivil(y, m, d);
}

export interface FastOut {
  /** The claim id as text when it does not pack into a code. */
  exoticId: string | null;
}

const latin1 = new TextDecoder('latin1');

/**
 * Parses the line starting at `start` (up to its line break, at most to `limit`) into `s`.
 * Returns the index of the line's `\n` (or `limit` for a last line without one) when the line is
 * plainly valid, else −1 (the caller then finds the line end itself and takes the slow path).
 */
export function parseLineFast(buf: Uint8Array, start: number, limit: number, layout: Layout, s: Float64Array, out: FastOut): number {
  const kinds = layout.kinds;
  const fieldCount = kinds.length;
  s[S.zi] = -1;
  s[S.units] = -1;
  out.exoticId = null;
  let p = start;
  let field = 0;
  let lineEnd: number;
  for (;;) {
    if (field >= fieldCount) return -1;
    const kind = kinds[field] as number;
    // Fixed-width fields end at a known place; only the others are scanned for their end.
    const width = WIDTH[kind] as number;
    let q: number;
    if (width > 0 && !(kind === KIND.zi_number && (p >= limit || FIELD_END[buf[p] as number] === 1))) {
      q = p + width;
      if (q > limit || (q < limit && FIELD_END[buf[q] as number] === 0)) return -1;
    } else {
      q = p;
      while (q < limit && FIELD_END[buf[q] as number] === 0) q++;
    }
    switch (kind) {
      case KIND.ignore:
        break;
      case KIND.claim_id: {
        const length = q - p;
        if (length < 1 || length > 64) return -1;
        let digits = 0;
        for (let i = p; i < q; i++) {
          const c = buf[i] as number;
          if (c >= 128 || CLAIM_ID_BYTE[c] === 0) return -1;
          if (c >= 48 && c <= 57) digits++;
          else digits = 0;
        }
        const prefixLength = length - digits;
        if (digits === 0 || digits > MAX_ID_DIGITS || prefixLength > MAX_PREFIX) {
          s[S.idCode] = -1;
          s[S.idNum] = 0;
          out.exoticId = latin1.decode(buf.subarray(p, q));
        } else {
          let packed = 0;
          for (let i = p; i < p + prefixLength; i++) packed = packed * 128 + (buf[i] as number);
          s[S.idCode] = (packed * 8 + prefixLength) * 16 + digits;
          let num = 0;
          for (let i = p + prefixLength; i < q; i++) num = num * 10 + ((buf[i] as number) - 48);
          s[S.idNum] = num;
        }
        break;
      }
      case KIND.uzovi: {
        const v = fixedDigits(buf, p, q, 4);
        if (v < 0) return -1;
        s[S.uzovi] = v;
        break;
      }
      case KIND.agb: {
        const v = fixedDigits(buf, p, q, 8);
        if (v < 0) return -1;
        s[S.agb] = v;
        break;
      }
      case KIND.bsn: {
        if (q - p !== 9) return -1;
        let v = 0;
        let sum = 0;
        for (let i = 0; i < 9; i++) {
          const d = (buf[p + i] as number) - 48;
          if (d < 0 || d > 9) return -1;
          v = v * 10 + d;
          sum += d * (BSN_WEIGHTS[i] as number);
        }
        if (v === 0 || sum % 11 !== 0) return -1;
        s[S.bsn] = v;
        break;
      }
      case KIND.care_type: {
        if (q - p !== 2 || buf[p + 1] !== 49) return -1;
        const c = buf[p];
        if (c === 49) s[S.careType] = 11;
        else if (c === 50) s[S.careType] = 21;
        else return -1;
        break;
      }
      case KIND.specialism: {
        const v = fixedDigits(buf, p, q, 4);
        if (v < 0) return -1;
        s[S.specialism] = v;
        break;
      }
      case KIND.diagnosis: {
        const length = q - p;
        if (length < 1 || length > 4) return -1;
        const v = fixedDigits(buf, p, q, length);
        if (v < 0) return -1;
        s[S.diagnosis] = length * 10000 + v;
        break;
      }
      case KIND.product_code: {
        const v = fixedDigits(buf, p, q, 9);
        if (v < 0) return -1;
        s[S.product] = v;
        break;
      }
      case KIND.start_date: {
        const v = date(buf, p, q);
        if (v !== v) return -1;
        s[S.start] = v;
        break;
      }
      case KIND.end_date: {
        const v = date(buf, p, q);
        if (v !== v) return -1;
        s[S.end] = v;
        break;
      }
      case KIND.amount_cents: {
        let i = p;
        const negative = buf[i] === 45;
        if (negative) i++;
        const digits = q - i;
        if (digits < 1 || digits > 15) return -1;
        if (buf[i] === 48 && (digits > 1 || negative)) return -1;
        let v = 0;
        for (; i < q; i++) {
          const d = (buf[i] as number) - 48;
          if (d < 0 || d > 9) return -1;
          v = v * 10 + d;
        }
        s[S.amount] = negative ? -v : v;
        break;
      }
      case KIND.zi_number: {
        if (q === p) break;
        const v = fixedDigits(buf, p, q, 8);
        if (v < 0) return -1;
        s[S.zi] = v;
        break;
      }
      case KIND.units: {
        if (q === p) break;
        let i = p;
        let whole = 0;
        while (i < q && buf[i] !== 46) {
          const d = (buf[i] as number) - 48;
          if (d < 0 || d > 9) return -1;
          whole = whole * 10 + d;
          i++;
        }
        const wholeDigits = i - p;
        if (wholeDigits < 1 || wholeDigits > 9) return -1;
        let fraction = 0;
        if (i < q) {
          const fractionDigits = q - i - 1;
          if (fractionDigits < 1 || fractionDigits > 3) return -1;
          for (let k = i + 1; k < q; k++) {
            const d = (buf[k] as number) - 48;
            if (d < 0 || d > 9) return -1;
            fraction = fraction * 10 + d;
          }
          for (let k = fractionDigits; k < 3; k++) fraction *= 10;
        }
        const thousandths = whole * 1000 + fraction;
        if (thousandths === 0) return -1;
        s[S.units] = thousandths;
        break;
      }
      default:
        return -1;
    }
    field++;
    if (q >= limit) {
      lineEnd = limit;
      break;
    }
    const c = buf[q] as number;
    if (c === 44) {
      p = q + 1;
      continue;
    }
    if (c === 13) {
      if (q + 1 < limit && buf[q + 1] !== 10) return -1;
      lineEnd = Math.min(q + 1, limit);
    } else {
      lineEnd = q;
    }
    break;
  }
  if (field !== fieldCount) return -1;
  if ((s[S.zi] as number) < 0 !== (s[S.units] as number) < 0) return -1;
  return (s[S.end] as number) >= (s[S.start] as number) ? lineEnd : -1;
}
