/**
 * Where the customer is (`near`): a 4-digit postcode area (from the imported GeoNames postcode
 * areas; "1012 AB" counts as 1012) or a place name: first the GeoNames place list (`findPlace`,
 * case-, accent- and punctuation-insensitive, with aliases such as "Den Bosch"), then the place
 * names of the postcode areas (their centre: the mean of the areas' coordinates, in the province
 * with most areas of that name). Without imported postcode areas a postcode cannot be resolved:
 * the answer says so and no other source is guessed.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { findPlace, normalisePlaceName, type NlPlace } from '../../storage/nl-places.js';
import type { IndexedArea, PostcodeIndex } from './postcode-index.js';

export interface ResolvedPlace {
  kind: 'postcode' | 'place';
  /** What the answer is measured from, e.g. "1012 Amsterdam" or "Utrecht". */
  label: string;
  postcode: string | null;
  place: string;
  province: string | null;
  latitude: number;
  longitude: number;
  source: 'geonames-postcodes' | 'geonames-places';
}

const POSTCODE = /^([1-9]\d{3})(?:\s*[a-z]{2})?$/i;

export function resolvePlace(near: string, index: PostcodeIndex, places: (name: string) => NlPlace | undefined = findPlace): Result<ResolvedPlace> {
  const input = near.trim();
  const field = [{ field: 'near', message: 'Onbekende plaats of postcode.' }];
  if (input === '') return fail('invalid_input', 'Geef een plaatsnaam of een postcode van 4 cijfers op.', [{ field: 'near', message: 'Leeg.' }]);
  const postcode = POSTCODE.exec(input)?.[1];
  if (postcode !== undefined) {
    if (index.size === 0) {
      return fail('not_found', 'Zoeken op postcode kan nog niet: er zijn geen postcodegebieden geladen (beheer: zorginkoop geo import). Zoek op plaatsnaam.', [
        { field: 'near', code: 'postcode_areas_empty', message: 'Geen postcodegebieden geladen.' },
      ]);
    }
    const area = index.byPostcode.get(postcode);
    if (!area) return fail('not_found', `Postcodegebied ${postcode} is onbekend.`, field);
    return ok({ kind: 'postcode', label: `${area.postcode} ${area.place}`, postcode: area.postcode, place: area.place, province: area.province, latitude: area.latitude, longitude: area.longitude, source: 'geonames-postcodes' });
  }
  if (/^\d+$/.test(input)) return fail('invalid_input', 'Een postcode heeft 4 cijfers, zoals 3511.', [{ field: 'near', message: 'Geen postcode van 4 cijfers.' }]);

  const place = places(input);
  if (place) return ok({ kind: 'place', label: place.name, postcode: null, place: place.name, province: place.province, latitude: place.latitude, longitude: place.longitude, source: 'geonames-places' });
  const areas = index.byPlace.get(normalisePlaceName(input));
  if (areas && areas.length > 0) {
    const group = largestProvinceGroup(areas);
    const first = group[0]!;
    const name = first.place;
    return ok({ kind: 'place', label: name, postcode: null, place: name, province: first.province, ...centre(group), source: 'geonames-postcodes' });
  }
  return fail('not_found', `Plaats '${input.slice(0, 100)}' niet gevonden. Probeer een andere schrijfwijze of een postcode van 4 cijfers.`, field);
}

function largestProvinceGroup(areas: readonly IndexedArea[]): IndexedArea[] {
  const groups = new Map<string, IndexedArea[]>();
  for (const area of areas) {
    const key = area.province ?? '';
    const list = groups.get(key);
    if (list) list.push(area);
    else groups.set(key, [area]);
  }
  // Most areas first; equal counts: the group of the lowest postcode (stable, whatever the load order).
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0]!.postcode < b[0]!.postcode ? -1 : 1))[0]!;
}

function centre(areas: readonly IndexedArea[]): { latitude: number; longitude: number } {
  const latitude = areas.reduce((s, a) => s + a.latitude, 0) / areas.length;
  const longitude = areas.reduce((s, a) => s + a.longitude, 0) / areas.length;
  return { latitude: Math.round(latitude * 1e5) / 1e5, longitude: Math.round(longitude * 1e5) / 1e5 };
}
