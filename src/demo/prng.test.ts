import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng, hashSeed } from './prng.js';

const draw = (seed: string | number, n: number) => {
  const prng = createPrng(seed);
  return Array.from({ length: n }, () => prng.uint32());
};

describe('createPrng', () => {
  it('is pinned: the same first values on every platform and version', () => {
    // Changing these means every demo data set changes: only on purpose.
    expect(draw('zorginkoop', 3)).toEqual([3905669482, 480514669, 4157100312]);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw('a', 100)).toEqual(draw('a', 100));
    expect(draw('a', 100)).not.toEqual(draw('b', 100));
    expect(draw('', 10)).not.toEqual(draw(' ', 10));
  });

  it('treats a number seed as its decimal text', () => {
    expect(draw(42, 5)).toEqual(draw('42', 5));
  });

  it('hashes to four unsigned 32-bit words', () => {
    for (const word of hashSeed('x')) expect(word >>> 0).toBe(word);
  });

  it('forks independent streams that depend on seed and label only', () => {
    const a = createPrng('s');
    a.uint32();
    const b = createPrng('s');
    expect(a.fork('x').uint32()).toBe(b.fork('x').uint32());
    expect(a.fork('x').uint32()).not.toBe(a.fork('y').uint32());
  });
});

describe('helpers', () => {
  it('int stays within inclusive bounds, also for spans beyond 2^32', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (seed, min, span) => {
        const value = createPrng(seed).int(min, min + span);
        return Number.isInteger(value) && value >= min && value <= min + span;
      }),
    );
  });

  it('int reaches both ends', () => {
    const prng = createPrng('ends');
    const seen = new Set(Array.from({ length: 200 }, () => prng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('int rejects a reversed or fractional range', () => {
    expect(() => createPrng('x').int(3, 1)).toThrow(RangeError);
    expect(() => createPrng('x').int(0.5, 1)).toThrow(RangeError);
  });

  it('next is in [0, 1)', () => {
    const prng = createPrng('unit');
    const outside = Array.from({ length: 10_000 }, () => prng.next()).filter((u) => !(u >= 0 && u < 1));
    expect(outside).toEqual([]);
  });

  it('chance(0) never, chance(1) always, chance(0.3) about 30%', () => {
    const prng = createPrng('chance');
    let hits = 0;
    let wrong = 0;
    for (let i = 0; i < 20_000; i++) {
      if (prng.chance(0) || !prng.chance(1)) wrong++;
      if (prng.chance(0.3)) hits++;
    }
    expect(wrong).toBe(0);
    expect(hits / 20_000).toBeGreaterThan(0.28);
    expect(hits / 20_000).toBeLessThan(0.32);
  });

  it('weightedPick follows the weights and never picks a zero weight', () => {
    const prng = createPrng('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) counts[prng.weightedPick(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    expect(() => prng.weightedPick(['a'], [0])).toThrow(RangeError);
    expect(() => prng.weightedPick([], [])).toThrow(RangeError);
  });

  it('pick throws on an empty list and returns a member otherwise', () => {
    const prng = createPrng('pick');
    expect(() => prng.pick([])).toThrow(RangeError);
    expect(['x', 'y']).toContain(prng.pick(['x', 'y']));
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer()), (seed, items) => {
        const copy = items.slice();
        const shuffled = createPrng(seed).shuffle(items);
        expect(items).toEqual(copy);
        expect(shuffled.slice().sort((x, y) => x - y)).toEqual(copy.sort((x, y) => x - y));
      }),
    );
  });

  it('sample gives distinct members', () => {
    const sample = createPrng('sample').sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
  });

  it('normal has about the asked mean and standard deviation, within ±4.25 sd', () => {
    const prng = createPrng('normal');
    const values = Array.from({ length: 50_000 }, () => prng.normal(10, 2));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
    expect(Math.max(...values.map((v) => Math.abs(v - 10)))).toBeLessThanOrEqual(2 * 4.25);
  });
});
