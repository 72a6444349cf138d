/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszText from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { marketPrice, priceIndex, priceProposal, standardPrice, type CareCategory, type PriceProposalProduct } from './index.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszText), 'msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('msz-2018.yaml is geen MSZ-beleid');
  return policy;
}
const msz = loadMsz();

function withParameter(policy: MszPolicy, id: string, value: PolicyParameter['value']): MszPolicy {
  return { ...policy, parameters: policy.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const dialysis = { code: '013032401', costPriceCents: 2_500_000, marketPriceCents: 2_800_000, careKinds: ['hemodialyse-centrum'] };
const cataract = { code: '030051101', costPriceCents: 110_000, marketPriceCents: 140_000, careKinds: [] };

describe('standardPrice (MSZ §3)', () => {
  it('takes the cost price for haemodialysis, the policy example of a cost-price model', () => {
    const result = expectOk(standardPrice(msz, dialysis));
    expect(result.price_cents).toBe(2_500_000);
    expect(result.basis).toBe('cost-price');
    expect(result.reason).toMatchObject({ rule: 'price.standard.cost-price', source: 'MSZ §3' });
    expect(result.reason.inputs.method).toBe('cost-price-else-weighted-median-market-price');
    expect(expectOk(standardPrice(msz, { ...dialysis, careKinds: ['hemodialyse-thuis'] })).basis).toBe('cost-price');
  });

  it('takes the market price for other products', () => {
    const result = expectOk(standardPrice(msz, cataract));
    expect(result).toMatchObject({ price_cents: 140_000, basis: 'market-price' });
    expect(result.reason.message).toContain('gewogen mediaan');
  });

  it('uses the market price for everything under weighted-mean-market-price', () => {
    const policy = withParameter(msz, 'standard_price_method', 'weighted-mean-market-price');
    expect(expectOk(standardPrice(policy, dialysis))).toMatchObject({ price_cents: 2_800_000, basis: 'market-price' });
  });

  it('fails when the price the method needs is missing', () => {
    const noCost = standardPrice(msz, { ...dialysis, costPriceCents: null });
    expect(noCost.ok).toBe(false);
    if (!noCost.ok) expect(noCost.error.issues?.[0]?.field).toBe('costPriceCents');
    const noMarket = standardPrice(msz, { ...cataract, marketPriceCents: null });
    expect(noMarket.ok).toBe(false);
    expect(standardPrice(msz, { ...cataract, marketPriceCents: -1 }).ok).toBe(false);
  });
});

describe('marketPrice', () => {
  const observations = [
    { priceCents: 100_00, units: 10 },
    { priceCents: 120_00, units: 50 },
    { priceCents: 150_00, units: 40 },
  ];
  it('takes the volume-weighted (lower) median', () => {
    expect(expectOk(marketPrice('cost-price-else-weighted-median-market-price', observations))).toBe(120_00);
    expect(expectOk(marketPrice('cost-price-else-weighted-median-market-price', [{ priceCents: 5, units: 1 }, { priceCents: 9, units: 1 }]))).toBe(5);
  });
  it('takes the volume-weighted mean, rounded once', () => {
    // (100×10 + 120×50 + 150×40) / 100 = 130 euro
    expect(expectOk(marketPrice('weighted-mean-market-price', observations))).toBe(130_00);
    expect(expectOk(marketPrice('weighted-mean-market-price', [{ priceCents: 1, units: 1 }, { priceCents: 2, units: 1 }]))).toBe(2);
  });
  it('refuses prices without volume', () => {
    expect(marketPrice('weighted-mean-market-price', [{ priceCents: 100, units: 0 }]).ok).toBe(false);
  });
});

const products: PriceProposalProduct[] = [
  { code: '030051101', name: 'Staaroperatie', category: 'algemeen', standardPriceCents: 135_000 },
  { code: '030346101', name: 'Glaucoomoperatie', category: 'complex', standardPriceCents: 290_000 },
  { code: '030240101', name: 'Cochleair implantaat', category: 'topklinisch', standardPriceCents: 4_200_000 },
  { code: '031332501', name: 'Niertransplantatie', category: 'topreferent', standardPriceCents: 3_600_000 },
];
const hospital = { agb: '06010001', type: 'ziekenhuis' };
const umc = { agb: '06050001', type: 'umc' };

describe('priceProposal (MSZ §3)', () => {
  it('gives a provider surcharge with evidence, on every product', () => {
    const proposal = expectOk(priceProposal(msz, { provider: hospital, products, providerSurcharge: { share: '0.03', evidence: 'Casemix-analyse 2016: 18% meer comorbiditeit' } }));
    expect(proposal.lines.map((l) => l.price_cents)).toEqual([139_050, 298_700, 4_326_000, 3_708_000]);
    expect(proposal.lines.every((l) => l.surcharge_share === '0.03')).toBe(true);
    expect(proposal.price_index).toBe('1.0300');
    expect(proposal.price_index_method).toBe('unweighted');
    expect(proposal.reasons.map((r) => r.rule)).toEqual(['price.provider-surcharge', 'price.index']);
  });

  it('refuses a provider surcharge without evidence (provider_surcharge_requires_evidence)', () => {
    const result = priceProposal(msz, { provider: hospital, products, providerSurcharge: { share: '0.03', evidence: '  ' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('providerSurcharge.evidence');
    const allowed = withParameter(msz, 'provider_surcharge_requires_evidence', false);
    expect(expectOk(priceProposal(allowed, { provider: hospital, products, providerSurcharge: { share: '0.03', evidence: '' } })).price_index).toBe('1.0300');
  });

  it('gives a UMC a surcharge per care category: academic share × category maximum', () => {
    const proposal = expectOk(priceProposal(msz, { provider: umc, products, academicShare: '0.42' }));
    // maxima 0, 0.05, 0.10, 0.20 → 0, 0.021, 0.042, 0.084
    expect(proposal.lines.map((l) => l.surcharge_share)).toEqual(['0', '0.021', '0.042', '0.084']);
    expect(proposal.lines.map((l) => l.price_cents)).toEqual([135_000, 296_090, 4_376_400, 3_902_400]);
    // Σ price 8_709_890 / Σ standard 8_225_000 = 1.05895...
    expect(proposal.price_index).toBe('1.0590');
    expect(proposal.reasons[0]).toMatchObject({ rule: 'price.umc-surcharge', inputs: { academic_share: '0.42', max_topreferent: '0.2' } });
  });

  it('adds provider and UMC surcharges (price_surcharge_combination = additive), or compounds them', () => {
    const input = { provider: umc, products, academicShare: '0.5', providerSurcharge: { share: '0.10', evidence: 'Traumacentrum' } };
    const additive = expectOk(priceProposal(msz, input));
    expect(additive.lines[3]).toMatchObject({ surcharge_share: '0.2', price_cents: 4_320_000 });
    const compounded = expectOk(priceProposal(withParameter(msz, 'price_surcharge_combination', 'compounded'), input));
    expect(compounded.lines[3]).toMatchObject({ surcharge_share: '0.21', price_cents: 4_356_000 });
  });

  it('never gives a non-UMC a UMC surcharge, and says so', () => {
    const proposal = expectOk(priceProposal(msz, { provider: hospital, products, academicShare: '0.90' }));
    expect(proposal.lines.every((l) => l.price_cents === l.standard_price_cents)).toBe(true);
    expect(proposal.price_index).toBe('1.0000');
    expect(proposal.reasons[0]).toMatchObject({ rule: 'price.umc-surcharge.not-umc' });
  });

  it('needs the academic share for a UMC, and valid shares', () => {
    expect(priceProposal(msz, { provider: umc, products }).ok).toBe(false);
    expect(priceProposal(msz, { provider: umc, products, academicShare: '42%' }).ok).toBe(false);
    expect(priceProposal(msz, { provider: hospital, products, providerSurcharge: { share: '1.5', evidence: 'x' } }).ok).toBe(false);
    expect(priceProposal(msz, { provider: hospital, products: [] }).ok).toBe(false);
  });

  it('weights the index by volume when volumes are given', () => {
    const proposal = expectOk(priceProposal(msz, { provider: umc, products, academicShare: '0.42', volumes: { '030051101': 100 } }));
    expect(proposal.price_index).toBe('1.0000');
    expect(proposal.price_index_method).toBe('volume-weighted');
  });
});

describe('priceIndex', () => {
  const lines = [
    { product_code: 'a', standard_price_cents: 1000, price_cents: 1100 },
    { product_code: 'b', standard_price_cents: 3000, price_cents: 3000 },
  ];
  it('is Σ price × units / Σ standard × units', () => {
    // (1100×3 + 3000×1) / (1000×3 + 3000×1) = 6300 / 6000
    expect(expectOk(priceIndex(lines, { a: 3, b: 1 }))).toBe('1.0500');
    expect(expectOk(priceIndex(lines, null))).toBe('1.0250');
    expect(expectOk(priceIndex(lines, { a: 1 }, 2))).toBe('1.10');
  });
  it('fails without volume', () => {
    expect(priceIndex(lines, {}).ok).toBe(false);
    expect(priceIndex(lines, { a: -1 }).ok).toBe(false);
  });
});

describe('priceProposal properties', () => {
  const category = fc.constantFrom<CareCategory>('algemeen', 'complex', 'topklinisch', 'topreferent');
  const product = fc.record({ code: fc.stringMatching(/^[0-9]{9}$/), name: fc.constant('Product'), category, standardPriceCents: fc.integer({ min: 1, max: 50_000_000 }) });
  const share = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2));

  it('prices are standard × (1 + surcharge) rounded once; the index lies between the lowest and highest price ratio', () => {
    fc.assert(fc.property(fc.array(product, { minLength: 1, maxLength: 10 }), share, share, (ps, academic, extra) => {
      const proposal = expectOk(priceProposal(msz, { provider: umc, products: ps, academicShare: academic, providerSurcharge: { share: extra, evidence: 'onderbouwd' } }));
      const ratios = proposal.lines.map((l) => l.price_cents / l.standard_price_cents);
      for (const line of proposal.lines) {
        const exact = line.standard_price_cents * (1 + Number(line.surcharge_share));
        expect(Math.abs(line.price_cents - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * exact);
      }
      const index = Number(proposal.price_index);
      expect(index).toBeGreaterThanOrEqual(Math.min(...ratios) - 0.00005);
      expect(index).toBeLessThanOrEqual(Math.max(...ratios) + 0.00005);
    }));
  });

  it('a provider that is not a UMC never gets a UMC surcharge', () => {
    fc.assert(fc.property(fc.array(product, { minLength: 1, maxLength: 6 }), fc.constantFrom('ziekenhuis', 'zbc', 'categoraal'), share, (ps, type, academic) => {
      const proposal = expectOk(priceProposal(msz, { provider: { agb: '06010001', type }, products: ps, academicShare: academic }));
      expect(proposal.lines.every((l) => l.price_cents === l.standard_price_cents && l.surcharge_share === '0')).toBe(true);
    }));
  });
});
