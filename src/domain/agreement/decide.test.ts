/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { decideAgreement, type AgreementInput, type NegotiationStatus } from './index.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();

/** A copy of the policy with one parameter set to another value (the file itself is not touched). */
function withParameter(base: MszPolicy, id: string, value: string): MszPolicy {
  expect(base.parameters.some((p) => p.id === id)).toBe(true);
  return { ...base, parameters: base.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const M = 100_000_000; // EUR 1 mln in cents
const THRESHOLD = 10 * M; // the policy value, asserted below

function input(over: {
  kernregio?: boolean;
  revenue?: number;
  type?: AgreementInput['provider']['type'];
  priceVolume?: NegotiationStatus;
  kernregioConditions?: NegotiationStatus;
  multiYearContent?: NegotiationStatus;
  newProvider?: boolean;
  budgetPolicySelected?: boolean;
}): AgreementInput {
  return {
    provider: {
      agb: '06010101',
      type: over.type ?? 'ziekenhuis',
      kernregio: over.kernregio ?? false,
      zkRevenueCents: over.revenue ?? 25 * M,
      ...(over.budgetPolicySelected === undefined ? {} : { budgetPolicySelected: over.budgetPolicySelected }),
    },
    negotiation: {
      priceVolume: over.priceVolume ?? 'agreed',
      kernregioConditions: over.kernregioConditions ?? 'agreed',
      ...(over.multiYearContent ? { multiYearContent: over.multiYearContent } : {}),
      newProvider: over.newProvider ?? false,
    },
  };
}

const rules = (d: { reasons: { rule: string }[] }) => d.reasons.map((r) => r.rule);

describe('decideAgreement: worked examples from MSZ §2', () => {
  it('reads the threshold from the policy (10 mln)', () => {
    expect(policy.parameters.find((p) => p.id === 'revenue_threshold_cents')?.value).toBe(THRESHOLD);
  });

  it('kernregio, > 10 mln, everything agreed: transitieafspraak for 3 years', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 40 * M }));
    expect(d).toMatchObject({ type: 'transitie', years: 3, path: 'regular', status: 'final', agreement_type_id: 'transitie-3', settlement: 'transition' });
    expect(rules(d)).toEqual(expect.arrayContaining([
      'agreement.revenue-threshold', 'agreement.kernregio', 'agreement.new-provider', 'agreement.condition.gezamenlijke-ambitie',
      'agreement.condition.prijs-volume', 'agreement.condition.strategie-positie', 'agreement.condition.zorgprofiel-speerpunten',
      'agreement.multi-year-content', 'agreement.transitie-3', 'agreement.multi-year-rules',
      'agreement.resolutive-condition.geen-overeenkomst-dure-geneesmiddelen',
    ]));
    const revenue = d.reasons.find((r) => r.rule === 'agreement.revenue-threshold');
    expect(revenue).toMatchObject({ source: 'MSZ §2', inputs: { zk_revenue_cents: 40 * M, threshold_cents: THRESHOLD, revenue: 'above-threshold' } });
    expect(revenue?.message).toContain('ligt boven');
    const matched = d.reasons.find((r) => r.rule === 'agreement.transitie-3');
    expect(matched?.inputs).toMatchObject({ alternative: 1, kernregio: true, kernregio_conditions_met: true, agb: '06010101' });
  });

  it('outside the kernregio, > 10 mln, price and volume agreed: 2-year ceiling, regular path', () => {
    const d = decideAgreement(policy, input({ kernregio: false, revenue: 12 * M, kernregioConditions: 'rejected' }));
    expect(d).toMatchObject({ type: 'plafond', years: 2, path: 'regular', agreement_type_id: 'plafond-2-regulier', settlement: 'ceiling', status: 'final' });
    // The kernregio conditions do not apply outside the kernregio.
    expect(d.reasons.find((r) => r.rule === 'agreement.condition.strategie-positie')?.inputs.applies).toBe(false);
    // Why not a transitieafspraak: it asks for a kernregio (and the kernregio conditions).
    const notTransitie = d.reasons.find((r) => r.rule === 'agreement.transitie-3.not-applicable');
    expect(notTransitie?.inputs.alternative_1_unmet).toBe('kernregio, kernregio_conditions_met');
    expect(notTransitie?.message).toContain('in kernregio: ja');
  });

  it('< 10 mln, proposal accepted: 2-year ceiling on the digital path', () => {
    const d = decideAgreement(policy, input({ revenue: 4 * M }));
    expect(d).toMatchObject({ type: 'plafond', years: 2, path: 'digital', agreement_type_id: 'plafond-2-digitaal' });
  });

  it('kernregio, < 10 mln: the digital 2-year ceiling asks the kernregio conditions (parameter), else 1 year', () => {
    expect(decideAgreement(policy, input({ kernregio: true, revenue: 4 * M })).agreement_type_id).toBe('plafond-2-digitaal');
    const without = decideAgreement(policy, input({ kernregio: true, revenue: 4 * M, kernregioConditions: 'rejected' }));
    expect(without).toMatchObject({ agreement_type_id: 'plafond-1', years: 1 });
    expect(rules(without)).toContain('agreement.decision.kernregio-conditions-digital-path');
    const waived = withParameter(policy, 'kernregio_conditions_digital_path', 'not-required');
    const d = decideAgreement(waived, input({ kernregio: true, revenue: 4 * M, kernregioConditions: 'rejected' }));
    expect(d).toMatchObject({ agreement_type_id: 'plafond-2-digitaal', years: 2, path: 'digital' });
    expect(d.reasons.find((r) => r.rule === 'agreement.plafond-2-digitaal')?.inputs.changed_by).toBe('kernregio_conditions_digital_path');
  });

  it('kernregio, > 10 mln, price/volume agreed but not the strategy: per kernregio_partial_agreement_outcome', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 30 * M, kernregioConditions: 'rejected' }));
    expect(d).toMatchObject({ type: 'plafond', years: 1, agreement_type_id: 'plafond-1', status: 'final' });
    const decision = d.reasons.find((r) => r.rule === 'agreement.decision.kernregio-partial-agreement');
    expect(decision?.inputs).toMatchObject({ kernregio_partial_agreement_outcome: 'plafond-1' });
    // The other setting of the parameter: the same provider gets the 2-year regular ceiling.
    const other = withParameter(policy, 'kernregio_partial_agreement_outcome', 'plafond-2-regulier');
    const d2 = decideAgreement(other, input({ kernregio: true, revenue: 30 * M, kernregioConditions: 'rejected' }));
    expect(d2).toMatchObject({ agreement_type_id: 'plafond-2-regulier', years: 2, path: 'regular' });
    expect(d2.reasons.find((r) => r.rule === 'agreement.plafond-2-regulier')?.inputs.changed_by).toBe('kernregio_partial_agreement_outcome');
    // ... but not when the multi-year content itself is rejected, and not below 10 mln.
    expect(decideAgreement(other, input({ kernregio: true, revenue: 30 * M, kernregioConditions: 'rejected', multiYearContent: 'rejected' })).agreement_type_id).toBe('plafond-1');
    expect(decideAgreement(other, input({ kernregio: true, revenue: 4 * M, kernregioConditions: 'rejected' })).agreement_type_id).toBe('plafond-1');
  });

  it('no agreement on the multi-year content: 1-year ceiling', () => {
    for (const kernregio of [true, false]) {
      const d = decideAgreement(policy, input({ kernregio, revenue: 30 * M, multiYearContent: 'rejected' }));
      expect(d).toMatchObject({ type: 'plafond', years: 1, agreement_type_id: 'plafond-1', settlement: 'ceiling' });
      expect(d.reasons.find((r) => r.rule === 'agreement.plafond-1')?.inputs).toMatchObject({ alternative: 1, multi_year_content_agreed: false });
      expect(rules(d)).not.toContain('agreement.multi-year-rules');
    }
  });

  it('a new provider gets a 1-year ceiling, even in a kernregio above 10 mln', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 50 * M, newProvider: true }));
    expect(d).toMatchObject({ type: 'plafond', years: 1, agreement_type_id: 'plafond-1' });
    expect(d.reasons.find((r) => r.rule === 'agreement.plafond-1')?.inputs).toMatchObject({ alternative: 3, new_provider: true });
  });

  it('price/volume rejected: no agreement, part of the care may stay unpurchased', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 50 * M, priceVolume: 'rejected' }));
    expect(d).toMatchObject({ type: 'none', years: 0, agreement_type_id: 'geen', settlement: 'none', partial_purchase_possible: true, status: 'final' });
    expect(d.reasons.find((r) => r.rule === 'agreement.geen')?.message).toContain('deel van de zorg niet inkopen');
  });

  it('revenue of exactly 10 mln, both boundary settings', () => {
    const below = decideAgreement(policy, input({ revenue: THRESHOLD }));
    expect(below).toMatchObject({ agreement_type_id: 'plafond-2-digitaal', path: 'digital' });
    expect(below.reasons.find((r) => r.rule === 'agreement.revenue-threshold')?.inputs).toMatchObject({
      boundary: 'exactly-threshold-counts-as-below', revenue: 'below-threshold',
    });
    expect(rules(below)).toContain('agreement.decision.revenue-threshold-boundary');
    const abovePolicy = withParameter(policy, 'revenue_threshold_boundary', 'exactly-threshold-counts-as-above');
    expect(decideAgreement(abovePolicy, input({ revenue: THRESHOLD }))).toMatchObject({ agreement_type_id: 'plafond-2-regulier', path: 'regular' });
    expect(decideAgreement(abovePolicy, input({ revenue: THRESHOLD, kernregio: true }))).toMatchObject({ agreement_type_id: 'transitie-3' });
    // One cent either side does not depend on the boundary rule.
    for (const p of [policy, abovePolicy]) {
      expect(decideAgreement(p, input({ revenue: THRESHOLD + 1 })).agreement_type_id).toBe('plafond-2-regulier');
      expect(decideAgreement(p, input({ revenue: THRESHOLD - 1 })).agreement_type_id).toBe('plafond-2-digitaal');
    }
    expect(rules(decideAgreement(policy, input({ revenue: THRESHOLD + 1 })))).not.toContain('agreement.decision.revenue-threshold-boundary');
  });

  it('a UMC follows the same rules (umc_agreement_rule), with the settlement exception noted', () => {
    const d = decideAgreement(policy, input({ type: 'umc', kernregio: true, revenue: 400 * M }));
    expect(d).toMatchObject({ agreement_type_id: 'transitie-3', years: 3 });
    const umc = d.reasons.find((r) => r.rule === 'agreement.umc');
    expect(umc?.inputs).toMatchObject({ umc_agreement_rule: 'same-as-other-providers', decision: 'umc-handling' });
    expect(umc?.message).toContain('transplantatie');
  });

  it('open price/volume: decided as if agreed, provisional, with what happens otherwise', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 40 * M, priceVolume: 'open' }));
    expect(d).toMatchObject({ agreement_type_id: 'transitie-3', status: 'provisional' });
    expect(d.reasons.find((r) => r.rule === 'agreement.provisional')?.inputs).toMatchObject({
      open_facts: 'priceVolume', decisive_open_facts: 'priceVolume', outcome_if_open_rejected: 'geen',
    });
    const conditionsOpen = decideAgreement(policy, input({ kernregio: true, revenue: 40 * M, kernregioConditions: 'open' }));
    expect(conditionsOpen).toMatchObject({ agreement_type_id: 'transitie-3', status: 'provisional' });
    expect(conditionsOpen.reasons.find((r) => r.rule === 'agreement.provisional')?.inputs.outcome_if_open_rejected).toBe('plafond-1');
  });

  it('an open point the outcome does not depend on leaves the decision final', () => {
    const d = decideAgreement(policy, input({ kernregio: false, revenue: 40 * M, kernregioConditions: 'open' }));
    expect(d).toMatchObject({ agreement_type_id: 'plafond-2-regulier', status: 'final' });
    expect(rules(d)).toContain('agreement.open-facts');
    // A new provider's multi-year content does not matter either.
    expect(decideAgreement(policy, input({ newProvider: true, multiYearContent: 'open' })).status).toBe('final');
  });

  it('budget-policy continuation is noted when known', () => {
    const d = decideAgreement(policy, input({ budgetPolicySelected: true }));
    expect(d.reasons.find((r) => r.rule === 'agreement.budget-policy')?.message).toContain('met 1 jaar verlengd');
    expect(rules(decideAgreement(policy, input({})))).not.toContain('agreement.budget-policy');
  });
});

describe('decideAgreement: properties', () => {
  const status = fc.constantFrom<NegotiationStatus>('agreed', 'rejected', 'open');
  const anyInput = fc.record({
    kernregio: fc.boolean(),
    revenue: fc.oneof(fc.integer({ min: 0, max: 1_000 * M }), fc.constantFrom(THRESHOLD, THRESHOLD - 1, THRESHOLD + 1, 0)),
    type: fc.constantFrom('ziekenhuis', 'umc', 'zbc', 'categoraal') as fc.Arbitrary<AgreementInput['provider']['type']>,
    priceVolume: status,
    kernregioConditions: status,
    multiYearContent: fc.option(status, { nil: undefined }),
    newProvider: fc.boolean(),
    budgetPolicySelected: fc.option(fc.boolean(), { nil: undefined }),
  });
  const policies = [
    policy,
    withParameter(policy, 'revenue_threshold_boundary', 'exactly-threshold-counts-as-above'),
    withParameter(policy, 'kernregio_partial_agreement_outcome', 'plafond-2-regulier'),
    withParameter(policy, 'kernregio_conditions_digital_path', 'not-required'),
  ];

  it('is a total function: every input gets an agreement type of the policy, with sourced reasons', () => {
    fc.assert(fc.property(anyInput, fc.integer({ min: 0, max: policies.length - 1 }), (over, variant) => {
      const p = policies[variant] ?? policy;
      const d = decideAgreement(p, input(over));
      expect(p.agreement_types.map((t) => t.id)).toContain(d.agreement_type_id);
      expect(d.reasons.length).toBeGreaterThan(0);
      for (const reason of d.reasons) expect(reason.source.length).toBeGreaterThan(0);
      expect(rules(d)).toContain(`agreement.${d.agreement_type_id}`);
    }), { numRuns: 1000 });
  });

  it('no agreement exactly when price/volume is rejected; open price/volume is always provisional', () => {
    fc.assert(fc.property(anyInput, (over) => {
      const d = decideAgreement(policy, input(over));
      expect(d.type === 'none').toBe(over.priceVolume === 'rejected');
      if (over.priceVolume === 'open') expect(d.status).toBe('provisional');
      if (d.status === 'provisional') expect([over.priceVolume, over.kernregioConditions, over.multiYearContent]).toContain('open');
    }), { numRuns: 1000 });
  });

  it('a transitieafspraak only in a kernregio above the threshold; new providers at most 1 year', () => {
    fc.assert(fc.property(anyInput, (over) => {
      const d = decideAgreement(policy, input(over));
      if (d.type === 'transitie') expect(over.kernregio && over.revenue > THRESHOLD && !over.newProvider).toBe(true);
      if (over.newProvider) expect(d.years).toBeLessThanOrEqual(1);
    }), { numRuns: 1000 });
  });
});

describe('decideAgreement: reasons', () => {
  it('cites each rule once', () => {
    const d = decideAgreement(policy, input({ kernregio: true, revenue: 4 * M }));
    expect(new Set(rules(d)).size).toBe(rules(d).length);
    expect(rules(d)).toContain('agreement.decision.kernregio-conditions-digital-path');
  });
});
