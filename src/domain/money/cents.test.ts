import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCents, eurosToCents, formatEuro, parseEuroAmount, sumCents } from './cents.js';

describe('parseEuroAmount', () => {
  it.each([
    ['1234', 123400],
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['-12.30', -1230],
    ['0.05', 5],
    ['  7.1 ', 710],
    ['-0', 0],
    ['-0.00', 0],
    ['0012.00', 1200],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('parses %j as %d cents', (text, cents) => {
    const result = parseEuroAmount(text);
    expect(result).toEqual({ ok: true, value: cents });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });

  it.each([
    ['1,5', 'punt als decimaalteken'],
    ['1.234,56', 'punt als decimaalteken'],
    ['1.234', 'hoogstens 2 decimalen'],
    ['12.345', 'hoogstens 2 decimalen'],
    ['', 'ontbreekt'],
    ['abc', 'geen geldig bedrag'],
    ['+12', 'geen geldig bedrag'],
    ['.5', 'geen geldig bedrag'],
    ['5.', 'geen geldig bedrag'],
    ['€ 12', 'geen geldig bedrag'],
    ['1e3', 'geen geldig bedrag'],
    ['1 234', 'geen geldig bedrag'],
    ['90071992547409.92', 'te groot'],
  ])('rejects %j (%s) with a message naming the field', (text, expected) => {
    const result = parseEuroAmount(text, 'contract.plafond');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain(expected);
    expect(result.error.message).toContain("'contract.plafond'");
    expect(result.error.issues?.[0]?.field).toBe('contract.plafond');
  });

  it('round-trips every whole-cent amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const abs = BigInt(Math.abs(cents));
        const text = `${cents < 0 ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        expect(parseEuroAmount(text)).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it('round-trips integer euros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (euros) => {
        expect(parseEuroAmount(String(euros))).toEqual({ ok: true, value: euros === 0 ? 0 : euros * 100 });
      }),
    );
  });
});

describe('formatEuro', () => {
  it.each([
    [123456, '€ 1.234,56'],
    [-1230, '€ -12,30'],
    [5, '€ 0,05'],
    [0, '€ 0,00'],
    [-0, '€ 0,00'],
    [100, '€ 1,00'],
    [123456789012, '€ 1.234.567.890,12'],
    [Number.MAX_SAFE_INTEGER, '€ 90.071.992.547.409,91'],
  ])('formats %d as %j', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it('matches parse after removing the Dutch notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const plain = formatEuro(cents).replace('€ ', '').replaceAll('.', '').replace(',', '.');
        expect(parseEuroAmount(plain)).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it('refuses non-integers', () => {
    expect(() => formatEuro(1.5)).toThrow(RangeError);
  });
});

describe('eurosToCents / assertCents / sumCents', () => {
  it('converts trusted whole euros', () => {
    expect(eurosToCents(12)).toBe(1200);
    expect(eurosToCents(-3)).toBe(-300);
    expect(() => eurosToCents(1.5)).toThrow(RangeError);
    expect(() => eurosToCents(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  it('assertCents rejects fractions, NaN and unsafe integers', () => {
    expect(() => assertCents(1)).not.toThrow();
    for (const bad of [0.5, Number.NaN, Infinity, 2 ** 53]) expect(() => assertCents(bad)).toThrow(RangeError);
  });

  it('sums exactly and refuses overflow', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([1, 2, -3, 100])).toBe(100);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumCents([1, 0.5])).toThrow(RangeError);
  });

  it('sum equals the BigInt sum when it is safe', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e13, max: 1e13 }), { maxLength: 50 }), (list) => {
        const exact = list.reduce((a, b) => a + BigInt(b), 0n);
        expect(BigInt(sumCents(list))).toBe(exact);
      }),
    );
  });
});
