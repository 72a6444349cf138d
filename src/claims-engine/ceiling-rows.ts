/**
 * The lines that count towards a plafond, kept by the per-person pass for the per-provider ceiling
 * pass (24 bytes a line): the provider as its index in the sorted list of providers with a plafond,
 * start day, amount and claim order (an index into a small table of packed id codes plus the
 * number, or the id text). The main thread sums them per (provider, day), keeps only the lines
 * of the days on which a plafond may be crossed, sorts those by (provider, start day, claim id)
 * and merges the workers' runs.
 */
import { idFromCode } from './codec.js';

/** Code index of a text claim id (`idNum` then indexes `exotic`). */
const TEXT_ID = 0xffff;

/** One number for (provider, start day): provider × 2^21 + day + 2^20 (days of 1900-2999 fit). */
export function dayKey(provider: number, day: number): number {
  return provider * 2097152 + day + 1048576;
}

/** Per (provider, start day): the sum of the positive and of the negative amounts. */
export interface DayTotals {
  keys: number[];
  positive: number[];
  negative: number[];
}

export interface CeilingRowsMessage {
  length: number;
  provider: Uint16Array;
  start: Int32Array;
  amount: Float64Array;
  code: Uint16Array;
  idNum: Float64Array;
  codes: number[];
  exotic: string[];
}

export class CeilingRows {
  length = 0;
  /** Index in the ascending list of AGB codes with a plafond. */
  provider: Uint16Array;
  start: Int32Array;
  amount: Float64Array;
  /** Index into `codes` (packed claim-id codes), or TEXT_ID. */
  code: Uint16Array;
  idNum: Float64Array;
  codes: number[] = [];
  exotic: string[] = [];
  private readonly codeIndex = new Map<number, number>();

  constructor(capacity: number) {
    this.provider = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.code = new Uint16Array(capacity);
    this.idNum = new Float64Array(capacity);
  }

  static from(message: CeilingRowsMessage): CeilingRows {
    const rows = new CeilingRows(0);
    rows.length = message.length;
    rows.provider = message.provider;
    rows.start = message.start;
    rows.amount = message.amount;
    rows.code = message.code;
    rows.idNum = message.idNum;
    rows.codes = message.codes;
    rows.exotic = message.exotic;
    return rows;
  }

  /** Adds a line; `idCode` −1 means the id is text (`idText`). */
  push(provider: number, start: number, amount: number, idCode: number, idNum: number, idText: string | null): void {
    if (this.length === this.provider.length) this.grow(Math.max(16, this.length * 2));
    const i = this.length++;
    this.provider[i] = provider;
    this.start[i] = start;
    this.amount[i] = amount;
    let index = idCode < 0 ? TEXT_ID : this.codeIndex.get(idCode);
    if (index === undefined) {
      index = this.codes.length < TEXT_ID ? this.codes.length : TEXT_ID;
      if (index !== TEXT_ID) {
        this.codes.push(idCode);
        this.codeIndex.set(idCode, index);
      }
    }
    if (index === TEXT_ID) {
      this.code[i] = TEXT_ID;
      this.idNum[i] = this.exotic.length;
      this.exotic.push(idText ?? idFromCode(idCode, idNum));
    } else {
      this.code[i] = index;
      this.idNum[i] = idNum;
    }
  }

  private grow(n: number): void {
    const provider = new Uint16Array(n);
    provider.set(this.provider.subarray(0, this.length));
    this.provider = provider;
    const start = new Int32Array(n);
    start.set(this.start.subarray(0, this.length));
    this.start = start;
    const amount = new Float64Array(n);
    amount.set(this.amount.subarray(0, this.length));
    this.amount = amount;
    const code = new Uint16Array(n);
    code.set(this.code.subarray(0, this.length));
    this.code = code;
    const idNum = new Float64Array(n);
    idNum.set(this.idNum.subarray(0, this.length));
    this.idNum = idNum;
  }

  /** The sums per (provider, start day), for the main thread to find the days a plafond is crossed. */
  dayTotals(): DayTotals {
    const index = new Map<number, number>();
    const totals: DayTotals = { keys: [], positive: [], negative: [] };
    for (let i = 0; i < this.length; i++) {
      const key = dayKey(this.provider[i] as number, this.start[i] as number);
      let k = index.get(key);
      if (k === undefined) {
        k = totals.keys.length;
        index.set(key, k);
        totals.keys.push(key);
        totals.positive.push(0);
        totals.negative.push(0);
      }
      const amount = this.amount[i] as number;
      if (amount > 0) totals.positive[k] = (totals.positive[k] as number) + amount;
      else totals.negative[k] = (totals.negative[k] as number) + amount;
    }
    return totals;
  }

  /** The rows whose (provider, start day) is in `keys`. */
  select(keys: ReadonlySet<number>): CeilingRows {
    const out = new CeilingRows(16);
    for (let i = 0; i < this.length; i++) {
      if (!keys.has(dayKey(this.provider[i] as number, this.start[i] as number))) continue;
      const code = this.idCode(i);
      out.push(this.provider[i] as number, this.start[i] as number, this.amount[i] as number, code, this.idNum[i] as number, code < 0 ? this.claimId(i) : null);
    }
    return out;
  }

  /** The packed id code of row i, or −1 for a text id. */
  idCode(i: number): number {
    const c = this.code[i] as number;
    return c === TEXT_ID ? -1 : (this.codes[c] as number);
  }

  claimId(i: number): string {
    const c = this.code[i] as number;
    return c === TEXT_ID ? (this.exotic[this.idNum[i] as number] as string) : idFromCode(this.codes[c] as number, this.idNum[i] as number);
  }

  /** Claim order of row i here and row j of `other`. */
  compareIds(i: number, other: CeilingRows, j: number): number {
    const a = this.idCode(i);
    if (a >= 0 && a === other.idCode(j)) return (this.idNum[i] as number) - (other.idNum[j] as number);
    const x = this.claimId(i);
    const y = other.claimId(j);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /**
   * Sorts in place by (provider, start day, claim id): a stable counting sort by (provider, day),
   * then each run of equal (provider, day) by claim id: an insertion sort when the runs are nearly
   * in order already (one worker reading a file in claim order), else an LSD radix sort on the
   * claim number (or a comparison sort when the ids have several shapes).
   */
  sort(): void {
    const n = this.length;
    let order: Uint32Array = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order = this.sortByProviderAndDay(order);
    const single = this.codes.length === 1 && !this.code.subarray(0, n).includes(TEXT_ID);
    // Nearly sorted runs (few descents) take an insertion sort; otherwise (e.g. lines that came
    // from another worker a few chunks late) the radix sort is cheaper.
    const nearlySorted = single && this.descents(order) <= n / 64;
    if (!nearlySorted || !this.insertionSortRuns(order, 8 * n + 1024)) {
      if (single) {
        // LSD radix: the claim number in 12-bit digits, then (provider, day) again; each pass stable.
        order = new Uint32Array(n);
        for (let i = 0; i < n; i++) order[i] = i;
        let max = 0;
        for (let i = 0; i < n; i++) if ((this.idNum[i] as number) > max) max = this.idNum[i] as number;
        const keys = new Uint32Array(n);
        for (let div = 1; div <= max; div *= 4096) {
          for (let i = 0; i < n; i++) keys[i] = Math.floor((this.idNum[i] as number) / div) % 4096;
          order = countingSort(order, keys, 4096);
        }
        order = this.sortByProviderAndDay(order);
      } else {
        this.comparisonSortRuns(order);
      }
    }
    this.provider = permuteU16(this.provider, order);
    this.start = permuteI32(this.start, order);
    this.amount = permuteF64(this.amount, order);
    this.code = permuteU16(this.code, order);
    this.idNum = permuteF64(this.idNum, order);
  }

  /** `order` stably sorted by (provider, start day). */
  private sortByProviderAndDay(order: Uint32Array): Uint32Array {
    const n = this.length;
    if (n === 0) return order;
    let minDay = Infinity;
    let maxDay = -Infinity;
    let providers = 0;
    for (let i = 0; i < n; i++) {
      const d = this.start[i] as number;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
      if ((this.provider[i] as number) >= providers) providers = (this.provider[i] as number) + 1;
    }
    const days = maxDay - minDay + 1;
    const keys = new Uint32Array(n);
    if (providers * days <= 1 << 24) {
      for (let i = 0; i < n; i++) keys[i] = (this.provider[i] as number) * days + ((this.start[i] as number) - minDay);
      return countingSort(order, keys, providers * days);
    }
    for (let i = 0; i < n; i++) keys[i] = (this.start[i] as number) - minDay;
    const byDay = countingSort(order, keys, days);
    for (let i = 0; i < n; i++) keys[i] = this.provider[i] as number;
    return countingSort(byDay, keys, providers);
  }

  private sameRun(a: number, b: number): boolean {
    return this.provider[a] === this.provider[b] && this.start[a] === this.start[b];
  }

  /** Adjacent pairs within a (provider, day) run whose claim numbers are out of order. */
  private descents(order: Uint32Array): number {
    let count = 0;
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1] as number;
      const b = order[i] as number;
      if (this.sameRun(a, b) && (this.idNum[a] as number) > (this.idNum[b] as number)) count++;
    }
    return count;
  }

  /** Insertion sort of each (provider, day) run by claim number; false when `budget` shifts do not suffice. */
  private insertionSortRuns(order: Uint32Array, budget: number): boolean {
    const n = order.length;
    let shifts = 0;
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && this.sameRun(order[runStart] as number, order[i] as number)) continue;
      for (let k = runStart + 1; k < i; k++) {
        const row = order[k] as number;
        const num = this.idNum[row] as number;
        let j = k - 1;
        while (j >= runStart && (this.idNum[order[j] as number] as number) > num) {
          order[j + 1] = order[j] as number;
          j--;
          if (++shifts > budget) return false;
        }
        order[j + 1] = row;
      }
      runStart = i;
    }
    return true;
  }

  /** Each (provider, day) run sorted by claim id with a comparison sort (ids of several shapes). */
  private comparisonSortRuns(order: Uint32Array): void {
    const n = order.length;
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && this.sameRun(order[runStart] as number, order[i] as number)) continue;
      if (i - runStart > 1) {
        const run = Array.from(order.subarray(runStart, i)).sort((a, b) => this.compareIds(a, this, b));
        order.set(run, runStart);
      }
      runStart = i;
    }
  }

  toMessage(): { message: CeilingRowsMessage; transfer: ArrayBuffer[] } {
    const n = this.length;
    const message: CeilingRowsMessage = {
      length: n, provider: this.provider.slice(0, n), start: this.start.slice(0, n), amount: this.amount.slice(0, n),
      code: this.code.slice(0, n), idNum: this.idNum.slice(0, n), codes: this.codes, exotic: this.exotic,
    };
    return { message, transfer: [message.provider.buffer, message.start.buffer, message.amount.buffer, message.code.buffer, message.idNum.buffer] as ArrayBuffer[] };
  }
}

function permuteU16(a: Uint16Array, order: Uint32Array): Uint16Array {
  const out = new Uint16Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = a[order[i] as number] as number;
  return out;
}

function permuteI32(a: Int32Array, order: Uint32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = a[order[i] as number] as number;
  return out;
}

function permuteF64(a: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = a[order[i] as number] as number;
  return out;
}

/** Stable counting sort of `order` by `keys[row]` (0 ≤ key < buckets). */
function countingSort(order: Uint32Array, keys: Uint32Array, buckets: number): Uint32Array {
  const counts = new Uint32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) {
    const k = (keys[order[i] as number] as number) + 1;
    counts[k] = (counts[k] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i] as number;
    const k = keys[row] as number;
    out[counts[k] as number] = row;
    counts[k] = (counts[k] as number) + 1;
  }
  return out;
}
