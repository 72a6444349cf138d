/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszText from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import type { ExplainedLine } from '../explain.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import { priceProposal } from '../pricing/index.js';
import { volumeProposal } from '../volume/index.js';
import { financialProposal, repriceLines } from './financial-proposal.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszText), 'msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('msz-2018.yaml is geen MSZ-beleid');
  return policy;
}
const msz = loadMsz();

const provider = { agb: '06010001', type: 'ziekenhuis' };
const volume = expectOk(volumeProposal(msz, {
  provider, baseYear: 2017, demographyGrowth: '0.012', a1InputCents: 400_000,
  realisation: [
    { product_code: '030151101', specialism: '0301', category: 'algemeen', careKinds: [], bijlage4Item: null, units: 1500, amountCents: 20_000_000 },
    { product_code: '005140201', specialism: '0305', category: 'complex', careKinds: [], bijlage4Item: 6, units: 20, amountCents: 3_300_000 },
  ],
}));
const price = expectOk(priceProposal(msz, {
  provider, providerSurcharge: { share: '0.02', evidence: 'Complexe casemix' },
  products: [{ code: '030151101', name: 'Staaroperatie', category: 'algemeen', standardPriceCents: 135_000 }],
}));

describe('financialProposal', () => {
  it('a transitieafspraak gives a richtpunt for 2018-2020 (settlement.transition.richtpunt_years)', () => {
    // volume 23_300_000 - 400_000 - 3_300_000 + 0.012 × 20_000_000 = 19_840_000; × 1.0200 = 20_236_800
    expect(volume.total_cents).toBe(19_840_000);
    const proposal = expectOk(financialProposal(msz, { decision: { type: 'transitie', years: 3 }, volume, price, year: 2018 }));
    expect(proposal).toMatchObject({ amount_kind: 'richtpunt', amount_cents: 20_236_800, years: [2018, 2019, 2020], price_index: '1.0200' });
    expect(proposal.reasons[0]).toMatchObject({ rule: 'proposal.richtpunt', source: 'MSZ §2; MSZ §4' });
    expect(proposal.lines.map((l) => [l.id, l.amount_cents])).toEqual([
      ['base', 23_766_000], ['A1', -408_000], ['A2.6', -3_366_000], ['A3', 0], ['B1', 244_800], ['B2', 0], ['B3', 0], ['B4', 0], ['B5', 0],
    ]);
    expect(proposal.lines.reduce((s, l) => s + l.amount_cents, 0)).toBe(proposal.amount_cents);
    expect(proposal.lines[1]).toMatchObject({ rule: 'volume.A1', inputs: { volume_amount_cents: -400_000, price_index: '1.0200' } });
  });

  it('a plafondafspraak gives a ceiling for the years of its term', () => {
    const two = expectOk(financialProposal(msz, { decision: { type: 'plafond', years: 2 }, volume, price, year: 2018 }));
    expect(two).toMatchObject({ amount_kind: 'plafond', amount_cents: 20_236_800, years: [2018, 2019] });
    expect(two.reasons[0]).toMatchObject({ rule: 'proposal.plafond', source: 'MSZ §4' });
    expect(expectOk(financialProposal(msz, { decision: { type: 'plafond', years: 1 }, volume, price, year: 2018 })).years).toEqual([2018]);
  });

  it('no agreement gives no amount', () => {
    const none = expectOk(financialProposal(msz, { decision: { type: 'none', years: 0 }, volume, price, year: 2018 }));
    expect(none).toMatchObject({ amount_kind: 'none', amount_cents: 0, years: [], lines: [] });
  });

  it('refuses a transitie term outside the richtpunt years, mixed providers and inconsistent lines', () => {
    expect(financialProposal(msz, { decision: { type: 'transitie', years: 3 }, volume, price, year: 2019 }).ok).toBe(false);
    expect(financialProposal(msz, { decision: { type: 'transitie', years: 4 }, volume, price, year: 2018 }).ok).toBe(false);
    expect(financialProposal(msz, { decision: { type: 'plafond', years: 0 }, volume, price, year: 2018 }).ok).toBe(false);
    expect(financialProposal(msz, { decision: { type: 'plafond', years: 2 }, volume, price: { ...price, provider_agb: '06010002' }, year: 2018 }).ok).toBe(false);
    expect(financialProposal(msz, { decision: { type: 'plafond', years: 2 }, volume: { ...volume, total_cents: 1 }, price, year: 2018 }).ok).toBe(false);
  });

  it('repriced lines sum exactly to volume total × index, each within two cents of line × index', () => {
    const amounts = fc.array(fc.integer({ min: -1e11, max: 1e11 }), { minLength: 1, maxLength: 12 });
    const index = fc.integer({ min: 0, max: 30_000 }).map((n) => (n / 10_000).toFixed(4));
    fc.assert(fc.property(amounts, fc.integer({ min: 0, max: 1e11 }), index, (corrections, base, idx) => {
      const lines: ExplainedLine[] = [base, ...corrections].map((amount_cents, i) => ({ id: `l${i}`, label: 'regel', amount_cents, rule: 'volume.x', source: 'MSZ §4', inputs: {}, message: 'm' }));
      const total = lines.reduce((s, l) => s + l.amount_cents, 0);
      const proposal = expectOk(financialProposal(msz, { decision: { type: 'plafond', years: 1 }, volume: { provider_agb: 'a', lines, total_cents: total }, price: { provider_agb: 'a', price_index: idx }, year: 2018 }));
      expect(proposal.lines.reduce((s, l) => s + BigInt(l.amount_cents), 0n)).toBe(BigInt(proposal.amount_cents));
      expect(Math.abs(proposal.amount_cents - total * Number(idx))).toBeLessThanOrEqual(0.5 + Math.abs(total) * 1e-12);
      proposal.lines.forEach((l, i) => {
        const exact = (lines[i]?.amount_cents ?? 0) * Number(idx);
        expect(Math.abs(l.amount_cents - exact)).toBeLessThan(2 + Math.abs(exact) * 1e-12);
      });
    }));
  });

  it('repriceLines keeps signs and gives zero lines nothing', () => {
    expect(repriceLines([1000, -300, 0], 1020, 714)).toEqual([1020, -306, 0]);
    expect(repriceLines([0, 0], 0, 0)).toEqual([0, 0]);
  });
});
