import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyDecimal, multiplyCents, parseRate, parseShare, rateOf, rateToString, ratio, roundToCents } from './rate.js';

function rate(text: string) {
  const result = parseRate(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseRate / parseShare', () => {
  it('parses exact decimals', () => {
    expect(rateToString(rate('0.10'))).toBe('0.1');
    expect(rateToString(rate(' -0.035 '))).toBe('-0.035');
    expect(rateToString(rate('12.5'))).toBe('12.5');
    expect(rate('0.1').decimal.plus(rate('0.2').decimal).equals(rate('0.3').decimal)).toBe(true);
  });

  it.each([
    ['10%', 'percentage'],
    ['0,10', 'punt'],
    ['1e-2', 'decimaal getal'],
    ['', 'ontbreekt'],
    ['.5', 'decimaal getal'],
    ['0.' + '1'.repeat(40), 'te veel cijfers'],
  ])('rejects %j (%s)', (text, expected) => {
    const result = parseRate(text, 'korting');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(expected);
    expect(result.error.issues?.[0]?.field).toBe('korting');
  });

  it('parseShare requires 0..1', () => {
    expect(parseShare('0').ok).toBe(true);
    expect(parseShare('1').ok).toBe(true);
    expect(parseShare('0.35').ok).toBe(true);
    for (const bad of ['1.01', '-0.1', '10']) {
      const result = parseShare(bad, 'aandeel');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('tussen 0 en 1');
    }
  });
});

describe('roundToCents', () => {
  it.each([
    ['0.5', 1, 0, 0],
    ['1.5', 2, 2, 1],
    ['2.5', 3, 2, 2],
    ['-0.5', -1, 0, 0],
    ['-2.5', -3, -2, -2],
    ['1.49', 1, 1, 1],
    ['1.51', 2, 2, 1],
    ['-1.9', -2, -2, -1],
    ['7', 7, 7, 7],
  ])('%s → half-up %d, half-even %d, down %d', (value, halfUp, halfEven, down) => {
    const d = new MoneyDecimal(value);
    expect(roundToCents(d, 'half-up')).toBe(halfUp);
    expect(roundToCents(d, 'half-even')).toBe(halfEven);
    expect(roundToCents(d, 'down')).toBe(down);
  });

  it('never returns -0', () => {
    expect(Object.is(roundToCents(new MoneyDecimal('-0.4'), 'half-up'), 0)).toBe(true);
    expect(Object.is(roundToCents(new MoneyDecimal('-0.5'), 'half-even'), 0)).toBe(true);
  });

  it('throws beyond the safe range', () => {
    expect(() => roundToCents(new MoneyDecimal(2).pow(60), 'down')).toThrow(RangeError);
  });
});

describe('multiplyCents', () => {
  it('rounds the exact product once', () => {
    expect(multiplyCents(1, rate('0.5'))).toBe(1);
    expect(multiplyCents(1, rate('0.5'), 'half-even')).toBe(0);
    expect(multiplyCents(3, rate('0.5'), 'half-even')).toBe(2);
    expect(multiplyCents(1, rate('0.5'), 'down')).toBe(0);
    expect(multiplyCents(-1, rate('0.5'))).toBe(-1);
    expect(multiplyCents(100_00, rate('0.10'))).toBe(10_00);
    expect(multiplyCents(1005, rate('0.1'))).toBe(101); // 100.5 → 101, no float 100.49999
    expect(multiplyCents(123456, new Decimal('0.21'))).toBe(25926); // 25925.76
  });

  it('is exact where floats are not', () => {
    // 0.1 * 3 in floats is 0.30000000000000004; here 3 cents × 0.1 = 0.3 cent → 0
    expect(multiplyCents(3, rateOf('0.1'))).toBe(0);
    // 1.15 * 100 in floats is 114.99999999999999
    expect(multiplyCents(100, rateOf('1.15'))).toBe(115);
    expect(multiplyCents(Number.MAX_SAFE_INTEGER, rateOf('1'))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('half-up is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.stringMatching(/^[0-9]\.[0-9]{1,6}$/), (cents, text) => {
        const r = rate(text);
        expect(multiplyCents(-cents, r)).toBe(-multiplyCents(cents, r) || 0);
      }),
    );
  });

  it('is within half a cent of the exact product (half-up) and below one cent (down)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,8}$/), (cents, text) => {
        const r = rate(text);
        const exact = new MoneyDecimal(cents).times(r.decimal);
        expect(exact.minus(multiplyCents(cents, r)).abs().lessThanOrEqualTo('0.5')).toBe(true);
        expect(exact.minus(multiplyCents(cents, r, 'down')).abs().lessThan(1)).toBe(true);
      }),
    );
  });
});

describe('ratio', () => {
  it('divides exactly as a decimal', () => {
    expect(ratio(1, 4).toFixed()).toBe('0.25');
    expect(ratio(-50, 200).toFixed()).toBe('-0.25');
    expect(ratio(1, 3).toFixed(10)).toBe('0.3333333333');
    expect(() => ratio(1, 0)).toThrow(RangeError);
  });
});
