/**
 * Use case: the public price finder (*Prijszoeker*, MSZ §1): the prices of one treatment at the
 * contracted providers nearest to the customer. The hot path works on the cached published data
 * set (product → providers with price and coordinates) and the cached postcode index: no database
 * round trip once both are loaded; only the distances are computed per request.
 *
 * Which product `q` means: a care-product code exactly, else the products whose name contains `q`
 * (case- and accent-insensitive); of several, the shortest name (then the lowest code) wins and the
 * answer says which. Providers whose contract is not public yet are left out (not shown as
 * "not contracted"); providers without coordinates cannot be placed and are left out too.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { distanceKm, type LatLng } from '../../storage/nl-places.js';
import { postcodeIndex } from './postcode-index.js';
import { amsterdamDate, isPublic, type InsurerId, type PublicationCache, type PublicOffer, type PublicProduct, type PublishedYear } from './publication.js';
import { resolvePlace, type ResolvedPlace } from './resolve-place.js';
import { normaliseSearchText } from './search-text.js';

export interface ProductMatch {
  product: PublicProduct;
  matchedBy: 'code' | 'name';
  /** How many products matched `q`. */
  candidates: number;
}

export interface PriceHit {
  agb: string;
  name: string;
  city: string;
  type: 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';
  distance_km: number;
  price_cents: number;
  contracted: boolean;
  product_code: string;
  product_name: string;
  budget_policy: boolean;
  insurer: InsurerId;
  latitude: number;
  longitude: number;
}

export interface PriceSearch {
  year: number;
  published: boolean;
  match: ProductMatch;
  near: ResolvedPlace;
  /** The chosen product's providers, nearest first (render with `toPriceHit` or `priceHitsJson`). */
  offers: RankedOffer[];
}

export function findProduct(published: Pick<PublishedYear, 'products' | 'productsByCode'>, q: string): Result<ProductMatch> {
  const input = q.trim();
  const byCode = published.productsByCode.get(input.replace(/\s+/g, ''));
  if (byCode) return ok({ product: byCode, matchedBy: 'code', candidates: 1 });
  const wanted = normaliseSearchText(input);
  if (wanted === '') return fail('invalid_input', 'Geef een behandeling op: een naam of een zorgproductcode.', [{ field: 'q', message: 'Leeg.' }]);
  let best: PublicProduct | undefined;
  let candidates = 0;
  for (const product of published.products) {
    if (!product.searchName.includes(wanted)) continue;
    candidates += 1;
    if (!best || product.searchName.length < best.searchName.length || (product.searchName.length === best.searchName.length && product.code < best.code)) best = product;
  }
  if (!best) return fail('not_found', `Geen behandeling gevonden voor '${input.slice(0, 100)}'. Zoek op een deel van de naam of op de zorgproductcode.`, [{ field: 'q', message: 'Geen behandeling gevonden.' }]);
  return ok({ product: best, matchedBy: 'name', candidates });
}

export interface RankedOffer {
  offer: PublicOffer;
  distanceKm: number;
}

/** The product's contracted providers by distance from `origin` (then price, then AGB), at most `limit`. */
export function nearestOffers(product: PublicProduct, origin: LatLng, limit: number): RankedOffer[] {
  const ranked: RankedOffer[] = [];
  for (const offer of product.offers) {
    const p = offer.provider;
    if (p.latitude === null || p.longitude === null) continue;
    ranked.push({ offer, distanceKm: distanceKm(origin, { latitude: p.latitude, longitude: p.longitude }) });
  }
  ranked.sort((a, b) => a.distanceKm - b.distanceKm || a.offer.priceCents - b.offer.priceCents || (a.offer.provider.agb < b.offer.provider.agb ? -1 : a.offer.provider.agb > b.offer.provider.agb ? 1 : 0));
  return ranked.length > limit ? ranked.slice(0, limit) : ranked;
}

/** One answer line of the price finder. */
export function toPriceHit(product: PublicProduct, ranked: RankedOffer): PriceHit {
  const p = ranked.offer.provider;
  return {
    agb: p.agb, name: p.name, city: p.city, type: p.type,
    distance_km: ranked.distanceKm,
    price_cents: ranked.offer.priceCents, contracted: true,
    product_code: product.code, product_name: product.name,
    budget_policy: p.budget_policy, insurer: p.insurer,
    // nearestOffers leaves out providers without coordinates.
    latitude: p.latitude ?? 0, longitude: p.longitude ?? 0,
  };
}

/** The JSON of an offer's line around its distance, made once per offer (the hot path only joins strings). */
const fragments = new WeakMap<PublicOffer, readonly [string, string]>();

/**
 * The answer as JSON text, the same as `JSON.stringify(ranked.map(toPriceHit))` (a unit test holds
 * them equal) but built from per-offer fragments: the hot path neither builds objects nor serialises them.
 */
export function priceHitsJson(product: PublicProduct, ranked: readonly RankedOffer[]): string {
  let json = '[';
  for (let i = 0; i < ranked.length; i += 1) {
    const r = ranked[i]!;
    let parts = fragments.get(r.offer);
    if (!parts) {
      const { distance_km: _distance, ...rest } = toPriceHit(product, { offer: r.offer, distanceKm: 0 });
      const { agb, name, city, type, ...tail } = rest;
      parts = [`${JSON.stringify({ agb, name, city, type }).slice(0, -1)},"distance_km":`, `,${JSON.stringify(tail).slice(1)}`];
      fragments.set(r.offer, parts);
    }
    json += (i === 0 ? '' : ',') + parts[0] + JSON.stringify(r.distanceKm) + parts[1];
  }
  return json + ']';
}

export interface PriceFinderDeps {
  db: Database;
  publications: PublicationCache;
  now: () => Date;
}

export async function searchPrices(deps: PriceFinderDeps, query: { q: string; near: string; year: number; limit: number }): Promise<Result<PriceSearch>> {
  const [published, index] = await Promise.all([deps.publications.get(query.year), postcodeIndex(deps.db)]);
  if (!published.ok) return published;
  if (!index.ok) return index;
  const product = findProduct(published.value, query.q);
  if (!product.ok) return product;
  const near = resolvePlace(query.near, index.value);
  if (!near.ok) return near;
  const visible = isPublic(published.value, amsterdamDate(deps.now()));
  return ok({
    year: query.year,
    published: visible,
    match: product.value,
    near: near.value,
    offers: visible ? nearestOffers(product.value.product, near.value, query.limit) : [],
  });
}
