import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZiFreeRange, isZiNumber, parseZiNumber, ziCheckDigitValid } from './zi-number.js';

/** 7 digits plus the check digit as implemented by `ziCheckDigitValid` (remainder 10 skipped). */
const checkedZi = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 })
  .map((digits) => ({ digits, check: digits.reduce((acc, d, i) => acc + d * (8 - i), 0) % 11 }))
  .filter(({ check }) => check < 10)
  .map(({ digits, check }) => digits.join('') + String(check));

describe('parseZiNumber', () => {
  it('checks only the format by default, so real data is never rejected on an unverified rule', () => {
    expect(parseZiNumber(' 12345678 ')).toEqual({ ok: true, value: '12345678' });
    expect(ziCheckDigitValid('12345678')).toBe(false);
  });

  it.each(['1234567', '123456789', '1234567x'])('rejects %j by format', (input) => {
    const result = parseZiNumber(input, 'artikel.zi');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues).toEqual([
        { field: 'artikel.zi', message: `ZI-nummer moet uit 8 cijfers bestaan (gekregen: '${input}')` },
      ]);
    }
  });

  it('enforces the check digit only when asked', () => {
    // 1234567: 8+14+18+20+20+18+14 = 112; 112 % 11 = 2
    expect(ziCheckDigitValid('12345672')).toBe(true);
    expect(parseZiNumber('12345672', 'zi', { checkDigit: true }).ok).toBe(true);
    const wrong = parseZiNumber('12345673', 'zi', { checkDigit: true });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('controlecijfer');
  });

  it('never enforces the check digit in the free ranges', () => {
    expect(isZiFreeRange('12900001')).toBe(true);
    expect(isZiFreeRange('90000001')).toBe(true);
    expect(isZiFreeRange('12899999')).toBe(false);
    expect(parseZiNumber('90000001', 'zi', { checkDigit: true }).ok).toBe(true);
  });

  it('a single changed digit breaks the check digit', () => {
    fc.assert(
      fc.property(checkedZi, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (zi, position, delta) => {
        expect(ziCheckDigitValid(zi)).toBe(true);
        const changed = (Number(zi[position]) + delta) % 10;
        expect(ziCheckDigitValid(zi.slice(0, position) + String(changed) + zi.slice(position + 1))).toBe(false);
      }),
    );
  });

  it('isZiNumber follows the same options', () => {
    expect(isZiNumber('12345673')).toBe(true);
    expect(isZiNumber('12345673', { checkDigit: true })).toBe(false);
    expect(isZiNumber('1234567')).toBe(false);
  });
});
