/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { decideAgreement, type AgreementInput } from '../../domain/agreement/index.js';
import { CONTRACT_STATES } from '../../domain/contracting/index.js';
import { expectOk } from '../../domain/errors.js';
import { parsePolicy, type MszPolicy } from '../../domain/policy/index.js';
import { priceProposal } from '../../domain/pricing/index.js';
import { financialProposal } from '../../domain/proposal/financial-proposal.js';
import { volumeProposal } from '../../domain/volume/index.js';
import { decimalToCents } from './money.js';
import { priceListToChargeItemDefinitions } from './charge-item-definition.js';
import { agreementToContract, contractStatus } from './contract.js';
import { providerToOrganization, type ProviderType } from './organization.js';
import { r4Errors } from './r4-validator.js';
import { searchset } from './search-bundle.js';
import { AGB_SYSTEM, AGREEMENT_KIND_SYSTEM, DECISION_RULE_SYSTEM, ZORGPRODUCT_SYSTEM } from './systems.js';

const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml')) as MszPolicy;
const M = 100_000_000;
const provider = { agb: '06010001', name: 'Ziekenhuis Rivierenland', type: 'ziekenhuis' as const, city: 'Tiel', province: 'Gelderland', kvk: '12345678' };

const volume = expectOk(volumeProposal(policy, {
  provider, baseYear: 2017, demographyGrowth: '0.012', a1InputCents: 400_000,
  realisation: [
    { product_code: '030151101', specialism: '0301', category: 'algemeen', careKinds: [], bijlage4Item: null, units: 1500, amountCents: 20_000_000 },
    { product_code: '005140201', specialism: '0305', category: 'complex', careKinds: [], bijlage4Item: 6, units: 20, amountCents: 3_300_000 },
  ],
}));
const price = expectOk(priceProposal(policy, {
  provider, providerSurcharge: { share: '0.023', evidence: 'Complexe casemix' },
  products: [
    { code: '030151101', name: 'Staaroperatie', category: 'algemeen', standardPriceCents: 135_001 },
    { code: '005140201', name: 'Knieprothese', category: 'complex', standardPriceCents: 999_999 },
    { code: '131999055', name: 'Consult', category: 'algemeen', standardPriceCents: 7 },
  ],
}));

function agreement(over: { kernregio: boolean; revenue: number; priceVolume: 'agreed' | 'rejected' | 'open' }) {
  const input: AgreementInput = {
    provider: { agb: provider.agb, type: provider.type, kernregio: over.kernregio, zkRevenueCents: over.revenue },
    negotiation: { priceVolume: over.priceVolume, kernregioConditions: 'agreed', newProvider: false },
  };
  const decision = decideAgreement(policy, input);
  const financial = expectOk(financialProposal(policy, { decision: { type: decision.type, years: decision.years }, volume, price, year: 2018 }));
  return { decision, financial };
}

const bundleValidates = (resources: { resourceType: string; id?: string }[]) => {
  const bundle = searchset(resources, { self: 'https://zorginkoop.example/api/fhir/x', fullUrl: (r) => `https://zorginkoop.example/api/fhir/${r.resourceType}/${r.id}` });
  expect(r4Errors(bundle)).toEqual([]);
  expect(bundle.total).toBe(resources.length);
};

describe('Organization', () => {
  it.each(['ziekenhuis', 'umc', 'zbc', 'categoraal'] as ProviderType[])('a %s validates, with the AGB code as identifier and id', (type) => {
    const organization = providerToOrganization({ ...provider, type, kvk: type === 'zbc' ? null : provider.kvk });
    expect(r4Errors(organization)).toEqual([]);
    expect(organization.id).toBe(provider.agb);
    expect(organization.identifier![0]).toEqual({ system: AGB_SYSTEM, value: provider.agb });
    expect(organization.identifier).toHaveLength(type === 'zbc' ? 1 : 2);
    expect(organization.type![0]!.coding!.map((c) => c.code)).toContain(type);
    bundleValidates([organization]);
  });
});

describe('Contract', () => {
  it('a transitieafspraak: richtpunt per year of its term, the decision reasons as terms, validates', () => {
    const { decision, financial } = agreement({ kernregio: true, revenue: 20 * M, priceVolume: 'agreed' });
    expect(decision.type).toBe('transitie');
    const contract = agreementToContract({ provider, year: 2018, policy: { id: policy.id, title: policy.title }, decision, financial, state: 'signed' });
    expect(r4Errors(contract)).toEqual([]);
    expect(contract).toMatchObject({ id: '06010001-2018', status: 'executed', applies: { start: '2018-01-01', end: '2020-12-31' } });
    expect(contract.type!.coding![0]).toMatchObject({ system: AGREEMENT_KIND_SYSTEM, code: decision.agreement_type_id });
    expect(contract.subject![0]).toMatchObject({ reference: 'Organization/06010001', identifier: { system: AGB_SYSTEM, value: '06010001' } });
    const [amount, ...reasons] = contract.term!;
    expect(amount!.asset![0]!.valuedItem!.map((v) => [v.effectiveTime, decimalToCents(v.net!.value)])).toEqual(
      financial.years.map((y) => [`${y}-01-01`, { ok: true, cents: financial.amount_cents }]),
    );
    expect(reasons.map((t) => t.type!.coding![0]!.code)).toEqual([...decision.reasons, ...financial.reasons].map((r) => r.rule));
    for (const [i, r] of [...decision.reasons, ...financial.reasons].entries()) {
      expect(reasons[i]!.type!.coding![0]!.system).toBe(DECISION_RULE_SYSTEM);
      expect(reasons[i]!.text).toBe(`[${r.rule}] ${r.source}: ${r.message}`);
    }
  });

  it('a plafondafspraak and no agreement validate too; the status follows the contracting process', () => {
    const plafond = agreement({ kernregio: false, revenue: 20 * M, priceVolume: 'agreed' });
    const none = agreement({ kernregio: false, revenue: 20 * M, priceVolume: 'rejected' });
    expect([plafond.decision.type, none.decision.type]).toEqual(['plafond', 'none']);
    const contracts = [
      agreementToContract({ provider, year: 2018, policy, decision: plafond.decision, financial: plafond.financial, state: null }),
      agreementToContract({ provider, year: 2018, policy, decision: none.decision, financial: none.financial, state: 'no-agreement' }),
    ];
    for (const c of contracts) expect(r4Errors(c)).toEqual([]);
    expect(contracts.map((c) => c.status)).toEqual(['offered', 'rejected']);
    expect(contracts[0]!.applies).toEqual({ start: '2018-01-01', end: `${2018 + plafond.decision.years - 1}-12-31` });
    expect(contracts[1]!.term![0]!.asset).toBeUndefined();
    expect(contracts[1]!.applies).toEqual({ start: '2018-01-01', end: '2018-12-31' });
    bundleValidates(contracts);
    for (const state of CONTRACT_STATES) expect(r4Errors({ ...contracts[0], status: contractStatus(state, 'plafond') })).toEqual([]);
  });
});

describe('ChargeItemDefinition', () => {
  it('one per product; base (standard price) + surcharge add up to the price exactly; validates', () => {
    const definitions = priceListToChargeItemDefinitions({ provider, year: 2018, lines: price.lines, fixed: false });
    expect(definitions).toHaveLength(3);
    for (const [i, d] of definitions.entries()) {
      const line = price.lines[i]!;
      expect(r4Errors(d)).toEqual([]);
      expect(d.status).toBe('draft');
      expect(d.code!.coding![0]).toMatchObject({ system: ZORGPRODUCT_SYSTEM, code: line.product_code });
      const cents = d.propertyGroup![0]!.priceComponent!.map((c) => decimalToCents(c.amount!.value));
      const [base, surcharge] = cents.map((c) => (c.ok ? c.cents : NaN));
      expect(base).toBe(line.standard_price_cents);
      expect(base! + surcharge!).toBe(line.price_cents);
    }
    expect(price.lines.some((l) => l.price_cents !== l.standard_price_cents)).toBe(true);
    expect(priceListToChargeItemDefinitions({ provider, year: 2018, lines: price.lines, fixed: true })[0]!.status).toBe('active');
    bundleValidates(definitions);
  });
});
