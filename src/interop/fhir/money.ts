/**
 * FHIR decimals ↔ the product's exact numbers. R4 JSON writes a `decimal` (Money.value,
 * Quantity.value) as a JSON number. Going out, the number is made from the exact decimal text
 * (`"1234.56"` → 1234.56, the nearest double, which JSON prints back as `1234.56`); coming in, the
 * shortest text of the parsed number is read as a decimal by `parseEuroAmount`, never by float
 * arithmetic. Both are exact for up to 15 significant digits (every double prints back the decimal
 * it was parsed from), which `MAX_FHIR_EURO_DIGITS` keeps amounts within: below 10^13 euros.
 */
import { assertCents, parseEuroAmount, type Cents } from '../../domain/money/index.js';
import type { Money } from './types.js';

/** Whole-euro digits a FHIR amount may have (13 + 2 decimals = 15 significant digits). */
export const MAX_FHIR_EURO_DIGITS = 13;
const MAX_CENTS = 10 ** (MAX_FHIR_EURO_DIGITS + 2) - 1;

/** Cents as a FHIR decimal (JSON number), built from the decimal text. Throws beyond ±(10^13 − 0.01) euros. */
export function centsToDecimal(cents: Cents): number {
  assertCents(cents, 'centsToDecimal');
  const magnitude = Math.abs(cents);
  if (magnitude > MAX_CENTS) throw new RangeError(`Bedrag ${cents} centen is te groot voor een exacte FHIR-decimal`);
  const remainder = magnitude % 100;
  const euros = (magnitude - remainder) / 100;
  return Number(`${cents < 0 ? '-' : ''}${euros}.${String(remainder).padStart(2, '0')}`);
}

export function eurMoney(cents: Cents): Money {
  return { value: centsToDecimal(cents), currency: 'EUR' };
}

export type DecimalToCents = { ok: true; cents: Cents } | { ok: false; problem: 'not-a-number' | 'too-precise' | 'too-large' };

/** A FHIR decimal as cents: a finite JSON number with at most 2 decimals and at most 13 whole-euro digits. */
export function decimalToCents(value: unknown): DecimalToCents {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  if (Math.abs(value) >= 10 ** MAX_FHIR_EURO_DIGITS) return { ok: false, problem: 'too-large' };
  const text = String(value);
  // Below 10^13 the shortest text has no exponent unless the number is tiny (< 1e-6): more than 2 decimals then.
  if (!/^-?[0-9]+(\.[0-9]{1,2})?$/.test(text)) return { ok: false, problem: 'too-precise' };
  const cents = parseEuroAmount(text, 'value');
  return cents.ok ? { ok: true, cents: cents.value } : { ok: false, problem: 'too-precise' };
}

/** Units (canonical decimal text, at most 9 + 3 digits) as a FHIR decimal. */
export function unitsToDecimal(units: string): number {
  if (!/^[0-9]{1,9}(\.[0-9]{1,3})?$/.test(units)) throw new RangeError(`Aantal '${units}' is geen canoniek aantal`);
  return Number(units);
}

/** A FHIR decimal as the text the claim record carries (validated by `parseClaimRecord`). */
export function decimalText(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}
