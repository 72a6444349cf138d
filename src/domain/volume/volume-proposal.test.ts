/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszText from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import { volumeProposal, type RealisationRow, type VolumeProposal, type VolumeProposalInput } from './index.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszText), 'msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('msz-2018.yaml is geen MSZ-beleid');
  return policy;
}
const msz = loadMsz();

const row = (product_code: string, amountCents: number, units: number, extra: Partial<RealisationRow> = {}): RealisationRow => ({
  product_code, specialism: '0303', category: 'algemeen', careKinds: [], bijlage4Item: null, units, amountCents, ...extra,
});

/** A general hospital's 2017 realisation (euro amounts in cents). */
const realisation: RealisationRow[] = [
  row('030151101', 20_000_000, 1500, { specialism: '0301' }), // cataract
  row('005140201', 3_300_000, 20, { specialism: '0305', category: 'complex', bijlage4Item: 6 }), // artrodese lage rugklachten
  row('031361201', 5_000_000, 800, { specialism: '0313', category: 'complex', careKinds: ['oncologie'] }),
  row('031332401', 25_300_000, 920, { specialism: '0313', category: 'complex', careKinds: ['hemodialyse-centrum'] }),
  row('031332402', 1_720_000, 80, { specialism: '0313', category: 'complex', careKinds: ['hemodialyse-thuis'] }),
  row('030721010', 6_000_000, 2000, { specialism: '0307', careKinds: ['obstetrie'] }),
  row('031380101', 4_000_000, 1250, { specialism: '0313', careKinds: ['elv-substitueerbaar'] }),
  row('032020201', 2_680_000, 1100, { specialism: '0320' }), // coronary angiography
];
const base = 68_000_000;
const hospital = { agb: '06010001', type: 'ziekenhuis' };
const input: VolumeProposalInput = { provider: hospital, baseYear: 2017, realisation };

const amount = (p: VolumeProposal, id: string) => p.lines.find((l) => l.id === id)?.amount_cents;
const sum = (p: VolumeProposal) => p.lines.reduce((s, l) => s + l.amount_cents, 0);

describe('volumeProposal (MSZ §4)', () => {
  it('starts from the base and shows every correction, summing exactly to the total', () => {
    const p = expectOk(volumeProposal(msz, input));
    expect(p.base_cents).toBe(base);
    expect(p.lines.map((l) => l.id)).toEqual(['base', 'A1', 'A2.6', 'A3', 'B1', 'B2', 'B3', 'B4', 'B5']);
    expect(p.lines.map((l) => l.rule)).toEqual(['volume.base', 'volume.A1', 'volume.A2', 'volume.A3', 'volume.B1', 'volume.B2', 'volume.B3', 'volume.B4', 'volume.B5']);
    expect(sum(p)).toBe(p.total_cents);
    expect(p.total_cents).toBe(base - 3_300_000);
    expect(p.reasons[0]).toMatchObject({ rule: 'volume.proposal', source: 'MSZ §4' });
  });

  it('A1: says there are no findings yet, else takes the stored input, else the claim-check findings', () => {
    const none = expectOk(volumeProposal(msz, input)).lines[1];
    expect(none).toMatchObject({ id: 'A1', amount_cents: 0, source: 'MSZ §4A', inputs: { source_kind: 'none' } });
    expect(none?.message).toContain('Nog geen bevindingen');
    expect(amount(expectOk(volumeProposal(msz, { ...input, a1InputCents: 250_000 })), 'A1')).toBe(-250_000);
    const found = expectOk(volumeProposal(msz, { ...input, a1InputCents: 250_000, findingsCents: { duplicate: 12_000, serial: 30_000, parallel: 8_000 } }));
    expect(found.lines[1]).toMatchObject({ amount_cents: -50_000, inputs: { source_kind: 'findings', duplicate_cents: 12_000, stored_input_cents: 250_000 } });
  });

  it('A2: removes the Bijlage 4 item 6 artrodese product, citing the item', () => {
    const line = expectOk(volumeProposal(msz, input)).lines.find((l) => l.id === 'A2.6');
    expect(line).toMatchObject({ amount_cents: -3_300_000, rule: 'volume.A2', source: 'MSZ §4A; MSZ Bijlage 4 item 6', inputs: { bijlage4_item: 6, product_codes: '005140201' } });
    expect(line?.message).toContain('Artrodese');
    expect(volumeProposal(msz, { ...input, realisation: [row('x', 100, 1, { bijlage4Item: 19 })] }).ok).toBe(false);
  });

  it('A3: corrects a cardiology provider above the 75th percentile of 8 peers', () => {
    const p = expectOk(volumeProposal(msz, {
      ...input,
      practiceVariation: [
        { indicator: 'Ondoelmatige inzet van coronaire angiografie', specialism: '0320', providerRatePer1000: '14', peerRatesPer1000: ['6', '7', '8', '9', '10', '11', '12', '13'], affectedAmountCents: 2_680_000 },
        { indicator: 'Meerjarige follow-up zorg zonder interventies', specialism: '0320', providerRatePer1000: '30', peerRatesPer1000: ['28', '35', '40'], affectedAmountCents: 900_000 },
      ],
    }));
    // (14 - 11.25) / 14 × 2_680_000 = 526_428.57 → 526_429; the second sits below its norm (37.5)
    expect(amount(p, 'A3.1')).toBe(-526_429);
    expect(amount(p, 'A3.2')).toBe(0);
    expect(sum(p)).toBe(p.total_cents);
  });

  it('B1 and B2: demography over non-oncology care still purchased, KWF incidence over oncology', () => {
    const p = expectOk(volumeProposal(msz, { ...input, demographyGrowth: '0.012', kwfIncidenceGrowth: '0.03' }));
    // non-oncology without the Bijlage 4 product: 68_000_000 - 3_300_000 - 5_000_000 = 59_700_000
    expect(p.lines.find((l) => l.id === 'B1')).toMatchObject({ amount_cents: 716_400, inputs: { base_excluding_oncology_cents: 59_700_000, demography_source: 'cbs-population-forecast' } });
    expect(amount(p, 'B2')).toBe(150_000);
    expect(amount(expectOk(volumeProposal(msz, { ...input, demographyGrowth: '-0.005' })), 'B1')).toBe(-298_500);
    expect(volumeProposal(msz, { ...input, demographyGrowth: '-1' }).ok).toBe(false);
  });

  it('B3: 8% home haemodialysis (below the 10% minimum) asks for an explanation without changing the amount', () => {
    const p = expectOk(volumeProposal(msz, input));
    expect(p.lines.find((l) => l.id === 'B3')).toMatchObject({ amount_cents: 0, inputs: { home_share: '0.08', minimum_share: '0.1', basis: 'base-year-units' } });
    expect(p.flags).toHaveLength(1);
    expect(p.flags[0]).toMatchObject({ id: 'explanation-required', reason: { rule: 'volume.B3', source: 'MSZ §4B' } });
    expect(p.flags[0]?.message).toContain('8%');
    const expected8 = expectOk(volumeProposal(msz, { ...input, homeDialysisExpectedShare: '0.08' }));
    expect(expected8.flags.map((f) => f.id)).toEqual(['explanation-required']);
    expect(expectOk(volumeProposal(msz, { ...input, homeDialysisExpectedShare: '0.10' })).flags).toEqual([]);
    const noDialysis = expectOk(volumeProposal(msz, { ...input, realisation: realisation.slice(0, 3) }));
    expect(noDialysis.flags).toEqual([]);
    expect(noDialysis.lines.find((l) => l.id === 'B3')?.inputs.basis).toBe('not-applicable');
  });

  it('B4: integrated birth care removes the obstetrics volume, which then does not grow', () => {
    const p = expectOk(volumeProposal(msz, { ...input, integratedBirthCare: true, demographyGrowth: '0.01' }));
    expect(amount(p, 'B4')).toBe(-6_000_000);
    expect(amount(p, 'B1')).toBe(537_000); // 0.01 × (59_700_000 - 6_000_000)
    expect(amount(expectOk(volumeProposal(msz, input)), 'B4')).toBe(0);
  });

  it('B5: moves the ELV share of substitutable volume, including growth, to ELV providers', () => {
    const p = expectOk(volumeProposal(msz, { ...input, elvSubstitutionShare: '0.25', demographyGrowth: '0.012' }));
    expect(amount(p, 'B5')).toBe(-1_012_000); // 0.25 × 4_000_000 × 1.012
    expect(sum(p)).toBe(p.total_cents);
  });

  it('caps a correction that would make the volume negative, and flags it', () => {
    const p = expectOk(volumeProposal(msz, { ...input, a1InputCents: 100_000_000 }));
    expect(amount(p, 'A1')).toBe(-base);
    expect(amount(p, 'A2.6')).toBe(0);
    expect(p.total_cents).toBe(0);
    expect(p.flags.filter((f) => f.id === 'correction-capped').map((f) => f.reason.rule)).toEqual(['volume.A1', 'volume.A2']);
    expect(p.lines[1]?.inputs.capped_from_cents).toBe(-100_000_000);
  });

  it('flags a base year other than the policy base year (volume_base_year)', () => {
    expect(expectOk(volumeProposal(msz, { ...input, baseYear: 2016 })).flags.map((f) => f.id)).toContain('base-year-differs');
  });

  it('rejects bad input with the field', () => {
    const result = volumeProposal(msz, { ...input, realisation: [row('x', 1.5, 1)] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('realisation[0].amountCents');
    expect(volumeProposal(msz, { ...input, elvSubstitutionShare: '1.2' }).ok).toBe(false);
    expect(volumeProposal(msz, { ...input, findingsCents: { duplicate: -1 } }).ok).toBe(false);
  });
});

describe('volumeProposal properties', () => {
  const kinds = fc.subarray(['oncologie', 'obstetrie', 'elv-substitueerbaar', 'hemodialyse-centrum', 'hemodialyse-thuis']);
  const rowArb = fc.record({
    product_code: fc.stringMatching(/^[0-9]{9}$/), specialism: fc.constant('0313'), category: fc.constant('algemeen'), careKinds: kinds,
    bijlage4Item: fc.option(fc.integer({ min: 1, max: 18 })), units: fc.integer({ min: 0, max: 10_000 }), amountCents: fc.integer({ min: 0, max: 1e11 }),
  });
  const rate = (min: number, max: number) => fc.integer({ min, max }).map((n) => (n / 1000).toFixed(3));
  const indicator = fc.record({
    indicator: fc.constant('Regionale behandelvariatie cardiologische interventies'), specialism: fc.constant('0320'),
    providerRatePer1000: rate(0, 50_000), peerRatesPer1000: fc.array(rate(0, 50_000), { minLength: 1, maxLength: 10 }), affectedAmountCents: fc.integer({ min: 0, max: 1e11 }),
  });
  const inputArb = fc.record({
    provider: fc.constant(hospital), baseYear: fc.constant(2017), realisation: fc.array(rowArb, { maxLength: 12 }),
    findingsCents: fc.option(fc.record({ duplicate: fc.integer({ min: 0, max: 1e10 }), serial: fc.integer({ min: 0, max: 1e10 }) }), { nil: null }),
    a1InputCents: fc.option(fc.integer({ min: 0, max: 1e11 }), { nil: null }), practiceVariation: fc.array(indicator, { maxLength: 3 }),
    demographyGrowth: rate(-500, 500), kwfIncidenceGrowth: rate(-999, 2000), homeDialysisExpectedShare: fc.option(rate(0, 1000), { nil: null }),
    integratedBirthCare: fc.boolean(), elvSubstitutionShare: fc.option(rate(0, 1000), { nil: null }),
  });

  it('lines sum exactly to the total, the total is never negative, every line is explained', () => {
    fc.assert(fc.property(inputArb, (generated) => {
      const p = expectOk(volumeProposal(msz, generated));
      expect(p.lines.reduce((s, l) => s + BigInt(l.amount_cents), 0n)).toBe(BigInt(p.total_cents));
      expect(p.total_cents).toBeGreaterThanOrEqual(0);
      expect(p.lines[0]?.amount_cents).toBe(p.base_cents);
      for (const l of p.lines) {
        expect(Number.isSafeInteger(l.amount_cents) && !Object.is(l.amount_cents, -0)).toBe(true);
        expect(l.rule).toMatch(/^volume\.(base|A[1-3]|B[1-5])$/);
        expect(l.source.startsWith('MSZ §4')).toBe(true);
      }
    }));
  });
});
