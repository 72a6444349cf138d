/** Care product code (zorgproductcode, DBC/DOT): 9 digits, as published by the NZa. */
import { ok, type Result } from '../errors.js';
import { isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type CareProductCode = Brand<string, 'CareProductCode'>;

const CARE_PRODUCT_CODE_LENGTH = 9;

/** Parses a zorgproductcode: trims whitespace, then requires exactly 9 digits. */
export function parseCareProductCode(input: string, field = 'zorgproductcode'): Result<CareProductCode> {
  const digits = parseDigitCode(input, field, {
    label: 'Zorgproductcode',
    length: CARE_PRODUCT_CODE_LENGTH,
    echoInput: true,
  });
  return digits.ok ? ok(digits.value as CareProductCode) : digits;
}

/** True when `s` is already a canonical zorgproductcode (9 digits, no surrounding whitespace). */
export function isCareProductCode(s: unknown): s is CareProductCode {
  return isDigits(s, CARE_PRODUCT_CODE_LENGTH);
}
