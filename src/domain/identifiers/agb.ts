/**
 * AGB code (Algemeen GegevensBeheer, Vektis AGB-register): 8 digits. The first two digits are the
 * zorgverlenerssoort. Unknown prefixes are accepted: the register adds kinds over time, and a
 * purchasing system must not reject a real provider because a table here is incomplete.
 */
import { ok, type Result } from '../errors.js';
import { isDigits, parseDigitCode, type Brand } from './digit-code.js';

export type Agb = Brand<string, 'Agb'>;

const AGB_LENGTH = 8;

/**
 * The zorgverlenerssoort prefixes this code relies on. Deliberately small: only kinds we are sure
 * of. Look a prefix up with `agbKindOf`; absence means "not in this table", not "invalid".
 */
export const AGB_KINDS = {
  '01': 'Huisartsen',
  '02': 'Apothekers',
  '03': 'Medisch specialisten',
  '04': 'Fysiotherapeuten',
  '06': 'Ziekenhuizen',
  '08': 'Verloskundigen',
  '12': 'Tandartsen',
  '22': 'Zelfstandige behandelcentra (ZBC)',
} as const satisfies Record<string, string>;

export type AgbKindPrefix = keyof typeof AGB_KINDS;

/** Parses an AGB code: trims whitespace, then requires exactly 8 digits. */
export function parseAgb(input: string, field = 'agb'): Result<Agb> {
  const digits = parseDigitCode(input, field, { label: 'AGB-code', length: AGB_LENGTH, echoInput: true });
  return digits.ok ? ok(digits.value as Agb) : digits;
}

/** True when `s` is already a canonical AGB code (8 digits, no surrounding whitespace). */
export function isAgb(s: unknown): s is Agb {
  return isDigits(s, AGB_LENGTH);
}

/** The zorgverlenerssoort prefix (first two digits) of an AGB code. */
export function agbPrefix(agb: Agb): string {
  return agb.slice(0, 2);
}

/** The known kind for the code's prefix, or `undefined` when the prefix is not in `AGB_KINDS`. */
export function agbKindOf(agb: Agb): { prefix: AgbKindPrefix; name: string } | undefined {
  const prefix = agbPrefix(agb);
  if (!Object.hasOwn(AGB_KINDS, prefix)) return undefined;
  const known = prefix as AgbKindPrefix;
  return { prefix: known, name: AGB_KINDS[known] };
}
