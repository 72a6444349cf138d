/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import addOnYaml from '../../../policies/add-on-2022.yaml?raw';
import { expectOk } from '../errors.js';
import { sumCents } from '../money/index.js';
import { parsePolicy, type AddOnPolicy, type PolicyParameter } from '../policy/index.js';
import { postCalculate, type PostCalculationLineInput } from './index.js';

function loadAddOn(): AddOnPolicy {
  const policy = expectOk(parsePolicy(parse(addOnYaml), 'policies/add-on-2022.yaml'));
  if (policy.kind !== 'add-on') throw new Error('verwacht een add-on-beleid');
  return policy;
}
const policy = loadAddOn();

function withParameter(base: AddOnPolicy, id: string, value: string): AddOnPolicy {
  expect(base.parameters.some((p) => p.id === id)).toBe(true);
  return { ...base, parameters: base.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const EUR = 100;

const drug = (over: Partial<PostCalculationLineInput>): PostCalculationLineInput => ({
  ziNumber: '14000001', cluster: 'TNF-alfaremmers', referenceTariffCents: 500 * EUR, agreedUnits: '100', realisedUnits: '100',
  claimedCents: 50_000 * EUR, efficiencyRequirement: false, ...over,
});

describe('postCalculate: per cluster', () => {
  // Drug A: 100 units agreed at EUR 500, 120 realised, claimed at EUR 520: EUR 2,400 above the tariff.
  // Drug B: 50 units agreed at EUR 200, 40 realised and claimed at the tariff.
  const lines = [
    drug({ realisedUnits: '120', claimedCents: 120 * 520 * EUR }),
    drug({ ziNumber: '14000002', referenceTariffCents: 200 * EUR, agreedUnits: '50', realisedUnits: '40', claimedCents: 40 * 200 * EUR }),
  ];

  it('eligible: budget, realised at reference tariff (capped), overrun covered by nacalculatie', () => {
    const r = expectOk(postCalculate(policy, { eligible: true, lines }));
    const c = r.clusters[0];
    expect(c).toMatchObject({
      cluster: 'TNF-alfaremmers', agreed_budget_cents: 60_000 * EUR, claimed_cents: 70_400 * EUR, capped_cents: 2_400 * EUR,
      realised_at_reference_cents: 68_000 * EUR, within_budget_cents: 60_000 * EUR, overrun_cents: 8_000 * EUR,
      nacalculatie_cents: 8_000 * EUR, payable_cents: 68_000 * EUR,
    });
    expect(c?.lines.map((l) => [l.id, l.amount_cents])).toEqual([['within-budget', 60_000 * EUR], ['nacalculatie', 8_000 * EUR]]);
    expect(c?.lines[1]).toMatchObject({ rule: 'addon.nacalculatie', source: 'ADD §5', inputs: { covered_share: '1' } });
    expect(c?.drugs[0]?.lines.find((l) => l.id === 'capped')).toMatchObject({ amount_cents: 2_400 * EUR, rule: 'addon.tariff-cap', source: 'ADD §4' });
    expect(r.totals.payable_cents).toBe(68_000 * EUR);
    expect(r.lines).toEqual([expect.objectContaining({ id: 'cluster:TNF-alfaremmers', amount_cents: 68_000 * EUR })]);
  });

  it('not eligible: the cluster budget is a ceiling', () => {
    const r = expectOk(postCalculate(policy, { eligible: false, lines }));
    expect(r.clusters[0]).toMatchObject({ payable_cents: 60_000 * EUR, nacalculatie_cents: 0, overrun_cents: 8_000 * EUR });
    expect(r.clusters[0]?.lines.map((l) => l.id)).toEqual(['within-budget']);
    expect(r.reasons[0]?.rule).toBe('addon.plafond');
  });

  it('rounds units × tariff once per line, half-up', () => {
    const r = expectOk(postCalculate(policy, { eligible: true, lines: [drug({ referenceTariffCents: 333, agreedUnits: '2.5', realisedUnits: '2.5', claimedCents: 900 })] }));
    expect(r.clusters[0]?.drugs[0]).toMatchObject({ agreed_budget_cents: 833, reference_cap_cents: 833, realised_at_reference_cents: 833, capped_cents: 67 });
  });

  it('a drug whose efficiency requirement is not met gets no nacalculatie; the others in its cluster do', () => {
    // X: budget EUR 100, realised EUR 200 (requirement not met). Y: budget EUR 100, realised EUR 130.
    const x = drug({ ziNumber: '14000003', referenceTariffCents: 100 * EUR, agreedUnits: '1', realisedUnits: '2', claimedCents: 200 * EUR, efficiencyRequirement: true, efficiencyMet: false });
    const y = drug({ ziNumber: '14000004', referenceTariffCents: 10 * EUR, agreedUnits: '10', realisedUnits: '13', claimedCents: 130 * EUR });
    const r = expectOk(postCalculate(policy, { eligible: true, lines: [x, y] }));
    expect(r.clusters[0]).toMatchObject({ overrun_cents: 130 * EUR, nacalculatie_basis_cents: 30 * EUR, nacalculatie_cents: 30 * EUR, payable_cents: 230 * EUR });
    expect(r.clusters[0]?.lines[1]?.inputs.efficiency_excluded).toBe('14000003');
    const metX = expectOk(postCalculate(policy, { eligible: true, lines: [{ ...x, efficiencyMet: true }, y] }));
    expect(metX.clusters[0]?.payable_cents).toBe(330 * EUR);
  });

  it('clusters are settled separately and the totals add up', () => {
    const other = drug({ ziNumber: '14000005', cluster: 'Oncolytica', agreedUnits: '10', realisedUnits: '8', claimedCents: 8 * 500 * EUR });
    const r = expectOk(postCalculate(policy, { eligible: true, lines: [...lines, other] }));
    expect(r.clusters.map((c) => [c.cluster, c.payable_cents])).toEqual([['TNF-alfaremmers', 68_000 * EUR], ['Oncolytica', 4_000 * EUR]]);
    expect(r.totals).toMatchObject({ payable_cents: 72_000 * EUR, agreed_budget_cents: 65_000 * EUR });
  });

  it('rejects invalid lines, naming the field', () => {
    const r = postCalculate(policy, { eligible: true, lines: [
      drug({ ziNumber: '1234' }), drug({ agreedUnits: '-1' }), drug({ realisedUnits: '1,5' }), drug({ claimedCents: 1.5 }),
      drug({ efficiencyRequirement: true }),
    ] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues?.map((i) => i.field)).toEqual([
      'lines[0].ziNumber', 'lines[1].agreedUnits', 'lines[2].realisedUnits', 'lines[3].claimedCents', 'lines[4].efficiencyMet',
    ]);
  });

  it('the proportional efficiency rule needs a score that the input does not carry', () => {
    const proportional = withParameter(policy, 'efficiency_nacalculatie_rule', 'proportional-to-efficiency-score');
    const r = postCalculate(proportional, { eligible: true, lines: [drug({ efficiencyRequirement: true, efficiencyMet: false })] });
    expect(r.ok ? null : r.error.issues?.[0]?.field).toBe('efficiency_nacalculatie_rule');
  });
});

describe('postCalculate: properties', () => {
  const units = fc.integer({ min: 0, max: 100_000 }).map((n) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`);
  const line = fc.record({
    ziNumber: fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String),
    cluster: fc.constantFrom('A', 'B', 'C'),
    referenceTariffCents: fc.integer({ min: 0, max: 5_000_000 }),
    agreedUnits: units,
    realisedUnits: units,
    claimedCents: fc.integer({ min: 0, max: 10_000_000_000 }),
    efficiencyRequirement: fc.boolean(),
    efficiencyMet: fc.boolean(),
  });

  it('totals reconcile to the cent; never pays more than realised at reference tariff', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean(), (lines, eligible) => {
      const r = expectOk(postCalculate(policy, { eligible, lines }));
      expect(sumCents(r.lines.map((l) => l.amount_cents))).toBe(r.totals.payable_cents);
      expect(sumCents(r.clusters.map((c) => c.payable_cents))).toBe(r.totals.payable_cents);
      for (const c of r.clusters) {
        expect(sumCents(c.lines.map((l) => l.amount_cents))).toBe(c.payable_cents);
        expect(sumCents(c.drugs.map((d) => d.agreed_budget_cents))).toBe(c.agreed_budget_cents);
        expect(c.realised_at_reference_cents + c.capped_cents).toBe(c.claimed_cents);
        expect(c.payable_cents).toBeLessThanOrEqual(c.realised_at_reference_cents);
        expect(c.payable_cents).toBeGreaterThanOrEqual(Math.min(c.realised_at_reference_cents, c.agreed_budget_cents));
        expect(c.nacalculatie_cents).toBeLessThanOrEqual(c.overrun_cents);
        if (!eligible) expect(c.nacalculatie_cents).toBe(0);
        if (eligible && c.drugs.every((d) => !d.efficiency_excluded)) expect(c.payable_cents).toBe(c.realised_at_reference_cents);
      }
      expect(r.totals.realised_at_reference_cents + r.totals.capped_cents).toBe(r.totals.claimed_cents);
      expect(r.totals.claimed_cents).toBe(sumCents(lines.map((l) => l.claimedCents)));
    }), { numRuns: 500 });
  });
});
