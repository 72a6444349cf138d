import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../errors.js';
import { percentile, percentileOf, practiceVariationLine, type PracticeVariationSettings } from './practice-variation.js';

const peers = ['9', '6', '13', '7', '12', '8', '11', '10']; // 8 peers, unsorted on purpose
const settings: PracticeVariationSettings = { percentile: '0.75', method: 'linear-interpolation', rounding: 'half-up', source: 'MSZ §4A' };

describe('percentile', () => {
  it('interpolates linearly between ranks (Hyndman-Fan type 7)', () => {
    // sorted 6..13; h = 7 × 0.75 = 5.25 → 11 + 0.25 × (12 - 11)
    expect(expectOk(percentileOf(peers, '0.75', 'linear-interpolation'))).toBe('11.25');
    expect(expectOk(percentileOf(peers, '0.5', 'linear-interpolation'))).toBe('9.5');
    expect(expectOk(percentileOf(peers, '0', 'linear-interpolation'))).toBe('6');
    expect(expectOk(percentileOf(peers, '1', 'linear-interpolation'))).toBe('13');
    expect(expectOk(percentileOf(['1', '2', '3', '4'], '0.75', 'linear-interpolation'))).toBe('3.25'); // as Excel PERCENTILE.INC
  });

  it('takes the value at rank ⌈p × n⌉ with nearest-rank', () => {
    expect(expectOk(percentileOf(peers, '0.75', 'nearest-rank'))).toBe('11'); // rank 6 of 8
    expect(expectOk(percentileOf(peers, '0', 'nearest-rank'))).toBe('6');
    expect(expectOk(percentileOf(['4.5'], '0.75', 'nearest-rank'))).toBe('4.5');
  });

  it('rejects an empty peer group, negative rates and percentiles outside 0..1', () => {
    expect(percentileOf([], '0.75', 'linear-interpolation').ok).toBe(false);
    expect(percentileOf(['-1', '2'], '0.75', 'linear-interpolation').ok).toBe(false);
    expect(percentileOf(['1', '2'], '75', 'linear-interpolation').ok).toBe(false);
    expect(percentileOf(['1,5'], '0.5', 'linear-interpolation').ok).toBe(false);
  });

  it('always lies within min..max of the peers, and is monotone in p', () => {
    const rate = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).dividedBy(100));
    const p = fc.integer({ min: 0, max: 100 }).map((n) => new Decimal(n).dividedBy(100));
    fc.assert(fc.property(fc.array(rate, { minLength: 1, maxLength: 30 }), p, p, fc.constantFrom('linear-interpolation' as const, 'nearest-rank' as const), (values, p1, p2, method) => {
      const min = Decimal.min(...values);
      const max = Decimal.max(...values);
      const q = percentile(values, p1, method);
      expect(q.greaterThanOrEqualTo(min) && q.lessThanOrEqualTo(max)).toBe(true);
      const [lo, hi] = p1.lessThanOrEqualTo(p2) ? [p1, p2] : [p2, p1];
      expect(percentile(values, lo, method).lessThanOrEqualTo(percentile(values, hi, method))).toBe(true);
    }));
  });
});

describe('practiceVariationLine (MSZ §4A, A3)', () => {
  const cag = { indicator: 'Ondoelmatige inzet van coronaire angiografie', specialism: '0320', providerRatePer1000: '14', peerRatesPer1000: peers, affectedAmountCents: 1_000_000 };

  it('brings a provider above the 75th percentile of 8 peers down to the norm', () => {
    const line = expectOk(practiceVariationLine(cag, 0, settings));
    // excess share (14 - 11.25) / 14 = 0.19642857…; × 1_000_000 = 196_428.57 → 196_429
    expect(line.amount_cents).toBe(-196_429);
    expect(line).toMatchObject({ id: 'A3.1', rule: 'volume.A3', source: 'MSZ §4A' });
    expect(line.inputs).toMatchObject({ norm_per_1000: '11.25', peers: 8, percentile: '0.75', percentile_method: 'linear-interpolation', excess_share: '0.196428571429' });
    expect(line.message).toContain('boven de norm');
  });

  it('uses the nearest-rank norm when the policy says so', () => {
    // (14 - 11) / 14 × 1_000_000 = 214_285.71 → 214_286
    expect(expectOk(practiceVariationLine(cag, 0, { ...settings, method: 'nearest-rank' })).amount_cents).toBe(-214_286);
  });

  it('corrects nothing at or below the norm', () => {
    const line = expectOk(practiceVariationLine({ ...cag, providerRatePer1000: '11.25' }, 1, settings));
    expect(line.amount_cents).toBe(0);
    expect(Object.is(line.amount_cents, -0)).toBe(false);
    expect(line.id).toBe('A3.2');
    expect(expectOk(practiceVariationLine({ ...cag, providerRatePer1000: '0' }, 0, settings)).amount_cents).toBe(0);
  });

  it('never corrects more than the affected amount', () => {
    const rate = fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 100).toFixed(2));
    fc.assert(fc.property(rate, fc.array(rate, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1e12 }), (own, ps, affected) => {
      const line = expectOk(practiceVariationLine({ ...cag, providerRatePer1000: own, peerRatesPer1000: ps, affectedAmountCents: affected }, 0, settings));
      expect(line.amount_cents).toBeLessThanOrEqual(0);
      expect(-line.amount_cents).toBeLessThanOrEqual(affected);
    }));
  });

  it('names the field of bad input', () => {
    const result = practiceVariationLine({ ...cag, affectedAmountCents: 1.5 }, 2, settings);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('practiceVariation[2].affectedAmountCents');
  });
});
