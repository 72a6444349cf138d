/**
 * One claim line (declaratieregel) from a CSV record into a `Claim`, with a reject code per problem
 * in the style of the Vektis retourinformatie: every problem of the line is reported, each with the
 * line number, the field, a code from `CLAIM_REJECT_CODES` and a Dutch message. Pure.
 *
 * Fields: claim_id, uzovi, agb, bsn, care_type, specialism, diagnosis, product_code, start_date,
 * end_date, amount_cents, and for add-on lines zi_number and units (both or neither). Values are
 * trimmed; units come out canonical (`240`, `1.5`: no leading or trailing zeros).
 */
import { fail, ok, type AppError, type Result } from '../errors.js';
import { bsnElfproefValid, parseAgb, parseBsn, parseCareProductCode, parseUzovi, parseZiNumber } from '../identifiers/index.js';
import type { Claim } from './types.js';

export const CLAIM_FIELDS = [
  'claim_id', 'uzovi', 'agb', 'bsn', 'care_type', 'specialism', 'diagnosis', 'product_code',
  'start_date', 'end_date', 'amount_cents', 'zi_number', 'units',
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
/** Columns a claim file must have; `zi_number` and `units` may be left out when no line has them. */
export const REQUIRED_CLAIM_FIELDS: readonly ClaimField[] = CLAIM_FIELDS.filter((f) => f !== 'zi_number' && f !== 'units');

/** The reject codes, one per kind of problem ("ontbreekt" = empty or absent). */
export const CLAIM_REJECT_CODES = {
  'ZK-101': 'claim_id ontbreekt',
  'ZK-102': 'claim_id ongeldig (1-64 tekens: letters, cijfers, . _ / -)',
  'ZK-103': 'uzovi ontbreekt',
  'ZK-104': 'uzovi ongeldig (4 cijfers)',
  'ZK-105': 'agb ontbreekt',
  'ZK-106': 'agb ongeldig (8 cijfers)',
  'ZK-107': 'bsn ontbreekt',
  'ZK-108': 'bsn ongeldig (9 cijfers)',
  'ZK-109': 'bsn voldoet niet aan de elfproef',
  'ZK-110': 'care_type ontbreekt',
  'ZK-111': 'care_type ongeldig (11 of 21)',
  'ZK-112': 'specialism ontbreekt',
  'ZK-113': 'specialism ongeldig (4 cijfers)',
  'ZK-114': 'diagnosis ontbreekt',
  'ZK-115': 'diagnosis ongeldig (1-4 cijfers)',
  'ZK-116': 'product_code ontbreekt',
  'ZK-117': 'product_code ongeldig (9 cijfers)',
  'ZK-118': 'start_date ontbreekt',
  'ZK-119': 'start_date ongeldig (JJJJ-MM-DD, bestaande datum, jaar 1900-2999)',
  'ZK-120': 'end_date ontbreekt',
  'ZK-121': 'end_date ongeldig (JJJJ-MM-DD, bestaande datum, jaar 1900-2999)',
  'ZK-122': 'end_date ligt voor start_date',
  'ZK-123': 'amount_cents ontbreekt',
  'ZK-124': 'amount_cents ongeldig (geheel aantal centen, negatief voor een creditregel)',
  'ZK-125': 'zi_number ongeldig (8 cijfers)',
  'ZK-126': 'units ongeldig (groter dan 0, hoogstens 9 cijfers voor en 3 na de punt)',
  'ZK-127': 'zi_number en units horen samen (add-onregel: beide; anders geen van beide)',
  // FHIR R4 Bundle of Claim (src/interop/fhir): the field is the element path, e.g. Bundle.entry[2].resource.provider.
  'ZK-170': 'FHIR: bundelregel zonder Claim (geen resource, of een ander resourcetype)',
  'ZK-171': 'FHIR: verplicht element ontbreekt (R4 1..1, of nodig voor de declaratieregel)',
  'ZK-172': 'FHIR: element ongeldig (verkeerd type, of een code buiten de waardenlijst of die niet wordt verwerkt, zoals status draft)',
  'ZK-173': 'FHIR: bedrag niet in EUR, of met meer dan 2 decimalen',
  'ZK-174': 'FHIR: meer dan één item; één Claim is één declaratieregel',
  'ZK-175': 'FHIR: verwijzing naar een resource die niet in de Bundle staat',
  'ZK-179': 'FHIR: bestand is geen JSON-Bundle (R4) van het type batch of collection met Claims',
  'ZK-190': 'verplichte kolom ontbreekt in de kopregel',
  'ZK-191': 'regel onleesbaar (aantal velden wijkt af van de kopregel, of aanhalingstekens kloppen niet)',
} as const;
export type ClaimRejectCode = keyof typeof CLAIM_REJECT_CODES;

/** One problem of one line. */
export interface ClaimLineIssue {
  line: number;
  field: string;
  code: ClaimRejectCode;
  message: string;
}

export interface ClaimRecordError extends AppError {
  issues: ClaimLineIssue[];
}

const CLAIM_ID = /^[A-Za-z0-9._/-]{1,64}$/;
const FOUR_DIGITS = /^[0-9]{4}$/;
const DIAGNOSIS = /^[0-9]{1,4}$/;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const AMOUNT = /^(?:0|-?[1-9][0-9]*)$/;
const UNITS = /^([0-9]{1,9})(?:\.([0-9]{1,3}))?$/;

/** Whether `iso` is an existing calendar date `YYYY-MM-DD` with a year 1900-2999. */
export function isClaimDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Units as canonical text, or null when not a decimal > 0 with at most 9 + 3 digits. */
export function canonicalUnits(text: string): string | null {
  const m = UNITS.exec(text);
  if (!m) return null;
  const whole = (m[1] ?? '0').replace(/^0+(?=[0-9])/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (/^0$/.test(whole) && fraction === '') return null;
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

function messageOf(result: Result<unknown>): string {
  return result.ok ? '' : result.error.message;
}

/**
 * Validates one record (column name → cell text) of a claim file into a `Claim`. `line` is the
 * line number in the file (the header is line 1), carried into every problem.
 */
export function parseClaimRecord(record: Readonly<Record<string, string>>, line: number): Result<Claim, ClaimRecordError> {
  const issues: ClaimLineIssue[] = [];
  const problem = (field: ClaimField, code: ClaimRejectCode, message: string) => issues.push({ line, field, code, message });
  const cell = (field: ClaimField) => (record[field] ?? '').trim();
  /** The trimmed cell, or null after reporting it missing. */
  const required = (field: ClaimField, missing: ClaimRejectCode): string | null => {
    const value = cell(field);
    if (value.length === 0) {
      problem(field, missing, `${field} ontbreekt`);
      return null;
    }
    return value;
  };

  const claimId = required('claim_id', 'ZK-101');
  if (claimId !== null && !CLAIM_ID.test(claimId)) {
    problem('claim_id', 'ZK-102', 'claim_id moet 1 tot 64 tekens zijn: letters, cijfers, punt, liggend streepje, schuine streep of streepje');
  }
  const uzovi = required('uzovi', 'ZK-103');
  if (uzovi !== null) {
    const parsed = parseUzovi(uzovi, 'uzovi');
    if (!parsed.ok) problem('uzovi', 'ZK-104', messageOf(parsed));
  }
  const agb = required('agb', 'ZK-105');
  if (agb !== null) {
    const parsed = parseAgb(agb, 'agb');
    if (!parsed.ok) problem('agb', 'ZK-106', messageOf(parsed));
  }
  const bsn = required('bsn', 'ZK-107');
  if (bsn !== null) {
    const parsed = parseBsn(bsn, 'bsn');
    if (!parsed.ok) problem('bsn', /^[0-9]{9}$/.test(bsn) && !bsnElfproefValid(bsn) ? 'ZK-109' : 'ZK-108', messageOf(parsed));
  }
  const careType = required('care_type', 'ZK-110');
  if (careType !== null && careType !== '11' && careType !== '21') {
    problem('care_type', 'ZK-111', `care_type moet 11 (initieel) of 21 (vervolg) zijn (gekregen: '${careType.slice(0, 10)}')`);
  }
  const specialism = required('specialism', 'ZK-112');
  if (specialism !== null && !FOUR_DIGITS.test(specialism)) {
    problem('specialism', 'ZK-113', `specialism moet een Vektis-specialismecode van 4 cijfers zijn (gekregen: '${specialism.slice(0, 10)}')`);
  }
  const diagnosis = required('diagnosis', 'ZK-114');
  if (diagnosis !== null && !DIAGNOSIS.test(diagnosis)) {
    problem('diagnosis', 'ZK-115', `diagnosis moet een DBC-diagnosecode van 1 tot 4 cijfers zijn (gekregen: '${diagnosis.slice(0, 10)}')`);
  }
  const productCode = required('product_code', 'ZK-116');
  if (productCode !== null) {
    const parsed = parseCareProductCode(productCode, 'product_code');
    if (!parsed.ok) problem('product_code', 'ZK-117', messageOf(parsed));
  }
  const startDate = required('start_date', 'ZK-118');
  const startValid = startDate !== null && isClaimDate(startDate);
  if (startDate !== null && !startValid) problem('start_date', 'ZK-119', `start_date is geen bestaande datum JJJJ-MM-DD (gekregen: '${startDate.slice(0, 20)}')`);
  const endDate = required('end_date', 'ZK-120');
  const endValid = endDate !== null && isClaimDate(endDate);
  if (endDate !== null && !endValid) problem('end_date', 'ZK-121', `end_date is geen bestaande datum JJJJ-MM-DD (gekregen: '${endDate.slice(0, 20)}')`);
  if (startValid && endValid && startDate !== null && endDate !== null && endDate < startDate) {
    problem('end_date', 'ZK-122', `end_date ${endDate} ligt voor start_date ${startDate}`);
  }
  const amountText = required('amount_cents', 'ZK-123');
  let amountCents = 0;
  if (amountText !== null) {
    amountCents = Number(amountText);
    if (!AMOUNT.test(amountText) || !Number.isSafeInteger(amountCents)) {
      problem('amount_cents', 'ZK-124', `amount_cents moet een geheel aantal centen zijn, zonder punt of komma; negatief voor een creditregel (gekregen: '${amountText.slice(0, 20)}')`);
    }
  }
  const zi = cell('zi_number');
  const unitsText = cell('units');
  let units: string | null = null;
  if (zi !== '') {
    const parsed = parseZiNumber(zi, 'zi_number');
    if (!parsed.ok) problem('zi_number', 'ZK-125', messageOf(parsed));
  }
  if (unitsText !== '') {
    units = canonicalUnits(unitsText);
    if (units === null) problem('units', 'ZK-126', `units moet een aantal groter dan 0 zijn met een punt als decimaalteken, hoogstens 3 decimalen (gekregen: '${unitsText.slice(0, 20)}')`);
  }
  if ((zi === '') !== (unitsText === '')) {
    problem(zi === '' ? 'zi_number' : 'units', 'ZK-127', 'Een add-onregel heeft zowel zi_number als units; een andere regel geen van beide');
  }

  if (issues.length > 0) {
    const error = fail('invalid_input', `Regel ${line}: ${issues.length === 1 ? '1 fout' : `${issues.length} fouten`} in de declaratieregel`, issues);
    return error as Result<never, ClaimRecordError>;
  }
  return ok({
    claimId: claimId as string,
    uzovi: uzovi as string,
    agb: agb as string,
    bsn: bsn as string,
    careType: careType as '11' | '21',
    specialism: specialism as string,
    diagnosis: diagnosis as string,
    productCode: productCode as string,
    startDate: startDate as string,
    endDate: endDate as string,
    amountCents,
    ziNumber: zi === '' ? null : zi,
    units,
  });
}

/** The header problems of a claim file (ZK-190 per missing column), with line 1. */
export function claimHeaderIssues(columns: readonly string[]): ClaimLineIssue[] {
  const present = new Set(columns.map((c) => c.trim()));
  return REQUIRED_CLAIM_FIELDS.filter((f) => !present.has(f)).map((field) => ({
    line: 1, field, code: 'ZK-190', message: `Kolom '${field}' ontbreekt in de kopregel`,
  }));
}
