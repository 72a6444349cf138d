/** KvK number (Kamer van Koophandel, Handelsregister): 8 digits. No check digit is applied. */
import { ok, type Result } from '../errors.js';
import { isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type KvkNumber = Brand<string, 'KvkNumber'>;

const KVK_LENGTH = 8;

/** Parses a KvK number: trims whitespace, then requires exactly 8 digits. */
export function parseKvk(input: string, field = 'kvk'): Result<KvkNumber> {
  const digits = parseDigitCode(input, field, { label: 'KvK-nummer', length: KVK_LENGTH, echoInput: true });
  return digits.ok ? ok(digits.value as KvkNumber) : digits;
}

/** True when `s` is already a canonical KvK number (8 digits, no surrounding whitespace). */
export function isKvk(s: unknown): s is KvkNumber {
  return isDigits(s, KVK_LENGTH);
}
