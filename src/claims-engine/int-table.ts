/**
 * A small read-only hash table from non-negative integer keys (codes below 2^31) to integer
 * values, on typed arrays: a lookup per claim line is a multiply, a shift and usually one probe.
 * Used for the reference data the checks consult per line (products, drugs, providers).
 */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  readonly size: number;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    let bits = 4;
    while (1 << bits < list.length * 4) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.size = 0;
    for (const [key, value] of list) {
      if (!Number.isInteger(key) || key < 0 || key > 0x7fffffff) throw new RangeError(`IntTable: key ${key} out of range`);
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== -1 && this.keys[h] !== key) h = (h + 1) & this.mask;
      if (this.keys[h] === -1) this.size++;
      this.keys[h] = key;
      this.values[h] = value;
    }
  }

  /** The value of `key`, or −1. */
  get(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h] as number;
      if (k === key) return this.values[h] as number;
      if (k === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }
}
