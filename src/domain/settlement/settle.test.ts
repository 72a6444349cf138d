/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { sumCents } from '../money/index.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { paymentCurve, settle, type Settlement, type SettlementInput } from './index.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();

function withParameter(base: MszPolicy, id: string, value: string): MszPolicy {
  expect(base.parameters.some((p) => p.id === id)).toBe(true);
  return { ...base, parameters: base.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const EUR = 100; // cents
const M = 1_000_000 * EUR;
const run = (input: SettlementInput, p: MszPolicy = policy): Settlement => expectOk(settle(p, input));
const line = (s: Settlement, id: string) => s.lines.find((l) => l.id === id);
const fact = (s: Settlement, id: string) => s.facts.find((f) => f.id === id);
const ids = (lines: { id: string }[]) => lines.map((l) => l.id);

describe('settle: worked examples (MSZ §2 Fig. 1, §4)', () => {
  it('transition below the richtpunt: T 10,000,000.00, R 9,000,000.00, u 0.5 pays 9,500,000.00', () => {
    const s = run({ type: 'transitie', targetCents: 10 * M, realisedCents: 9 * M, underShare: '0.5' });
    expect(s).toMatchObject({ payable_cents: 9_500_000 * EUR, difference_cents: 500_000 * EUR, excluded_cents: 0 });
    expect(ids(s.lines)).toEqual(['realised-within', 'shortfall-compensation']);
    expect(line(s, 'shortfall-compensation')).toMatchObject({
      amount_cents: 500_000 * EUR, rule: 'settlement.transition.below', source: 'MSZ §2; MSZ §4',
      inputs: { shortfall_cents: 1 * M, share: '0.5', rounding: 'half-up' },
    });
    expect(fact(s, 'shortfall')?.amount_cents).toBe(1 * M);
    expect(s.reasons.find((r) => r.rule === 'settlement.share.transition_shortfall_paid_share')?.inputs.from).toBe('input');
  });

  it('the shares default to the policy parameters (u 0.50, m 0.70)', () => {
    const below = run({ type: 'transitie', targetCents: 10 * M, realisedCents: 9 * M });
    expect(below.payable_cents).toBe(9_500_000 * EUR);
    const share = below.reasons.find((r) => r.rule === 'settlement.share.transition_shortfall_paid_share');
    expect(share).toMatchObject({ source: 'MSZ §2; MSZ §4', inputs: { share: '0.5', from: 'parameter' } });
    expect(run({ type: 'transitie', targetCents: 10 * M, realisedCents: 11 * M }).payable_cents).toBe(10_700_000 * EUR);
  });

  it('transition above the richtpunt: R 11,000,000.00, m 0.7 pays 10,700,000.00', () => {
    const s = run({ type: 'transitie', targetCents: 10 * M, realisedCents: 11 * M, growthShare: '0.7' });
    expect(s).toMatchObject({ payable_cents: 10_700_000 * EUR, difference_cents: -300_000 * EUR });
    expect(ids(s.lines)).toEqual(['target', 'growth-payment']);
    expect(line(s, 'growth-payment')?.amount_cents).toBe(700_000 * EUR);
    expect(fact(s, 'not-paid')?.amount_cents).toBe(300_000 * EUR);
  });

  it('exactly on the richtpunt pays the richtpunt', () => {
    const s = run({ type: 'transitie', targetCents: 10 * M, realisedCents: 10 * M });
    expect(s.payable_cents).toBe(10 * M);
    expect(s.reasons[0]?.rule).toBe('settlement.transition.at-target');
  });

  it('ceiling: P 5,000,000.00, R 6,000,000.00 pays 5,000,000.00; overruns are not paid', () => {
    const s = run({ type: 'plafond', targetCents: 5 * M, realisedCents: 6 * M });
    expect(s).toMatchObject({ payable_cents: 5 * M, difference_cents: -1 * M });
    expect(ids(s.lines)).toEqual(['ceiling']);
    expect(fact(s, 'overrun')?.amount_cents).toBe(1 * M);
    expect(fact(s, 'not-paid')?.amount_cents).toBe(1 * M);
    expect(s.reasons[0]).toMatchObject({ rule: 'settlement.ceiling.over', source: 'MSZ §4', inputs: { overrun_share: '0' } });
    expect(s.reasons[0]?.message).toContain('tijdig');
    const under = run({ type: 'plafond', targetCents: 5 * M, realisedCents: 4 * M });
    expect(under.payable_cents).toBe(4 * M);
    expect(ids(under.lines)).toEqual(['realised-within']);
  });

  it('UMC: expensive non-plannable care E (within R) is outside richtpunt and ceiling and paid in full', () => {
    // R 10,500,000.00 of which E 1,000,000.00 transplants: within 9,500,000.00, below T 10 mln.
    const s = run({ type: 'transitie', targetCents: 10 * M, realisedCents: 10_500_000 * EUR, excludedCents: 1 * M });
    expect(s.lines.map((l) => [l.id, l.amount_cents])).toEqual([
      ['realised-within', 9_500_000 * EUR], ['shortfall-compensation', 250_000 * EUR], ['exempt-care', 1 * M],
    ]);
    expect(s.payable_cents).toBe(10_750_000 * EUR);
    expect(line(s, 'exempt-care')).toMatchObject({ rule: 'settlement.umc-exempt', source: 'MSZ §4', inputs: { exempt_care: 'transplantatie', share: '1' } });
    const c = run({ type: 'plafond', targetCents: 5 * M, realisedCents: 6_500_000 * EUR, excludedCents: 1 * M });
    expect(c.lines.map((l) => [l.id, l.amount_cents])).toEqual([['ceiling', 5 * M], ['exempt-care', 1 * M]]);
    expect(c.payable_cents).toBe(6 * M);
  });

  it('rounds half cents once, per the rounding parameter', () => {
    // Shortfall of 1,001 cents at u 0.5 is 500.5 cents: half-up gives 501.
    const s = run({ type: 'transitie', targetCents: 1_001, realisedCents: 0, underShare: '0.5' });
    expect(line(s, 'shortfall-compensation')?.amount_cents).toBe(501);
    expect(s.payable_cents).toBe(501);
    const halfEven = withParameter(policy, 'rounding_rule', 'half-even');
    expect(run({ type: 'transitie', targetCents: 1_001, realisedCents: 0, underShare: '0.5' }, halfEven).payable_cents).toBe(500);
    expect(run({ type: 'transitie', targetCents: 100, realisedCents: 101, growthShare: '0.5' }).payable_cents).toBe(101); // 100 + 0.5 → 101
  });

  it('rejects invalid input, naming the field', () => {
    const cases: [SettlementInput, string][] = [
      [{ type: 'transitie', targetCents: 100, realisedCents: 50, excludedCents: 60 }, 'realisedCents'],
      [{ type: 'transitie', targetCents: -1, realisedCents: 50 }, 'targetCents'],
      [{ type: 'plafond', targetCents: 100, realisedCents: 0.5 }, 'realisedCents'],
      [{ type: 'transitie', targetCents: 100, realisedCents: 50, excludedCents: -1 }, 'excludedCents'],
      [{ type: 'transitie', targetCents: 100, realisedCents: 50, underShare: '1.5' }, 'underShare'],
      [{ type: 'transitie', targetCents: 100, realisedCents: 50, growthShare: '70%' }, 'growthShare'],
      [{ type: 'plafond', targetCents: 100, realisedCents: 50, growthShare: '0.5' }, 'growthShare'],
    ];
    for (const [input, field] of cases) {
      const result = settle(policy, input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.map((i) => i.field)).toContain(field);
    }
  });

  it('paymentCurve gives the Fig. 1 points and validates them', () => {
    const curve = expectOk(paymentCurve(policy, { type: 'transitie', targetCents: 10 * M }, [0, 9 * M, 10 * M, 11 * M]));
    expect(curve).toEqual([
      { realised_cents: 0, payable_cents: 5 * M },
      { realised_cents: 9 * M, payable_cents: 9_500_000 * EUR },
      { realised_cents: 10 * M, payable_cents: 10 * M },
      { realised_cents: 11 * M, payable_cents: 10_700_000 * EUR },
    ]);
    const bad = paymentCurve(policy, { type: 'plafond', targetCents: 10 * M, excludedCents: 100 }, [200, 50]);
    expect(bad.ok ? [] : bad.error.issues?.map((i) => i.field)).toEqual(['points[1]']);
  });
});

describe('settle: properties', () => {
  const share = fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n === 1_000_000 ? '1' : `0.${String(n).padStart(6, '0')}`));
  const amount = fc.integer({ min: 0, max: 5_000_000_000_000 }); // up to EUR 50 bn
  const transition = fc.record({ target: amount, within: amount, excluded: fc.oneof(fc.constant(0), amount), u: share, m: share });

  const payable = (t: { target: number; u: string; m: string; excluded: number }, within: number, type: 'transitie' | 'plafond' = 'transitie') =>
    run(type === 'transitie'
      ? { type, targetCents: t.target, realisedCents: within + t.excluded, excludedCents: t.excluded, underShare: t.u, growthShare: t.m }
      : { type, targetCents: t.target, realisedCents: within + t.excluded, excludedCents: t.excluded });

  it('transition: lines sum to payable; between min and max of R−E and T (+E); R at T pays T (+E)', () => {
    fc.assert(fc.property(transition, (t) => {
      const s = payable(t, t.within);
      expect(sumCents(s.lines.map((l) => l.amount_cents))).toBe(s.payable_cents);
      expect(s.payable_cents).toBeLessThanOrEqual(Math.max(t.within, t.target) + t.excluded);
      expect(s.payable_cents).toBeGreaterThanOrEqual(Math.min(t.within, t.target) + t.excluded);
      expect(s.difference_cents).toBe(s.payable_cents - s.realised_cents);
      expect(payable(t, t.target).payable_cents).toBe(t.target + t.excluded);
    }), { numRuns: 500 });
  });

  it('payable is non-decreasing in R, for transition and ceiling', () => {
    fc.assert(fc.property(transition, amount, fc.constantFrom('transitie', 'plafond') as fc.Arbitrary<'transitie' | 'plafond'>, (t, other, type) => {
      const [low, high] = t.within <= other ? [t.within, other] : [other, t.within];
      expect(payable(t, low, type).payable_cents).toBeLessThanOrEqual(payable(t, high, type).payable_cents);
      expect(payable(t, low, type).payable_cents).toBeLessThanOrEqual(payable(t, low + 1, type).payable_cents);
    }), { numRuns: 500 });
  });

  it('a ceiling never pays above P + E, and pays min(R − E, P) + E', () => {
    fc.assert(fc.property(transition, (t) => {
      const s = payable(t, t.within, 'plafond');
      expect(s.payable_cents).toBeLessThanOrEqual(t.target + t.excluded);
      expect(s.payable_cents).toBe(Math.min(t.within, t.target) + t.excluded);
      expect(sumCents(s.lines.map((l) => l.amount_cents))).toBe(s.payable_cents);
    }), { numRuns: 500 });
  });

  it('excluded UMC care is always paid in full, on top of what the rest earns', () => {
    fc.assert(fc.property(transition, fc.constantFrom('transitie', 'plafond') as fc.Arbitrary<'transitie' | 'plafond'>, (t, type) => {
      const withCare = payable(t, t.within, type);
      const without = payable({ ...t, excluded: 0 }, t.within, type);
      expect(withCare.payable_cents).toBe(without.payable_cents + t.excluded);
      expect(withCare.lines.find((l) => l.id === 'exempt-care')?.amount_cents ?? 0).toBe(t.excluded);
    }), { numRuns: 500 });
  });
});
