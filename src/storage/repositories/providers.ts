/** Query functions for providers and their locations. Row-level security scopes every read. */
import type { ProviderRecord } from '../../domain/providers/provider-record.js';
import type { Queryable } from '../context.js';
import type { ProviderRow } from '../schema.js';

export type ProviderChange = 'created' | 'updated' | 'unchanged';

export interface LocationRecord {
  name: string;
  city: string;
  isMain: boolean;
  latitude: string | null;
  longitude: string | null;
}

function toRow(p: ProviderRecord) {
  return {
    agb: p.agb,
    name: p.name,
    type: p.type,
    city: p.city,
    province: p.province,
    region: p.region,
    kernregio: p.kernregio,
    insurer: p.insurer,
    zk_revenue_cents: p.zkRevenueCents,
    market_share: p.marketShare,
    kvk: p.kvk,
    vsv_level: p.vsvLevel,
    budget_policy_selected: p.budgetPolicySelected,
    licences: p.licences,
    certificates: p.certificates,
    programmes: p.programmes,
    minimum_norms: p.minimumNorms,
    specialisms: p.specialisms,
    latitude: p.latitude,
    longitude: p.longitude,
  };
}

type ComparableRow = ReturnType<typeof toRow>;

function sameProvider(existing: ProviderRow, next: ComparableRow): boolean {
  const num = (v: string | number | null) => (v === null ? null : Number(v));
  return (
    existing.name === next.name &&
    existing.type === next.type &&
    existing.city === next.city &&
    existing.province === next.province &&
    existing.region === next.region &&
    existing.kernregio === next.kernregio &&
    existing.insurer === next.insurer &&
    existing.zk_revenue_cents === next.zk_revenue_cents &&
    num(existing.market_share) === num(next.market_share) &&
    existing.kvk === next.kvk &&
    existing.vsv_level === next.vsv_level &&
    existing.budget_policy_selected === next.budget_policy_selected &&
    existing.licences.join(';') === next.licences.join(';') &&
    existing.certificates.join(';') === next.certificates.join(';') &&
    existing.programmes.join(';') === next.programmes.join(';') &&
    existing.minimum_norms.join(';') === next.minimum_norms.join(';') &&
    existing.specialisms.join(';') === next.specialisms.join(';') &&
    num(existing.latitude) === num(next.latitude) &&
    num(existing.longitude) === num(next.longitude)
  );
}

/** Inserts or updates one provider; a row equal to what is stored is left alone. */
export async function upsertProvider(q: Queryable, provider: ProviderRecord): Promise<ProviderChange> {
  const row = toRow(provider);
  const existing = await q.selectFrom('providers').selectAll().where('agb', '=', provider.agb).executeTakeFirst();
  if (!existing) {
    await q.insertInto('providers').values(row).execute();
    return 'created';
  }
  if (sameProvider(existing, row)) return 'unchanged';
  await q.updateTable('providers').set({ ...row, updated_at: new Date() }).where('agb', '=', provider.agb).execute();
  return 'updated';
}

/** Replaces the locations of a provider when they differ; returns whether anything changed. */
export async function replaceLocations(q: Queryable, agb: string, locations: LocationRecord[]): Promise<boolean> {
  const existing = await q.selectFrom('provider_locations').selectAll().where('agb', '=', agb).orderBy('id').execute();
  const key = (l: { name: string; city: string; is_main: boolean; latitude: string | number | null; longitude: string | number | null }) =>
    [l.name, l.city, l.is_main, l.latitude === null ? '' : Number(l.latitude), l.longitude === null ? '' : Number(l.longitude)].join('|');
  const next = locations.map((l) => ({ agb, name: l.name, city: l.city, is_main: l.isMain, latitude: l.latitude, longitude: l.longitude }));
  if (existing.map(key).join('\n') === next.map(key).join('\n')) return false;
  await q.deleteFrom('provider_locations').where('agb', '=', agb).execute();
  if (next.length > 0) await q.insertInto('provider_locations').values(next).execute();
  return true;
}

export function listProviders(q: Queryable) {
  return q.selectFrom('providers').selectAll().orderBy('name').orderBy('agb').execute();
}

export function findProvider(q: Queryable, agb: string) {
  return q.selectFrom('providers').selectAll().where('agb', '=', agb).executeTakeFirst();
}

export function listLocations(q: Queryable, agb: string) {
  return q
    .selectFrom('provider_locations')
    .select(['name', 'city', 'is_main', 'latitude', 'longitude'])
    .where('agb', '=', agb)
    .orderBy('is_main', 'desc')
    .orderBy('name')
    .execute();
}
