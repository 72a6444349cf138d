/**
 * ZI-nummer (Z-Index article number, G-Standaard field ATKODE): 8 digits, "7 cijfers + 1
 * controlecijfer volgens de standaard MODULO-11 methode" (Z-Index field description). Z-Index does
 * not publish the weights on that page, and we could not verify them against real numbers, so:
 *
 * - `parseZiNumber` checks only the format by default (`{ checkDigit: false }`).
 * - `ziCheckDigitValid` implements our reading of the "standard" Dutch modulus 11: the first seven
 *   digits weighted 8,7,6,5,4,3,2 from the left (2..8 from right to left), the remainder of the sum
 *   by 11 must equal the eighth digit (a remainder of 10 can never be valid). Turn enforcement on
 *   only after checking it against a G-Standaard extract.
 * - Numbers in Z-Index's free ranges (12900000–12999999 and 90000000–99999999) are assigned locally
 *   (e.g. by hospital pharmacies), not by Z-Index, so the check digit is never enforced on them.
 */
import { ok, type Result } from '../errors.js';
import { digitsOf, invalid, isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type ZiNumber = Brand<string, 'ZiNumber'>;

const ZI_LENGTH = 8;
const ZI_WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

export interface ZiNumberOptions {
  /** Enforce `ziCheckDigitValid` (outside the free ranges). Default false: see the module comment. */
  checkDigit?: boolean;
}

/**
 * Modulus-11 check digit of a ZI-nummer, as we read the Z-Index description (unverified, see the
 * module comment). False for anything that is not 8 digits.
 */
export function ziCheckDigitValid(s: string): boolean {
  if (!isDigits(s, ZI_LENGTH)) return false;
  const digits = digitsOf(s);
  const sum = ZI_WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  return sum % 11 === digits[7];
}

/** True for numbers in the ranges Z-Index never assigns (locally assigned article numbers). */
export function isZiFreeRange(zi: string): boolean {
  return (zi >= '12900000' && zi <= '12999999') || (zi >= '90000000' && zi <= '99999999');
}

/** Parses a ZI-nummer: trims whitespace, requires 8 digits, optionally the check digit. */
export function parseZiNumber(input: string, field = 'ziNummer', options: ZiNumberOptions = {}): Result<ZiNumber> {
  const digits = parseDigitCode(input, field, { label: 'ZI-nummer', length: ZI_LENGTH, echoInput: true });
  if (!digits.ok) return digits;
  const value = digits.value;
  if (options.checkDigit === true && !isZiFreeRange(value) && !ziCheckDigitValid(value)) {
    return invalid(field, `ZI-nummer heeft een onjuist controlecijfer (gekregen: '${value}')`);
  }
  return ok(value as ZiNumber);
}

/** True when `s` is a canonical ZI-nummer (8 digits); the check digit only when asked for. */
export function isZiNumber(s: unknown, options: ZiNumberOptions = {}): s is ZiNumber {
  if (!isDigits(s, ZI_LENGTH)) return false;
  return options.checkDigit !== true || isZiFreeRange(s) || ziCheckDigitValid(s);
}
