/**
 * Writing claims as a Vektis ZH308 v9.0 file: a voorlooprecord for the declaring institution, per
 * insured person a verzekerdenrecord with a prestatierecord and a tariefrecord per claim (and a
 * commentaarrecord with the units of an add-on line that 0426 cannot hold), and a sluitrecord with
 * the counts and the total. Records are 610 characters, each ended by CR LF; the text is plain
 * ASCII (write it as ISO-8859-1). Pure. Where the claims lack a mandatory value the writer fills
 * the named decisions of `zh308-mapping.ts`, which the reader never reads back.
 */
import type { Claim } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb, parseUzovi } from '../../domain/identifiers/index.js';
import { writeRecord } from './fixed-width.js';
import { ZH308_LAYOUT, ZH308_RECORD_LENGTH, type Zh308RecordType } from './zh308-layout.js';
import {
  declarationCodeFor, DIAGNOSIS_CODE_LIST, FORWARDING_ALLOWED, FULL_PERCENTAGE, MAX_RECORD_AMOUNT_CENTS, MAX_UNITS_IN_COUNT, MESSAGE_KIND_PRODUCTION,
  NOT_KEPT, PAYMENT_TO_INSTITUTION, PRESTATION_CODE_LIST, TARIFF_KIND, UNITS_COMMENT_PREFIX, ZH308_CURRENCY, ZH308_MESSAGE_CODE, ZH308_SUBVERSION, ZH308_VERSION,
} from './zh308-mapping.js';

export interface Zh308Header {
  /** AGB code of the declaring institution: 0112 Instellingscode, and 0440 of every prestatierecord. */
  agb: string;
  /** 0108 UZOVI-nummer of the insurer the file goes to (optional). */
  uzovi?: string;
  /** 0116 Factuurnummer declarant, 1-12 characters. */
  invoiceNumber: string;
  /** 0117 Dagtekening factuur, YYYY-MM-DD. */
  invoiceDate: string;
  /** 0114/0115 Declaratieperiode; default the earliest start and latest end date of the claims (the invoice date without claims). */
  periodStart?: string;
  periodEnd?: string;
  /** 0105 Soort bericht; default production. */
  messageKind?: string;
}

const MAX_CLAIM_ID = 20;
const MAX_SEQUENCE = 99;
const WHOLE_UNITS = /^[1-9][0-9]*$/;

const record = (type: Zh308RecordType, values: Record<string, string>): Result<string> => writeRecord(ZH308_LAYOUT[type].fields, values, ZH308_RECORD_LENGTH);

/** The claims as a ZH308 file (CR LF after every record). All claims must be of the header's institution. */
export function writeZh308(claims: Iterable<Claim>, header: Zh308Header): Result<string> {
  const agb = parseAgb(header.agb, 'agb');
  if (!agb.ok) return agb;
  if (header.uzovi !== undefined) {
    const uzovi = parseUzovi(header.uzovi, 'uzovi');
    if (!uzovi.ok) return uzovi;
  }
  if (header.invoiceNumber.length < 1 || header.invoiceNumber.length > 12) {
    return fail('invalid_input', 'Factuurnummer moet 1 tot 12 tekens zijn.', [{ field: 'invoice_number', message: 'Ongeldig factuurnummer.' }]);
  }

  // Per insured person (BSN and UZOVI), in the order of first appearance.
  const persons = new Map<string, Claim[]>();
  let periodStart = header.periodStart ?? '';
  let periodEnd = header.periodEnd ?? '';
  for (const claim of claims) {
    const problem = unwritable(claim, agb.value);
    if (problem !== null) return fail('invalid_input', `Declaratie ${claim.claimId} kan niet als ZH308 worden geschreven: ${problem}`, [{ field: 'claim_id', message: problem }]);
    const key = `${claim.bsn}/${claim.uzovi}`;
    const list = persons.get(key) ?? [];
    list.push(claim);
    persons.set(key, list);
    if (header.periodStart === undefined && (periodStart === '' || claim.startDate < periodStart)) periodStart = claim.startDate;
    if (header.periodEnd === undefined && (periodEnd === '' || claim.endDate > periodEnd)) periodEnd = claim.endDate;
  }

  const lines: string[] = [];
  const add = (result: Result<string>): boolean => {
    if (result.ok) lines.push(result.value);
    return result.ok;
  };
  const voorloop = record('01', {
      '0101': '01', '0102': ZH308_MESSAGE_CODE, '0103': ZH308_VERSION, '0104': ZH308_SUBVERSION, '0105': header.messageKind ?? MESSAGE_KIND_PRODUCTION,
      '0108': header.uzovi ?? '', '0112': agb.value, '0113': PAYMENT_TO_INSTITUTION, '0114': periodStart || header.invoiceDate, '0115': periodEnd || header.invoiceDate,
      '0116': header.invoiceNumber, '0117': header.invoiceDate, '0119': ZH308_CURRENCY,
  });
  if (!add(voorloop)) return voorloop;

  const counts = { '02': 0, '04': 0, '06': 0, '98': 0 };
  let id = 0;
  let totalCents = 0;
  const sequences = new Map<string, number>();
  for (const [, personClaims] of persons) {
    const p = personClaims[0]!;
    const insured = record('02', {
      '0201': '02', '0202': String(++id), '0203': p.bsn, '0204': p.uzovi, '0207': NOT_KEPT.birthDate, '0208': NOT_KEPT.gender, '0209': NOT_KEPT.nameUse,
      '0210': NOT_KEPT.name, '0215': NOT_KEPT.initials, '0223': NOT_KEPT.deceased,
    });
    if (!add(insured)) return insured;
    counts['02'] += 1;
    for (const c of personClaims) {
      const declarationCode = declarationCodeFor(c.productCode);
      const sequenceKey = `${c.bsn}/${declarationCode}/${c.startDate}`;
      const sequence = (sequences.get(sequenceKey) ?? 0) + 1;
      sequences.set(sequenceKey, sequence);
      if (sequence > MAX_SEQUENCE) return fail('invalid_input', `Meer dan ${MAX_SEQUENCE} prestaties met dezelfde sleutel (${c.bsn}, ${declarationCode}, ${c.startDate}).`, [{ field: '0413', message: 'Prestatievolgnummer boven 99.' }]);
      const dc = c.amountCents < 0 ? 'C' : 'D';
      const amount = String(Math.abs(c.amountCents));
      const unitsInCount = c.units !== null && WHOLE_UNITS.test(c.units) && Number(c.units) <= MAX_UNITS_IN_COUNT;
      const claimId = ++id;
      const common = { bsn: c.bsn, uzovi: c.uzovi, start: c.startDate, sequence: String(sequence) };
      const prestation = record('04', {
        '0401': '04', '0402': String(claimId), '0403': common.bsn, '0404': common.uzovi, '0407': FORWARDING_ALLOWED, '0408': NOT_KEPT.birthDate,
        '0409': PRESTATION_CODE_LIST, '0410': declarationCode, '0411': c.startDate, '0412': c.endDate, '0413': common.sequence, '0414': c.productCode,
        '0421': NOT_KEPT.referrer, '0426': c.units === null ? '1' : unitsInCount ? c.units : '0', '0427': c.careType, '0430': DIAGNOSIS_CODE_LIST, '0431': c.diagnosis,
        '0436': NOT_KEPT.redeclaration, '0439': c.specialism, '0440': c.agb, '0448': c.ziNumber ?? '', '0457': dc, '0458': c.claimId,
      });
      if (!add(prestation)) return prestation;
      counts['04'] += 1;
      if (c.units !== null && !unitsInCount) {
        const comment = record('98', { '9801': '98', '9802': String(claimId), '9803': '1', '9804': `${UNITS_COMMENT_PREFIX}${c.units}` });
        if (!add(comment)) return comment;
        counts['98'] += 1;
      }
      const tariff = record('06', {
        '0601': '06', '0602': String(++id), '0603': common.bsn, '0604': common.uzovi, '0606': PRESTATION_CODE_LIST, '0608': declarationCode, '0609': common.start,
        '0610': common.sequence, '0611': TARIFF_KIND, '0614': amount, '0615': FULL_PERCENTAGE, '0617': amount, '0618': dc, '0620': amount, '0621': dc, '0622': c.claimId,
      });
      if (!add(tariff)) return tariff;
      counts['06'] += 1;
      totalCents += c.amountCents;
    }
  }
  const trailer = record('99', {
    '9901': '99', '9902': String(counts['02']), '9903': '0', '9904': String(counts['04']), '9905': String(counts['06']), '9906': '0', '9907': String(counts['98']),
    '9908': String(counts['02'] + counts['04'] + counts['06'] + counts['98']), '9909': String(Math.abs(totalCents)), '9910': totalCents < 0 ? 'C' : 'D',
  });
  if (!add(trailer)) return trailer;
  return ok(lines.map((l) => `${l}\r\n`).join(''));
}

/** Why a (valid) claim cannot be written as ZH308, or null. */
function unwritable(c: Claim, agb: string): string | null {
  if (c.agb !== agb) return `AGB-code ${c.agb} is niet de declarerende instelling ${agb} (een ZH308-bestand is één factuur van één instelling)`;
  if (c.claimId.length > MAX_CLAIM_ID) return `het declaratienummer is langer dan ${MAX_CLAIM_ID} tekens (0458 Referentienummer)`;
  if (Math.abs(c.amountCents) > MAX_RECORD_AMOUNT_CENTS) return `het bedrag past niet in 0620 Declaratiebedrag (hoogstens ${MAX_RECORD_AMOUNT_CENTS} cent)`;
  return null;
}
