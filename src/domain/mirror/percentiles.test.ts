import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peerPercentiles, percentileRank, signalOf, type Percentiles } from './percentiles.js';

const d = (values: (string | number)[]) => values.map((v) => new Decimal(v));
const text = (p: Percentiles<Decimal>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.toFixed()]));
const peers = d([9, 6, 13, 7, 12, 8, 11, 10]); // 8 peers, unsorted on purpose; sorted 6..13

describe('peerPercentiles (Hyndman-Fan type 7)', () => {
  it('interpolates between ranks: h = (n - 1) × p', () => {
    // p10: h = 0.7 → 6.7; p25: h = 1.75 → 7.75; p50: h = 3.5 → 9.5; p75: h = 5.25 → 11.25; p90: h = 6.3 → 12.3
    expect(text(peerPercentiles(peers))).toEqual({ p10: '6.7', p25: '7.75', p50: '9.5', p75: '11.25', p90: '12.3' });
  });

  it('gives the single value for one peer, and refuses none', () => {
    expect(text(peerPercentiles(d(['0.25'])))).toEqual({ p10: '0.25', p25: '0.25', p50: '0.25', p75: '0.25', p90: '0.25' });
    expect(() => peerPercentiles([])).toThrow(RangeError);
  });
});

describe('percentileRank (mid-rank)', () => {
  it('counts peers below plus half of those equal, over the peer count', () => {
    expect(percentileRank(new Decimal('9.5'), peers).toFixed()).toBe('0.5'); // 4 below
    expect(percentileRank(new Decimal(9), peers).toFixed()).toBe('0.4375'); // (3 + ½) / 8
    expect(percentileRank(new Decimal(14), peers).toFixed()).toBe('1');
    expect(percentileRank(new Decimal(5), peers).toFixed()).toBe('0');
    expect(percentileRank(new Decimal(3), d([3, 3, 3])).toFixed()).toBe('0.5');
  });
});

describe('signalOf', () => {
  const p = peerPercentiles(peers);
  it('signals strictly above P90, above P75 and below P25', () => {
    expect(signalOf(new Decimal(13), p)).toBe('above-p90');
    expect(signalOf(new Decimal('12.3'), p)).toBe('above-p75'); // exactly P90 is not above it
    expect(signalOf(new Decimal(12), p)).toBe('above-p75');
    expect(signalOf(new Decimal('11.25'), p)).toBe('normal'); // exactly P75
    expect(signalOf(new Decimal('7.75'), p)).toBe('normal'); // exactly P25
    expect(signalOf(new Decimal(7), p)).toBe('below-p25');
  });
});

describe('distribution properties', () => {
  const value = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).dividedBy(1000));
  const values = fc.array(value, { minLength: 1, maxLength: 40 });

  it('percentiles are ordered and lie within min..max of the peers', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const p = peerPercentiles(vs);
        const ordered = [p.p10, p.p25, p.p50, p.p75, p.p90];
        for (let i = 1; i < ordered.length; i++) expect(ordered[i - 1]!.lessThanOrEqualTo(ordered[i]!)).toBe(true);
        expect(p.p10.greaterThanOrEqualTo(Decimal.min(...vs))).toBe(true);
        expect(p.p90.lessThanOrEqualTo(Decimal.max(...vs))).toBe(true);
      }),
    );
  });

  it('the rank lies in [0, 1] and does not fall when the value rises', () => {
    fc.assert(
      fc.property(values, value, value, (vs, a, b) => {
        const [lo, hi] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const rLo = percentileRank(lo, vs);
        const rHi = percentileRank(hi, vs);
        for (const r of [rLo, rHi]) expect(r.greaterThanOrEqualTo(0) && r.lessThanOrEqualTo(1)).toBe(true);
        expect(rLo.lessThanOrEqualTo(rHi)).toBe(true);
      }),
    );
  });

  it('a provider identical to the median is normal', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const p = peerPercentiles(vs);
        expect(signalOf(p.p50, p)).toBe('normal');
      }),
    );
  });
});
