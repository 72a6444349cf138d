/** Use cases: read providers. Row-level security scopes rows; a refused look-up is audited. */
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider, listLocations, listProviders } from '../../storage/repositories/providers.js';
import type { ProviderRow } from '../../storage/schema.js';
import { providerAccess } from '../access.js';

export interface ProviderView {
  agb: string;
  name: string;
  type: ProviderRow['type'];
  city: string;
  province: string | null;
  region: string | null;
  kernregio: boolean;
  insurer: ProviderRow['insurer'];
  zk_revenue_cents: number;
  market_share: string | null;
  kvk: string | null;
  vsv_level: number | null;
  budget_policy_selected: boolean;
  licences: string[];
  certificates: string[];
  programmes: string[];
  minimum_norms: string[];
  specialisms: string[];
  latitude: number | null;
  longitude: number | null;
}

export interface ProviderDetail extends ProviderView {
  locations: { name: string; city: string; is_main: boolean; latitude: number | null; longitude: number | null }[];
}

const coordinate = (v: string | number | null) => (v === null ? null : Number(v));

export function toProviderView(row: ProviderRow): ProviderView {
  return {
    agb: row.agb,
    name: row.name,
    type: row.type,
    city: row.city,
    province: row.province,
    region: row.region,
    kernregio: row.kernregio,
    insurer: row.insurer,
    zk_revenue_cents: row.zk_revenue_cents,
    market_share: row.market_share === null ? null : String(row.market_share),
    kvk: row.kvk,
    vsv_level: row.vsv_level,
    budget_policy_selected: row.budget_policy_selected,
    licences: row.licences,
    certificates: row.certificates,
    programmes: row.programmes,
    minimum_norms: row.minimum_norms,
    specialisms: row.specialisms,
    latitude: coordinate(row.latitude),
    longitude: coordinate(row.longitude),
  };
}

export async function listProvidersFor(deps: { db: Database; actor: Actor }): Promise<Result<ProviderView[]>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log in om zorgaanbieders te zien.');
  const rows = await withActor(deps.db, deps.actor, (tx) => listProviders(tx));
  return ok(rows.map(toProviderView));
}

export async function getProviderFor(deps: { db: Database; actor: Actor }, agbInput: string): Promise<Result<ProviderDetail>> {
  const agb = await providerAccess(deps, agbInput, 'provider.read', 'agb');
  if (!agb.ok) return agb;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findProvider(tx, agb.value);
    if (!row) return fail('not_found', `Zorgaanbieder met AGB-code ${agb.value} niet gevonden.`);
    const locations = await listLocations(tx, agb.value);
    return ok({
      ...toProviderView(row),
      locations: locations.map((l) => ({ name: l.name, city: l.city, is_main: l.is_main, latitude: coordinate(l.latitude), longitude: coordinate(l.longitude) })),
    });
  });
}
