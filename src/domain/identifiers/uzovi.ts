/** UZOVI code (Unieke ZorgVerzekeraarsIdentificatie, Vektis): 4 digits identifying a health insurer. */
import { ok, type Result } from '../errors.js';
import { isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type Uzovi = Brand<string, 'Uzovi'>;

const UZOVI_LENGTH = 4;

/** Parses a UZOVI code: trims whitespace, then requires exactly 4 digits. */
export function parseUzovi(input: string, field = 'uzovi'): Result<Uzovi> {
  const digits = parseDigitCode(input, field, { label: 'UZOVI-code', length: UZOVI_LENGTH, echoInput: true });
  return digits.ok ? ok(digits.value as Uzovi) : digits;
}

/** True when `s` is already a canonical UZOVI code (4 digits, no surrounding whitespace). */
export function isUzovi(s: unknown): s is Uzovi {
  return isDigits(s, UZOVI_LENGTH);
}
