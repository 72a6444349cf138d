/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import addOnYaml from '../../../policies/add-on-2022.yaml?raw';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type AddOnPolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { checkClaims, compareFindings, resolveCheckSettings } from './check-claims.js';
import { selectiveRequirement } from './checks/selective.js';
import type { CheckReference, Claim, Finding, RuleId } from './types.js';

function load<K extends 'msz' | 'add-on'>(text: string, kind: K) {
  const policy = expectOk(parsePolicy(parse(text), `policies/${kind}.yaml`));
  if (policy.kind !== kind) throw new Error(`verwacht ${kind}`);
  return policy as K extends 'msz' ? MszPolicy : AddOnPolicy;
}
const msz = load(mszYaml, 'msz');
const addOn = load(addOnYaml, 'add-on');

function withParameter(base: MszPolicy, id: string, value: PolicyParameter['value']): MszPolicy {
  expect(base.parameters.some((p) => p.id === id)).toBe(true);
  return { ...base, parameters: base.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const AGB_A = '06000001';
const AGB_B = '06000002';
const ZI_PLAIN = '14000001';
const ZI_CENTRE = '14000002';
const product = (bijlage4Item: number | null = null, selectiveId: string | null = null, careKinds: string[] = []) => ({ bijlage4Item, selectiveId, careKinds });
const reference: CheckReference = {
  products: new Map([
    ['030312301', product()],
    ['030312302', product()],
    ['030316111', product()],
    ['030316121', product()],
    ['032000101', product()],
    ['032000201', product(null, null, ['transplantatie'])],
    ['032000301', product()],
    ['030214101', product(3)],
    ['032000401', product(null, 'wbmv-pci')],
    ['030300501', product(null, 'minimumnorm:colorectaal')],
    ['030300601', product(null, 'vt-3')],
    ['030300701', product(null, 'protonentherapie')],
  ]),
  providers: new Map([
    [AGB_A, { type: 'umc', licences: ['wbmv-pci'], programmes: ['vt-3'], minimumNorms: ['colorectaal'], certificates: [] }],
    [AGB_B, { type: 'ziekenhuis', licences: [], programmes: [], minimumNorms: [], certificates: [] }],
  ]),
  drugs: new Map([
    [ZI_PLAIN, { referenceTariffCents: 300, specialisedCentresOnly: false }],
    [ZI_CENTRE, { referenceTariffCents: 1000, specialisedCentresOnly: true }],
  ]),
  specialisedCentres: new Set([AGB_A]),
  diagnosisCombinations: [{ specialism: '0303', diagnosisA: '1611', diagnosisB: '1612' }],
  ceilings: new Map([[AGB_B, 1_000]]),
};

let counter = 0;
function claim(overrides: Partial<Claim> = {}): Claim {
  counter++;
  return {
    claimId: `T${String(counter).padStart(6, '0')}`,
    uzovi: '3311', agb: AGB_A, bsn: '111222333', careType: '11', specialism: '0303', diagnosis: '1231',
    productCode: '030312301', startDate: '2018-03-01', endDate: '2018-03-31', amountCents: 100_000,
    ziNumber: null, units: null,
    ...overrides,
  };
}
const check = (claims: Claim[], policy: MszPolicy = msz, add: AddOnPolicy | null = addOn, ref: CheckReference = reference) =>
  checkClaims(claims, ref, policy, add);
const flagged = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule).map((f) => f.claimId);

describe('settings from the policy files', () => {
  it('reads every rule action, source and parameter from the 2018 and 2022 policies', () => {
    const s = expectOk(resolveCheckSettings(msz, addOn));
    expect(s.duplicateFields).toEqual(['insured_id', 'provider_agb', 'declaration_code', 'start_date', 'amount_cents']);
    expect(s).toMatchObject({ serialWindowDays: 120, initialCareType: '11', parallelExcludedSpecialisms: ['0320'], ceilingPaidShare: '0.00' });
    expect(s.parallelExceptions).toEqual(['consultatie', 'hartrevalidatie', 'transplantatie']);
    expect(s.rules.duplicate).toMatchObject({ action: 'reject', source: 'MSZ §4A; MSZ §6' });
    expect(s.rules.serial.action).toBe('review');
    expect(s.rules['addon-tariff']).toMatchObject({ action: 'reject', source: 'ADD §4' });
  });

  it('refuses a duplicate key without the insured person or with an unknown field', () => {
    expect(resolveCheckSettings(withParameter(msz, 'duplicate_match_fields', ['provider_agb', 'start_date']), null).ok).toBe(false);
    expect(resolveCheckSettings(withParameter(msz, 'duplicate_match_fields', ['insured_id', 'colour']), null).ok).toBe(false);
  });
});

describe('duplicate (MSZ §4A, §6; decision duplicate-key)', () => {
  it('flags the later of two lines with the same insured, AGB, product, start and amount; the first stays clean', () => {
    const first = claim();
    const copy = claim({ endDate: '2018-04-02' });
    const findings = check([copy, first]);
    expect(flagged(findings, 'duplicate')).toEqual([copy.claimId]);
    expect(findings.find((f) => f.rule === 'duplicate')).toMatchObject({
      action: 'reject', source: 'MSZ §4A; MSZ §6', amountAtStakeCents: first.amountCents, relatedClaimIds: [first.claimId], agb: AGB_A,
      reason: { rule: 'claims.duplicate', inputs: { earlier_claim_id: first.claimId } },
    });
    // A duplicate is not also parallel with its original.
    expect(flagged(findings, 'parallel')).toEqual([]);
  });

  it('does not match another amount, another provider, another person, or an add-on line with its subtraject', () => {
    const base = claim();
    expect(flagged(check([base, claim({ amountCents: base.amountCents + 1 })]), 'duplicate')).toEqual([]);
    expect(flagged(check([base, claim({ agb: AGB_B })]), 'duplicate')).toEqual([]);
    expect(flagged(check([base, claim({ bsn: '123456782' })]), 'duplicate')).toEqual([]);
    expect(flagged(check([base, claim({ ziNumber: ZI_PLAIN, units: '1', amountCents: 300 })]), 'duplicate')).toEqual([]);
  });

  it('follows duplicate_match_fields: with end_date instead of amount_cents, another end date is no duplicate', () => {
    const policy = withParameter(msz, 'duplicate_match_fields', ['insured_id', 'provider_agb', 'declaration_code', 'start_date', 'end_date']);
    const a = claim();
    expect(flagged(check([a, claim({ endDate: '2018-04-02' })], policy), 'duplicate')).toEqual([]);
    const b = claim({ amountCents: 1 });
    expect(flagged(check([a, b], policy), 'duplicate')).toEqual([b.claimId]);
  });

  it('flags three identical lines twice, both pointing at the earliest', () => {
    const [a, b, c] = [claim(), claim(), claim()] as [Claim, Claim, Claim];
    const findings = check([c, a, b]).filter((f) => f.rule === 'duplicate');
    expect(findings.map((f) => [f.claimId, f.relatedClaimIds])).toEqual([[b.claimId, [a.claimId]], [c.claimId, [a.claimId]]]);
  });
});

describe('credit lines', () => {
  it('a credit and the line it cancels give no findings; a correction after the credit is no duplicate', () => {
    const original = claim();
    const credit = claim({ amountCents: -100_000 });
    const corrected = claim({ amountCents: 95_000 });
    expect(check([original, credit, corrected])).toEqual([]);
    // The credit may come first in the file.
    const early = claim({ amountCents: -100_000 });
    const later = claim();
    expect(check([early, later])).toEqual([]);
  });

  it('cancels the earliest of two identical lines, so the other is no longer a duplicate of a credited line', () => {
    const a = claim();
    const b = claim();
    const credit = claim({ amountCents: -100_000 });
    expect(check([a, b, credit])).toEqual([]);
    // Two copies and no credit: one duplicate.
    expect(flagged(check([a, b]), 'duplicate')).toEqual([b.claimId]);
  });

  it('a credit with another amount cancels nothing: the lines stay duplicate', () => {
    const a = claim();
    const b = claim();
    const credit = claim({ amountCents: -50_000 });
    expect(flagged(check([a, b, credit]), 'duplicate')).toEqual([b.claimId]);
  });

  it('a cancelled line is not parallel or serial to the others', () => {
    const a = claim({ startDate: '2018-01-01', endDate: '2018-03-31' });
    const credit = claim({ startDate: '2018-01-01', endDate: '2018-03-31', amountCents: -100_000 });
    const b = claim({ startDate: '2018-03-15', endDate: '2018-04-30' });
    const c = claim({ startDate: '2018-06-01', endDate: '2018-06-30' });
    expect(check([a, credit, b])).toEqual([]);
    expect(flagged(check([a, credit, c]), 'serial')).toEqual([]);
    expect(flagged(check([a, c]), 'serial')).toEqual([c.claimId]);
  });
});

describe('parallel (NZa Regeling msz; decision parallel-rules)', () => {
  it('an overlap of one day counts; the day after does not', () => {
    const a = claim({ startDate: '2018-01-01', endDate: '2018-02-01', careType: '11' });
    const b = claim({ startDate: '2018-02-01', endDate: '2018-03-01', careType: '21', productCode: '030312302' });
    const findings = check([a, b]);
    expect(flagged(findings, 'parallel')).toEqual([a.claimId, b.claimId]);
    expect(findings.find((f) => f.claimId === a.claimId)).toMatchObject({ action: 'review', relatedClaimIds: [b.claimId], amountAtStakeCents: 100_000 });
    const c = claim({ startDate: '2018-02-02', endDate: '2018-03-01', careType: '21' });
    expect(flagged(check([a, c]), 'parallel')).toEqual([]);
  });

  it('needs the same provider, specialism and diagnosis', () => {
    const a = claim();
    expect(check([a, claim({ agb: AGB_B, startDate: '2018-03-10' })]).filter((f) => f.rule.startsWith('parallel'))).toEqual([]);
    expect(check([a, claim({ diagnosis: '1232', startDate: '2018-03-10' })]).filter((f) => f.rule.startsWith('parallel'))).toEqual([]);
  });

  it('parallel-combination: two overlapping diagnoses from the combination table, in either order', () => {
    const a = claim({ diagnosis: '1612', productCode: '030316121' });
    const b = claim({ diagnosis: '1611', productCode: '030316111', startDate: '2018-03-31', endDate: '2018-05-01' });
    const findings = check([a, b]);
    expect(flagged(findings, 'parallel-combination')).toEqual([a.claimId, b.claimId]);
    expect(findings.find((f) => f.rule === 'parallel-combination')?.action).toBe('reject');
    expect(flagged(findings, 'parallel')).toEqual([]);
  });

  it('parallel-specialism: cardiology 0320 runs no parallel subtraject, except for transplantation and the like', () => {
    const a = claim({ specialism: '0320', diagnosis: '100', productCode: '032000101' });
    const b = claim({ specialism: '0320', diagnosis: '300', productCode: '032000301', startDate: '2018-03-20', endDate: '2018-04-20' });
    expect(flagged(check([a, b]), 'parallel-specialism')).toEqual([a.claimId, b.claimId]);
    const transplant = claim({ specialism: '0320', diagnosis: '200', productCode: '032000201', startDate: '2018-03-20' });
    expect(check([a, transplant])).toEqual([]);
    // Same diagnosis in cardiology breaks both rules.
    const same = claim({ specialism: '0320', diagnosis: '100', productCode: '032000101', startDate: '2018-03-05' });
    const findings = check([a, same]);
    expect(flagged(findings, 'parallel')).toEqual([a.claimId, same.claimId]);
    expect(flagged(findings, 'parallel-specialism')).toEqual([a.claimId, same.claimId]);
  });

  it('lists every overlapping subtraject as related, sorted', () => {
    const a = claim({ startDate: '2018-01-01', endDate: '2018-12-31' });
    const b = claim({ startDate: '2018-02-01', endDate: '2018-02-10', productCode: '030312302' });
    const c = claim({ startDate: '2018-03-01', endDate: '2018-03-10', careType: '21' });
    const findings = check([c, b, a]).filter((f) => f.rule === 'parallel');
    expect(findings.map((f) => [f.claimId, f.relatedClaimIds])).toEqual([
      [a.claimId, [b.claimId, c.claimId]], [b.claimId, [a.claimId]], [c.claimId, [a.claimId]],
    ]);
  });
});

describe('serial (NZa: follow-up within 120 days; decision serial-window)', () => {
  const previous = claim({ startDate: '2018-01-01', endDate: '2018-01-31' });
  const startAfter = (days: number, careType: '11' | '21' = '11') => {
    const d = new Date(Date.UTC(2018, 0, 31 + days));
    const iso = d.toISOString().slice(0, 10);
    return claim({ careType, startDate: iso, endDate: iso, productCode: '030312302' });
  };

  it('flags an initial subtraject 1, 119 and exactly 120 days after the end; not 121', () => {
    for (const days of [1, 119, 120]) {
      const next = startAfter(days);
      const findings = check([previous, next]);
      expect(flagged(findings, 'serial'), `${days} days`).toEqual([next.claimId]);
      expect(findings.find((f) => f.rule === 'serial')).toMatchObject({
        action: 'review', relatedClaimIds: [previous.claimId],
        reason: { inputs: { gap_days: days, window_days: 120, previous_end_date: '2018-01-31' } },
      });
    }
    expect(check([previous, startAfter(121)])).toEqual([]);
  });

  it('a follow-up (21) within the term is what the rule asks for; an initial one on the end day is parallel, not serial', () => {
    expect(check([previous, startAfter(30, '21')])).toEqual([]);
    const sameDay = startAfter(0);
    const findings = check([previous, sameDay]);
    expect(flagged(findings, 'serial')).toEqual([]);
    expect(flagged(findings, 'parallel')).toEqual([previous.claimId, sameDay.claimId]);
  });

  it('relates to the subtraject that ended last before the start, and reads the window from the policy', () => {
    const older = claim({ startDate: '2017-11-01', endDate: '2017-11-30', careType: '11' });
    const next = startAfter(10);
    expect(check([older, previous, next]).find((f) => f.claimId === next.claimId)?.relatedClaimIds).toEqual([previous.claimId]);
    const short = withParameter(msz, 'serial_window_days', 5);
    expect(flagged(check([previous, next], short), 'serial')).toEqual([]);
    expect(flagged(check([previous, startAfter(5)], short), 'serial')).toHaveLength(1);
  });

  it('needs the same diagnosis', () => {
    expect(check([previous, claim({ diagnosis: '1232', startDate: '2018-02-10', endDate: '2018-02-10' })])).toEqual([]);
  });
});

describe('non-evidence (MSZ Bijlage 4) and selective purchasing (MSZ §2, Bijlage 2, 3)', () => {
  it('flags a Bijlage 4 product for review with the item as source', () => {
    const c = claim({ specialism: '0302', diagnosis: '141', productCode: '030214101' });
    expect(check([c])).toEqual([expect.objectContaining({
      claimId: c.claimId, rule: 'non-evidence', source: 'MSZ Bijlage 4 item 3', action: 'review', amountAtStakeCents: 100_000,
    })]);
  });

  it('flags selective care from a provider without the licence, programme or minimum norm; not from one with it', () => {
    for (const code of ['032000401', '030300501', '030300601', '030300701']) {
      const atB = claim({ agb: AGB_B, productCode: code, bsn: '123456782' });
      const atA = claim({ agb: AGB_A, productCode: code, bsn: '123456782', startDate: '2018-06-01', endDate: '2018-06-01' });
      const findings = check([atA, atB], msz, addOn, { ...reference, ceilings: new Map() });
      const expected = code === '030300701' ? [atB.claimId, atA.claimId] : [atB.claimId];
      expect(flagged(findings, 'selective'), code).toEqual(expected);
      expect(findings.find((f) => f.rule === 'selective')?.action).toBe('reject');
    }
    const unknown = claim({ agb: '06999999', productCode: '032000401' });
    expect(flagged(check([unknown]), 'selective')).toEqual([unknown.claimId]);
  });

  it('maps selective ids to what the provider must hold', () => {
    expect(selectiveRequirement('protonentherapie')).toEqual({ kind: 'licence', code: 'wbmv-protonentherapie' });
    expect(selectiveRequirement('mr-clean-trombectomie')).toEqual({ kind: 'programme', code: 'mr-clean' });
    expect(selectiveRequirement('rivm-darmkanker-coloscopie')).toEqual({ kind: 'programme', code: 'rivm-darmkanker' });
    expect(selectiveRequirement('vt-11')).toEqual({ kind: 'programme', code: 'vt-11' });
    expect(selectiveRequirement('minimumnorm:aaa')).toEqual({ kind: 'minimumNorm', code: 'aaa' });
    expect(selectiveRequirement('mohs')).toEqual({ kind: 'licence', code: 'mohs' });
  });
});

describe('add-on drugs (ADD §3, §4)', () => {
  const line = (overrides: Partial<Claim>) => claim({ ziNumber: ZI_PLAIN, units: '10', amountCents: 3_000, ...overrides });

  it('addon-tariff: at units × tariff nothing; above it the excess is at stake', () => {
    expect(check([line({})])).toEqual([]);
    const above = line({ amountCents: 3_250 });
    expect(check([above])).toEqual([expect.objectContaining({ rule: 'addon-tariff', amountAtStakeCents: 250, action: 'reject', source: 'ADD §4' })]);
  });

  it('compares exactly with fractional units and rounds the excess once, half-up', () => {
    // 1.5 × 300 = 450; 451 is 1 cent above; 1.501 × 300 = 450.3, so 451 is 0.7 above → 1.
    expect(check([line({ units: '1.5', amountCents: 450 })])).toEqual([]);
    expect(check([line({ units: '1.5', amountCents: 451 })])[0]?.amountAtStakeCents).toBe(1);
    expect(check([line({ units: '1.501', amountCents: 451 })])[0]?.amountAtStakeCents).toBe(1);
    expect(check([line({ units: '1.501', amountCents: 450 })])).toEqual([]);
  });

  it('addon-centre: a centre-only drug at a provider that is no specialised centre', () => {
    const atB = line({ agb: AGB_B, ziNumber: ZI_CENTRE, units: '1', amountCents: 1_000 });
    expect(check([atB])).toEqual([expect.objectContaining({ rule: 'addon-centre', amountAtStakeCents: 1_000 })]);
    expect(check([line({ ziNumber: ZI_CENTRE, units: '1', amountCents: 1_000 })])).toEqual([]);
  });

  it('runs only with an add-on policy; add-on lines never count as subtrajecten', () => {
    expect(check([line({ amountCents: 9_999 })], msz, null)).toEqual([]);
    const sub = claim({ specialism: '0302', diagnosis: '141', productCode: '030214101' });
    const drug = line({ specialism: '0302', diagnosis: '141', productCode: '030214101' });
    expect(check([sub, drug]).map((f) => [f.claimId, f.rule])).toEqual([[sub.claimId, 'non-evidence']]);
  });
});

describe('ceiling (MSZ §4)', () => {
  const at = (day: string, amountCents: number, overrides: Partial<Claim> = {}) =>
    claim({ agb: AGB_B, startDate: day, endDate: day, amountCents, bsn: '123456782', productCode: '030312302', ...overrides, diagnosis: String(100 + (counter % 900)) });

  it('flags the line that crosses the plafond with the part above it, and every later line in full', () => {
    const a = at('2018-01-01', 600);
    const b = at('2018-02-01', 300);
    const c = at('2018-03-01', 200);
    const d = at('2018-04-01', 50);
    const findings = check([d, c, b, a]);
    expect(findings.map((f) => [f.claimId, f.rule, f.amountAtStakeCents])).toEqual([[c.claimId, 'ceiling', 100], [d.claimId, 'ceiling', 50]]);
    expect(findings[0]).toMatchObject({ action: 'reject', source: 'MSZ §4', reason: { inputs: { plafond_cents: 1_000, cumulative_cents: 1_100, over_cents: 100 } } });
  });

  it('exactly at the plafond is within; an unmatched credit lowers the total; start date orders, then claim id', () => {
    expect(check([at('2018-01-01', 600), at('2018-01-02', 400)])).toEqual([]);
    const credit = at('2018-01-03', -100, { diagnosis: '1', productCode: '030312301' });
    const after = at('2018-01-04', 150);
    expect(check([at('2018-01-01', 600), at('2018-01-02', 400), credit, after]).map((f) => f.amountAtStakeCents)).toEqual([50]);
    const x = at('2018-05-01', 900);
    const y = at('2018-05-01', 200, { productCode: '030312301' });
    expect(flagged(check([y, x]), 'ceiling')).toEqual([y.claimId]);
  });

  it('does not count a rejected line (a duplicate) or a settled pair towards the plafond', () => {
    const a = at('2018-01-01', 800);
    const copy = { ...a, claimId: `${a.claimId}X` };
    const b = at('2018-02-01', 150);
    expect(check([a, copy, b]).map((f) => f.rule)).toEqual(['duplicate']);
    const cancelled = at('2018-01-15', 500);
    const credit = { ...cancelled, claimId: `${cancelled.claimId}C`, amountCents: -500 };
    expect(check([a, cancelled, credit, b])).toEqual([]);
  });
});

describe('order and partitioning (properties)', () => {
  const BSNS = ['111222333', '123456782', '999999990'];
  const PRODUCTS = [
    ['0303', '1231', '030312301'], ['0303', '1231', '030312302'], ['0303', '1611', '030316111'], ['0303', '1612', '030316121'],
    ['0320', '100', '032000101'], ['0320', '200', '032000201'], ['0302', '141', '030214101'], ['0320', '100', '032000401'],
  ] as const;
  const day = (n: number) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10);
  const claimArb = fc.record({
    bsn: fc.constantFrom(...BSNS),
    agb: fc.constantFrom(AGB_A, AGB_B),
    product: fc.constantFrom(...PRODUCTS),
    careType: fc.constantFrom('11' as const, '21' as const),
    start: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 0, max: 60 }),
    amount: fc.constantFrom(100, 250, 400, 700),
    addOn: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.record({ zi: fc.constantFrom(ZI_PLAIN, ZI_CENTRE), units: fc.constantFrom('1', '2.5') }), weight: 1 }),
  });
  const claimsArb = fc.array(claimArb, { maxLength: 40, size: 'max' }).chain((raw) => {
    const base: Claim[] = raw.map((r, i) => ({
      claimId: `P${String(i).padStart(4, '0')}`, uzovi: '3311', agb: r.agb, bsn: r.bsn, careType: r.careType,
      specialism: r.product[0], diagnosis: r.product[1], productCode: r.product[2],
      startDate: day(r.start), endDate: day(r.start + r.length), amountCents: r.addOn ? Math.round(r.amount * 3) : r.amount,
      ziNumber: r.addOn ? r.addOn.zi : null, units: r.addOn ? r.addOn.units : null,
    }));
    // Copies (duplicates) and credits of earlier lines, with fresh ids.
    return fc.array(fc.record({ of: fc.nat(), credit: fc.boolean() }), { maxLength: 12, size: 'max' }).map((extra) => {
      const all = [...base];
      extra.forEach((e, i) => {
        const original = base.length > 0 ? base[e.of % base.length] : undefined;
        if (!original) return;
        all.push({ ...original, claimId: `Q${String(i).padStart(4, '0')}`, amountCents: e.credit ? -original.amountCents : original.amountCents });
      });
      return all;
    });
  });
  const ceilingRef: CheckReference = { ...reference, ceilings: new Map([[AGB_A, 1_500], [AGB_B, 900]]) };

  it('shuffling the input does not change the findings', () => {
    fc.assert(fc.property(claimsArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([claims, shuffled]) => {
      expect(check(shuffled, msz, addOn, ceilingRef)).toEqual(check(claims, msz, addOn, ceilingRef));
    }), { numRuns: 300 });
  });

  it('per-BSN partitions concatenated give the same findings (the ceiling is a per-provider second pass)', () => {
    fc.assert(fc.property(claimsArb, (claims) => {
      const whole = check(claims, msz, addOn, ceilingRef).filter((f) => f.rule !== 'ceiling');
      const parts = BSNS.flatMap((bsn) => check(claims.filter((c) => c.bsn === bsn), msz, addOn, ceilingRef).filter((f) => f.rule !== 'ceiling'));
      expect(parts.sort(compareFindings)).toEqual(whole);
    }), { numRuns: 300 });
  });

  it('findings are sorted by claim id, then rule, and name a positive amount at stake', () => {
    fc.assert(fc.property(claimsArb, (claims) => {
      const findings = check(claims, msz, addOn, ceilingRef);
      const ORDER = ['duplicate', 'parallel', 'parallel-combination', 'parallel-specialism', 'serial', 'non-evidence', 'selective', 'ceiling', 'addon-tariff', 'addon-centre'];
      for (let i = 1; i < findings.length; i++) {
        const a = findings[i - 1] as Finding;
        const b = findings[i] as Finding;
        expect(a.claimId < b.claimId || (a.claimId === b.claimId && ORDER.indexOf(a.rule) < ORDER.indexOf(b.rule))).toBe(true);
      }
      for (const f of findings) expect(f.amountAtStakeCents).toBeGreaterThanOrEqual(0);
      // Credit lines are never flagged.
      const credits = new Set(claims.filter((c) => c.amountCents < 0).map((c) => c.claimId));
      expect(findings.filter((f) => credits.has(f.claimId))).toEqual([]);
    }), { numRuns: 200 });
  });
});
