import { describe, expect, it } from 'vitest';
import { isBsn } from '../domain/identifiers/index.js';
import { demoAddOnDrugs } from './addon-drugs.js';
import { demoCareProducts } from './care-products.js';
import { BsnSequence, daysOfYear } from './claim-support.js';
import { DEMO_UZOVI, generateClaims, generateClaimsWithTruth, type ClaimWithTruth, type DemoClaim, type GenerateClaimsOptions } from './claims.js';
import { createPrng } from './prng.js';
import { demoProviders } from './providers.js';
import { providerMaySupply } from './vocabulary.js';

const providers = demoProviders('zorginkoop');
const products = demoCareProducts('zorginkoop');
const drugs = demoAddOnDrugs('zorginkoop');
const base: GenerateClaimsOptions = { seed: 'zorginkoop', count: 0, year: 2018, providers, products, drugs };
const take = (opts: Partial<GenerateClaimsOptions>) => [...generateClaimsWithTruth({ ...base, ...opts })];

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const productByCode = new Map(products.map((p) => [p.code, p]));
const providerByAgb = new Map(providers.map((p) => [p.agb, p]));
const drugByZi = new Map(drugs.map((d) => [d.ziNumber, d]));
/** A line without its id: what "exact duplicate" compares. */
const content = ({ claimId: _id, ...rest }: DemoClaim) => JSON.stringify(rest);
const episodeKey = (c: DemoClaim) => `${c.bsn}|${c.agb}|${c.specialism}|${c.diagnosis}`;

describe('generateClaims', () => {
  const lines = take({ count: 100_000 });
  const claims = lines.map((l) => l.claim);

  it('is deterministic: same seed byte-identical, another seed or year different', () => {
    // Output depends on count too (the shuffle window drains at the end), so compare equal counts.
    const again = take({ count: 100_000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(lines));
    const small = take({ count: 300 });
    expect(take({ count: 300, seed: 'other' })).not.toEqual(small);
    expect(take({ count: 300, year: 2019 }).map((l) => l.claim.bsn)).not.toEqual(small.map((l) => l.claim.bsn));
    expect([...generateClaims({ ...base, count: 300 })]).toEqual(small.map((l) => l.claim));
  });

  it('yields exactly count lines with unique ids', () => {
    expect(claims.length).toBe(100_000);
    expect(new Set(claims.map((c) => c.claimId)).size).toBe(100_000);
    expect(take({ count: 0 })).toEqual([]);
    expect(take({ count: 1 })).toHaveLength(1);
  });

  it('gives every claim an elfproef-valid BSN, a known provider, product and UZOVI', () => {
    const uzovis = new Set<string>(Object.values(DEMO_UZOVI));
    const bad = claims.filter(
      (c) =>
        !isBsn(c.bsn) ||
        !providerByAgb.has(c.agb) ||
        productByCode.get(c.productCode)?.specialism !== c.specialism ||
        !uzovis.has(c.uzovi) ||
        (c.careType !== '11' && c.careType !== '21'),
    );
    expect(bad).toEqual([]);
    expect(new Set(claims.map((c) => c.uzovi))).toEqual(uzovis);
  });

  it('keeps dates valid and within the year, end on or after start', () => {
    const days = new Set(daysOfYear(2018));
    expect(days.size).toBe(365);
    expect(claims.filter((c) => !days.has(c.startDate) || !days.has(c.endDate) || c.endDate < c.startDate)).toEqual([]);
  });

  it('draws from a patient pool of about count/3, patients returning to the same provider', () => {
    const patients = new Set(claims.map((c) => c.bsn));
    expect(patients.size).toBeGreaterThan(100_000 / 4);
    expect(patients.size).toBeLessThan(100_000 / 2.5);
    const perPatientProvider = new Map<string, number>();
    for (const c of claims) perPatientProvider.set(`${c.bsn}|${c.agb}`, (perPatientProvider.get(`${c.bsn}|${c.agb}`) ?? 0) + 1);
    expect([...perPatientProvider.values()].filter((n) => n >= 3).length).toBeGreaterThan(5000);
  });

  it('prices lines around the standard price, add-on lines at units x tariff, and has credits', () => {
    let addOns = 0;
    let credits = 0;
    const bad: ClaimWithTruth[] = [];
    for (const line of lines) {
      const { claim: c, injected } = line;
      let good = Number.isSafeInteger(c.amountCents);
      if (c.ziNumber !== undefined) {
        addOns++;
        const tariff = (c.units ?? 0) * (drugByZi.get(c.ziNumber)?.referenceTariffCents ?? NaN);
        good &&= injected === 'addon-above-tariff' ? c.amountCents > tariff : c.amountCents === tariff;
      } else if (c.amountCents < 0) {
        credits++;
      } else {
        // A credit's correction may sit up to 10% below the original.
        const standard = productByCode.get(c.productCode)?.standardPriceCents ?? NaN;
        good &&= c.amountCents >= Math.floor(standard * 0.8 * 0.9) - 1 && c.amountCents <= Math.ceil(standard * 1.2) + 1;
      }
      if (!good) bad.push(line);
    }
    expect(bad).toEqual([]);
    expect(addOns / lines.length).toBeGreaterThan(0.02);
    expect(addOns / lines.length).toBeLessThan(0.04);
    expect(credits).toBeGreaterThan(0);
  });

  it('opens follow-ups within 120 days after the previous subtraject, and is clean apart from what it injected', () => {
    const groups = new Map<string, ClaimWithTruth[]>();
    for (const line of lines) {
      if (line.claim.ziNumber !== undefined || line.claim.amountCents < 0) continue;
      const key = episodeKey(line.claim);
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    let followUps = 0;
    const badChains: DemoClaim[][] = [];
    for (const group of groups.values()) {
      // Natural subtrajecten, one per content (a credit's correction repeats its original).
      const natural = new Map<string, DemoClaim>();
      for (const { claim, injected } of group) {
        if (injected === undefined) natural.set(`${claim.careType}|${claim.productCode}|${claim.startDate}|${claim.endDate}`, claim);
      }
      const chain = [...natural.values()].sort((a, b) => day(a.startDate) - day(b.startDate));
      const initials = chain.filter((c) => c.careType === '11').length;
      if (initials > 1 || (chain.length > 1 && chain[0]?.careType !== '11')) badChains.push(chain);
      for (let i = 1; i < chain.length; i++) {
        const gap = day((chain[i] as DemoClaim).startDate) - day((chain[i - 1] as DemoClaim).endDate);
        if (gap < 1 || gap > 120) badChains.push(chain);
        followUps++;
      }
    }
    expect(badChains).toEqual([]);
    expect(followUps).toBeGreaterThan(1000);
  });

  it('injects each kind of anomaly a little, and each injection is what it says', () => {
    const counts = new Map<string, number>();
    const natural = lines.filter((l) => l.injected === undefined && l.claim.ziNumber === undefined && l.claim.amountCents > 0);
    const naturalContent = new Set(natural.map((l) => content(l.claim)));
    const naturalByEpisode = new Map<string, DemoClaim[]>();
    for (const { claim } of natural) naturalByEpisode.set(episodeKey(claim), [...(naturalByEpisode.get(episodeKey(claim)) ?? []), claim]);

    for (const { claim, injected } of lines) {
      if (injected === undefined) continue;
      counts.set(injected, (counts.get(injected) ?? 0) + 1);
      const product = productByCode.get(claim.productCode);
      const provider = providerByAgb.get(claim.agb);
      if (!product || !provider) throw new Error('unknown product or provider');
      const siblings = naturalByEpisode.get(episodeKey(claim)) ?? [];
      switch (injected) {
        case 'duplicate':
          expect(naturalContent.has(content(claim))).toBe(true);
          break;
        case 'parallel':
          expect(claim.careType).toBe('11');
          expect(siblings.some((s) => s.careType === '11' && s.startDate < claim.startDate && claim.startDate <= s.endDate)).toBe(true);
          break;
        case 'serial': {
          expect(claim.careType).toBe('11');
          const gaps = siblings.map((s) => day(claim.startDate) - day(s.endDate));
          expect(gaps.some((g) => g >= 1 && g <= 120)).toBe(true);
          break;
        }
        case 'bijlage4':
          expect(product.bijlage4Item).not.toBeNull();
          break;
        case 'selective':
          expect(providerMaySupply(provider, product)).toBe(false);
          break;
        case 'addon-above-tariff':
          expect(claim.ziNumber).toBeDefined();
          break;
      }
    }
    for (const kind of ['duplicate', 'serial', 'parallel', 'bijlage4', 'selective', 'addon-above-tariff']) {
      expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    const injectedTotal = [...counts.values()].reduce((s, n) => s + n, 0);
    expect(injectedTotal / lines.length).toBeLessThan(0.02);
  });

  it('claims Bijlage 4 and not-purchased selective products only as injected anomalies', () => {
    const bad = lines.filter(({ claim, injected }) => {
      if (injected !== undefined) return false;
      const product = productByCode.get(claim.productCode);
      const provider = providerByAgb.get(claim.agb);
      return !product || !provider || product.bijlage4Item !== null || !providerMaySupply(provider, product);
    });
    expect(bad).toEqual([]);
  });

  it('injects nothing with anomalyRate 0', () => {
    expect(take({ count: 20_000, anomalyRate: 0 }).filter((l) => l.injected !== undefined)).toEqual([]);
  });

  it('streams with bounded memory: 200,000 claims in a loop without keeping them', () => {
    let count = 0;
    let last = '';
    for (const claim of generateClaims({ ...base, seed: 'stream', count: 200_000 })) {
      count++;
      last = claim.claimId;
    }
    expect(count).toBe(200_000);
    expect(last).toMatch(/^C\d{10}$/);
  });

  it('rejects impossible options', () => {
    expect(() => take({ count: -1 })).toThrow(RangeError);
    expect(() => take({ count: 1, year: 10 })).toThrow(RangeError);
    expect(() => take({ count: 1, providers: [] })).toThrow(RangeError);
  });
});

describe('BsnSequence', () => {
  it('gives distinct elfproef-valid BSNs without a leading zero', () => {
    const sequence = new BsnSequence(createPrng('bsn'));
    const seen = new Set<string>();
    const bad: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const bsn = sequence.bsn(i);
      if (!isBsn(bsn) || bsn.startsWith('0')) bad.push(bsn);
      seen.add(bsn);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(50_000);
    expect(() => sequence.bsn(-1)).toThrow(RangeError);
  });
});
