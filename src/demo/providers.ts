/**
 * Demo providers: the 8 UMCs, the hospitals and ZBCs the MSZ 2018 policy names, and invented ZBCs
 * and more general hospitals in real Dutch cities, 80 in all. Names and cities are fixed
 * (provider-data.ts); identifiers, revenue, market share and the random memberships are a function
 * of the seed. Coordinates come from GeoNames (see `GEO_ATTRIBUTION`).
 */
import { findPlace, type NlPlace } from '../storage/nl-places.js';
import { createPrng, type Prng, type Seed } from './prng.js';
import { CARDIO_THORACIC, FIXED_LICENCES, FIXED_PROGRAMMES, PROVIDER_ROWS, VT_PARTICIPANTS, type ProviderSeedRow } from './provider-data.js';
import { regionOf } from './regions.js';
import { GENERAL_HOSPITAL_SPECIALISMS, type SpecialismCode } from './specialisms.js';
import {
  DEMO_LICENCES, DEMO_PROGRAMMES, MINIMUM_NORM_TREATMENTS,
  type DemoCertificate, type DemoLicence, type DemoProgramme, type DemoProviderType, type MinimumNormTreatment,
} from './vocabulary.js';

export interface DemoLocation {
  name: string;
  city: string;
  latitude: number;
  longitude: number;
}

export interface DemoProvider {
  /** Stable key of the fixed row (e.g. "amc"), the same for every seed. */
  key: string;
  agb: string;
  name: string;
  type: DemoProviderType;
  city: string;
  province: string;
  latitude: number;
  longitude: number;
  region: string;
  kernregio: boolean;
  insurer: 'zk' | 'de-friesland';
  zkRevenueCents: number;
  /** Share of the purchasing insurer among the provider's patients, a decimal string ("0.35"). */
  marketShare: string;
  licences: DemoLicence[];
  certificates: DemoCertificate[];
  programmes: DemoProgramme[];
  /** Bijlage 2 treatments for which the provider meets the professional minimum-volume norm. */
  minimumNorms: MinimumNormTreatment[];
  /** Specialisms offered (Vektis codes). */
  specialisms: SpecialismCode[];
  vsvLevel: 1 | 2 | 3 | null;
  budgetPolicySelected: boolean;
  /** Main location first. */
  locations: DemoLocation[];
  kvk: string;
  /** Named in the MSZ 2018 policy text. */
  namedInPolicy: boolean;
}

/** The MSZ §2 revenue boundary, EUR 10M, in cents. */
export const REVENUE_BOUNDARY_CENTS = 1_000_000_000;
/** The provider whose ZK revenue is exactly the boundary, for every seed (edge case "> 10M"). */
export const EDGE_REVENUE_PROVIDER_KEY = 'diaconessenhuis-meppel';
/** How many providers are selected for the budget policies (MSZ §2). */
const BUDGET_POLICY_COUNT = 6;
/** How many hospitals have no RIVM bowel-cancer screening agreement. */
const WITHOUT_RIVM_COUNT = 4;

const MILLION_CENTS = 100_000_000;

function resolve(city: string): NlPlace {
  const place = findPlace(city);
  if (!place) throw new Error(`Demo provider city not found in GeoNames data: ${city}`);
  return place;
}

function uniqueDigits(prng: Prng, used: Set<string>, prefix: string, width: number, min = 0): string {
  for (;;) {
    const value = prefix + String(prng.int(min, 10 ** width - 1)).padStart(width, '0');
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

function revenueCents(prng: Prng, row: ProviderSeedRow, kernregio: boolean): number {
  if (row.key === EDGE_REVENUE_PROVIDER_KEY) return REVENUE_BOUNDARY_CENTS;
  switch (row.size) {
    case 'umc':
      return prng.int(100 * MILLION_CENTS, 400 * MILLION_CENTS);
    case 'large':
      return kernregio ? prng.int(40 * MILLION_CENTS, 150 * MILLION_CENTS) : prng.int(20 * MILLION_CENTS, 80 * MILLION_CENTS);
    case 'small':
      return prng.int(5 * MILLION_CENTS, 20 * MILLION_CENTS);
    case 'zbc': {
      // Skewed towards small clinics: EUR 0.2M to 9M.
      const u = prng.next();
      return Math.round(0.2 * MILLION_CENTS + u * u * 8.8 * MILLION_CENTS);
    }
  }
}

function marketShare(prng: Prng, kernregio: boolean, insurer: 'zk' | 'de-friesland'): string {
  const percent = insurer === 'de-friesland' ? prng.int(50, 70) : kernregio ? prng.int(35, 65) : prng.int(5, 30);
  return `0.${String(percent).padStart(2, '0')}`;
}

function certificates(prng: Prng, type: DemoProviderType): DemoCertificate[] {
  if (type === 'zbc') {
    if (prng.chance(0.08)) return []; // a clinic without certificate, for the quality checks
    return [prng.chance(0.7) ? 'ZKN' : 'HKZ'];
  }
  const accreditation: DemoCertificate = prng.chance(type === 'umc' ? 0.1 : 0.15) ? 'JCI' : 'NIAZ';
  const lab: DemoCertificate[] = type === 'categoraal' && prng.chance(0.5) ? [] : [prng.chance(0.7) ? 'ISO15189' : 'CCKL'];
  return [accreditation, 'VMS', ...lab];
}

function minimumNorms(prng: Prng, row: ProviderSeedRow): MinimumNormTreatment[] {
  if (row.type === 'umc') return [...MINIMUM_NORM_TREATMENTS];
  if (row.key === 'avl') return ['mammacarcinoom', 'oesofaguscarcinoom', 'colorectaal', 'longcarcinoom', 'prostaatkanker', 'blaaskanker'];
  if (row.key === 'alexander-monro') return ['mammacarcinoom'];
  if (row.type !== 'ziekenhuis') return [];
  return MINIMUM_NORM_TREATMENTS.filter((treatment) => {
    if (row.size === 'large') return prng.chance(treatment === 'bariatrie' ? 0.3 : 0.6);
    return prng.chance(treatment === 'mammacarcinoom' ? 0.6 : treatment === 'colorectaal' ? 0.5 : 0.1);
  });
}

function specialisms(row: ProviderSeedRow, licences: readonly DemoLicence[]): SpecialismCode[] {
  if (row.specialisms) return [...row.specialisms] as SpecialismCode[];
  const codes: SpecialismCode[] = GENERAL_HOSPITAL_SPECIALISMS.filter((c) => !(row.size === 'small' && c === '0308'));
  if (CARDIO_THORACIC.includes(row.key)) codes.push('0328');
  if (licences.includes('wbmv-radiotherapie')) codes.push('0362');
  return codes.sort();
}

function vsvLevel(prng: Prng, row: ProviderSeedRow): 1 | 2 | 3 | null {
  if (row.type === 'zbc') return null;
  if (row.type === 'umc') return 3;
  if (row.type === 'categoraal') return 1;
  return row.size === 'large' ? (prng.chance(0.3) ? 3 : 2) : prng.chance(0.5) ? 2 : 1;
}

function locations(row: ProviderSeedRow, main: NlPlace): DemoLocation[] {
  const others = row.otherLocations ?? [];
  const label = (city: string) => (others.length === 0 ? row.name : `${row.name}, locatie ${city}`);
  const result: DemoLocation[] = [{ name: label(row.city), city: row.city, latitude: main.latitude, longitude: main.longitude }];
  for (const city of others) {
    const place = resolve(city);
    result.push({ name: label(city), city, latitude: place.latitude, longitude: place.longitude });
  }
  return result;
}

/** About 80 demo providers; the same seed gives the same list. */
export function demoProviders(seed: Seed): DemoProvider[] {
  const root = createPrng(seed).fork('providers');
  const ids = root.fork('identifiers');
  const money = root.fork('revenue');
  const traits = root.fork('traits');
  const usedAgb = new Set<string>();
  const usedKvk = new Set<string>();

  const nonUmc = PROVIDER_ROWS.filter((r) => r.type === 'ziekenhuis' || r.type === 'zbc').map((r) => r.key);
  const budgetSelected = new Set(root.fork('budget').sample(nonUmc, BUDGET_POLICY_COUNT));
  const hospitals = PROVIDER_ROWS.filter((r) => r.type === 'ziekenhuis').map((r) => r.key);
  const withoutRivm = new Set(root.fork('rivm').sample(hospitals, WITHOUT_RIVM_COUNT));

  return PROVIDER_ROWS.map((row): DemoProvider => {
    const place = resolve(row.city);
    const region = regionOf(place.name, place.province);
    const isHospitalLike = row.type !== 'zbc';
    const agb = uniqueDigits(ids, usedAgb, isHospitalLike ? '06' : '22', 6);
    const kvk = uniqueDigits(ids, usedKvk, '', 8, 10_000_000);

    const licences = DEMO_LICENCES.filter((l) => FIXED_LICENCES[l]?.includes(row.key) ?? false);
    if (row.type === 'ziekenhuis' && row.size === 'large' && !licences.includes('mohs') && traits.chance(0.25)) licences.push('mohs');
    const programmes = DEMO_PROGRAMMES.filter((p) => {
      if (p.startsWith('vt-')) return VT_PARTICIPANTS[p]?.includes(row.key) ?? false;
      if (p === 'rivm-darmkanker' && (row.type === 'umc' || row.type === 'ziekenhuis')) return !withoutRivm.has(row.key);
      return FIXED_PROGRAMMES[p]?.includes(row.key) ?? false;
    });

    return {
      key: row.key,
      agb,
      name: row.name,
      type: row.type,
      city: row.city,
      province: place.province,
      latitude: place.latitude,
      longitude: place.longitude,
      region: region.name,
      kernregio: region.kernregio,
      insurer: region.insurer,
      zkRevenueCents: revenueCents(money, row, region.kernregio),
      marketShare: marketShare(money, region.kernregio, region.insurer),
      licences: DEMO_LICENCES.filter((l) => licences.includes(l)),
      certificates: certificates(traits, row.type),
      programmes,
      minimumNorms: minimumNorms(traits, row),
      specialisms: specialisms(row, licences),
      vsvLevel: vsvLevel(traits, row),
      budgetPolicySelected: budgetSelected.has(row.key),
      locations: locations(row, place),
      kvk,
      namedInPolicy: row.named,
    };
  });
}
