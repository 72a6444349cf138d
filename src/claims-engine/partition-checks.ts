/**
 * The per-person checks over one partition's columns: the batch-engine twin of the domain's
 * `checkPerson`. Lines are grouped by BSN with a hash table, ordered by claim id within a person,
 * and each person is checked with the same definitions (credits, duplicate, parallel ×3, serial,
 * non-evidence, selective, add-on) on typed arrays. Findings are built by the domain's finding
 * builders, so text and amounts are identical. A person with more than `smallGroupLimit` lines is
 * handed to the domain's `checkPerson` itself (its algorithms are O(n log n); the pairwise loops
 * here are for the small groups that make up nearly every file). The tests prove both paths equal
 * to `checkClaims`.
 */
import { checkPerson } from '../domain/claims/checks/person.js';
import { addOnCentreFinding, addOnExcessThousandths, addOnTariffFinding } from '../domain/claims/checks/addon.js';
import { duplicateFinding } from '../domain/claims/checks/duplicate.js';
import { compareClaimIds } from '../domain/claims/checks/claim-facts.js';
import { compareFindings } from '../domain/claims/checks/findings.js';
import { nonEvidenceFinding } from '../domain/claims/checks/non-evidence.js';
import { parallelFinding, type ParallelRule } from '../domain/claims/checks/parallel.js';
import { selectiveFinding } from '../domain/claims/checks/selective.js';
import { serialFinding } from '../domain/claims/checks/serial.js';
import type { Claim, Finding } from '../domain/claims/types.js';
import { decodeDiagnosis, isoFromDay, padDigits, unitsText } from './codec.js';
import { EXOTIC, type ClaimColumns } from './columns.js';
import { CeilingRows } from './ceiling-rows.js';
import { combinationNumber, selectiveLack, type EngineContext, type ProductFacts } from './engine-context.js';

const PARALLEL_RULES: readonly ParallelRule[] = ['parallel', 'parallel-combination', 'parallel-specialism'];
const LIVE = 0;
const CANCELLED = 1;
const CREDIT_MATCHED = 2;
const CREDIT_UNMATCHED = 3;

/**
 * Row indices 0..n−1 grouped by BSN, persons in order of their first line, rows of a person in
 * arrival order (an open-addressing hash table BSN → person, then a counting sort by person).
 * Persons come out in roughly file order, so the checks read the columns with good locality when
 * a person's lines sit near each other in the file (files written per patient or per submission
 * batch); otherwise the reads are random, slower but the same. `starts` holds the first index of
 * each person, plus n.
 */
export function groupByBsn(bsn: Uint32Array, n: number): { order: Uint32Array; starts: Uint32Array } {
  // Open addressing, kept below 70% full; one slot is three int32: BSN, person number, line count
  // (one cache line per probe).
  let bits = 10;
  while (1 << bits < n >> 1) bits++;
  let table = new Int32Array(3 << bits);
  for (let j = 0; j < table.length; j += 3) table[j] = -1;
  let persons = 0;
  const slotOf = (key: number): number => {
    const mask = (1 << bits) - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const k = table[h * 3] as number;
      if (k === key || k === -1) return h * 3;
      h = (h + 1) & mask;
    }
  };
  for (let i = 0; i < n; i++) {
    const key = bsn[i] as number;
    let slot = slotOf(key);
    if (table[slot] === -1) {
      if (persons >= (1 << bits) * 0.7) {
        const old = table;
        bits++;
        table = new Int32Array(3 << bits);
        for (let j = 0; j < table.length; j += 3) table[j] = -1;
        for (let j = 0; j < old.length; j += 3) {
          if (old[j] === -1) continue;
          const to = slotOf(old[j] as number);
          table[to] = old[j] as number;
          table[to + 1] = old[j + 1] as number;
          table[to + 2] = old[j + 2] as number;
        }
        slot = slotOf(key);
      }
      table[slot] = key;
      table[slot + 1] = persons++;
    }
    table[slot + 2] = (table[slot + 2] as number) + 1;
  }
  const starts = new Uint32Array(persons + 1);
  for (let j = 0; j < table.length; j += 3) if (table[j] !== -1) starts[(table[j + 1] as number) + 1] = table[j + 2] as number;
  for (let p = 0; p < persons; p++) starts[p + 1] = (starts[p + 1] as number) + (starts[p] as number);
  const next = starts.slice(0, persons);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = table[slotOf(bsn[i] as number) + 1] as number;
    order[next[p] as number] = i;
    next[p] = (next[p] as number) + 1;
  }
  return { order, starts };
}

export interface PartitionResult {
  findings: Finding[];
  ceiling: CeilingRows;
}

export interface PartitionOptions {
  /** Persons with more lines go through the domain's `checkPerson`. Default 48. */
  smallGroupLimit?: number;
}

/** Every per-person rule over the lines in `cols`; findings sorted (claim id, rule). */
export function checkPartition(cols: ClaimColumns, ctx: EngineContext, options: PartitionOptions = {}): PartitionResult {
  const limit = options.smallGroupLimit ?? 48;
  const n = cols.length;
  const { order, starts } = groupByBsn(cols.bsn, n);
  const findings: Finding[] = [];
  const ceiling = new CeilingRows(Math.max(16, ctx.ceilingIndex.size === 0 ? 0 : n >> 1));
  const g = new GroupChecker(cols, ctx, findings, ceiling, limit);
  for (let p = 0; p + 1 < starts.length; p++) g.check(order, starts[p] as number, starts[p + 1] as number);
  findings.sort(compareFindings);
  return { findings, ceiling };
}

class GroupChecker {
  private m = new Int32Array(64);
  private state = new Uint8Array(64);
  private dupOf = new Int32Array(64);
  private sub = new Uint8Array(64);
  private rejected = new Uint8Array(64);

  constructor(
    private readonly cols: ClaimColumns,
    private readonly ctx: EngineContext,
    private readonly findings: Finding[],
    private readonly ceiling: CeilingRows,
    private readonly limit: number,
  ) {}

  /** The person whose lines are rows order[s..e−1]. */
  check(order: Uint32Array, s: number, e: number): void {
    const n = e - s;
    if (n > this.limit) {
      this.checkLarge(order, s, e);
      return;
    }
    if (n > this.m.length) {
      this.m = new Int32Array(n * 2);
      this.state = new Uint8Array(n * 2);
      this.dupOf = new Int32Array(n * 2);
      this.sub = new Uint8Array(n * 2);
      this.rejected = new Uint8Array(n * 2);
    }
    const { cols, ctx, m, state, dupOf, sub, rejected } = this;
    const { agb, zi, product, start, end } = cols;
    // Members in claim-id order (insertion sort: persons have a handful of lines).
    for (let k = 0; k < n; k++) {
      const row = order[s + k] as number;
      let j = k - 1;
      while (j >= 0 && cols.compareIds(m[j] as number, row) > 0) {
        m[j + 1] = m[j] as number;
        j--;
      }
      m[j + 1] = row;
    }
    // Credits cancel the earliest identical line with the opposite amount.
    for (let k = 0; k < n; k++) {
      state[k] = LIVE;
      dupOf[k] = -1;
      sub[k] = 0;
      rejected[k] = 0;
    }
    for (let k = 0; k < n; k++) {
      const c = m[k] as number;
      const a = cols.amountOf(c);
      if (a >= 0) continue;
      state[k] = CREDIT_UNMATCHED;
      for (let j = 0; j < n; j++) {
        const o = m[j] as number;
        if (state[j] !== LIVE || cols.amountOf(o) !== -a) continue;
        if (agb[o] !== agb[c] || zi[o] !== zi[c] || start[o] !== start[c] || end[o] !== end[c]) continue;
        if ((zi[c] as number) < 0 && product[o] !== product[c]) continue;
        state[j] = CANCELLED;
        state[k] = CREDIT_MATCHED;
        break;
      }
    }
    // Duplicates: the earliest live line with the same key.
    for (let k = 1; k < n; k++) {
      if (state[k] !== LIVE) continue;
      const c = m[k] as number;
      for (let j = 0; j < k; j++) {
        if (state[j] !== LIVE) continue;
        if (this.sameDuplicateKey(m[j] as number, c)) {
          dupOf[k] = j;
          this.findings.push(duplicateFinding(ctx.settings, { claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: cols.amountOf(c) }, cols.claimId(m[j] as number)));
          if (ctx.rejectRules.has('duplicate')) rejected[k] = 1;
          break;
        }
      }
    }
    let subtrajecten = 0;
    for (let k = 0; k < n; k++) {
      if (state[k] === LIVE && (dupOf[k] as number) < 0 && (zi[m[k] as number] as number) < 0) {
        sub[k] = 1;
        subtrajecten++;
      }
    }
    if (subtrajecten > 1) {
      this.parallel(n);
      this.serial(n);
    }
    // Line rules.
    for (let k = 0; k < n; k++) {
      if (state[k] !== LIVE) continue;
      const c = m[k] as number;
      const z = zi[c] as number;
      if (z < 0) {
        const index = ctx.productIndex.get(product[c] as number);
        if (index < 0) continue;
        const facts = ctx.productFacts[index] as ProductFacts;
        if (facts.bijlage4Item !== null) {
          this.findings.push(nonEvidenceFinding(ctx.settings, this.subject(c), facts.bijlage4Item));
          if (ctx.rejectRules.has('non-evidence')) rejected[k] = 1;
        }
        if (facts.selectiveId !== null) {
          const lack = selectiveLack(ctx, product[c] as number, agb[c] as number);
          if (lack !== null) {
            this.findings.push(selectiveFinding(ctx.settings, this.subject(c), lack));
            if (ctx.rejectRules.has('selective')) rejected[k] = 1;
          }
        }
      } else if (ctx.settings.addOnRules) {
        const index = ctx.drugIndex.get(z);
        if (index < 0) continue;
        const drug = ctx.drugFacts[index] as { tariffCents: number; centresOnly: boolean };
        const units = cols.unitsOf(c);
        const a = cols.amountOf(c);
        const left = a * 1000;
        const right = units * drug.tariffCents;
        const exact = Number.isSafeInteger(left) && Number.isSafeInteger(right);
        if (exact ? left > right : addOnExcessThousandths(a, unitsText(units), drug.tariffCents) > 0n) {
          const subject = { claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: a, ziNumber: padDigits(z, 8), units: unitsText(units) };
          this.findings.push(addOnTariffFinding(ctx.settings, subject, drug.tariffCents, addOnExcessThousandths(a, subject.units, drug.tariffCents)));
          if (ctx.rejectRules.has('addon-tariff')) rejected[k] = 1;
        }
        if (drug.centresOnly && ctx.centres.get(agb[c] as number) < 0) {
          this.findings.push(addOnCentreFinding(ctx.settings, { claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: a, ziNumber: padDigits(z, 8) }));
          if (ctx.rejectRules.has('addon-centre')) rejected[k] = 1;
        }
      }
    }
    // Ceiling lines: payable subtraject lines (and unmatched credits) of providers with a plafond.
    if (ctx.ceilingIndex.size === 0) return;
    for (let k = 0; k < n; k++) {
      const c = m[k] as number;
      if ((zi[c] as number) >= 0 || rejected[k] === 1) continue;
      if (state[k] !== LIVE && state[k] !== CREDIT_UNMATCHED) continue;
      const provider = ctx.ceilingIndex.get(agb[c] as number);
      if (provider < 0) continue;
      const group = cols.idGroup[c] as number;
      if (group === EXOTIC) this.ceiling.push(provider, start[c] as number, cols.amountOf(c), -1, 0, cols.claimId(c));
      else this.ceiling.push(provider, start[c] as number, cols.amountOf(c), cols.idCodes[group] as number, cols.idNum[c] as number, null);
    }
  }

  private sameDuplicateKey(a: number, b: number): boolean {
    const { cols, ctx } = this;
    const za = cols.zi[a] as number;
    const zb = cols.zi[b] as number;
    if (za < 0 !== zb < 0) return false;
    if (ctx.dupCode && (za !== zb || (za < 0 && cols.product[a] !== cols.product[b]))) return false;
    if (ctx.dupAgb && cols.agb[a] !== cols.agb[b]) return false;
    if (ctx.dupStart && cols.start[a] !== cols.start[b]) return false;
    if (ctx.dupEnd && cols.end[a] !== cols.end[b]) return false;
    if (ctx.dupAmount && cols.amountOf(a) !== cols.amountOf(b)) return false;
    if (ctx.dupCareType && cols.careType[a] !== cols.careType[b]) return false;
    if (ctx.dupSpecialism && cols.specialism[a] !== cols.specialism[b]) return false;
    if (ctx.dupDiagnosis && cols.diagnosis[a] !== cols.diagnosis[b]) return false;
    if (ctx.dupUzovi && cols.uzovi[a] !== cols.uzovi[b]) return false;
    return true;
  }

  /** Overlapping subtrajecten (rule, i, j with i < j), reused between persons. */
  private pairs: number[] = [];

  private parallel(n: number): void {
    const { cols, ctx, m, sub, pairs } = this;
    const { agb, specialism, diagnosis, start, end, product } = cols;
    pairs.length = 0;
    for (let i = 0; i < n; i++) {
      if (sub[i] === 0) continue;
      const a = m[i] as number;
      for (let j = i + 1; j < n; j++) {
        if (sub[j] === 0) continue;
        const b = m[j] as number;
        if (agb[a] !== agb[b] || specialism[a] !== specialism[b]) continue;
        if ((start[a] as number) > (end[b] as number) || (start[b] as number) > (end[a] as number)) continue;
        if (diagnosis[a] === diagnosis[b]) pairs.push(0, i, j);
        else if (ctx.combinations.has(combinationNumber(specialism[a] as number, diagnosis[a] as number, diagnosis[b] as number))) pairs.push(1, i, j);
        if (ctx.excludedSpecialisms.has(specialism[a] as number)
          && !this.parallelException(product[a] as number) && !this.parallelException(product[b] as number)) {
          pairs.push(2, i, j);
        }
      }
    }
    if (pairs.length === 0) return;
    for (let r = 0; r < 3; r++) {
      const rule = PARALLEL_RULES[r] as ParallelRule;
      for (let k = 0; k < n; k++) {
        // Partners in member order, which is claim-id order.
        const partners: string[] = [];
        for (let p = 0; p < pairs.length; p += 3) {
          if (pairs[p] !== r) continue;
          if (pairs[p + 1] === k) partners.push(cols.claimId(m[pairs[p + 2] as number] as number));
          else if (pairs[p + 2] === k) partners.push(cols.claimId(m[pairs[p + 1] as number] as number));
        }
        if (partners.length === 0) continue;
        if (partners.length > 1) partners.sort(compareClaimIds);
        const c = m[k] as number;
        const subject = {
          claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: cols.amountOf(c),
          specialism: padDigits(specialism[c] as number, 4), diagnosis: decodeDiagnosis(diagnosis[c] as number),
          startDate: isoFromDay(start[c] as number), endDate: isoFromDay(end[c] as number),
        };
        this.findings.push(parallelFinding(ctx.settings, rule, subject, partners));
        if (ctx.rejectRules.has(rule)) this.rejected[k] = 1;
      }
    }
  }

  private parallelException(product: number): boolean {
    const index = this.ctx.productIndex.get(product);
    return index >= 0 && (this.ctx.productFacts[index] as ProductFacts).parallelException;
  }

  private serial(n: number): void {
    const { cols, ctx, m, sub } = this;
    const { agb, specialism, diagnosis, start, end, careType } = cols;
    for (let k = 0; k < n; k++) {
      if (sub[k] === 0) continue;
      const c = m[k] as number;
      if (careType[c] !== ctx.initialCareType) continue;
      const s = start[c] as number;
      let best = -1;
      let bestEnd = 0;
      for (let j = 0; j < n; j++) {
        if (sub[j] === 0) continue;
        const p = m[j] as number;
        const e = end[p] as number;
        if (e >= s || agb[p] !== agb[c] || specialism[p] !== specialism[c] || diagnosis[p] !== diagnosis[c]) continue;
        if (best < 0 || e > bestEnd) {
          best = j;
          bestEnd = e;
        }
      }
      if (best < 0 || s - bestEnd > ctx.settings.serialWindowDays) continue;
      const p = m[best] as number;
      this.findings.push(serialFinding(ctx.settings,
        { claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: cols.amountOf(c), startDate: isoFromDay(s) },
        { claimId: cols.claimId(p), endDate: isoFromDay(bestEnd) }, s - bestEnd));
      if (ctx.rejectRules.has('serial')) this.rejected[k] = 1;
    }
  }

  private subject(c: number): { claimId: string; agb: string; amountCents: number; productCode: string } {
    const { cols } = this;
    return { claimId: cols.claimId(c), agb: cols.agbText(c), amountCents: cols.amountOf(c), productCode: padDigits(cols.product[c] as number, 9) };
  }

  /** A person with many lines: the domain's own `checkPerson`. */
  private checkLarge(order: Uint32Array, s: number, e: number): void {
    const { cols, ctx } = this;
    const claims: Claim[] = [];
    const rowOf = new Map<string, number>();
    for (let k = s; k < e; k++) {
      const row = order[k] as number;
      const claim = cols.toClaim(row);
      claims.push(claim);
      rowOf.set(claim.claimId, row);
    }
    const result = checkPerson(claims, ctx.prepared, ctx.settings);
    for (const f of result.findings) this.findings.push(f);
    for (const line of result.ceilingLines) {
      const c = rowOf.get(line.claimId) as number;
      const provider = ctx.ceilingIndex.get(cols.agb[c] as number);
      const group = cols.idGroup[c] as number;
      if (group === EXOTIC) this.ceiling.push(provider, cols.start[c] as number, cols.amountOf(c), -1, 0, line.claimId);
      else this.ceiling.push(provider, cols.start[c] as number, cols.amountOf(c), cols.idCodes[group] as number, cols.idNum[c] as number, null);
    }
  }
}
