import { describe, expect, it } from 'vitest';
import { findProduct, nearestOffers, priceHitsJson, toPriceHit } from './price-finder.js';
import type { PublicProduct, PublicProvider } from './publication.js';
import { normaliseSearchText } from './search-text.js';

const provider = (agb: string, city: string, latitude: number | null, longitude: number | null): PublicProvider => ({
  agb, name: `Ziekenhuis ${city}`, city, type: 'ziekenhuis', insurer: 'zk', budget_policy: false, latitude, longitude,
});
const utrecht = provider('06000001', 'Utrecht', 52.09083, 5.12222);
const nieuwegein = provider('06000002', 'Nieuwegein', 52.02917, 5.08056);
const amsterdam = provider('06000003', 'Amsterdam', 52.37403, 4.88969);
const unplaced = provider('06000004', 'Nergens', null, null);
const utrechtTwin = provider('06000000', 'Utrecht', 52.09083, 5.12222);

const product = (code: string, name: string, offers: PublicProduct['offers'] = []): PublicProduct => ({ code, name, searchName: normaliseSearchText(name), offers });
const products = [
  product('001051101', 'Staaroperatie (cataract), dagbehandeling'),
  product('001051102', 'Controle na staaroperatie, poliklinisch'),
  product('002014101', 'Adenoïdectomie bij otitis media'),
];
const catalogue = { products, productsByCode: new Map(products.map((p) => [p.code, p])) };

describe('findProduct', () => {
  it('takes an exact code first', () => {
    expect(findProduct(catalogue, ' 001051102 ')).toMatchObject({ ok: true, value: { product: { code: '001051102' }, matchedBy: 'code' } });
  });

  it('matches a part of the name case- and accent-insensitively; of several the shortest name', () => {
    expect(findProduct(catalogue, 'STAAROPERATIE')).toMatchObject({ ok: true, value: { product: { code: '001051101' }, matchedBy: 'name', candidates: 2 } });
    expect(findProduct(catalogue, 'adenoidectomie')).toMatchObject({ ok: true, value: { product: { code: '002014101' } } });
    expect(findProduct(catalogue, 'Adenoïdectomie bij')).toMatchObject({ ok: true, value: { candidates: 1 } });
  });

  it('answers in Dutch when nothing matches or nothing is asked', () => {
    expect(findProduct(catalogue, 'knieprothese')).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^Geen behandeling gevonden voor 'knieprothese'/) } });
    expect(findProduct(catalogue, '!!')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('nearestOffers', () => {
  const cataract = product('001051101', 'Staaroperatie', [
    { provider: amsterdam, priceCents: 90_000 },
    { provider: unplaced, priceCents: 1 },
    { provider: nieuwegein, priceCents: 120_000 },
    { provider: utrecht, priceCents: 125_000 },
    { provider: utrechtTwin, priceCents: 125_000 },
  ]);

  it('sorts by distance (0.1 km), then price, then AGB, and leaves out providers without coordinates', () => {
    const hits = nearestOffers(cataract, { latitude: 52.0908, longitude: 5.1222 }, 10).map((r) => toPriceHit(cataract, r));
    expect(hits.map((h) => [h.agb, h.distance_km])).toEqual([
      ['06000000', 0],
      ['06000001', 0],
      ['06000002', 7.4],
      ['06000003', 35.3],
    ]);
    for (const hit of hits) {
      expect(Number.isInteger(hit.price_cents)).toBe(true);
      expect(Math.round(hit.distance_km * 10) / 10).toBe(hit.distance_km);
      expect(hit).toMatchObject({ contracted: true, product_code: '001051101', insurer: 'zk', budget_policy: false });
    }
  });

  it('returns at most `limit` providers', () => {
    expect(nearestOffers(cataract, { latitude: 52.37, longitude: 4.89 }, 1).map((r) => r.offer.provider.agb)).toEqual(['06000003']);
  });

  it('writes the same JSON from prepared fragments as JSON.stringify of the answer lines', () => {
    const tricky = product('002014101', 'Adenoïdectomie "bij" otitis \\ media', [{ provider: { ...nieuwegein, name: 'Sint "Antonius" – Ziekenhuis' }, priceCents: 99_999 }, { provider: amsterdam, priceCents: 1 }]);
    for (const item of [cataract, tricky]) {
      const ranked = nearestOffers(item, { latitude: 52.0908, longitude: 5.1222 }, 10);
      expect(priceHitsJson(item, ranked)).toBe(JSON.stringify(ranked.map((r) => toPriceHit(item, r))));
      expect(priceHitsJson(item, ranked)).toBe(JSON.stringify(ranked.map((r) => toPriceHit(item, r)))); // again, from the memo
    }
    expect(priceHitsJson(cataract, [])).toBe('[]');
  });
});
