/**
 * Money is an integer number of euro cents: a plain `number` that is always a safe integer.
 * A plain alias (not a brand) keeps arithmetic and storage simple; `assertCents` guards trusted
 * paths and `parseEuroAmount` is the way in for text (CSV cells, form fields, PostgreSQL numeric).
 * Nothing here uses floating-point division or `parseFloat`.
 */
import { fail, ok, type Result } from '../errors.js';

/** An amount in euro cents; always `Number.isSafeInteger`. */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws when `value` is not a safe integer: a bug, since every way in produces safe integers. */
export function assertCents(value: number, what = 'bedrag'): asserts value is Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is geen geheel aantal centen: ${value}`);
}

const AMOUNT = /^(-?)([0-9]+)(?:\.([0-9]{1,2}))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function invalidAmount(field: string, message: string): Result<never> {
  return fail('invalid_input', message, [{ field, message }]);
}

function quote(text: string): string {
  return text.length > 30 ? `'${text.slice(0, 30)}…'` : `'${text}'`;
}

/**
 * Parses a euro amount written with `.` as the decimal separator and at most 2 decimals:
 * `1234`, `1234.5`, `1234.56`, `-12.30`. No thousands separators, no `+`, no currency sign.
 * Rejects `1,5`, `1.234` and `12.345` (they are ambiguous between Dutch and English notation)
 * with a Dutch message naming `field`. Surrounding whitespace is ignored; `-0` becomes 0.
 */
export function parseEuroAmount(text: string, field = 'bedrag'): Result<Cents> {
  const value = text.trim();
  if (value.length === 0) return invalidAmount(field, `Bedrag in veld '${field}' ontbreekt`);
  const match = AMOUNT.exec(value);
  if (!match) {
    if (value.includes(',')) {
      return invalidAmount(
        field,
        `Bedrag in veld '${field}' moet een punt als decimaalteken hebben, zonder komma of scheidingsteken voor duizendtallen (gekregen: ${quote(value)}; bijvoorbeeld 1234.56)`,
      );
    }
    if (/^-?[0-9]+\.[0-9]{3,}$/.test(value)) {
      return invalidAmount(
        field,
        `Bedrag in veld '${field}' mag hoogstens 2 decimalen hebben en geen punt als scheidingsteken voor duizendtallen (gekregen: ${quote(value)})`,
      );
    }
    return invalidAmount(
      field,
      `Bedrag in veld '${field}' is geen geldig bedrag (gekregen: ${quote(value)}; verwacht bijvoorbeeld 1234, 1234.5 of -12.30)`,
    );
  }
  const [, sign = '', euros = '', decimals = ''] = match;
  const magnitude = BigInt(euros + decimals.padEnd(2, '0'));
  if (magnitude > MAX_SAFE) return invalidAmount(field, `Bedrag in veld '${field}' is te groot (gekregen: ${quote(value)})`);
  const cents = Number(magnitude);
  return ok(sign === '-' && cents !== 0 ? -cents : cents);
}

/** Whole euros to cents, for trusted integers (configuration, tests). Throws on non-integers. */
export function eurosToCents(euros: number): Cents {
  if (!Number.isSafeInteger(euros)) throw new RangeError(`eurosToCents verwacht hele euro's, kreeg ${euros}`);
  const cents = euros * 100;
  assertCents(cents, 'eurosToCents');
  return cents;
}

const GROUPED = new Intl.NumberFormat('nl-NL', { useGrouping: true, maximumFractionDigits: 0 });

/**
 * Dutch display form: `€ 1.234,56`, `€ -12,30`, `€ 0,05` (the sign after the euro sign, as nl-NL
 * Intl does; a plain space, not a no-break space). Built from the integer quotient and remainder
 * by 100, so large amounts never suffer float division errors; Intl only groups the whole euros.
 */
export function formatEuro(cents: Cents): string {
  assertCents(cents, 'formatEuro');
  const magnitude = Math.abs(cents);
  const remainder = magnitude % 100;
  const euros = (magnitude - remainder) / 100;
  const sign = cents < 0 ? '-' : '';
  return `€ ${sign}${GROUPED.format(euros)},${String(remainder).padStart(2, '0')}`;
}

/** Sum of amounts; throws when an element is not a safe integer or the total would overflow. */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) {
    assertCents(amount, 'sumCents');
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('sumCents: totaal valt buiten het veilige bereik');
  }
  return total;
}
