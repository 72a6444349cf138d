/**
 * The GeoNames postal-code file for the Netherlands (https://download.geonames.org/export/zip/NL.zip,
 * CC BY 4.0): one line per place in a 4-digit postcode area, 12 tab-separated columns, no header:
 * country, postal code, place, admin1 name (province), admin1 code, admin2 name (municipality),
 * admin2 code (CBS gemeentecode), admin3 name, admin3 code, latitude, longitude, accuracy.
 *
 * Pure: text in, postcode areas or issues (line and field) out. Newer files name provinces in
 * English ("North Holland") and municipalities as "Gemeente Amsterdam" or "Assen Municipality";
 * the province comes from the admin1 code in Dutch, and the municipality without those words.
 */
import type { FieldIssue } from '../../domain/errors.js';

export interface PostcodeArea {
  postcode: string;
  place: string;
  /** Other places GeoNames lists in the same postcode area (later lines of the file). */
  otherPlaces: string[];
  municipality: string | null;
  municipalityCode: string | null;
  province: string | null;
  latitude: number;
  longitude: number;
  /** Line of the file that named the area. */
  line: number;
}

export interface ParsedPostalFile {
  areas: PostcodeArea[];
  /** Non-empty lines read. */
  lines: number;
  /** Lines naming another place in a postcode area an earlier line named (kept as `otherPlaces`). */
  duplicates: number;
  issues: FieldIssue[];
}

/** GeoNames admin1 codes of the Netherlands with the Dutch province names. */
export const PROVINCES_BY_ADMIN1: Readonly<Record<string, string>> = {
  '01': 'Drenthe',
  '02': 'Friesland',
  '03': 'Gelderland',
  '04': 'Groningen',
  '05': 'Limburg',
  '06': 'Noord-Brabant',
  '07': 'Noord-Holland',
  '09': 'Utrecht',
  '10': 'Zeeland',
  '11': 'Zuid-Holland',
  '15': 'Overijssel',
  '16': 'Flevoland',
};

/** Bounds of the European Netherlands with a margin; the same as the CHECK in migrations/0005_public.sql. */
export const NL_BOUNDS = { minLatitude: 50.6, maxLatitude: 53.7, minLongitude: 3.2, maxLongitude: 7.3 } as const;

const MAX_NAME = 100;
const MAX_ISSUES = 100;

export function municipalityName(raw: string): string | null {
  const name = raw.trim().replace(/^Gemeente\s+/i, '').replace(/\s+Municipality$/i, '').trim();
  return name === '' ? null : name;
}

function coordinate(raw: string | undefined, min: number, max: number): number | string {
  const text = (raw ?? '').trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return `geen getal: '${text.slice(0, 20)}'`;
  const value = Number(text);
  return value >= min && value <= max ? value : `${text} ligt buiten Nederland (${min} tot ${max})`;
}

/** One line → an area, or the issues of that line. */
export function parsePostalLine(text: string, line: number): { area: PostcodeArea } | { issues: FieldIssue[] } {
  const cols = text.split('\t');
  const issues: FieldIssue[] = [];
  const at = (field: string, message: string) => issues.push({ line, field, message });
  if (cols.length < 11) return { issues: [{ line, message: `Verwacht 12 kolommen gescheiden door tabs, gevonden ${cols.length}.` }] };
  const [country, postcodeRaw, placeRaw, provinceRaw, admin1Raw, municipalityRaw, admin2Raw] = cols.map((c) => c.trim());
  if (country !== 'NL') at('country', `Landcode moet NL zijn (gevonden: '${(country ?? '').slice(0, 10)}').`);
  const postcode = postcodeRaw ?? '';
  if (!/^[1-9]\d{3}$/.test(postcode)) at('postal_code', `Postcode moet 4 cijfers zijn zonder voorloopnul (gevonden: '${postcode.slice(0, 10)}').`);
  const place = placeRaw ?? '';
  if (place === '' || place.length > MAX_NAME) at('place', place === '' ? 'Plaatsnaam ontbreekt.' : `Plaatsnaam langer dan ${MAX_NAME} tekens.`);
  const admin2 = admin2Raw ?? '';
  if (admin2 !== '' && !/^\d{4}$/.test(admin2)) at('admin2_code', `Gemeentecode moet 4 cijfers zijn (gevonden: '${admin2.slice(0, 10)}').`);
  const latitude = coordinate(cols[9], NL_BOUNDS.minLatitude, NL_BOUNDS.maxLatitude);
  if (typeof latitude === 'string') at('latitude', `Breedtegraad ${latitude}.`);
  const longitude = coordinate(cols[10], NL_BOUNDS.minLongitude, NL_BOUNDS.maxLongitude);
  if (typeof longitude === 'string') at('longitude', `Lengtegraad ${longitude}.`);
  if (issues.length > 0 || typeof latitude === 'string' || typeof longitude === 'string') return { issues };
  const admin1 = admin1Raw ?? '';
  const province = PROVINCES_BY_ADMIN1[admin1] ?? (provinceRaw === '' || provinceRaw === undefined ? null : provinceRaw.slice(0, MAX_NAME));
  const municipality = municipalityName(municipalityRaw ?? '');
  return {
    area: {
      postcode,
      place,
      otherPlaces: [],
      municipality: municipality === null ? null : municipality.slice(0, MAX_NAME),
      municipalityCode: admin2 === '' ? null : admin2,
      province,
      latitude,
      longitude,
      line,
    },
  };
}

/**
 * Parses a whole file. Empty lines are skipped; a later line for a postcode already read adds its
 * place to `otherPlaces` of that area. Stops listing issues after 100 (the count says how many).
 */
export function parsePostalFile(text: string): ParsedPostalFile {
  const byPostcode = new Map<string, PostcodeArea>();
  const issues: FieldIssue[] = [];
  let problems = 0;
  let lines = 0;
  let duplicates = 0;
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((raw, i) => {
    if (raw.trim() === '') return;
    lines += 1;
    const parsed = parsePostalLine(raw, i + 1);
    if ('issues' in parsed) {
      problems += parsed.issues.length;
      if (issues.length < MAX_ISSUES) issues.push(...parsed.issues.slice(0, MAX_ISSUES - issues.length));
      return;
    }
    const earlier = byPostcode.get(parsed.area.postcode);
    if (!earlier) {
      byPostcode.set(parsed.area.postcode, parsed.area);
      return;
    }
    duplicates += 1;
    if (parsed.area.place !== earlier.place && !earlier.otherPlaces.includes(parsed.area.place)) earlier.otherPlaces.push(parsed.area.place);
  });
  if (problems > issues.length) issues.push({ message: `… en nog ${problems - issues.length} fout(en).` });
  if (lines === 0) issues.push({ line: 1, message: 'Het bestand bevat geen regels.' });
  return { areas: [...byPostcode.values()].sort((a, b) => (a.postcode < b.postcode ? -1 : 1)), lines, duplicates, issues };
}
