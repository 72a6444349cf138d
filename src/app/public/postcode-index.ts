/**
 * The postcode areas (table `postcode_areas`, GeoNames) as an in-memory index for the price finder:
 * by postcode and by normalised place name. About 4,200 rows; loaded once per database handle and
 * kept for `POSTCODE_INDEX_TTL_MS`, so resolving `near` costs no database round trip. An empty
 * table is kept only `EMPTY_INDEX_TTL_MS` (a first import shows within seconds); an import in this
 * process (`importPostcodeAreas`) drops the index of its database at once, an import by another
 * process (the CLI) shows after the TTL.
 */
import { ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { systemActor } from '../../domain/auth/actor.js';
import { normalisePlaceName } from '../../storage/nl-places.js';
import { TtlCache } from './ttl-cache.js';

export interface IndexedArea {
  postcode: string;
  place: string;
  municipality: string | null;
  province: string | null;
  latitude: number;
  longitude: number;
}

export interface PostcodeIndex {
  size: number;
  byPostcode: ReadonlyMap<string, IndexedArea>;
  /** Normalised place name → the areas of that place (its own and those listing it as another place). */
  byPlace: ReadonlyMap<string, readonly IndexedArea[]>;
}

export const POSTCODE_INDEX_TTL_MS = 60_000;
export const EMPTY_INDEX_TTL_MS = 5_000;

export function buildPostcodeIndex(rows: readonly (IndexedArea & { other_places?: readonly string[] })[]): PostcodeIndex {
  const byPostcode = new Map<string, IndexedArea>();
  const byPlace = new Map<string, IndexedArea[]>();
  const add = (name: string, area: IndexedArea) => {
    const key = normalisePlaceName(name);
    const list = byPlace.get(key);
    if (!list) byPlace.set(key, [area]);
    else if (!list.includes(area)) list.push(area);
  };
  for (const row of rows) {
    const area: IndexedArea = { postcode: row.postcode, place: row.place, municipality: row.municipality, province: row.province, latitude: row.latitude, longitude: row.longitude };
    byPostcode.set(area.postcode, area);
    add(area.place, area);
    for (const other of row.other_places ?? []) add(other, area);
  }
  return { size: byPostcode.size, byPostcode, byPlace };
}

async function loadIndex(db: Database): Promise<Result<PostcodeIndex>> {
  const rows = await withActor(db, systemActor('public-postcodes'), (tx) =>
    tx.selectFrom('postcode_areas').select(['postcode', 'place', 'other_places', 'municipality', 'province', 'latitude', 'longitude']).orderBy('postcode').execute(),
  );
  return ok(buildPostcodeIndex(rows.map((r) => ({ ...r, latitude: Number(r.latitude), longitude: Number(r.longitude) }))));
}

const caches = new WeakMap<Database, TtlCache<'all', PostcodeIndex>>();

function cacheFor(db: Database): TtlCache<'all', PostcodeIndex> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TtlCache({ ttlMs: (index) => (index.size > 0 ? POSTCODE_INDEX_TTL_MS : EMPTY_INDEX_TTL_MS), load: () => loadIndex(db) });
    caches.set(db, cache);
  }
  return cache;
}

/** The postcode index of this database (cached, see above). */
export function postcodeIndex(db: Database): Promise<Result<PostcodeIndex>> {
  return cacheFor(db).get('all');
}

/** Drops the cached index of this database, after an import. */
export function invalidatePostcodeIndex(db: Database): void {
  caches.get(db)?.clear();
}
