/**
 * The peer distribution of one mirror indicator (ADD §8): five percentiles, the provider's
 * percentile rank among its peers, and the signal that follows. Exact decimal arithmetic
 * (decimal.js), never floats.
 *
 * Percentiles: P10, P25, P50, P75, P90 by `linear-interpolation`, Hyndman & Fan type 7 (Excel
 * PERCENTIEL.INC, R and NumPy default), the same method and implementation as correction A3
 * (`src/domain/volume/practice-variation.ts`). Over the peer values sorted ascending
 * x[0] ≤ … ≤ x[n-1]: h = (n - 1) × p; P = x[⌊h⌋] + (h - ⌊h⌋) × (x[⌊h⌋ + 1] - x[⌊h⌋]). Every
 * percentile lies within min..max of the peers and they are ordered P10 ≤ … ≤ P90. Interpolation
 * also means a percentile is usually not one peer's exact figure.
 *
 * Percentile rank: the mid-rank definition, (peers below + ½ × peers equal) / n, in [0, 1]. A
 * provider equal to every peer has rank 0.5; above all peers 1; below all peers 0.
 *
 * Signal: above P90 → `above-p90`; else above P75 → `above-p75`; below P25 → `below-p25`; otherwise
 * (P25 ≤ value ≤ P75) `normal`. Comparisons are strict, so a provider exactly at a percentile is
 * not signalled, and one equal to the median is always `normal`.
 */
import type { Decimal } from 'decimal.js';
import { MoneyDecimal } from '../money/index.js';
import { percentile, type PercentileMethod } from '../volume/index.js';

export const MIRROR_PERCENTILE_METHOD: PercentileMethod = 'linear-interpolation';
export const MIRROR_RANK_METHOD = 'mid-rank' as const;

/** The reported percentiles, as quantiles 0..1. */
export const MIRROR_PERCENTILES = { p10: '0.1', p25: '0.25', p50: '0.5', p75: '0.75', p90: '0.9' } as const;
export type PercentileKey = keyof typeof MIRROR_PERCENTILES;
export type Percentiles<T> = Record<PercentileKey, T>;

export const MIRROR_SIGNALS = ['above-p90', 'above-p75', 'normal', 'below-p25'] as const;
export type MirrorSignal = (typeof MIRROR_SIGNALS)[number];

const KEYS = Object.keys(MIRROR_PERCENTILES) as PercentileKey[];

/** P10..P90 of the peer values. Throws on an empty list (a bug: callers check the peer count first). */
export function peerPercentiles(peers: readonly Decimal[]): Percentiles<Decimal> {
  if (peers.length === 0) throw new RangeError('peerPercentiles: geen vergelijkbare aanbieders');
  const entries = KEYS.map((key) => [key, percentile(peers, new MoneyDecimal(MIRROR_PERCENTILES[key]), MIRROR_PERCENTILE_METHOD)] as const);
  return Object.fromEntries(entries) as Percentiles<Decimal>;
}

/** Mid-rank percentile rank of `value` among `peers`, in [0, 1]. Throws on an empty list (a bug). */
export function percentileRank(value: Decimal, peers: readonly Decimal[]): Decimal {
  if (peers.length === 0) throw new RangeError('percentileRank: geen vergelijkbare aanbieders');
  let below = 0;
  let equal = 0;
  for (const peer of peers) {
    const c = peer.comparedTo(value);
    if (c < 0) below += 1;
    else if (c === 0) equal += 1;
  }
  return new MoneyDecimal(below).plus(new MoneyDecimal(equal).dividedBy(2)).dividedBy(peers.length);
}

export function signalOf(value: Decimal, percentiles: Percentiles<Decimal>): MirrorSignal {
  if (value.greaterThan(percentiles.p90)) return 'above-p90';
  if (value.greaterThan(percentiles.p75)) return 'above-p75';
  if (value.lessThan(percentiles.p25)) return 'below-p25';
  return 'normal';
}
