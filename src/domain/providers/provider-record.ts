/**
 * A provider as the purchasing system knows it (MSZ §2: type, kernregio, ZK revenue, licences,
 * certificates, programme memberships), and the validation of one imported row. Pure.
 */
import type { FieldIssue, Result } from '../errors.js';
import { fail, ok } from '../errors.js';
import { parseAgb, parseKvk } from '../identifiers/index.js';
import { parseEuroAmount } from '../money/index.js';

export const PROVIDER_TYPES = ['ziekenhuis', 'umc', 'zbc', 'categoraal'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_IMPORT_REQUIRED_COLUMNS = ['agb', 'name', 'type', 'city', 'kernregio', 'zk_revenue_eur'] as const;
export const PROVIDER_IMPORT_OPTIONAL_COLUMNS = [
  'province', 'region', 'insurer', 'kvk', 'market_share', 'vsv_level', 'budget_policy_selected',
  'licences', 'certificates', 'programmes', 'minimum_norms', 'specialisms', 'latitude', 'longitude',
] as const;

export interface ProviderRecord {
  agb: string;
  name: string;
  type: ProviderType;
  city: string;
  province: string | null;
  region: string | null;
  kernregio: boolean;
  insurer: 'zk' | 'de-friesland';
  zkRevenueCents: number;
  marketShare: string | null;
  kvk: string | null;
  vsvLevel: number | null;
  budgetPolicySelected: boolean;
  licences: string[];
  certificates: string[];
  programmes: string[];
  minimumNorms: string[];
  specialisms: string[];
  latitude: string | null;
  longitude: string | null;
}

type RawRow = Record<string, string | undefined>;

const YES = new Set(['ja', 'j', 'yes', 'true', '1']);
const NO = new Set(['nee', 'n', 'no', 'false', '0']);

/** Validates one row; `line` is the line (CSV) or row (Excel) number in the file, for the errors. */
export function parseProviderRow(raw: RawRow, line: number): Result<ProviderRecord> {
  const issues: FieldIssue[] = [];
  const problem = (column: string, message: string) => issues.push({ line, column, message });
  const text = (column: string): string => (raw[column] ?? '').trim();
  const optional = (column: string): string | null => (text(column) === '' ? null : text(column));

  const agb = parseAgb(text('agb'), 'agb');
  if (!agb.ok) problem('agb', agb.error.issues?.[0]?.message ?? agb.error.message);

  const name = text('name');
  if (name === '') problem('name', 'Naam is verplicht.');
  else if (name.length > 200) problem('name', 'Naam is langer dan 200 tekens.');

  const type = text('type').toLowerCase();
  if (!(PROVIDER_TYPES as readonly string[]).includes(type)) {
    problem('type', `Type moet een van ${PROVIDER_TYPES.join(', ')} zijn (gekregen: '${text('type')}').`);
  }

  const city = text('city');
  if (city === '') problem('city', 'Plaats is verplicht.');

  const kernregio = parseYesNo(text('kernregio'));
  if (kernregio === null) problem('kernregio', `Kernregio moet 'ja' of 'nee' zijn (gekregen: '${text('kernregio')}').`);

  const revenue = parseEuroAmount(text('zk_revenue_eur'), 'zk_revenue_eur');
  if (!revenue.ok) problem('zk_revenue_eur', revenue.error.issues?.[0]?.message ?? revenue.error.message);
  else if (revenue.value < 0) problem('zk_revenue_eur', 'Omzet mag niet negatief zijn.');

  const insurer = (optional('insurer') ?? 'zk').toLowerCase();
  if (insurer !== 'zk' && insurer !== 'de-friesland') problem('insurer', `Verzekeraar moet 'zk' of 'de-friesland' zijn.`);

  let kvk: string | null = null;
  if (optional('kvk') !== null) {
    const parsed = parseKvk(text('kvk'), 'kvk');
    if (parsed.ok) kvk = parsed.value;
    else problem('kvk', parsed.error.issues?.[0]?.message ?? parsed.error.message);
  }

  const marketShare = optional('market_share');
  if (marketShare !== null && !/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(marketShare)) {
    problem('market_share', 'Marktaandeel is een decimaal getal tussen 0 en 1 met hooguit 4 decimalen, bijvoorbeeld 0.35.');
  }

  let vsvLevel: number | null = null;
  if (optional('vsv_level') !== null) {
    if (/^[1-4]$/.test(text('vsv_level'))) vsvLevel = Number(text('vsv_level'));
    else problem('vsv_level', 'VSV-niveau is 1, 2, 3 of 4.');
  }

  const budget = optional('budget_policy_selected') === null ? false : parseYesNo(text('budget_policy_selected'));
  if (budget === null) problem('budget_policy_selected', `Budgetpolis-selectie moet 'ja' of 'nee' zijn.`);

  const coordinate = (column: 'latitude' | 'longitude', min: number, max: number): string | null => {
    const value = optional(column);
    if (value === null) return null;
    if (!/^-?\d{1,3}(\.\d{1,6})?$/.test(value) || Number(value) < min || Number(value) > max) {
      problem(column, `${column} moet een decimaal getal tussen ${min} en ${max} zijn (Nederland).`);
    }
    return value;
  };
  const latitude = coordinate('latitude', 50, 54);
  const longitude = coordinate('longitude', 3, 8);
  if ((latitude === null) !== (longitude === null)) problem(latitude === null ? 'latitude' : 'longitude', 'Geef zowel latitude als longitude, of geen van beide.');

  if (issues.length > 0 || !agb.ok || !revenue.ok) return fail('invalid_input', `Regel ${line} is ongeldig.`, issues);
  return ok({
    agb: agb.value,
    name,
    type: type as ProviderType,
    city,
    province: optional('province'),
    region: optional('region'),
    kernregio: kernregio === true,
    insurer: insurer as ProviderRecord['insurer'],
    zkRevenueCents: revenue.value,
    marketShare,
    kvk,
    vsvLevel,
    budgetPolicySelected: budget === true,
    licences: list(optional('licences')),
    certificates: list(optional('certificates')),
    programmes: list(optional('programmes')),
    minimumNorms: list(optional('minimum_norms')),
    specialisms: list(optional('specialisms')),
    latitude,
    longitude,
  });
}

function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** Multi-valued cells are separated by semicolons: `NIAZ;VMS`. */
function list(value: string | null): string[] {
  if (value === null) return [];
  return [...new Set(value.split(';').map((v) => v.trim()).filter((v) => v !== ''))].sort();
}
