/**
 * Rates (shares, percentages as fractions, prices per unit) are exact decimals, never floats.
 * `roundToCents` is the ONE place in the code base where a fractional amount becomes whole cents;
 * everything that multiplies money goes through `multiplyCents`, which calls it.
 */
import { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import { assertCents, type Cents } from './cents.js';

/**
 * Our own Decimal constructor, so no other module's global configuration changes our results.
 * 60 significant digits keep every product of a safe-integer amount (16 digits) and a parsed
 * rate (at most 30 digits) exact, so rounding happens only in `roundToCents`.
 */
export const MoneyDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

declare const rateBrand: unique symbol;

/** An exact decimal rate such as 0.10; create with `parseRate`, `parseShare` or `rateOf`. */
export interface Rate {
  readonly decimal: Decimal;
  readonly [rateBrand]: true;
}

/**
 * How a fractional number of cents becomes whole cents:
 * - `half-up`: to the nearest cent, a tie (.5) away from zero: 0.5 → 1, -0.5 → -1, 2.5 → 3.
 *   This is the usual commercial rounding and the default.
 * - `half-even`: to the nearest cent, a tie to the even neighbour (banker's rounding): 0.5 → 0,
 *   1.5 → 2, -2.5 → -2.
 * - `down`: towards zero (truncation): 1.9 → 1, -1.9 → -1.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down';

const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

/** Digits a rate may have in total, so products with any amount stay exact (see MoneyDecimal). */
const MAX_RATE_DIGITS = 30;
const RATE_TEXT = /^-?[0-9]+(?:\.[0-9]+)?$/;

function makeRate(decimal: Decimal): Rate {
  return { decimal } as Rate;
}

function invalidRate(field: string, message: string): Result<never> {
  return fail('invalid_input', message, [{ field, message }]);
}

function quote(text: string): string {
  return text.length > 30 ? `'${text.slice(0, 30)}…'` : `'${text}'`;
}

/**
 * Parses a decimal rate written with `.` as the decimal separator, e.g. `0.10`, `1`, `-0.035`,
 * `12.5`. No exponent, no `%`, no comma; at most 30 digits.
 */
export function parseRate(text: string, field = 'tarief'): Result<Rate> {
  const value = text.trim();
  if (value.length === 0) return invalidRate(field, `Waarde in veld '${field}' ontbreekt`);
  if (!RATE_TEXT.test(value)) {
    const hint = value.endsWith('%')
      ? 'schrijf een percentage als decimaal getal, bijvoorbeeld 0.10 voor 10%'
      : value.includes(',')
        ? 'gebruik een punt als decimaalteken, bijvoorbeeld 0.10'
        : 'verwacht een decimaal getal, bijvoorbeeld 0.10';
    return invalidRate(field, `Veld '${field}' bevat geen geldig getal (gekregen: ${quote(value)}); ${hint}`);
  }
  if (value.replace(/[-.]/g, '').length > MAX_RATE_DIGITS) {
    return invalidRate(field, `Veld '${field}' heeft te veel cijfers (hoogstens ${MAX_RATE_DIGITS})`);
  }
  return ok(makeRate(new MoneyDecimal(value)));
}

/** Like `parseRate`, but the value must be a share between 0 and 1 inclusive (0.10 = 10%). */
export function parseShare(text: string, field = 'aandeel'): Result<Rate> {
  const rate = parseRate(text, field);
  if (!rate.ok) return rate;
  if (rate.value.decimal.isNegative() || rate.value.decimal.greaterThan(1)) {
    return invalidRate(
      field,
      `Veld '${field}' moet een aandeel tussen 0 en 1 zijn (gekregen: ${quote(text.trim())}); schrijf 10% als 0.10`,
    );
  }
  return rate;
}

/** A rate from a trusted value (policy constants, tests). Throws on anything not finite. */
export function rateOf(value: Decimal.Value): Rate {
  const decimal = new MoneyDecimal(value);
  if (!decimal.isFinite()) throw new RangeError(`rateOf: geen eindig getal: ${String(value)}`);
  return makeRate(decimal);
}

/** The rate in plain decimal notation without trailing zeros ("0.1" for 0.10). */
export function rateToString(rate: Rate): string {
  return rate.decimal.toFixed();
}

export function isRate(value: unknown): value is Rate {
  return (
    typeof value === 'object' &&
    value !== null &&
    'decimal' in value &&
    Decimal.isDecimal((value as { decimal: unknown }).decimal)
  );
}

/**
 * THE rounding point: a (possibly fractional) number of cents to whole cents in `mode`.
 * Throws when the result is not a safe integer (a bug: amounts that large do not occur).
 */
export function roundToCents(centsValue: Decimal, mode: RoundingMode): Cents {
  const rounded = new MoneyDecimal(centsValue).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
  const cents = rounded.isZero() ? 0 : Number(rounded.toFixed(0));
  assertCents(cents, 'roundToCents');
  return cents;
}

/**
 * `cents × rate`, computed exactly and rounded once by `roundToCents` (default half-up).
 * Exact for every `Rate` from this module; a raw `Decimal` with more than 44 significant digits
 * would first be cut to 60 significant digits in the product (never the case for parsed rates).
 */
export function multiplyCents(cents: Cents, rate: Rate | Decimal, rounding: RoundingMode = 'half-up'): Cents {
  assertCents(cents, 'multiplyCents');
  const factor = isRate(rate) ? rate.decimal : rate;
  return roundToCents(new MoneyDecimal(cents).times(factor), rounding);
}

/**
 * `numerator / denominator` as an exact-as-possible decimal (60 significant digits), e.g. a
 * realisation ratio of spend to budget. Not rounded to cents: it is a rate, not money.
 * Throws on a zero denominator; callers decide what an empty budget means before asking.
 */
export function ratio(numerator: Cents, denominator: Cents): Decimal {
  assertCents(numerator, 'ratio');
  assertCents(denominator, 'ratio');
  if (denominator === 0) throw new RangeError('ratio: deler is 0');
  return new MoneyDecimal(numerator).dividedBy(denominator);
}
