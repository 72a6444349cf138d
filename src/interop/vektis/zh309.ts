/**
 * The ZH309 answer to an imported claim file (Retourinformatie declaratie DBC/ziekenhuiszorg) and
 * a checker of its own layout. Pure.
 *
 * Decision: the ZH309 specification sheet is not among the product's references, so this layout
 * is the product's own, in the form of the EI standards: 610-character records ended by CR LF; a
 * voorlooprecord 01 that repeats the ZH308 voorlooprecord's positions 1-117 (with code EI-bericht
 * `ZH309_MESSAGE_CODE`) and names the import; one retourrecord 04 per claim record of the file
 * received (and per record rejected on its own), carrying the sender's detail id, its line, the
 * claim's reference, the status, the claimed and granted amounts and up to three return codes,
 * each with the rubriek it concerns; a sluitrecord 99 with the counts and totals. An accepted
 * record has return code 8001 (COD954: declaratie volledig toegewezen); product codes `ZK-nnn` are
 * written `Znnn` (see `zh309ReturnCode`).
 */
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { debitCredit, fieldEndingAt, fieldLabel, fieldOf, readFields, recordLabel, signedCents, writeRecord, type FixedField } from './fixed-width.js';
import { ACCEPTED_RETURN_CODE, RECORD_CODES, zh309ReturnCode } from './return-codes.js';
import { ZH308_LAYOUT } from './zh308-layout.js';
import { ZH308_CURRENCY, ZH308_SUBVERSION, ZH308_VERSION } from './zh308-mapping.js';

/** Decision: 0102 Code externe-integratiebericht of the answer; assumed to follow ZH308's 101. */
export const ZH309_MESSAGE_CODE = '102';
export const ZH309_RECORD_LENGTH = 610;
/** 0407 Status verwerking: T toegewezen (accepted), A afgewezen (rejected). */
export const ZH309_STATUS = { accepted: 'T', rejected: 'A' } as const;

const f = fieldEndingAt;

/**
 * Where the voorlooprecord differs from ZH308's in positions 1-117: the invoice's fields
 * (0113-0116) are conditional, and 0117 is the day of the answer.
 */
const HEADER_CHANGES: Readonly<Record<string, Partial<FixedField>>> = {
  '0113': { obligation: 'C' },
  '0114': { obligation: 'C' },
  '0115': { obligation: 'C' },
  '0116': { obligation: 'C' },
  '0117': { name: 'Dagtekening retourbericht' },
};

export const ZH309_LAYOUT: Readonly<Record<'01' | '04' | '99', readonly FixedField[]>> = {
  '01': [
    ...ZH308_LAYOUT['01'].fields.filter((x) => x.obligation !== 'S').map((x) => ({ ...x, ...HEADER_CHANGES[x.number] })),
    f('0181', 'Identificatie import', 'N', 12, 129, 'M'),
    f('0182', 'Formaat heenbericht', 'AN', 5, 134, 'M'),
    f('0183', 'Bestandsnaam heenbericht', 'AN', 60, 194, 'C'),
    f('0180', 'Reserve', 'AN', 416, 610, 'S'),
  ],
  '04': [
    f('0401', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('0402', 'Identificatie detailrecord', 'N', 12, 14, 'M'),
    f('0403', 'Regelnummer heenbericht', 'N', 9, 23, 'M'),
    f('0404', 'Kenmerk record heenbericht', 'AN', 2, 25, 'C'),
    f('0405', 'Referentienummer declaratieregel', 'AN', 64, 89, 'C'),
    f('0406', 'Instellingscode', 'N', 8, 97, 'C'),
    f('0407', 'Status verwerking', 'AN', 1, 98, 'M'),
    f('0408', 'Declaratiebedrag', 'N', 11, 109, 'C'),
    f('0409', 'Indicatie debet/credit (01)', 'AN', 1, 110, 'M'),
    f('0410', 'Toegekend bedrag', 'N', 11, 121, 'C'),
    f('0411', 'Indicatie debet/credit (02)', 'AN', 1, 122, 'M'),
    f('0412', 'Retourcode (01)', 'AN', 4, 126, 'M'),
    f('0413', 'Rubriek retourcode (01)', 'AN', 4, 130, 'C'),
    f('0414', 'Retourcode (02)', 'AN', 4, 134, 'C'),
    f('0415', 'Rubriek retourcode (02)', 'AN', 4, 138, 'C'),
    f('0416', 'Retourcode (03)', 'AN', 4, 142, 'C'),
    f('0417', 'Rubriek retourcode (03)', 'AN', 4, 146, 'C'),
    f('0418', 'Toelichting', 'AN', 140, 286, 'C'),
    f('0480', 'Reserve', 'AN', 324, 610, 'S'),
  ],
  '99': [
    f('9901', 'Kenmerk record', 'N', 2, 2, 'M'),
    f('9902', 'Aantal retourrecords', 'N', 6, 8, 'M'),
    f('9903', 'Aantal toegewezen', 'N', 6, 14, 'M'),
    f('9904', 'Aantal afgewezen', 'N', 6, 20, 'M'),
    f('9905', 'Totaal aantal detailrecords', 'N', 7, 27, 'M'),
    f('9906', 'Totaal declaratiebedrag', 'N', 13, 40, 'M'),
    f('9907', 'Indicatie debet/credit (01)', 'AN', 1, 41, 'M'),
    f('9908', 'Totaal toegekend bedrag', 'N', 13, 54, 'M'),
    f('9909', 'Indicatie debet/credit (02)', 'AN', 1, 55, 'M'),
    f('9980', 'Reserve', 'AN', 555, 610, 'S'),
  ],
};

export interface Zh309Record {
  line: number;
  /** The sender's detail id (ZH308), else the line. */
  recordId: number | null;
  /** Record type in the file received (ZH308), else null. */
  recordType: string | null;
  claimId: string | null;
  agb: string | null;
  status: 'accepted' | 'rejected';
  issues: readonly { field: string; code: string; message: string }[];
  amountCents: number | null;
}

export interface Zh309Input {
  importId: number;
  format: string;
  fileName: string;
  /** YYYY-MM-DD: the day the answer is about (the import). */
  answerDate: string;
  /** The provider the answer is for (0112), or null for all records of a file of several providers. */
  agb: string | null;
  records: readonly Zh309Record[];
}

/** Printable ISO-8859-1 only: anything else becomes '?'. */
const latin1 = (text: string, max: number): string => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').slice(0, max);
const rubriekOf = (field: string): string => /^([0-9]{4}) /.exec(field)?.[1] ?? '';
/** One record of the answer from its field values (by number). */
const writeZh309Record = (type: keyof typeof ZH309_LAYOUT, values: Readonly<Record<string, string>>) => writeRecord(ZH309_LAYOUT[type], values, ZH309_RECORD_LENGTH);
/** How a field of the answer is named in messages. */
const zh309FieldLabel = (type: keyof typeof ZH309_LAYOUT, number: string) => fieldLabel(fieldOf(ZH309_LAYOUT[type], number));

/** The ZH309 answer: one retourrecord per record, in line order, between voorloop- and sluitrecord. */
export function writeZh309(input: Zh309Input): Result<string> {
  const lines: string[] = [];
  const head = writeZh309Record('01', {
    '0101': '01', '0102': ZH309_MESSAGE_CODE, '0103': ZH308_VERSION, '0104': ZH308_SUBVERSION, '0105': 'P', '0112': input.agb ?? '',
    '0117': input.answerDate, '0119': ZH308_CURRENCY, '0181': String(input.importId), '0182': input.format, '0183': latin1(input.fileName, 60),
  });
  if (!head.ok) return head;
  lines.push(head.value);
  let accepted = 0;
  let claimed = 0;
  let granted = 0;
  for (const r of [...input.records].sort((a, b) => a.line - b.line)) {
    const amount = r.amountCents ?? 0;
    const grantedCents = r.status === 'accepted' ? amount : 0;
    const codes = r.status === 'accepted' ? [{ code: ACCEPTED_RETURN_CODE, rubriek: '' }] : returnCodes(r.issues);
    const first = r.issues[0];
    const values: Record<string, string> = {
      '0401': '04', '0402': String(r.recordId ?? r.line), '0403': String(r.line), '0404': r.recordType ?? '', '0405': latin1(r.claimId ?? '', 64),
      '0406': r.agb ?? '', '0407': ZH309_STATUS[r.status], '0408': String(Math.abs(amount)), '0409': debitCredit(amount), '0410': String(Math.abs(grantedCents)), '0411': debitCredit(grantedCents),
      '0418': first ? latin1(`${first.field ? `${first.field}: ` : ''}${first.message}`, 140) : '',
    };
    codes.slice(0, 3).forEach((c, i) => {
      values[['0412', '0414', '0416'][i]!] = c.code;
      values[['0413', '0415', '0417'][i]!] = c.rubriek;
    });
    const record = writeZh309Record('04', values);
    if (!record.ok) return record;
    lines.push(record.value);
    if (r.status === 'accepted') accepted += 1;
    claimed += amount;
    granted += grantedCents;
  }
  const count = input.records.length;
  const trailer = writeZh309Record('99', {
    '9901': '99', '9902': String(count), '9903': String(accepted), '9904': String(count - accepted), '9905': String(count),
    '9906': String(Math.abs(claimed)), '9907': debitCredit(claimed), '9908': String(Math.abs(granted)), '9909': debitCredit(granted),
  });
  if (!trailer.ok) return trailer;
  lines.push(trailer.value);
  return ok(lines.map((l) => `${l}\r\n`).join(''));
}

/** Up to three distinct return codes of a rejected record, each with the rubriek it concerns (ZH308). */
function returnCodes(issues: Zh309Record['issues']): { code: string; rubriek: string }[] {
  const codes: { code: string; rubriek: string }[] = [];
  for (const issue of issues) {
    const code = zh309ReturnCode(issue.code);
    if (!codes.some((c) => c.code === code)) codes.push({ code, rubriek: rubriekOf(issue.field) });
  }
  return codes.length > 0 ? codes : [{ code: zh309ReturnCode(''), rubriek: '' }];
}

export interface Zh309Summary {
  records: number;
  accepted: number;
  rejected: number;
  claimedCents: number;
  grantedCents: number;
}

/**
 * Checks a ZH309 answer against its own layout: CR LF ended records of 610 characters; 01 first,
 * 99 last, 04 between; every field by type and obligation; status and return codes consistent;
 * the sluitrecord's counts and totals equal to the records.
 */
export function checkZh309(text: string): Result<Zh309Summary> {
  const issues: FieldIssue[] = [];
  const problem = (line: number, field: string, code: string, message: string) => issues.push({ line, field, code, message });
  if (text.length > 0 && !text.endsWith('\r\n')) problem(0, recordLabel(ZH309_RECORD_LENGTH), RECORD_CODES.length, 'Het laatste record eindigt niet op CR LF');
  const lines = text.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const summary: Zh309Summary = { records: 0, accepted: 0, rejected: 0, claimedCents: 0, grantedCents: 0 };
  let trailer: Record<string, string> | null = null;
  lines.forEach((line, index) => {
    const n = index + 1;
    const type = line.slice(0, 2);
    if (line.length !== ZH309_RECORD_LENGTH) return problem(n, recordLabel(ZH309_RECORD_LENGTH), RECORD_CODES.length, `Record is ${line.length} posities lang, niet ${ZH309_RECORD_LENGTH}`);
    if (type !== '01' && type !== '04' && type !== '99') return problem(n, 'Kenmerk record (pos 1-2)', RECORD_CODES.recordType, `Onbekend recordtype '${type}'`);
    const expected = index === 0 ? '01' : index === lines.length - 1 ? '99' : '04';
    if (type !== expected) problem(n, 'Kenmerk record (pos 1-2)', RECORD_CODES.order, `Record ${type} op deze plaats; verwacht ${expected}`);
    const fields = ZH309_LAYOUT[type];
    const read = readFields(line, fields);
    for (const i of read.issues) problem(n, i.field, i.code, i.message);
    const v = read.values;
    const label = (number: string) => zh309FieldLabel(type, number);
    const fixed = (number: string, value: string) => v[number] !== '' && v[number] !== value && problem(n, label(number), RECORD_CODES.fixedValue, `Waarde moet '${value}' zijn (gekregen: '${v[number]}')`);
    const dc = (number: string) => v[number] !== '' && v[number] !== 'D' && v[number] !== 'C' && problem(n, label(number), RECORD_CODES.debitCredit, `Indicatie debet/credit moet D of C zijn (gekregen: '${v[number]}')`);
    if (type === '01') {
      fixed('0102', ZH309_MESSAGE_CODE);
      fixed('0119', ZH308_CURRENCY);
    } else if (type === '04') {
      ['0409', '0411'].forEach(dc);
      const claimed = signedCents(v['0408'], v['0409']);
      const granted = signedCents(v['0410'], v['0411']);
      const status = v['0407'];
      summary.records += 1;
      summary.claimedCents += claimed;
      summary.grantedCents += granted;
      if (status === ZH309_STATUS.accepted) {
        summary.accepted += 1;
        if (v['0412'] !== ACCEPTED_RETURN_CODE || v['0414'] !== '' || v['0416'] !== '') problem(n, label('0412'), RECORD_CODES.fixedValue, `Een toegewezen record heeft alleen retourcode ${ACCEPTED_RETURN_CODE}`);
        if (granted !== claimed) problem(n, label('0410'), RECORD_CODES.trailerTotal, 'Een toegewezen record kent het gedeclareerde bedrag toe');
      } else if (status === ZH309_STATUS.rejected) {
        summary.rejected += 1;
        if (v['0412'] === '' || v['0412'] === ACCEPTED_RETURN_CODE) problem(n, label('0412'), RECORD_CODES.mandatory, 'Een afgewezen record heeft een retourcode van de afwijzing');
        if (granted !== 0) problem(n, label('0410'), RECORD_CODES.trailerTotal, 'Een afgewezen record kent niets toe');
      } else {
        problem(n, label('0407'), RECORD_CODES.fixedValue, `Status moet ${ZH309_STATUS.accepted} of ${ZH309_STATUS.rejected} zijn (gekregen: '${status}')`);
      }
    } else {
      ['9907', '9909'].forEach(dc);
      trailer = { ...v, line: String(n) };
    }
  });
  if (lines.length < 2) problem(lines.length, recordLabel(ZH309_RECORD_LENGTH), RECORD_CODES.missingRecord, 'Voorlooprecord of sluitrecord ontbreekt');
  const t = trailer as Record<string, string> | null;
  if (t !== null) {
    const n = Number(t.line);
    const label = (number: string) => zh309FieldLabel('99', number);
    const compare = (number: string, actual: number) =>
      Number(t[number] || '0') !== actual && problem(n, label(number), RECORD_CODES.trailerCount, `Sluitrecord noemt ${Number(t[number] || '0')}, de records geven ${actual}`);
    compare('9902', summary.records);
    compare('9903', summary.accepted);
    compare('9904', summary.rejected);
    compare('9905', summary.records);
    const claimed = signedCents(t['9906'], t['9907']);
    const granted = signedCents(t['9908'], t['9909']);
    if (claimed !== summary.claimedCents) problem(n, label('9906'), RECORD_CODES.trailerTotal, `Sluitrecord noemt ${claimed} cent gedeclareerd, de records ${summary.claimedCents}`);
    if (granted !== summary.grantedCents) problem(n, label('9908'), RECORD_CODES.trailerTotal, `Sluitrecord noemt ${granted} cent toegekend, de records ${summary.grantedCents}`);
  }
  if (issues.length > 0) return fail('invalid_input', `ZH309 voldoet niet aan de opmaak: ${issues.length === 1 ? '1 fout' : `${issues.length} fouten`}.`, issues);
  return ok(summary);
}
