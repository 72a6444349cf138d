/**
 * FHIR R4 Bundle of `Claim` ↔ claim records. One Claim is one claim line (declaratieregel):
 *
 * | claim field   | Claim element                                                            |
 * |---------------|--------------------------------------------------------------------------|
 * | claim_id      | identifier (system `CLAIM_ID_SYSTEM`, else the first identifier)         |
 * | uzovi         | insurer.identifier (UZOVI), or the focal insurance's Coverage.payor      |
 * | agb           | provider.identifier (AGB-Z)                                              |
 * | bsn           | patient.identifier (BSN)                                                 |
 * | care_type     | subType (`CARE_TYPE_SYSTEM`: 11, 21)                                     |
 * | specialism    | careTeam.qualification (AGB specialism, COD016-VEKT)                     |
 * | diagnosis     | diagnosis.diagnosisCodeableConcept (`DBC_DIAGNOSIS_SYSTEM`)              |
 * | product_code  | item[0].productOrService (`ZORGPRODUCT_SYSTEM`)                          |
 * | start/end     | item[0].servicedPeriod (or servicedDate for a one-day line)             |
 * | amount_cents  | item[0].net (or unitPrice without a quantity), EUR, at most 2 decimals   |
 * | zi_number     | item[0].detail[0].productOrService (G-Standaard ZI number), add-on only  |
 * | units         | item[0].detail[0].quantity.value, add-on only                            |
 *
 * Reading checks the structure: R4's required elements (status, type, use, patient, created,
 * provider, priority, insurance with sequence, focal and coverage; item sequence and
 * productOrService) and what a claim line needs; each problem names the element path
 * (`Bundle.entry[2].resource.provider`) and a return code (ZK-17x). The values themselves (BSN
 * elfproef, dates, codes) are checked by `parseClaimRecord`, as for a CSV line. References are
 * followed to contained resources and to entries of the Bundle (by fullUrl or `Type/id`).
 */
import { CLAIM_FIELDS, CLAIM_REJECT_CODES, type ClaimField, type ClaimRejectCode } from '../../domain/claims/claim-line.js';
import type { Claim as ClaimLine } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { decimalText, decimalToCents, eurMoney, unitsToDecimal, MAX_FHIR_EURO_DIGITS } from './money.js';
import {
  AGB_SYSTEM,
  BSN_SYSTEM,
  CARE_TYPE_SYSTEM,
  CLAIM_ID_SYSTEM,
  CLAIM_TYPE_SYSTEM,
  DBC_DIAGNOSIS_SYSTEM,
  PROCESS_PRIORITY_SYSTEM,
  SPECIALISM_SYSTEM,
  UZOVI_SYSTEM,
  ZI_NUMBER_SYSTEM,
  ZORGPRODUCT_SYSTEM,
} from './systems.js';
import type { Bundle, Claim } from './types.js';

export interface FhirClaimIssue {
  /** The FHIR element path, e.g. `Bundle.entry[2].resource.provider`. */
  field: string;
  code: ClaimRejectCode;
  message: string;
}

export interface FhirClaimRecord {
  /** Bundle entry index + 1. */
  line: number;
  /** The claim fields as text, keyed like a CSV header (`CLAIM_FIELDS`), for `parseClaimRecord`. */
  record?: Record<string, string>;
  /** Structural problems of this Claim; no record then. */
  issues?: FhirClaimIssue[];
}

/** Where each claim field sits in a Claim, relative to the resource: for messages about a record's values. */
export const CLAIM_FIELD_ELEMENTS: Record<ClaimField, string> = {
  claim_id: 'identifier',
  uzovi: 'insurer.identifier',
  agb: 'provider.identifier',
  bsn: 'patient.identifier',
  care_type: 'subType',
  specialism: 'careTeam.qualification',
  diagnosis: 'diagnosis.diagnosisCodeableConcept',
  product_code: 'item[0].productOrService',
  start_date: 'item[0].servicedPeriod.start',
  end_date: 'item[0].servicedPeriod.end',
  amount_cents: 'item[0].net',
  zi_number: 'item[0].detail[0].productOrService',
  units: 'item[0].detail[0].quantity',
};

/** The element path of a problem of the Claim on `line`: a FHIR path stays, a claim field is placed in its Claim. */
export function claimElementPath(line: number, field: string): string {
  if (field.startsWith('Bundle')) return field;
  const element = (CLAIM_FIELD_ELEMENTS as Record<string, string>)[field] ?? field;
  return `Bundle.entry[${line - 1}].resource${element === '' ? '' : `.${element}`}`;
}

/** Resources that may travel beside the Claims (targets of their references); they are not claim lines. */
const SUPPORTING_TYPES = new Set(['Patient', 'Organization', 'Coverage', 'Practitioner', 'PractitionerRole', 'Location']);
const FM_STATUS = ['active', 'cancelled', 'draft', 'entered-in-error'];
const CLAIM_USE = ['claim', 'preauthorization', 'predetermination'];
/** R4 dateTime (a date, year-month or year, or a date and time with zone). */
const DATE_TIME = /^([0-9]{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const FULL_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function fileProblem(field: string, message: string): Result<never> {
  return fail('invalid_input', message, [{ field, code: 'ZK-179', message }]);
}

/**
 * The Claims of a FHIR R4 Bundle (type batch or collection, JSON) as claim records, one per Claim
 * entry; entries of supporting types (Patient, Organization, Coverage, Practitioner(Role),
 * Location) are references only. A file that is not such a Bundle fails as a whole.
 */
export function fhirClaimRecords(input: string): Result<FhirClaimRecord[]> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem('Bundle', `Het bestand is geen geldige JSON: ${(error as Error).message.slice(0, 200)}.`);
  }
  if (!isObject(bundle)) return fileProblem('Bundle', 'Het bestand is geen FHIR-resource (JSON-object met resourceType).');
  if (bundle.resourceType !== 'Bundle') {
    return fileProblem('Bundle.resourceType', `Verwacht een Bundle met Claims, gekregen resourceType '${String(bundle.resourceType ?? '(geen)').slice(0, 40)}'.`);
  }
  if (bundle.type !== 'batch' && bundle.type !== 'collection') {
    return fileProblem('Bundle.type', `Een Bundle met Claims heeft type batch of collection (gekregen: '${String(bundle.type ?? '(geen)').slice(0, 40)}').`);
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) return fileProblem('Bundle.entry', 'Bundle.entry moet een lijst zijn.');
  const entries: unknown[] = (bundle.entry as unknown[] | undefined) ?? [];
  const index = referenceIndex(entries);
  const records: FhirClaimRecord[] = [];
  entries.forEach((entry, i) => {
    const path = `Bundle.entry[${i}]`;
    const line = i + 1;
    if (!isObject(entry)) return records.push({ line, issues: [{ field: path, code: 'ZK-170', message: `${path} is geen bundelregel (object).` }] });
    const resource = entry.resource;
    if (!isObject(resource)) return records.push({ line, issues: [{ field: `${path}.resource`, code: 'ZK-170', message: `${path}.resource ontbreekt.` }] });
    if (typeof resource.resourceType === 'string' && SUPPORTING_TYPES.has(resource.resourceType)) return;
    if (resource.resourceType !== 'Claim') {
      return records.push({ line, issues: [{ field: `${path}.resource.resourceType`, code: 'ZK-170', message: `${path} is een ${String(resource.resourceType ?? '(geen resourceType)').slice(0, 40)}, geen Claim.` }] });
    }
    records.push(readClaim(resource, `${path}.resource`, line, index));
  });
  if (records.length === 0) return fileProblem('Bundle.entry', 'De Bundle bevat geen Claim.');
  return ok(records);
}

/** Bundle entries by fullUrl and by `Type/id`, for resolving references. */
function referenceIndex(entries: unknown[]): Map<string, Json> {
  const index = new Map<string, Json>();
  for (const entry of entries) {
    if (!isObject(entry) || !isObject(entry.resource)) continue;
    const resource = entry.resource;
    if (typeof entry.fullUrl === 'string') {
      index.set(entry.fullUrl, resource);
      // A relative reference `Type/id` also finds an entry whose fullUrl ends in it (`https://host/fhir/Type/id`).
      const tail = /([A-Za-z]+\/[A-Za-z0-9.-]{1,64})$/.exec(entry.fullUrl)?.[1];
      if (tail !== undefined && !index.has(tail)) index.set(tail, resource);
    }
    if (typeof resource.resourceType === 'string' && typeof resource.id === 'string') index.set(`${resource.resourceType}/${resource.id}`, resource);
  }
  return index;
}

/** Reads one Claim; every structural problem is collected, none stops the others. */
function readClaim(claim: Json, path: string, line: number, index: Map<string, Json>): FhirClaimRecord {
  const issues: FhirClaimIssue[] = [];
  const problem = (field: string, code: ClaimRejectCode, message: string) => issues.push({ field, code, message });
  const missing = (field: string, what: string) => problem(field, 'ZK-171', `${field} ontbreekt: ${what}.`);
  const contained = new Map<string, Json>();
  if (Array.isArray(claim.contained)) for (const c of claim.contained) if (isObject(c) && typeof c.id === 'string') contained.set(`#${c.id}`, c);

  /** The resource a Reference points to (contained or in the Bundle), or null after reporting an unknown target. */
  const resolve = (reference: Json, at: string): Json | null => {
    const target = text(reference.reference);
    if (target === null) return null;
    const found = contained.get(target) ?? index.get(target);
    if (!found) problem(`${at}.reference`, 'ZK-175', `${at}.reference '${target.slice(0, 80)}' verwijst naar een resource die niet in de Bundle of in contained staat.`);
    return found ?? null;
  };
  /** The value of an identifier with `system` on the Reference itself or on the resource it points to. */
  const identifierVia = (reference: Json, at: string, system: string, follow: (resource: Json, at: string) => string | null = (r) => identifierIn(r.identifier, system)): string | null => {
    if (isObject(reference.identifier)) {
      const own = identifierIn([reference.identifier], system);
      if (own !== null) return own;
    }
    const target = resolve(reference, at);
    return target === null ? null : follow(target, at);
  };
  const reference = (field: string, what: string): Json | null => {
    const value = claim[field];
    if (value === undefined || value === null) {
      missing(`${path}.${field}`, what);
      return null;
    }
    if (!isObject(value)) {
      problem(`${path}.${field}`, 'ZK-172', `${path}.${field} moet een Reference zijn.`);
      return null;
    }
    return value;
  };
  const codeableConcept = (value: unknown, at: string, what: string): Json | null => {
    if (value === undefined || value === null) {
      missing(at, what);
      return null;
    }
    if (!isObject(value) || (!Array.isArray(value.coding) && text(value.text) === null)) {
      problem(at, 'ZK-172', `${at} moet een CodeableConcept zijn (coding of text).`);
      return null;
    }
    return value;
  };
  /** The code of the coding with `system` of a CodeableConcept, or null after reporting it absent. */
  const codeIn = (concept: Json | null, at: string, system: string, what: string): string | null => {
    if (concept === null) return null;
    const code = codingCode(concept, system);
    if (code === null) problem(`${at}.coding`, 'ZK-171', `${at} heeft geen coding met system ${system} (${what}).`);
    return code;
  };

  /** The calendar date of an R4 date or dateTime with a day (the date as written), or null after reporting. */
  const readDate = (value: unknown, at: string, what: string): string | null => {
    if (value === undefined || value === null) {
      missing(at, what);
      return null;
    }
    if (typeof value !== 'string' || !DATE_TIME.test(value) || !FULL_DATE.test(value)) {
      problem(at, 'ZK-172', `${at} is geen datum JJJJ-MM-DD (R4 date of dateTime met dag; gekregen: '${String(value).slice(0, 30)}').`);
      return null;
    }
    return value.slice(0, 10);
  };

  // R4 required elements of Claim (1..1) that the claim line does not carry itself.
  const status = claim.status;
  if (status === undefined) missing(`${path}.status`, 'R4 Claim.status is verplicht');
  else if (typeof status !== 'string' || !FM_STATUS.includes(status)) problem(`${path}.status`, 'ZK-172', `${path}.status '${String(status).slice(0, 30)}' is geen code uit ${FM_STATUS.join(' | ')}.`);
  else if (status !== 'active') problem(`${path}.status`, 'ZK-172', `${path}.status is '${status}': alleen active wordt als declaratie verwerkt (crediteer met een negatief bedrag).`);
  codeableConcept(claim.type, `${path}.type`, 'R4 Claim.type is verplicht (institutional)');
  const use = claim.use;
  if (use === undefined) missing(`${path}.use`, 'R4 Claim.use is verplicht');
  else if (typeof use !== 'string' || !CLAIM_USE.includes(use)) problem(`${path}.use`, 'ZK-172', `${path}.use '${String(use).slice(0, 30)}' is geen code uit ${CLAIM_USE.join(' | ')}.`);
  else if (use !== 'claim') problem(`${path}.use`, 'ZK-172', `${path}.use is '${use}': alleen een declaratie (claim) wordt verwerkt.`);
  const created = claim.created;
  if (created === undefined) missing(`${path}.created`, 'R4 Claim.created is verplicht');
  else if (typeof created !== 'string' || !DATE_TIME.test(created)) problem(`${path}.created`, 'ZK-172', `${path}.created is geen R4 dateTime.`);
  codeableConcept(claim.priority, `${path}.priority`, 'R4 Claim.priority is verplicht (normal)');

  const insurance = claim.insurance;
  let focalCoverage: { reference: Json; at: string } | null = null;
  if (insurance === undefined || (Array.isArray(insurance) && insurance.length === 0)) missing(`${path}.insurance`, 'R4 Claim.insurance is verplicht (1..*)');
  else if (!Array.isArray(insurance)) problem(`${path}.insurance`, 'ZK-172', `${path}.insurance moet een lijst zijn.`);
  else {
    insurance.forEach((item: unknown, k) => {
      const at = `${path}.insurance[${k}]`;
      if (!isObject(item)) return problem(at, 'ZK-172', `${at} moet een object zijn.`);
      if (item.sequence === undefined) missing(`${at}.sequence`, 'R4 verplicht');
      else if (!isPositiveInt(item.sequence)) problem(`${at}.sequence`, 'ZK-172', `${at}.sequence moet een positief geheel getal zijn.`);
      if (item.focal === undefined) missing(`${at}.focal`, 'R4 verplicht');
      else if (typeof item.focal !== 'boolean') problem(`${at}.focal`, 'ZK-172', `${at}.focal moet true of false zijn.`);
      if (item.coverage === undefined) missing(`${at}.coverage`, 'R4 verplicht');
      else if (!isObject(item.coverage)) problem(`${at}.coverage`, 'ZK-172', `${at}.coverage moet een Reference zijn.`);
      else if (item.focal === true && focalCoverage === null) focalCoverage = { reference: item.coverage, at: `${at}.coverage` };
    });
  }

  // The claim line's own fields.
  let claimId: string | null = null;
  if (claim.identifier === undefined) missing(`${path}.identifier`, 'het declaratieregelnummer (claim_id)');
  else if (!Array.isArray(claim.identifier)) problem(`${path}.identifier`, 'ZK-172', `${path}.identifier moet een lijst zijn.`);
  else {
    claimId = identifierIn(claim.identifier, CLAIM_ID_SYSTEM) ?? claim.identifier.map((i: unknown) => (isObject(i) ? text(i.value) : null)).find((v) => v !== null) ?? null;
    if (claimId === null) missing(`${path}.identifier`, 'geen identifier met een value (claim_id)');
  }

  const patient = reference('patient', 'R4 Claim.patient is verplicht (BSN)');
  const bsn = patient === null ? null : identifierVia(patient, `${path}.patient`, BSN_SYSTEM);
  if (patient !== null && bsn === null) missing(`${path}.patient.identifier`, `geen identifier met system ${BSN_SYSTEM}`);

  const provider = reference('provider', 'R4 Claim.provider is verplicht (AGB-code)');
  const agb = provider === null ? null : identifierVia(provider, `${path}.provider`, AGB_SYSTEM);
  if (provider !== null && agb === null) missing(`${path}.provider.identifier`, `geen identifier met system ${AGB_SYSTEM}`);

  let uzovi: string | null = null;
  if (claim.insurer !== undefined && !isObject(claim.insurer)) problem(`${path}.insurer`, 'ZK-172', `${path}.insurer moet een Reference zijn.`);
  else if (isObject(claim.insurer)) uzovi = identifierVia(claim.insurer, `${path}.insurer`, UZOVI_SYSTEM);
  const coverage = focalCoverage as { reference: Json; at: string } | null;
  if (uzovi === null && coverage !== null) {
    uzovi = identifierVia(coverage.reference, coverage.at, UZOVI_SYSTEM, (resource, at) => {
      const payors: unknown[] = Array.isArray(resource.payor) ? resource.payor : [];
      for (const payor of payors) {
        if (!isObject(payor)) continue;
        const value = identifierVia(payor, `${at}.payor`, UZOVI_SYSTEM);
        if (value !== null) return value;
      }
      return null;
    });
  }
  if (uzovi === null) missing(claim.insurer === undefined ? `${path}.insurer` : `${path}.insurer.identifier`, `de zorgverzekeraar: identifier met system ${UZOVI_SYSTEM} (of Coverage.payor van de focale verzekering)`);

  const careType = codeIn(codeableConcept(claim.subType, `${path}.subType`, `het zorgtype (11 of 21, system ${CARE_TYPE_SYSTEM})`), `${path}.subType`, CARE_TYPE_SYSTEM, 'zorgtype 11 of 21');

  // A single item: one Claim is one claim line.
  const items = claim.item;
  let item: Json | null = null;
  if (items === undefined || (Array.isArray(items) && items.length === 0)) missing(`${path}.item`, 'één item met de prestatie');
  else if (!Array.isArray(items)) problem(`${path}.item`, 'ZK-172', `${path}.item moet een lijst zijn.`);
  else if (items.length > 1) problem(`${path}.item`, 'ZK-174', `${path}.item heeft ${items.length} items; stuur één Claim per declaratieregel.`);
  else if (!isObject(items[0])) problem(`${path}.item[0]`, 'ZK-172', `${path}.item[0] moet een object zijn.`);
  else item = items[0];

  const specialism = pickSequenced(claim.careTeam, item?.careTeamSequence, (member) => (isObject(member.qualification) ? codingCode(member.qualification, SPECIALISM_SYSTEM) : null));
  if (specialism === null) missing(`${path}.careTeam`, `het specialisme: careTeam.qualification met system ${SPECIALISM_SYSTEM}`);
  const diagnosis = pickSequenced(claim.diagnosis, item?.diagnosisSequence, (d) => (isObject(d.diagnosisCodeableConcept) ? codingCode(d.diagnosisCodeableConcept, DBC_DIAGNOSIS_SYSTEM) : null));
  if (diagnosis === null) missing(`${path}.diagnosis`, `de DBC-diagnose: diagnosis.diagnosisCodeableConcept met system ${DBC_DIAGNOSIS_SYSTEM}`);

  let productCode: string | null = null;
  let start: string | null = null;
  let end: string | null = null;
  let amount: string | null = null;
  let zi = '';
  let units = '';
  if (item !== null) {
    const at = `${path}.item[0]`;
    if (item.sequence === undefined) missing(`${at}.sequence`, 'R4 verplicht');
    else if (!isPositiveInt(item.sequence)) problem(`${at}.sequence`, 'ZK-172', `${at}.sequence moet een positief geheel getal zijn.`);
    productCode = codeIn(codeableConcept(item.productOrService, `${at}.productOrService`, 'R4 verplicht: de zorgproductcode'), `${at}.productOrService`, ZORGPRODUCT_SYSTEM, 'zorgproductcode');

    if (item.servicedPeriod !== undefined) {
      if (!isObject(item.servicedPeriod)) problem(`${at}.servicedPeriod`, 'ZK-172', `${at}.servicedPeriod moet een Period zijn.`);
      else {
        start = readDate(item.servicedPeriod.start, `${at}.servicedPeriod.start`, 'de begindatum van de prestatie');
        end = readDate(item.servicedPeriod.end, `${at}.servicedPeriod.end`, 'de einddatum van de prestatie');
      }
    } else if (item.servicedDate !== undefined) {
      start = end = readDate(item.servicedDate, `${at}.servicedDate`, 'de datum van de prestatie');
    } else missing(`${at}.serviced[x]`, 'servicedPeriod (begin- en einddatum) of servicedDate');

    const quantity = isObject(item.quantity) ? item.quantity.value : undefined;
    const moneyField = item.net !== undefined ? 'net' : item.unitPrice !== undefined && (quantity === undefined || quantity === 1) ? 'unitPrice' : null;
    if (moneyField === null) missing(`${at}.net`, 'het bedrag (net, of unitPrice zonder quantity)');
    else amount = readMoney(item[moneyField], `${at}.${moneyField}`, problem);

    if (item.detail !== undefined) {
      const detail = Array.isArray(item.detail) && isObject(item.detail[0]) ? item.detail[0] : null;
      if (detail === null || !Array.isArray(item.detail) || item.detail.length !== 1) problem(`${at}.detail`, 'ZK-172', `${at}.detail heeft precies één detail met het add-ongeneesmiddel (ZI-nummer en aantal eenheden).`);
      else {
        zi = (isObject(detail.productOrService) ? codingCode(detail.productOrService, ZI_NUMBER_SYSTEM) : null) ?? '';
        if (zi === '') problem(`${at}.detail[0].productOrService`, 'ZK-171', `${at}.detail[0].productOrService heeft geen coding met system ${ZI_NUMBER_SYSTEM} (ZI-nummer).`);
        if (detail.quantity !== undefined) {
          const value = isObject(detail.quantity) ? decimalText(detail.quantity.value) : null;
          if (value === null) problem(`${at}.detail[0].quantity.value`, 'ZK-172', `${at}.detail[0].quantity.value moet een getal zijn (het aantal eenheden).`);
          units = value ?? '';
        }
      }
    }
  }

  if (issues.length > 0) return { line, issues };
  const values: Record<ClaimField, string> = {
    claim_id: claimId ?? '', uzovi: uzovi ?? '', agb: agb ?? '', bsn: bsn ?? '', care_type: careType ?? '', specialism: specialism ?? '', diagnosis: diagnosis ?? '',
    product_code: productCode ?? '', start_date: start ?? '', end_date: end ?? '', amount_cents: amount ?? '', zi_number: zi, units,
  };
  return { line, record: Object.fromEntries(CLAIM_FIELDS.map((f) => [f, values[f]])) };
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The value of the first identifier with `system` in a list of Identifiers. */
function identifierIn(identifiers: unknown, system: string): string | null {
  if (!Array.isArray(identifiers)) return null;
  for (const identifier of identifiers) if (isObject(identifier) && identifier.system === system && text(identifier.value) !== null) return text(identifier.value);
  return null;
}

/** The code of the first coding with `system` in a CodeableConcept. */
function codingCode(concept: Json, system: string): string | null {
  if (!Array.isArray(concept.coding)) return null;
  for (const coding of concept.coding) if (isObject(coding) && coding.system === system && text(coding.code) !== null) return text(coding.code);
  return null;
}

/**
 * The value `pick` finds in the list element the item points to by sequence (careTeamSequence,
 * diagnosisSequence), else in the first element where it finds one.
 */
function pickSequenced(list: unknown, sequences: unknown, pick: (element: Json) => string | null): string | null {
  if (!Array.isArray(list)) return null;
  const elements = list.filter(isObject);
  const wanted = Array.isArray(sequences) ? sequences.filter((s): s is number => typeof s === 'number') : [];
  for (const sequence of wanted) {
    const element = elements.find((e) => e.sequence === sequence);
    const value = element ? pick(element) : null;
    if (value !== null) return value;
  }
  for (const element of elements) {
    const value = pick(element);
    if (value !== null) return value;
  }
  return null;
}

/** A Money in EUR as cents text, or null after reporting the problem. */
function readMoney(value: unknown, at: string, problem: (field: string, code: ClaimRejectCode, message: string) => void): string | null {
  if (!isObject(value)) {
    problem(at, 'ZK-172', `${at} moet een Money zijn ({ value, currency }).`);
    return null;
  }
  if (value.currency === undefined) problem(`${at}.currency`, 'ZK-171', `${at}.currency ontbreekt: bedragen zijn in EUR.`);
  else if (value.currency !== 'EUR') problem(`${at}.currency`, 'ZK-173', `${at}.currency is '${String(value.currency).slice(0, 10)}': alleen EUR.`);
  if (value.value === undefined) {
    problem(`${at}.value`, 'ZK-171', `${at}.value ontbreekt.`);
    return null;
  }
  const cents = decimalToCents(value.value);
  if (cents.ok) return String(cents.cents);
  if (cents.problem === 'not-a-number') problem(`${at}.value`, 'ZK-172', `${at}.value moet een getal zijn (JSON-number, geen tekst).`);
  else if (cents.problem === 'too-large') problem(`${at}.value`, 'ZK-173', `${at}.value is te groot (hoogstens ${MAX_FHIR_EURO_DIGITS} cijfers voor de punt).`);
  else problem(`${at}.value`, 'ZK-173', `${at}.value heeft meer dan 2 decimalen (gekregen: ${String(value.value).slice(0, 30)}); een bedrag is in hele centen.`);
  return null;
}

/** Options of the writer: `created` for every Claim (default: the line's end date, so the output is deterministic). */
export interface ClaimBundleOptions {
  created?: string;
  timestamp?: string;
}

/** One stored claim line as an R4 Claim (see the table at the top of this file). */
export function claimToFhir(line: ClaimLine, options: ClaimBundleOptions = {}): Claim {
  const provider = { type: 'Organization', identifier: { system: AGB_SYSTEM, value: line.agb } };
  const net = eurMoney(line.amountCents);
  const period = { start: line.startDate, end: line.endDate };
  const addOn = line.ziNumber !== null && line.units !== null
    ? { detail: [{ sequence: 1, productOrService: { coding: [{ system: ZI_NUMBER_SYSTEM, code: line.ziNumber }] }, quantity: { value: unitsToDecimal(line.units) } }] }
    : {};
  return {
    resourceType: 'Claim',
    identifier: [{ system: CLAIM_ID_SYSTEM, value: line.claimId }],
    status: 'active',
    type: { coding: [{ system: CLAIM_TYPE_SYSTEM, code: 'institutional', display: 'Institutional' }] },
    subType: { coding: [{ system: CARE_TYPE_SYSTEM, code: line.careType, display: line.careType === '11' ? 'Initieel subtraject' : 'Vervolgsubtraject' }] },
    use: 'claim',
    patient: { type: 'Patient', identifier: { system: BSN_SYSTEM, value: line.bsn } },
    billablePeriod: period,
    created: options.created ?? line.endDate,
    insurer: { type: 'Organization', identifier: { system: UZOVI_SYSTEM, value: line.uzovi } },
    provider,
    priority: { coding: [{ system: PROCESS_PRIORITY_SYSTEM, code: 'normal' }] },
    careTeam: [{ sequence: 1, provider, qualification: { coding: [{ system: SPECIALISM_SYSTEM, code: line.specialism }] } }],
    diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: DBC_DIAGNOSIS_SYSTEM, code: line.diagnosis }] } }],
    insurance: [{ sequence: 1, focal: true, coverage: { type: 'Coverage', display: 'Zorgverzekering (Zvw)' } }],
    item: [{
      sequence: 1, careTeamSequence: [1], diagnosisSequence: [1],
      productOrService: { coding: [{ system: ZORGPRODUCT_SYSTEM, code: line.productCode }] },
      servicedPeriod: period, net, ...addOn,
    }],
    total: net,
  };
}

/** Stored claim lines as a Bundle (type collection) of Claim, for `claims export --format fhir`. */
export function claimsToFhirBundle(claims: Iterable<ClaimLine>, options: ClaimBundleOptions = {}): Bundle<Claim> {
  const entry = [...claims].map((c) => ({ resource: claimToFhir(c, options) }));
  return { resourceType: 'Bundle', type: 'collection', ...(options.timestamp ? { timestamp: options.timestamp } : {}), entry };
}

/** The reject code's description, for codings (`display`). */
export function returnCodeDisplay(code: string): string | undefined {
  return (CLAIM_REJECT_CODES as Record<string, string>)[code];
}
