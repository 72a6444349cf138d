/**
 * The fast path for files in the standard column order (`CLAIM_FIELDS`, as this product writes
 * them): one line parsed in straight-line code into local numbers and added to the columns of its
 * partition, with no per-field dispatch and no scratch row. It accepts exactly what `parseLineFast`
 * accepts (the tests run both on the same lines); anything else returns −1 and the caller takes
 * the general path.
 */
import { MAX_ID_DIGITS, MAX_PREFIX, dayFromCivil } from './codec.js';
import { partitionOf, type ClaimColumns } from './columns.js';
import { CLAIM_ID_BYTE, FIELD_END } from './fast-parse.js';

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const latin1 = new TextDecoder('latin1');

/** A date `YYYY-MM-DD` at p (followed by a comma) → day number, or −1. */
function dateAt(buf: Uint8Array, p: number): number {
  const y0 = (buf[p] as number) - 48;
  const y1 = (buf[p + 1] as number) - 48;
  const y2 = (buf[p + 2] as number) - 48;
  const y3 = (buf[p + 3] as number) - 48;
  const m0 = (buf[p + 5] as number) - 48;
  const m1 = (buf[p + 6] as number) - 48;
  const d0 = (buf[p + 8] as number) - 48;
  const d1 = (buf[p + 9] as number) - 48;
  if (buf[p + 4] !== 45 || buf[p + 7] !== 45 || (y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9
    || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return -1;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return -1;
  const max = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (MONTH_DAYS[m] as number);
  if (d > max) return -1;
  return dayFromCivil(y, m, d);
}

/** `width` digits at p → value, or −1. */
function digitsAt(buf: Uint8Array, p: number, width: number): number {
  let v = 0;
  for (let i = p; i < p + width; i++) {
    const d = (buf[i] as number) - 48;
    if ((d >>> 0) > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Parses the standard line at `start` and adds it to `sinks[partitionOf(bsn)]`. Returns the index
 * of the line's `\n` (or `limit`), or −1 when the line is not plainly valid (nothing added).
 */
export function parseStandardLine(buf: Uint8Array, start: number, limit: number, sinks: readonly ClaimColumns[]): number {
  // claim_id: 1-64 of [A-Za-z0-9._/-], then a comma.
  let p = start;
  let digits = 0;
  while (p < limit && FIELD_END[buf[p] as number] === 0) {
    const c = buf[p] as number;
    if (c >= 128 || CLAIM_ID_BYTE[c] === 0) return -1;
    digits = c >= 48 && c <= 57 ? digits + 1 : 0;
    p++;
  }
  const idLength = p - start;
  if (idLength < 1 || idLength > 64 || buf[p] !== 44) return -1;
  const prefixLength = idLength - digits;
  let idCode = -1;
  let idNum = 0;
  let idText: string | null = null;
  if (digits === 0 || digits > MAX_ID_DIGITS || prefixLength > MAX_PREFIX) {
    idText = latin1.decode(buf.subarray(start, p));
  } else {
    let packed = 0;
    for (let i = start; i < start + prefixLength; i++) packed = packed * 128 + (buf[i] as number);
    idCode = (packed * 8 + prefixLength) * 16 + digits;
    for (let i = start + prefixLength; i < p; i++) idNum = idNum * 10 + ((buf[i] as number) - 48);
  }
  p++;
  // Fixed widths: uzovi 4, agb 8, bsn 9, care_type 2, specialism 4 (each followed by a comma).
  if (p + 31 > limit || buf[p + 4] !== 44 || buf[p + 13] !== 44 || buf[p + 23] !== 44 || buf[p + 26] !== 44 || buf[p + 31] !== 44) return -1;
  const uzovi = digitsAt(buf, p, 4);
  const agb = digitsAt(buf, p + 5, 8);
  let bsn = 0;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = (buf[p + 14 + i] as number) - 48;
    if ((d >>> 0) > 9) return -1;
    bsn = bsn * 10 + d;
    sum += d * (i === 8 ? -1 : 9 - i);
  }
  if (uzovi < 0 || agb < 0 || bsn === 0 || sum % 11 !== 0 || buf[p + 25] !== 49) return -1;
  const careByte = buf[p + 24];
  const careType = careByte === 49 ? 11 : careByte === 50 ? 21 : -1;
  const specialism = digitsAt(buf, p + 27, 4);
  if (careType < 0 || specialism < 0) return -1;
  p += 32;
  // diagnosis: 1-4 digits.
  let q = p;
  let diagnosis = 0;
  while (q < limit && buf[q] !== 44) {
    const d = (buf[q] as number) - 48;
    if ((d >>> 0) > 9) return -1;
    diagnosis = diagnosis * 10 + d;
    q++;
  }
  const diagnosisLength = q - p;
  if (diagnosisLength < 1 || diagnosisLength > 4 || q >= limit) return -1;
  p = q + 1;
  // product_code 9, start_date 10, end_date 10.
  if (p + 31 > limit || buf[p + 9] !== 44 || buf[p + 20] !== 44 || buf[p + 31] !== 44) return -1;
  const product = digitsAt(buf, p, 9);
  const startDay = dateAt(buf, p + 10);
  const endDay = dateAt(buf, p + 21);
  if (product < 0 || startDay < 0 || endDay < startDay) return -1;
  p += 32;
  // amount_cents: 0 | -?[1-9][0-9]{0,14}
  q = p;
  const negative = buf[q] === 45;
  if (negative) q++;
  const amountStart = q;
  let amount = 0;
  while (q < limit && buf[q] !== 44) {
    const d = (buf[q] as number) - 48;
    if ((d >>> 0) > 9) return -1;
    amount = amount * 10 + d;
    q++;
  }
  const amountDigits = q - amountStart;
  if (amountDigits < 1 || amountDigits > 15 || q >= limit || (buf[amountStart] === 48 && (amountDigits > 1 || negative))) return -1;
  if (negative) amount = -amount;
  p = q + 1;
  // zi_number: empty or 8 digits; units: empty or [0-9]{1,9}(.[0-9]{1,3})? > 0; then the line end.
  let zi = -1;
  if (p < limit && buf[p] !== 44) {
    zi = digitsAt(buf, p, 8);
    if (zi < 0 || p + 8 >= limit || buf[p + 8] !== 44) return -1;
    p += 9;
  } else {
    if (p >= limit) return -1;
    p++;
  }
  let units = -1;
  q = p;
  if (q < limit && FIELD_END[buf[q] as number] === 0) {
    let whole = 0;
    while (q < limit && FIELD_END[buf[q] as number] === 0 && buf[q] !== 46) {
      const d = (buf[q] as number) - 48;
      if ((d >>> 0) > 9) return -1;
      whole = whole * 10 + d;
      q++;
    }
    const wholeDigits = q - p;
    if (wholeDigits < 1 || wholeDigits > 9) return -1;
    let fraction = 0;
    if (q < limit && buf[q] === 46) {
      const f = ++q;
      while (q < limit && FIELD_END[buf[q] as number] === 0) {
        const d = (buf[q] as number) - 48;
        if ((d >>> 0) > 9) return -1;
        fraction = fraction * 10 + d;
        q++;
      }
      const fractionDigits = q - f;
      if (fractionDigits < 1 || fractionDigits > 3) return -1;
      for (let k = fractionDigits; k < 3; k++) fraction *= 10;
    }
    units = whole * 1000 + fraction;
    if (units === 0) return -1;
  }
  if ((zi < 0) !== (units < 0)) return -1;
  // The line end: \n, \r\n or the end of the chunk.
  let lineEnd: number;
  if (q >= limit) lineEnd = limit;
  else if (buf[q] === 10) lineEnd = q;
  else if (buf[q] === 13 && (q + 1 >= limit || buf[q + 1] === 10)) lineEnd = Math.min(q + 1, limit);
  else return -1;
  (sinks[partitionOf(bsn, sinks.length)] as ClaimColumns).pushRow(
    bsn, agb, uzovi, careType, specialism, diagnosisLength * 10000 + diagnosis, product, startDay, endDay, amount, zi, units, idCode, idNum, idText,
  );
  return lineEnd;
}
