/**
 * Fixed-length records of the Vektis EI standards: reading one field by its position, checking it
 * against its type and obligation, and writing a value into its positions. Shared by the ZH308
 * claim file and the ZH309 answer. Pure.
 *
 * Conventions of the EI standards: `N` fields are right-aligned and zero-padded, `AN` fields
 * left-aligned and space-padded, dates are `CCYYMMDD` (all zeros or spaces when not filled),
 * reserve positions are spaces. Files are ISO-8859-1: one character is one byte.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { RECORD_CODES } from './return-codes.js';

export type FieldType = 'N' | 'AN' | 'D';
export type Obligation = 'M' | 'C' | 'O' | 'S';

export interface FixedField {
  /** Rubriek number, four digits: record type + sequence (`0410`, `1611`). */
  number: string;
  name: string;
  type: FieldType;
  length: number;
  /** 1-based, inclusive. */
  start: number;
  end: number;
  obligation: Obligation;
}

export interface FixedIssue {
  field: string;
  code: string;
  message: string;
}

/** A field as the specification sheets give it: number, name, type, length, end position and obligation (start follows). */
export function fieldEndingAt(number: string, name: string, type: FieldType, length: number, end: number, obligation: Obligation): FixedField {
  return { number, name, type, length, start: end - length + 1, end, obligation };
}

/** The field with this rubriek number in a record layout; an unknown number is a bug in the caller. */
export function fieldOf(fields: readonly FixedField[], number: string): FixedField {
  const field = fields.find((x) => x.number === number);
  if (!field) throw new Error(`record layout has no field ${number}`);
  return field;
}

/** The debet/credit indicator of a signed amount: `C` below zero, else `D`. */
export const debitCredit = (cents: number): 'D' | 'C' => (cents < 0 ? 'C' : 'D');

/** A signed amount in cents from an amount field's digits ('' reads as 0) and its debet/credit indicator. */
export const signedCents = (digits: string | undefined, indicator: string | undefined): number => (indicator === 'C' ? -1 : 1) * Number(digits || '0');

/** How a field is named in messages: `0410 Prestatiecode/DBC declaratiecode (pos 70-75)`. */
export function fieldLabel(field: FixedField): string {
  return `${field.number} ${field.name} (pos ${field.start}-${field.end})`;
}

export function recordLabel(length: number): string {
  return `Record (pos 1-${length})`;
}

const DIGITS = /^[0-9]+$/;
const BLANK = /^ *$/;
const ZEROS = /^0+$/;
const CCYYMMDD = /^([0-9]{4})([0-9]{2})([0-9]{2})$/;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** Printable ISO-8859-1 without control characters. */
const LATIN1_TEXT = /^[\x20-\x7e\xa0-\xff]*$/;

/** `CCYYMMDD` as `YYYY-MM-DD` when it is an existing date of the years 1900-2999, else null. */
export function isoDate(ccyymmdd: string): string | null {
  const m = CCYYMMDD.exec(ccyymmdd);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** `YYYY-MM-DD` as `CCYYMMDD`; null when not an ISO date. */
export function ccyymmdd(iso: string): string | null {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

export interface ReadRecord {
  /** Per field number: AN trimmed, N the digits as written ('' when blank), D as `YYYY-MM-DD` ('' when not filled). */
  values: Record<string, string>;
  issues: FixedIssue[];
}

/**
 * Reads every field of a record of the right length and checks it: type, obligation, reserve.
 * A field with a problem reads as ''.
 */
export function readFields(text: string, fields: readonly FixedField[]): ReadRecord {
  const values: Record<string, string> = {};
  const issues: FixedIssue[] = [];
  const problem = (field: FixedField, code: string, message: string) => issues.push({ field: fieldLabel(field), code, message });
  for (const field of fields) {
    const raw = text.slice(field.start - 1, field.end);
    values[field.number] = '';
    if (field.obligation === 'S') {
      if (!BLANK.test(raw)) problem(field, RECORD_CODES.reserve, 'Reserve moet uit spaties bestaan');
      continue;
    }
    if (field.type === 'AN') {
      const value = raw.trim();
      if (value === '' && field.obligation === 'M') problem(field, RECORD_CODES.mandatory, 'Verplicht veld is leeg');
      values[field.number] = value;
      continue;
    }
    if (BLANK.test(raw) || (field.type === 'D' && ZEROS.test(raw))) {
      if (field.obligation === 'M') problem(field, RECORD_CODES.mandatory, 'Verplicht veld is leeg');
      continue;
    }
    if (!DIGITS.test(raw)) {
      problem(field, RECORD_CODES.numeric, `Numeriek veld bevat andere tekens dan cijfers ('${raw.trim().slice(0, 20)}')`);
      continue;
    }
    if (field.type === 'D') {
      const iso = isoDate(raw);
      if (iso === null) problem(field, RECORD_CODES.date, `Geen bestaande datum EEJJMMDD ('${raw}')`);
      else values[field.number] = iso;
      continue;
    }
    values[field.number] = raw;
  }
  return { values, issues };
}

/**
 * Writes a value into a field: `N` right-aligned with leading zeros, `AN` left-aligned with
 * trailing spaces, `D` from `YYYY-MM-DD`. An absent or empty value fills the field with zeros (`N`,
 * `D`) or spaces (`AN`, reserve). Null when the value does not fit or has the wrong characters.
 */
export function formatField(field: FixedField, value: string | undefined): string | null {
  const v = value ?? '';
  if (field.obligation === 'S' || (v === '' && field.type === 'AN')) return ' '.repeat(field.length);
  if (v === '') return '0'.repeat(field.length);
  if (field.type === 'D') {
    const digits = ccyymmdd(v);
    return digits !== null && isoDate(digits) !== null && field.length === 8 ? digits : null;
  }
  if (field.type === 'N') return DIGITS.test(v) && v.length <= field.length ? v.padStart(field.length, '0') : null;
  return LATIN1_TEXT.test(v) && v.length <= field.length ? v.padEnd(field.length, ' ') : null;
}

/** One record from field values (by number); fails naming the first field whose value does not fit. */
export function writeRecord(fields: readonly FixedField[], values: Readonly<Record<string, string>>, length: number): Result<string> {
  let text = '';
  for (const field of fields) {
    const formatted = formatField(field, values[field.number]);
    if (formatted === null) {
      return fail('invalid_input', `${fieldLabel(field)}: waarde '${(values[field.number] ?? '').slice(0, 40)}' past niet (${field.type}, ${field.length} posities)`, [
        { field: fieldLabel(field), message: 'Waarde past niet in het veld.' },
      ]);
    }
    text += formatted;
  }
  if (text.length !== length) throw new Error(`record layout covers ${text.length} positions, not ${length}`);
  return ok(text);
}
