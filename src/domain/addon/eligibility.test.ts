/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import addOnYaml from '../../../policies/add-on-2022.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type AddOnPolicy, type PolicyParameter } from '../policy/index.js';
import { addonEligibility, type AddonEligibilityInput } from './index.js';

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
const eligibility = (over: Partial<AddonEligibilityInput>, p: AddOnPolicy = policy) =>
  addonEligibility(p, { expectedRevenueCents: 150_000 * EUR, q2Figures: 'on-time', efficiency: 'no-requirement', ...over });
const met = (e: ReturnType<typeof eligibility>) => Object.fromEntries(e.conditions.map((c) => [c.id, c.met]));

describe('addonEligibility: worked examples from ADD §5', () => {
  it('reads the threshold from the policy (EUR 100,000.00)', () => {
    expect(policy.parameters.find((p) => p.id === 'addon_revenue_threshold_cents')?.value).toBe(100_000 * EUR);
  });

  it('expected EUR 150,000, Q2 figures on time, no efficiency requirements: nacalculatie', () => {
    const e = eligibility({});
    expect(e).toMatchObject({ nacalculatie: true, agreement: 'fda-nacalculatie' });
    expect(e.conditions.map((c) => c.id)).toEqual(['omzet-boven-drempel', 'tijdige-cijfers-q2', 'doelmatig-voorschrijven']);
    expect(e.conditions.every((c) => c.met && c.reason.source === 'ADD §5')).toBe(true);
    expect(e.conditions[0]?.reason.inputs).toMatchObject({ expected_revenue_cents: 150_000 * EUR, threshold_cents: 100_000 * EUR });
    expect(e.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['addon.nacalculatie', 'addon.fda', 'addon.condition.omzet-boven-drempel']));
  });

  it('expected EUR 90,000: a ceiling at reference tariffs without nacalculatie', () => {
    const e = eligibility({ expectedRevenueCents: 90_000 * EUR });
    expect(e).toMatchObject({ nacalculatie: false, agreement: 'plafond' });
    expect(met(e)).toEqual({ 'omzet-boven-drempel': false, 'tijdige-cijfers-q2': true, 'doelmatig-voorschrijven': true });
    expect(e.conditions[0]?.reason.message).toContain('plafondafspraak tegen de geldende referentietarieven');
  });

  it('exactly EUR 100,000.00 counts as below (decision addon-revenue-boundary); the other setting as above', () => {
    const e = eligibility({ expectedRevenueCents: 100_000 * EUR });
    expect(e).toMatchObject({ nacalculatie: false, agreement: 'plafond' });
    expect(e.conditions[0]?.reason.inputs).toMatchObject({ boundary: 'exactly-threshold-counts-as-below', decision: 'addon-revenue-boundary' });
    const above = withParameter(policy, 'addon_revenue_threshold_boundary', 'exactly-threshold-counts-as-above');
    expect(eligibility({ expectedRevenueCents: 100_000 * EUR }, above).nacalculatie).toBe(true);
    expect(eligibility({ expectedRevenueCents: 100_000 * EUR + 1 }).nacalculatie).toBe(true);
  });

  it('late or incorrect Q2 figures: no nacalculatie, every condition visible', () => {
    for (const q2Figures of ['late', 'incorrect'] as const) {
      const e = eligibility({ q2Figures });
      expect(e).toMatchObject({ nacalculatie: false, agreement: 'plafond' });
      expect(met(e)).toEqual({ 'omzet-boven-drempel': true, 'tijdige-cijfers-q2': false, 'doelmatig-voorschrijven': true });
      expect(e.conditions[1]?.reason.inputs).toMatchObject({ q2_figures: q2Figures, deadline: '2021-06-30' });
      expect(e.reasons.find((r) => r.rule === 'addon.plafond')?.inputs.failed_conditions).toBe('tijdige-cijfers-q2');
    }
  });

  it('efficiency requirement not met: nacalculatie stays, except for those drugs (per-drug-all-or-nothing)', () => {
    const e = eligibility({ efficiency: 'not-met' });
    expect(e).toMatchObject({ nacalculatie: true, agreement: 'fda-nacalculatie' });
    expect(met(e)['doelmatig-voorschrijven']).toBe(false);
    expect(e.conditions[2]?.reason.inputs).toMatchObject({ efficiency_nacalculatie_rule: 'per-drug-all-or-nothing', decision: 'efficiency-nacalculatie' });
    expect(e.conditions[2]?.reason.message).toContain('overige geneesmiddelen');
  });
});
