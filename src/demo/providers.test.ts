import { describe, expect, it } from 'vitest';
import { isAgb, isKvk } from '../domain/identifiers/index.js';
import { findPlace } from '../storage/nl-places.js';
import { EDGE_REVENUE_PROVIDER_KEY, REVENUE_BOUNDARY_CENTS, demoProviders } from './providers.js';
import { DEMO_PURCHASING_REGIONS } from './regions.js';
import { DEMO_CERTIFICATES, DEMO_LICENCES, DEMO_PROGRAMMES } from './vocabulary.js';

const providers = demoProviders('zorginkoop');
const byKey = (key: string) => {
  const provider = providers.find((p) => p.key === key);
  if (!provider) throw new Error(`fixture: ${key}`);
  return provider;
};

describe('demoProviders', () => {
  it('is deterministic: the same seed gives byte-identical output, another seed differs', () => {
    expect(JSON.stringify(demoProviders('zorginkoop'))).toBe(JSON.stringify(providers));
    expect(demoProviders(7)).toEqual(demoProviders('7'));
    const other = demoProviders('other');
    expect(other).not.toEqual(providers);
    expect(other.map((p) => p.name)).toEqual(providers.map((p) => p.name));
  });

  it('has about 80 providers with exactly the 8 UMCs of 2018', () => {
    expect(providers.length).toBeGreaterThanOrEqual(75);
    expect(providers.length).toBeLessThanOrEqual(85);
    expect(providers.filter((p) => p.type === 'umc').map((p) => p.name)).toEqual([
      'AMC Amsterdam', 'VUmc Amsterdam', 'UMC Utrecht', 'UMCG Groningen', 'Erasmus MC Rotterdam',
      'Radboudumc Nijmegen', 'LUMC Leiden', 'Maastricht UMC+',
    ]);
    expect(providers.filter((p) => p.type === 'zbc').length).toBeGreaterThanOrEqual(20);
    expect(providers.filter((p) => p.type === 'categoraal').map((p) => p.key)).toEqual(['avl', 'hollandptc']);
  });

  it('gives unique 8-digit AGB codes, 06 for institutions and 22 for ZBCs, and unique KvK numbers', () => {
    expect(new Set(providers.map((p) => p.agb)).size).toBe(providers.length);
    expect(new Set(providers.map((p) => p.kvk)).size).toBe(providers.length);
    for (const p of providers) {
      expect(isAgb(p.agb)).toBe(true);
      expect(isKvk(p.kvk)).toBe(true);
      expect(p.agb.slice(0, 2)).toBe(p.type === 'zbc' ? '22' : '06');
    }
  });

  it('places every provider and location in a real Dutch city', () => {
    for (const p of providers) {
      const place = findPlace(p.city);
      expect(place, p.city).toBeDefined();
      expect([p.latitude, p.longitude]).toEqual([place?.latitude, place?.longitude]);
      expect(p.province).toBe(place?.province);
      expect(p.locations[0]?.city).toBe(p.city);
      for (const location of p.locations) expect(findPlace(location.city)?.latitude).toBe(location.latitude);
    }
    expect(providers.some((p) => p.locations.length >= 3)).toBe(true);
  });

  it('puts the hospitals the policy names in their real cities', () => {
    expect(byKey('antonius').city).toBe('Nieuwegein');
    expect(byKey('jbz').city).toBe("'s-Hertogenbosch");
    expect(byKey('bronovo').city).toBe('Den Haag');
    expect(byKey('hollandptc').city).toBe('Delft');
    expect(byKey('alexander-monro')).toMatchObject({ city: 'Bilthoven', type: 'zbc' });
  });

  it('has revenue on both sides of EUR 10M and one provider at exactly EUR 10M', () => {
    const edge = providers.filter((p) => p.zkRevenueCents === REVENUE_BOUNDARY_CENTS);
    expect(edge.map((p) => p.key)).toEqual([EDGE_REVENUE_PROVIDER_KEY]);
    expect(demoProviders('x').find((p) => p.key === EDGE_REVENUE_PROVIDER_KEY)?.zkRevenueCents).toBe(REVENUE_BOUNDARY_CENTS);
    expect(providers.filter((p) => p.zkRevenueCents < REVENUE_BOUNDARY_CENTS).length).toBeGreaterThan(10);
    expect(providers.filter((p) => p.zkRevenueCents > REVENUE_BOUNDARY_CENTS).length).toBeGreaterThan(10);
    expect(providers.filter((p) => p.type === 'ziekenhuis' && p.zkRevenueCents < REVENUE_BOUNDARY_CENTS).length).toBeGreaterThan(0);
    for (const p of providers) {
      expect(Number.isSafeInteger(p.zkRevenueCents)).toBe(true);
      if (p.type === 'umc') expect(p.zkRevenueCents).toBeGreaterThanOrEqual(100 * 100_000_000);
      if (p.type === 'zbc') expect(p.zkRevenueCents).toBeLessThanOrEqual(9 * 100_000_000);
    }
  });

  it('marks kernregio and insurer from the region, De Friesland in Friesland', () => {
    for (const p of providers) {
      const region = DEMO_PURCHASING_REGIONS.find((r) => r.name === p.region);
      expect(region, p.region).toBeDefined();
      expect(p.kernregio).toBe(region?.kernregio);
      expect(p.insurer).toBe(p.province === 'Friesland' ? 'de-friesland' : 'zk');
    }
    expect(providers.filter((p) => p.kernregio).length).toBeGreaterThan(15);
    expect(providers.filter((p) => !p.kernregio).length).toBeGreaterThan(15);
  });

  it('uses only the closed vocabularies and decimal-string market shares', () => {
    for (const p of providers) {
      expect(p.marketShare).toMatch(/^0\.\d\d$/);
      for (const l of p.licences) expect(DEMO_LICENCES).toContain(l);
      for (const c of p.certificates) expect(DEMO_CERTIFICATES).toContain(c);
      for (const g of p.programmes) expect(DEMO_PROGRAMMES).toContain(g);
      expect(p.vsvLevel === null).toBe(p.type === 'zbc');
    }
  });

  it('follows the policy: proton therapy at HollandPTC and Groningen, Bijlage 3 participants', () => {
    expect(providers.filter((p) => p.licences.includes('wbmv-protonentherapie')).map((p) => p.key).sort()).toEqual(['hollandptc', 'umcg']);
    expect(providers.filter((p) => p.programmes.includes('vt-2')).map((p) => p.key)).toEqual(['antonius']);
    expect(providers.filter((p) => p.programmes.includes('vt-11')).map((p) => p.key).sort()).toEqual(['ghz', 'mumc']);
    expect(providers.filter((p) => p.programmes.includes('vt-9')).length).toBe(31);
    expect(providers.some((p) => p.programmes.includes('vt-1'))).toBe(false);
  });

  it('selects a handful of providers for the budget policies and leaves some hospitals without RIVM agreement', () => {
    expect(providers.filter((p) => p.budgetPolicySelected).length).toBe(6);
    const hospitals = providers.filter((p) => p.type === 'ziekenhuis');
    expect(hospitals.filter((p) => !p.programmes.includes('rivm-darmkanker')).length).toBe(4);
  });
});

describe('demoDataset', () => {
  it('bundles providers, products and drugs of one seed', async () => {
    const { demoDataset } = await import('./index.js');
    const dataset = demoDataset('zorginkoop');
    expect(dataset.providers).toEqual(providers);
    expect(dataset.products.length).toBeGreaterThan(100);
    expect(dataset.drugs.length).toBeGreaterThan(25);
  });
});
