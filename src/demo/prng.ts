/**
 * A small seeded pseudo-random number generator for the demo data. Same seed, same sequence, on
 * every platform: the state is four 32-bit integers (sfc32, Chris Doty-Humphrey's "small fast
 * counting" generator, PractRand-clean), seeded from a string hash (cyrb128). No `Math.random`, no
 * clock, and only integer and IEEE-exact arithmetic (no `Math.log`/`Math.cos`), so output is
 * byte-identical across Node versions.
 *
 * A number seed is used through its decimal text: `createPrng(42)` and `createPrng('42')` are the
 * same generator. Not for anything security-related.
 */

export type Seed = string | number;

const TWO_POW_32 = 4294967296;
const TWO_POW_21 = 2097152;
const TWO_POW_53 = 9007199254740992;

/** cyrb128: four 32-bit hashes of a string, used as the sfc32 state. */
export function hashSeed(seed: Seed): [number, number, number, number] {
  const text = typeof seed === 'number' ? String(seed) : seed;
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Prng {
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: Seed) {
    this.seed = typeof seed === 'number' ? String(seed) : seed;
    [this.a, this.b, this.c, this.d] = hashSeed(this.seed);
    // Let the state mix before the first value is used.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** An unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** A float in [0, 1) with 53 bits of resolution. */
  next53(): number {
    return (this.uint32() * TWO_POW_21 + (this.uint32() >>> 11)) / TWO_POW_53;
  }

  /** An integer in [min, max], both inclusive. Throws on a reversed or non-integer range (a bug). */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need safe integers with min <= max`);
    }
    const span = max - min + 1;
    const u = span <= TWO_POW_32 ? this.next() : this.next53();
    return min + Math.floor(u * span);
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. Throws on an empty list (a bug). */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One element, with probability proportional to its weight (weights >= 0, sum > 0). */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('weightedPick needs as many weights as items, at least one');
    }
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`weightedPick: weight ${w} is not >= 0`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weightedPick: the weights sum to 0');
    let target = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return items[i] as T;
    }
    // Rounding can leave target at ~0: return the last item with a positive weight.
    for (let i = items.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return items[i] as T;
    return items[items.length - 1] as T;
  }

  /** A shuffled copy (Fisher-Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct elements in random order (all of them when count >= length). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /**
   * Normal-ish: the Irwin-Hall sum of 6 uniforms, scaled to mean and standard deviation. Bounded
   * to mean ± 4.24 sd (no wild outliers in demo data) and free of transcendental functions.
   */
  normal(mean = 0, sd = 1): number {
    let sum = 0;
    for (let i = 0; i < 6; i++) sum += this.next();
    return mean + (sum - 3) * Math.SQRT2 * sd;
  }

  /** An independent generator for a named sub-stream: depends on the seed and label only. */
  fork(label: string): Prng {
    return new Prng(`${this.seed}\u0000${label}`);
  }
}

export function createPrng(seed: Seed): Prng {
  return new Prng(seed);
}
