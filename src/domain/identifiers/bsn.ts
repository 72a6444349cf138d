/**
 * BSN (burgerservicenummer): exactly 9 digits passing the elfproef. A BSN is personal data: messages
 * never echo the input (they give its length instead), and anything shown uses `maskBsn`.
 *
 * 8-digit input (an old sofinummer with its leading zero lost, e.g. by a spreadsheet) is rejected
 * with a message saying so, rather than silently left-padded: the source should be fixed.
 */
import { ok, type Result } from '../errors.js';
import { digitsOf, hasDigits, invalid, isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type Bsn = Brand<string, 'Bsn'>;

const BSN_LENGTH = 9;
/** Elfproef weights, left to right; the check digit counts negatively. */
const ELFPROEF_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * The BSN elfproef on 9 digits: sum(digit_i * weight_i) with weights 9..2 and -1 must be divisible
 * by 11, and the number must not be all zeros. False for anything that is not 9 digits.
 */
export function bsnElfproefValid(s: string): boolean {
  if (!isDigits(s, BSN_LENGTH) || s === '000000000') return false;
  const digits = digitsOf(s);
  const sum = ELFPROEF_WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  return sum % 11 === 0;
}

/** Parses a BSN: trims whitespace, requires exactly 9 digits, then the elfproef. */
export function parseBsn(input: string, field = 'bsn'): Result<Bsn> {
  const trimmed = input.trim();
  if (hasDigits(trimmed, BSN_LENGTH - 1)) {
    return invalid(
      field,
      'BSN moet uit precies 9 cijfers bestaan (gekregen: 8 cijfers); vul een weggevallen voorloopnul aan in de bron',
    );
  }
  const digits = parseDigitCode(trimmed, field, { label: 'BSN', length: BSN_LENGTH, echoInput: false });
  if (!digits.ok) return digits;
  if (digits.value === '000000000') return invalid(field, 'BSN mag niet uit alleen nullen bestaan');
  if (!bsnElfproefValid(digits.value)) return invalid(field, 'BSN voldoet niet aan de elfproef');
  return ok(digits.value as Bsn);
}

/** True when `s` is a canonical BSN (9 digits, passes the elfproef). */
export function isBsn(s: unknown): s is Bsn {
  return typeof s === 'string' && bsnElfproefValid(s);
}

/**
 * A BSN for display: all but the last 4 characters replaced by `*` (`*****2333`). Accepts any
 * string so a not-yet-validated value can be shown safely too; 4 characters or fewer are masked
 * completely.
 */
export function maskBsn(bsn: string): string {
  const value = bsn.trim();
  if (value.length <= 4) return '*'.repeat(Math.max(value.length, 1));
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
