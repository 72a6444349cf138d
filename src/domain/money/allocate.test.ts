import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from './allocate.js';
import { MoneyDecimal } from './rate.js';

const weight = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,4})?$/),
);
const weights = fc.array(weight, { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => Number(w) > 0));
const total = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('allocateCents', () => {
  it('splits like dinero.js allocate', () => {
    expect(allocateCents(100, [50, 50])).toEqual([50, 50]);
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateCents(1003, [50, 50])).toEqual([502, 501]);
    expect(allocateCents(100, [70, 30])).toEqual([70, 30]);
    expect(allocateCents(5, [1, 3])).toEqual([1, 4]); // 1.25 / 3.75: the larger remainder wins
  });

  it('gives left-over cents to the largest remainders, ties by index', () => {
    expect(allocateCents(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateCents(10, ['0.2', '0.3', '0.5'])).toEqual([2, 3, 5]);
    expect(allocateCents(1, ['0.1', '0.2', '0.7'])).toEqual([0, 0, 1]);
  });

  it('mirrors negative totals and never returns -0', () => {
    expect(allocateCents(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const parts = allocateCents(-1, [1, 1]);
    expect(parts).toEqual([-1, 0]);
    expect(Object.is(parts[1], 0)).toBe(true);
  });

  it('gives zero weights nothing', () => {
    expect(allocateCents(100, [0, 1, 0])).toEqual([0, 100, 0]);
  });

  it('rejects bad weights', () => {
    expect(() => allocateCents(100, [])).toThrow(RangeError);
    expect(() => allocateCents(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateCents(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocateCents(100, ['abc'])).toThrow(RangeError);
    expect(() => allocateCents(100, [Number.NaN])).toThrow(RangeError);
    expect(() => allocateCents(1.5, [1])).toThrow(RangeError);
  });

  it('parts always sum to the total', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateCents(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(t));
        for (const part of parts) expect(Number.isSafeInteger(part)).toBe(true);
      }),
    );
  });

  it('each part is within 1 cent of its exact share, with the sign of the total', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateCents(t, ws);
        const sum = ws.reduce((acc: InstanceType<typeof MoneyDecimal>, w) => acc.plus(w), new MoneyDecimal(0));
        parts.forEach((part, i) => {
          const exact = new MoneyDecimal(t).times(ws[i] ?? 0).dividedBy(sum);
          expect(exact.minus(part).abs().lessThan(1)).toBe(true);
          expect(part === 0 || Math.sign(part) === Math.sign(t)).toBe(true);
        });
      }),
    );
  });

  it('is deterministic and scale-invariant in the weights', () => {
    fc.assert(
      fc.property(total, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), (t, ws) => {
        expect(allocateCents(t, ws)).toEqual(allocateCents(t, ws.map((w) => w * 7)));
        expect(allocateCents(t, ws)).toEqual(allocateCents(t, ws.map((w) => `${w}.000`)));
      }),
    );
  });
});
