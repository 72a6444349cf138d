import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaimRecord } from '../domain/claims/claim-line.js';
import { checkClaims, compareFindings, resolveCheckSettings } from '../domain/claims/check-claims.js';
import { RULE_IDS, type CheckReference, type Claim } from '../domain/claims/types.js';
import { expectOk } from '../domain/errors.js';
import type { AddOnPolicy, MszPolicy } from '../domain/policy/index.js';
import { loadPolicyFile } from '../storage/policy-files.js';
import { ceilingPass, hotDays } from './ceiling-pass.js';
import { CeilingRows } from './ceiling-rows.js';
import { decodeDiagnosis, encodeClaimId, encodeDiagnosis, idFromCode, isoFromDay, unitsText, unitsThousandths } from './codec.js';
import { ClaimColumns, SCRATCH_SIZE, scratchOfClaim } from './columns.js';
import { splitCsvLine } from './csv.js';
import { ceilingProviders, engineContext } from './engine-context.js';
import { dayNumberOf, layoutOf, parseLineFast } from './fast-parse.js';
import { parseStandardLine } from './standard-line.js';
import { partitionOf } from './ingest.js';
import { checkPartition, groupByBsn } from './partition-checks.js';

let policy: MszPolicy;
let addOn: AddOnPolicy;
beforeAll(async () => {
  const msz = expectOk(await loadPolicyFile('policies/msz-2018.yaml'));
  const add = expectOk(await loadPolicyFile('policies/add-on-2022.yaml'));
  if (msz.kind !== 'msz' || add.kind !== 'add-on') throw new Error('policy kinds');
  policy = msz;
  addOn = add;
});

describe('codec', () => {
  it('round-trips claim ids, diagnoses, units and days, and orders packed ids like text', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z._/-]{0,8}[0-9]{0,17}$/).filter((s) => s.length > 0), fc.stringMatching(/^[A-Za-z._/-]{0,8}[0-9]{0,17}$/).filter((s) => s.length > 0), (a, b) => {
      const [ca, na] = encodeClaimId(a);
      const [cb, nb] = encodeClaimId(b);
      if (ca >= 0) expect(idFromCode(ca, na)).toBe(a);
      if (ca >= 0 && ca === cb) expect(Math.sign(na - nb)).toBe(a < b ? -1 : a > b ? 1 : 0);
    }));
    for (const d of ['1', '01', '0001', '9999', '323']) expect(decodeDiagnosis(encodeDiagnosis(d))).toBe(d);
    for (const u of ['1', '240', '1.5', '0.001', '999999999.999']) expect(unitsText(unitsThousandths(u))).toBe(u);
    for (const iso of ['1900-01-01', '1970-01-01', '2018-02-28', '2020-02-29', '2999-12-31']) expect(isoFromDay(dayNumberOf(iso))).toBe(iso);
  });

  it('groups lines by person in order of first appearance, also when the table must grow', () => {
    const n = 20_000;
    const bsn = new Uint32Array(n);
    for (let i = 0; i < n; i++) bsn[i] = i < 15_000 ? 100_000_000 + i : 100_000_000 + (i % 5);
    const { order, starts } = groupByBsn(bsn, n);
    expect(starts.length).toBe(15_001);
    expect(Array.from(order.subarray(0, 4))).toEqual([0, 15_000, 15_005, 15_010]);
    for (let p = 0; p < 15_000; p++) {
      for (let k = (starts[p] as number); k < (starts[p + 1] as number); k++) expect(bsn[order[k] as number]).toBe(100_000_000 + p);
    }
    expect(new Set(order).size).toBe(n);
  });

  it('moves lines between workers intact: big amounts and units, text and packed ids', () => {
    const base: Claim = {
      claimId: 'C0000000001', uzovi: '3311', agb: '06010203', bsn: '111222333', careType: '21', specialism: '0320', diagnosis: '0042',
      productCode: '032000101', startDate: '2018-01-01', endDate: '2018-02-01', amountCents: -3_000_000_000, ziNumber: '14000001', units: '5000000.5',
    };
    const claims = [base, { ...base, claimId: 'a-very-long-prefix-1', amountCents: 7, units: '0.001' }, { ...base, claimId: 'D99', ziNumber: null, units: null }];
    const batch = new ClaimColumns(2);
    const s = new Float64Array(SCRATCH_SIZE);
    for (const c of claims) batch.push(s, scratchOfClaim(c, s));
    const target = new ClaimColumns(1);
    target.push(s, scratchOfClaim({ ...base, claimId: 'X1' }, s));
    target.append(structuredClone(batch.toMessage().message));
    expect([1, 2, 3].map((i) => target.toClaim(i))).toEqual(claims);
    expect(batch.length).toBe(0);
  });

  it('sorts ceiling rows by provider, day and claim id: nearly sorted, shuffled, and mixed id shapes', () => {
    const [code] = encodeClaimId('C0000000001');
    const check = (rows: CeilingRows) => {
      const expected = Array.from({ length: rows.length }, (_, i) => [rows.provider[i], rows.start[i], rows.claimId(i)] as const)
        .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
      rows.sort();
      expect(Array.from({ length: rows.length }, (_, i) => [rows.provider[i], rows.start[i], rows.claimId(i)] as const)).toEqual(expected);
    };
    const prng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), 30_000);
    const nearly = new CeilingRows(16);
    for (let i = 0; i < 10_000; i++) nearly.push(i % 3, 17_500 + (i % 7), i, code as number, i + (i % 100 === 0 ? 30 : 0), null);
    check(nearly);
    const shuffled = new CeilingRows(16);
    for (let i = 0; i < 10_000; i++) shuffled.push(0, 17_500, i, code as number, prng[i] as number, null);
    check(shuffled);
    const mixed = new CeilingRows(16);
    for (let i = 0; i < 3_000; i++) {
      const id = `${['C', 'D', 'C0'][i % 3]}${prng[i]}`;
      const [c, num] = encodeClaimId(id);
      mixed.push(i % 2, 17_500, i, c, num, c < 0 ? id : null);
    }
    mixed.push(0, 17_500, 1, -1, 0, 'x-text-id');
    check(mixed);
  });

  it('spreads persons over partitions', () => {
    const counts = new Uint32Array(2);
    for (let bsn = 100_000_000; bsn < 100_010_000; bsn++) counts[partitionOf(bsn, 2)] = (counts[partitionOf(bsn, 2)] as number) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(4_500);
  });
});

describe('fast path of validation', () => {
  const columns = ['claim_id', 'uzovi', 'agb', 'bsn', 'care_type', 'specialism', 'diagnosis', 'product_code', 'start_date', 'end_date', 'amount_cents', 'zi_number', 'units'];
  const layout = layoutOf(columns);
  const valid = ['C0000000001', '3311', '06010203', '111222333', '11', '0303', '1231', '030312301', '2018-02-28', '2018-03-01', '123456', '', ''];
  const mutations = fc.constantFrom(
    '', ' ', '0', '-0', '-1', '00', '1.5', '0.000', '1.2345', '2018-02-29', '2020-02-29', '1899-12-31', '2018-13-01', '2018-1-01',
    '111222334', '111222333 ', '000000000', '11122233', '12', '21', '011', '12345', 'A12', '14000001', '1400000', '"x"', 'X-1', 'C 1',
    'ABCDEFGH12', '999999999999999', '9999999999999999', '-999999999999999', '123456789012345678', 'x'.repeat(65),
  );
  const lineArb = fc.tuple(fc.array(fc.tuple(fc.nat({ max: 12 }), mutations), { maxLength: 4 }), fc.constantFrom('', '', '\r', ',', ',x', '\n'), fc.boolean())
    .map(([changes, tail, addOn]) => {
      const fields = [...valid];
      if (addOn) [fields[11], fields[12]] = ['14000001', '2.5'];
      for (const [i, value] of changes) fields[i] = value;
      return fields.join(',') + tail;
    });

  it('the straight-line parser for the standard layout accepts exactly what the general one does', () => {
    const s = new Float64Array(SCRATCH_SIZE);
    const out = { exoticId: null as string | null };
    let accepted = 0;
    fc.assert(fc.property(lineArb, (line) => {
      const bytes = Buffer.from(line, 'latin1');
      const general = parseLineFast(bytes, 0, bytes.length, layout, s, out);
      const cols = new ClaimColumns(1);
      const standard = parseStandardLine(bytes, 0, bytes.length, [cols]);
      expect(standard, line).toBe(general);
      if (general >= 0) {
        accepted++;
        const expected = new ClaimColumns(1);
        expected.push(s, out.exoticId);
        expect(cols.toClaim(0)).toEqual(expected.toClaim(0));
      } else {
        expect(cols.length).toBe(0);
      }
    }), { numRuns: 5000 });
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts only what parseClaimRecord accepts, with the same values', () => {
    const s = new Float64Array(SCRATCH_SIZE);
    const out = { exoticId: null as string | null };
    fc.assert(fc.property(lineArb, (line) => {
      const bytes = Buffer.from(line, 'latin1');
      const fast = parseLineFast(bytes, 0, bytes.length, layout, s, out) >= 0;
      const fields = splitCsvLine(line);
      const slow = fields && fields.length === columns.length ? parseClaimRecord(Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? ''])), 2) : null;
      if (fast) {
        expect(slow?.ok, line).toBe(true);
        const cols = new ClaimColumns(1);
        cols.push(s, out.exoticId);
        if (slow?.ok) expect(cols.toClaim(0)).toEqual(slow.value);
      }
    }), { numRuns: 3000 });
    const line = valid.join(',');
    expect(parseLineFast(Buffer.from(line), 0, line.length, layout, s, out)).toBe(line.length);
    expect(parseLineFast(Buffer.from(`${line}\r\n${line}`), 0, 2 * line.length + 2, layout, s, out)).toBe(line.length + 1);
    expect(parseLineFast(Buffer.from(`${line}\n`), 0, line.length + 1, layout, s, out)).toBe(line.length);
  });
});

describe('partition checks equal checkClaims', () => {
  const AGB_A = '06000001';
  const AGB_B = '06000002';
  const reference: CheckReference = {
    products: new Map([
      ['030312301', { bijlage4Item: null, selectiveId: null, careKinds: [] }],
      ['030312302', { bijlage4Item: null, selectiveId: null, careKinds: [] }],
      ['030316111', { bijlage4Item: null, selectiveId: null, careKinds: [] }],
      ['030316121', { bijlage4Item: null, selectiveId: null, careKinds: [] }],
      ['032000101', { bijlage4Item: null, selectiveId: null, careKinds: [] }],
      ['032000201', { bijlage4Item: null, selectiveId: null, careKinds: ['transplantatie'] }],
      ['030214101', { bijlage4Item: 3, selectiveId: null, careKinds: [] }],
      ['032000401', { bijlage4Item: null, selectiveId: 'wbmv-pci', careKinds: [] }],
    ]),
    providers: new Map([[AGB_A, { type: 'umc', licences: ['wbmv-pci'], programmes: [], minimumNorms: [], certificates: [] }]]),
    drugs: new Map([['14000001', { referenceTariffCents: 300, specialisedCentresOnly: false }], ['14000002', { referenceTariffCents: 7, specialisedCentresOnly: true }]]),
    specialisedCentres: new Set([AGB_A]),
    diagnosisCombinations: [{ specialism: '0303', diagnosisA: '1611', diagnosisB: '1612' }],
    ceilings: new Map([[AGB_A, 1_500], [AGB_B, 900]]),
  };
  const PRODUCTS = [
    ['0303', '1231', '030312301'], ['0303', '1231', '030312302'], ['0303', '1611', '030316111'], ['0303', '1612', '030316121'],
    ['0320', '100', '032000101'], ['0320', '200', '032000201'], ['0302', '141', '030214101'], ['0320', '100', '032000401'],
  ] as const;
  /** `arb` one time in `n`, else null. */
  const sometimes = <T>(arb: fc.Arbitrary<T>, n: number) => fc.oneof({ arbitrary: fc.constant(null), weight: n - 1 }, { arbitrary: arb, weight: 1 });
  const ID_PREFIXES = ['C', 'C', 'C', 'D-', 'C00', 'a.b/c-d', ''];
  const day = (n: number) => isoFromDay(dayNumberOf('2018-01-01') + n);
  const claimsArb = fc.array(fc.record({
    bsn: fc.constantFrom('111222333', '123456782'),
    agb: fc.constantFrom(AGB_A, AGB_B),
    product: fc.constantFrom(...PRODUCTS),
    careType: fc.constantFrom('11' as const, '21' as const),
    start: fc.integer({ min: 0, max: 200 }),
    length: fc.integer({ min: 0, max: 50 }),
    amount: fc.constantFrom(100, 250, 400, 700, 0, 3_000_000_000),
    addOn: sometimes(fc.record({ zi: fc.constantFrom('14000001', '14000002'), units: fc.constantFrom('1', '2.5', '0.333', '5000000') }), 5),
    copyOf: sometimes(fc.record({ of: fc.nat(), credit: fc.boolean() }), 4),
    idPrefix: fc.constantFrom(...ID_PREFIXES),
    idNumber: fc.nat({ max: 99999 }),
  }), { maxLength: 30, size: 'max' }).map((raw) => {
    const claims: Claim[] = [];
    const used = new Set<string>();
    raw.forEach((r, i) => {
      let claimId = `${r.idPrefix}${r.idPrefix === '' ? 'x' : ''}${r.idNumber}`;
      if (used.has(claimId)) claimId = `Z${i}`;
      used.add(claimId);
      const original = r.copyOf && claims.length > 0 ? claims[r.copyOf.of % claims.length] : undefined;
      if (original && r.copyOf) {
        claims.push({ ...original, claimId, amountCents: r.copyOf.credit ? -original.amountCents : original.amountCents });
        return;
      }
      claims.push({
        claimId, uzovi: '3311', agb: r.agb, bsn: r.bsn, careType: r.careType, specialism: r.product[0], diagnosis: r.product[1],
        productCode: r.product[2], startDate: day(r.start), endDate: day(r.start + r.length),
        amountCents: r.addOn ? r.amount + 1 : r.amount, ziNumber: r.addOn ? r.addOn.zi : null, units: r.addOn ? r.addOn.units : null,
      });
    });
    return claims;
  });

  function engine(claims: readonly Claim[], smallGroupLimit: number, partitions: number) {
    const ctx = engineContext(reference, expectOk(resolveCheckSettings(policy, addOn)));
    const parts = Array.from({ length: partitions }, () => new ClaimColumns(4));
    const s = new Float64Array(SCRATCH_SIZE);
    for (const claim of claims) {
      const exotic = scratchOfClaim(claim, s);
      (parts[partitionOf(Number(claim.bsn), partitions)] as ClaimColumns).push(s, exotic);
    }
    const results = parts.map((cols) => checkPartition(cols, ctx, { smallGroupLimit }));
    const providers = ceilingProviders(reference);
    // As checkFile does it: sums per day, then only the lines of the days a plafond may be crossed.
    const hot = hotDays(results.map((r) => r.ceiling.dayTotals()), providers.plafonds);
    const runs = results.map((r) => r.ceiling.select(new Set(hot.keys)));
    for (const run of runs) run.sort();
    const ceiling = ceilingPass(runs, providers, ctx.settings, hot.before);
    // The same as merging every line from the start of the year.
    for (const r of results) r.ceiling.sort();
    expect(ceilingPass(results.map((r) => r.ceiling), providers, ctx.settings).sort(compareFindings)).toEqual([...ceiling].sort(compareFindings));
    return [...results.flatMap((r) => r.findings), ...ceiling].sort(compareFindings);
  }

  it('on random persons, through the small-group path and the domain path, in 1 or 2 partitions', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(claimsArb, fc.constantFrom(0, 48), fc.constantFrom(1, 2), (claims, limit, partitions) => {
      const want = checkClaims(claims, reference, policy, addOn);
      for (const f of want) seen.add(f.rule);
      expect(engine(claims, limit, partitions)).toEqual(want);
    }), { numRuns: 500 });
    // The random persons exercise every rule.
    expect([...seen].sort()).toEqual([...RULE_IDS].sort());
  });
});
