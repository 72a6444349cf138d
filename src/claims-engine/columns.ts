/**
 * A partition's claim lines as columns of typed arrays (about 57 bytes a line): codes as integers,
 * dates as day numbers, amounts as int32 and units in thousandths as uint32 (rare larger values in a
 * side map), claim ids as an index into a small
 * table of packed id codes plus a number (see codec.ts). Lines are added from a scratch row
 * (`Scratch`) filled by the parser, or in bulk from a batch another worker sent.
 */
import type { Claim } from '../domain/claims/types.js';
import { decodeDiagnosis, encodeClaimId, encodeDiagnosis, idFromCode, isoFromDay, padDigits, unitsText, unitsThousandths } from './codec.js';
import { dayNumberOf } from './fast-parse.js';

/** The partition (0..partitions−1) of a BSN: a multiplicative hash, so persons spread evenly. */
export function partitionOf(bsn: number, partitions: number): number {
  return partitions === 1 ? 0 : (Math.imul(bsn, 0x9e3779b1) >>> 0) % partitions;
}

/** Slots of the scratch row the parser fills (a Float64Array). */
export const S = {
  bsn: 0, agb: 1, uzovi: 2, careType: 3, specialism: 4, diagnosis: 5, product: 6, start: 7, end: 8,
  amount: 9, zi: 10, units: 11, idCode: 12, idNum: 13,
} as const;
export const SCRATCH_SIZE = 14;

/** Id-table index of an exotic (string) claim id; its `idNum` indexes `exotic`. */
export const EXOTIC = 0xffff;
/** `amount` slot whose value is in `bigAmounts` (outside the int32 range). */
const AMOUNT_BIG = -2147483648;
/** `units` slot of a line without units, and of units in `bigUnits`. */
const UNITS_NONE = 0xffffffff;
const UNITS_BIG = 0xfffffffe;

const NUMERIC = ['bsn', 'agb', 'uzovi', 'careType', 'specialism', 'diagnosis', 'product', 'start', 'end', 'amount', 'zi', 'units', 'idNum'] as const;

/** The transferable form of a batch of columns (structured clone; the buffers are transferred). */
export interface ColumnsMessage {
  length: number;
  arrays: Record<(typeof NUMERIC)[number] | 'idGroup', ArrayBufferView>;
  idCodes: number[];
  exotic: string[];
  bigAmounts: [number, number][];
  bigUnits: [number, number][];
}

export class ClaimColumns {
  length = 0;
  bsn: Uint32Array;
  agb: Uint32Array;
  uzovi: Uint16Array;
  /** 11 or 21. */
  careType: Uint8Array;
  specialism: Uint16Array;
  /** length × 10000 + value (at most 49,999). */
  diagnosis: Uint16Array;
  product: Uint32Array;
  start: Int32Array;
  end: Int32Array;
  /** Cents; AMOUNT_BIG: see `bigAmounts` (read through `amountOf`). */
  amount: Int32Array;
  /** −1 when not an add-on line. */
  zi: Int32Array;
  /** Thousandths; UNITS_NONE when not an add-on line (read through `unitsOf`). */
  units: Uint32Array;
  idGroup: Uint16Array;
  idNum: Float64Array;
  /** Packed id code per id-table index. */
  idCodes: number[] = [];
  exotic: string[] = [];
  bigAmounts = new Map<number, number>();
  bigUnits = new Map<number, number>();
  private readonly idIndex = new Map<number, number>();
  private lastCode = -2;
  private lastIndex = 0;

  constructor(capacity: number) {
    const n = Math.max(16, Math.ceil(capacity));
    this.bsn = new Uint32Array(n);
    this.agb = new Uint32Array(n);
    this.uzovi = new Uint16Array(n);
    this.careType = new Uint8Array(n);
    this.specialism = new Uint16Array(n);
    this.diagnosis = new Uint16Array(n);
    this.product = new Uint32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.amount = new Int32Array(n);
    this.zi = new Int32Array(n);
    this.units = new Uint32Array(n);
    this.idGroup = new Uint16Array(n);
    this.idNum = new Float64Array(n);
  }

  get capacity(): number {
    return this.bsn.length;
  }

  /** Grows to at least `needed` lines (×1.5), copying once. */
  ensure(needed: number): void {
    if (needed <= this.capacity) return;
    const n = Math.max(needed, Math.ceil(this.capacity * 1.5));
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.bsn = grow(this.bsn, (k) => new Uint32Array(k));
    this.agb = grow(this.agb, (k) => new Uint32Array(k));
    this.uzovi = grow(this.uzovi, (k) => new Uint16Array(k));
    this.careType = grow(this.careType, (k) => new Uint8Array(k));
    this.specialism = grow(this.specialism, (k) => new Uint16Array(k));
    this.diagnosis = grow(this.diagnosis, (k) => new Uint16Array(k));
    this.product = grow(this.product, (k) => new Uint32Array(k));
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.amount = grow(this.amount, (k) => new Int32Array(k));
    this.zi = grow(this.zi, (k) => new Int32Array(k));
    this.units = grow(this.units, (k) => new Uint32Array(k));
    this.idGroup = grow(this.idGroup, (k) => new Uint16Array(k));
    this.idNum = grow(this.idNum, (k) => new Float64Array(k));
  }

  /** The id-table index of a packed id code (EXOTIC when the table is full). */
  groupOf(code: number): number {
    if (code === this.lastCode) return this.lastIndex;
    let index = this.idIndex.get(code);
    if (index === undefined) {
      if (this.idCodes.length >= EXOTIC) return EXOTIC;
      index = this.idCodes.length;
      this.idCodes.push(code);
      this.idIndex.set(code, index);
    }
    this.lastCode = code;
    this.lastIndex = index;
    return index;
  }

  /** Adds the line in `s`; `exoticId` is the claim id when `s[S.idCode]` is −1. */
  push(s: Float64Array, exoticId: string | null): void {
    this.pushRow(
      s[S.bsn] as number, s[S.agb] as number, s[S.uzovi] as number, s[S.careType] as number, s[S.specialism] as number,
      s[S.diagnosis] as number, s[S.product] as number, s[S.start] as number, s[S.end] as number, s[S.amount] as number,
      s[S.zi] as number, s[S.units] as number, s[S.idCode] as number, s[S.idNum] as number, exoticId,
    );
  }

  /** Adds a line; `zi` and `units` −1 when none; `idCode` −1 when the id is text (`idText`). */
  pushRow(
    bsn: number, agb: number, uzovi: number, careType: number, specialism: number, diagnosis: number, product: number,
    start: number, end: number, amount: number, zi: number, units: number, idCode: number, idNum: number, idText: string | null,
  ): void {
    if (this.length >= this.capacity) this.ensure(this.length + 1);
    const i = this.length++;
    this.bsn[i] = bsn;
    this.agb[i] = agb;
    this.uzovi[i] = uzovi;
    this.careType[i] = careType;
    this.specialism[i] = specialism;
    this.diagnosis[i] = diagnosis;
    this.product[i] = product;
    this.start[i] = start;
    this.end[i] = end;
    if (amount > AMOUNT_BIG && amount <= 2147483647) this.amount[i] = amount;
    else {
      this.amount[i] = AMOUNT_BIG;
      this.bigAmounts.set(i, amount);
    }
    this.zi[i] = zi;
    if (units < 0) this.units[i] = UNITS_NONE;
    else if (units < UNITS_BIG) this.units[i] = units;
    else {
      this.units[i] = UNITS_BIG;
      this.bigUnits.set(i, units);
    }
    const group = idCode < 0 ? EXOTIC : this.groupOf(idCode);
    if (group === EXOTIC) {
      this.idGroup[i] = EXOTIC;
      this.idNum[i] = this.exotic.length;
      this.exotic.push(idText ?? idFromCode(idCode, idNum));
    } else {
      this.idGroup[i] = group;
      this.idNum[i] = idNum;
    }
  }

  amountOf(i: number): number {
    const a = this.amount[i] as number;
    return a !== AMOUNT_BIG ? a : (this.bigAmounts.get(i) as number);
  }

  /** Units in thousandths, or −1 for a line without units. */
  unitsOf(i: number): number {
    const u = this.units[i] as number;
    if (u < UNITS_BIG) return u;
    return u === UNITS_NONE ? -1 : (this.bigUnits.get(i) as number);
  }

  claimId(i: number): string {
    const group = this.idGroup[i] as number;
    if (group === EXOTIC) return this.exotic[this.idNum[i] as number] as string;
    return idFromCode(this.idCodes[group] as number, this.idNum[i] as number);
  }

  /** Claim order of two lines (as `compareClaimIds` on their ids). */
  compareIds(a: number, b: number): number {
    const ga = this.idGroup[a] as number;
    if (ga !== EXOTIC && ga === this.idGroup[b]) return (this.idNum[a] as number) - (this.idNum[b] as number);
    const x = this.claimId(a);
    const y = this.claimId(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  agbText(i: number): string {
    return padDigits(this.agb[i] as number, 8);
  }

  /** The line as a domain `Claim` (for the reference path and for tests). */
  toClaim(i: number): Claim {
    const zi = this.zi[i] as number;
    return {
      claimId: this.claimId(i),
      uzovi: padDigits(this.uzovi[i] as number, 4),
      agb: this.agbText(i),
      bsn: padDigits(this.bsn[i] as number, 9),
      careType: this.careType[i] === 11 ? '11' : '21',
      specialism: padDigits(this.specialism[i] as number, 4),
      diagnosis: decodeDiagnosis(this.diagnosis[i] as number),
      productCode: padDigits(this.product[i] as number, 9),
      startDate: isoFromDay(this.start[i] as number),
      endDate: isoFromDay(this.end[i] as number),
      amountCents: this.amountOf(i),
      ziNumber: zi < 0 ? null : padDigits(zi, 8),
      units: zi < 0 ? null : unitsText(this.unitsOf(i)),
    };
  }

  /** Moves the lines into a message; this object is empty afterwards. */
  toMessage(): { message: ColumnsMessage; transfer: ArrayBuffer[] } {
    const n = this.length;
    const arrays = {} as ColumnsMessage['arrays'];
    const transfer: ArrayBuffer[] = [];
    for (const key of [...NUMERIC, 'idGroup'] as const) {
      const view = this[key].slice(0, n);
      arrays[key] = view;
      transfer.push(view.buffer as ArrayBuffer);
    }
    const message = { length: n, arrays, idCodes: this.idCodes, exotic: this.exotic, bigAmounts: [...this.bigAmounts], bigUnits: [...this.bigUnits] };
    this.length = 0;
    this.idCodes = [];
    this.exotic = [];
    this.bigAmounts = new Map();
    this.bigUnits = new Map();
    this.idIndex.clear();
    this.lastCode = -2;
    return { message, transfer };
  }

  /** Appends the lines of a message from another worker, re-indexing its id table. */
  append(message: ColumnsMessage): void {
    const n = message.length;
    if (n === 0) return;
    this.ensure(this.length + n);
    const at = this.length;
    for (const key of NUMERIC) {
      (this[key] as Uint32Array).set(message.arrays[key] as Uint32Array, at);
    }
    for (const [row, value] of message.bigAmounts) this.bigAmounts.set(at + row, value);
    for (const [row, value] of message.bigUnits) this.bigUnits.set(at + row, value);
    const groups = message.arrays.idGroup as Uint16Array;
    const map = message.idCodes.map((code) => this.groupOf(code));
    for (let k = 0; k < n; k++) {
      const g = groups[k] as number;
      const i = at + k;
      if (g === EXOTIC) {
        const id = message.exotic[this.idNum[i] as number] as string;
        this.idGroup[i] = EXOTIC;
        this.idNum[i] = this.exotic.length;
        this.exotic.push(id);
      } else {
        const local = map[g] as number;
        if (local === EXOTIC) {
          const id = idFromCode(message.idCodes[g] as number, this.idNum[i] as number);
          this.idGroup[i] = EXOTIC;
          this.idNum[i] = this.exotic.length;
          this.exotic.push(id);
        } else {
          this.idGroup[i] = local;
        }
      }
    }
    this.length += n;
  }
}

/** The scratch row of a validated `Claim` (the slow path: `parseClaimRecord` output). */
export function scratchOfClaim(claim: Claim, s: Float64Array): string | null {
  s[S.bsn] = Number(claim.bsn);
  s[S.agb] = Number(claim.agb);
  s[S.uzovi] = Number(claim.uzovi);
  s[S.careType] = claim.careType === '11' ? 11 : 21;
  s[S.specialism] = Number(claim.specialism);
  s[S.diagnosis] = encodeDiagnosis(claim.diagnosis);
  s[S.product] = Number(claim.productCode);
  s[S.start] = dayNumberOf(claim.startDate);
  s[S.end] = dayNumberOf(claim.endDate);
  s[S.amount] = claim.amountCents;
  s[S.zi] = claim.ziNumber === null ? -1 : Number(claim.ziNumber);
  s[S.units] = claim.units === null ? -1 : unitsThousandths(claim.units);
  const [code, num] = encodeClaimId(claim.claimId);
  s[S.idCode] = code;
  s[S.idNum] = num;
  return code < 0 ? claim.claimId : null;
}
