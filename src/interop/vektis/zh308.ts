/**
 * Reading a Vektis ZH308 v9.0 claim file (Declaratie DBC/ziekenhuiszorg): fixed-length records of
 * 610 characters, one per line, in the order 01 voorlooprecord; per insured person a 02
 * verzekerdenrecord with its 04 prestatierecords, each followed by its 06 tariefrecord(s), 16
 * zorgactiviteitrecords and 98 commentaarrecords; 99 sluitrecord. Pure and streaming: a
 * `Zh308Reader` takes one line at a time and holds only the claim being read.
 *
 * Every record is checked against the layout (length, record type, field types, dates, mandatory
 * fields, reserve) and against its parents (keys equal to the 02 and 04 above it, detail ids
 * consecutive). A prestatierecord with its 06/16/98 records becomes one claim record keyed by
 * `CLAIM_FIELDS` (see `ZH308_CLAIM_FIELDS`), so the same `parseClaimRecord` and storage path as the
 * CSV import apply; a record with problems is rejected with the field, its position and a return
 * code. A bad voorlooprecord, a missing sluitrecord or a sluitrecord whose counts or total differ
 * from the records refuses the whole file (`fatal`).
 */
import type { ClaimSourceIssue, ClaimSourceItem } from '../claim-source.js';
import { fieldLabel, readFields, recordLabel, type FixedIssue } from './fixed-width.js';
import { RECORD_CODES } from './return-codes.js';
import { isZh308RecordType, ZH308_LAYOUT, ZH308_RECORD_LENGTH, zh308Field, zh308FieldLabel, type Zh308RecordType } from './zh308-layout.js';
import { UNITS_COMMENT_PREFIX, ZH308_CLAIM_FIELDS, ZH308_DEBIT_CREDIT_FIELDS, ZH308_FIXED_VALUES } from './zh308-mapping.js';

export { writeZh308, type Zh308Header } from './zh308-writer.js';

type Values = Record<string, string>;

/** Names of `CLAIM_FIELDS` as ZH308 fields, for the problems `parseClaimRecord` finds in a mapped record. */
export const ZH308_FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ZH308_CLAIM_FIELDS).map(([claimField, number]) => [claimField, zh308FieldLabel(number)]),
);

const RECORD_NAMES: Record<Zh308RecordType, string> = Object.fromEntries(Object.values(ZH308_LAYOUT).map((r) => [r.type, r.name])) as Record<Zh308RecordType, string>;

/** Key fields a 06/16 record repeats from its prestatierecord, and a 04 from its verzekerdenrecord. */
const KEYS: Record<'04' | '06' | '16', readonly (readonly [string, string])[]> = {
  '04': [['0403', '0203'], ['0404', '0204'], ['0408', '0207']],
  '06': [['0603', '0403'], ['0604', '0404'], ['0606', '0409'], ['0608', '0410'], ['0609', '0411'], ['0610', '0413']],
  '16': [['1603', '0403'], ['1604', '0404'], ['1606', '0409'], ['1607', '0410'], ['1608', '0411'], ['1609', '0413']],
};

interface Parsed {
  type: Zh308RecordType;
  /** Null when the record could not be read (wrong length). */
  values: Values | null;
  issues: FixedIssue[];
}

/** Reads one record of a known type: its length, every field by the layout, D/C indicators and fixed values. */
function parseRecord(text: string, type: Zh308RecordType): Parsed {
  if (text.length !== ZH308_RECORD_LENGTH) {
    return { type, values: null, issues: [{ field: recordLabel(ZH308_RECORD_LENGTH), code: RECORD_CODES.length, message: `Record is ${text.length} posities lang, niet ${ZH308_RECORD_LENGTH}` }] };
  }
  const { values, issues } = readFields(text, ZH308_LAYOUT[type].fields);
  for (const number of ZH308_DEBIT_CREDIT_FIELDS) {
    const value = values[number];
    if (value !== undefined && value !== '' && value !== 'D' && value !== 'C') {
      issues.push({ field: zh308FieldLabel(number), code: RECORD_CODES.debitCredit, message: `Indicatie debet/credit moet D of C zijn (gekregen: '${value}')` });
      values[number] = '';
    }
  }
  for (const [number, expected] of Object.entries(ZH308_FIXED_VALUES)) {
    const value = values[number];
    if (value !== undefined && value !== '' && value !== expected) {
      issues.push({ field: zh308FieldLabel(number), code: RECORD_CODES.fixedValue, message: `Waarde moet '${expected}' zijn (gekregen: '${value}')` });
    }
  }
  return { type, values, issues };
}

/** A numeric value, '' and all zeros meaning "not filled". */
const filled = (value: string | undefined): string => (value === undefined || /^0*$/.test(value) ? '' : value);

/** A signed amount in cents from an amount field and its D/C indicator; null when unreadable. */
function signedAmount(values: Values, amountField: string, dcField: string): number | null {
  const amount = values[amountField] ?? '';
  const dc = values[dcField] ?? '';
  if (dc === '') return null;
  const cents = amount === '' ? 0 : Number(amount);
  return dc === 'C' ? -cents : cents;
}

const issue = (number: string, code: string, message: string, line?: number): ClaimSourceIssue => ({
  field: zh308FieldLabel(number), code, message, ...(line === undefined ? {} : { line }),
});

interface PendingClaim {
  line: number;
  recordId: number | undefined;
  values: Values | null;
  issues: ClaimSourceIssue[];
  amountCents: number | null;
  tariffs: number;
  units: string | null;
  /** Detail ids of the records of this claim (04, 06, 16), which its comments may name. */
  ids: Set<number>;
}

interface Insured {
  values: Values | null;
  rejected: boolean;
}

/** The trailer's counts and the records actually read, per type. */
type Counts = Record<'02' | '04' | '06' | '16' | '98' | 'other', number>;

export class Zh308Reader {
  private headerSeen = false;
  private header: Values = {};
  private stopped = false;
  private trailerSeen = false;
  private insured: Insured | null = null;
  private pending: PendingClaim | null = null;
  private lastDetailId = 0;
  private readonly counts: Counts = { '02': 0, '04': 0, '06': 0, '16': 0, '98': 0, other: 0 };
  private totalCents = 0;
  private readonly fatal: ClaimSourceIssue[] = [];

  /** Reads the record on `line`; returns the claim records it completes. */
  push(raw: string, line: number): ClaimSourceItem[] {
    if (this.stopped) return [];
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const type = text.slice(0, 2);
    if (!this.headerSeen) return this.readHeader(text, type, line);
    if (this.trailerSeen) {
      this.fatal.push({ field: recordLabel(ZH308_RECORD_LENGTH), code: RECORD_CODES.order, message: 'Record na het sluitrecord (99)', line });
      return [];
    }
    if (type === '01') {
      this.fatal.push({ field: zh308FieldLabel('0101'), code: RECORD_CODES.order, message: 'Tweede voorlooprecord (01) in het bestand', line });
      return [];
    }
    if (type === '99') return [...this.flush(), ...this.readTrailer(text, line)];
    if (!isZh308RecordType(type)) {
      this.counts.other += 1;
      return [{ line, recordType: type, issues: [issue('0101', RECORD_CODES.recordType, `Onbekend recordtype '${type}' (ZH308 kent 01, 02, 04, 06, 16, 98, 99)`)] }];
    }
    const parsed = parseRecord(text, type);
    switch (type) {
      case '02':
        return this.readInsured(parsed, line);
      case '04':
        return this.readClaim(parsed, line);
      default:
        return this.readDetail(parsed, line);
    }
  }

  /** Ends the file: the last claim, and the refusal of the file when its frame is wrong. */
  finish(): ClaimSourceItem[] {
    if (this.stopped) return [];
    const items = this.flush();
    if (!this.headerSeen) {
      this.fatal.push({ field: zh308FieldLabel('0101'), code: RECORD_CODES.missingRecord, message: 'Het bestand is leeg: geen voorlooprecord (01)', line: 1 });
    } else if (!this.trailerSeen) {
      this.fatal.push({ field: zh308FieldLabel('9901'), code: RECORD_CODES.missingRecord, message: 'Het sluitrecord (99) ontbreekt' });
    }
    if (this.fatal.length > 0) items.push(this.refusal(this.fatal));
    this.stopped = true;
    return items;
  }

  private refusal(issues: ClaimSourceIssue[]): ClaimSourceItem {
    return {
      line: issues[0]?.line ?? 1,
      fatal: `ZH308-bestand geweigerd: ${issues.length === 1 ? '1 fout' : `${issues.length} fouten`} in voorlooprecord, sluitrecord of opbouw van het bestand; niets opgeslagen.`,
      issues,
    };
  }

  private readHeader(text: string, type: string, line: number): ClaimSourceItem[] {
    this.headerSeen = true;
    const parsed = type === '01' ? parseRecord(text, '01') : null;
    const issues: ClaimSourceIssue[] = parsed
      ? parsed.issues.map((i) => ({ ...i, line }))
      : [{ field: zh308FieldLabel('0101'), code: RECORD_CODES.order, message: `Het eerste record moet het voorlooprecord (01) zijn (gekregen: '${type}')`, line }];
    if (issues.length > 0 || parsed?.values == null) {
      this.stopped = true;
      return [this.refusal(issues)];
    }
    this.header = parsed.values;
    return [];
  }

  /** Detail ids run 1, 2, 3, ... over the 02, 04, 06 and 16 records (a comment repeats its record's id). */
  private checkDetailId(parsed: Parsed, idField: string): { id: number | undefined; issues: FixedIssue[] } {
    if (parsed.values === null) {
      // An unreadable record still took its place in the numbering.
      this.lastDetailId += 1;
      return { id: undefined, issues: [] };
    }
    const text = parsed.values[idField] ?? '';
    if (text === '') return { id: undefined, issues: [] };
    const id = Number(text);
    const expected = this.lastDetailId + 1;
    this.lastDetailId = id;
    return id === expected
      ? { id, issues: [] }
      : { id, issues: [{ field: zh308FieldLabel(idField), code: RECORD_CODES.detailId, message: `Identificatie detailrecord ${id} volgt niet op ${expected - 1} (verwacht: ${expected})` }] };
  }

  private readInsured(parsed: Parsed, line: number): ClaimSourceItem[] {
    const items = this.flush();
    this.counts['02'] += 1;
    const { id, issues } = this.checkDetailId(parsed, '0202');
    const all = [...parsed.issues, ...issues];
    this.insured = { values: parsed.values, rejected: all.length > 0 };
    if (all.length > 0) items.push({ line, recordType: '02', ...(id === undefined ? {} : { recordId: id }), issues: all });
    return items;
  }

  private readClaim(parsed: Parsed, line: number): ClaimSourceItem[] {
    const items = this.flush();
    this.counts['04'] += 1;
    const { id, issues: idIssues } = this.checkDetailId(parsed, '0402');
    const issues: ClaimSourceIssue[] = [...parsed.issues, ...idIssues];
    const values = parsed.values;
    if (this.insured === null) {
      issues.push(issue('0401', RECORD_CODES.order, 'Prestatierecord zonder verzekerdenrecord (02) ervoor'));
    } else if (this.insured.rejected) {
      issues.push(issue('0403', RECORD_CODES.parentRejected, 'Het verzekerdenrecord (02) boven dit prestatierecord is afgekeurd'));
    } else if (values !== null && this.insured.values !== null) {
      issues.push(...keyIssues(KEYS['04'], values, this.insured.values, 'verzekerdenrecord'));
    }
    this.pending = { line, recordId: id, values, issues, amountCents: null, tariffs: 0, units: null, ids: new Set(id === undefined ? [] : [id]) };
    return items;
  }

  /** A 06, 16 or 98 record: part of the claim above it. */
  private readDetail(parsed: Parsed, line: number): ClaimSourceItem[] {
    const type = parsed.type as '06' | '16' | '98';
    this.counts[type] += 1;
    const name = RECORD_NAMES[type];
    const issues: FixedIssue[] = [...parsed.issues];
    let commentFor: number | undefined;
    if (type === '98') {
      const id = parsed.values?.['9802'] ?? '';
      commentFor = id === '' ? undefined : Number(id);
      if (commentFor !== undefined && commentFor !== this.lastDetailId) {
        issues.push({ field: zh308FieldLabel('9802'), code: RECORD_CODES.order, message: `Commentaar bij detailrecord ${commentFor} staat niet direct achter dat record (vorige: ${this.lastDetailId})` });
      }
    } else {
      const { id, issues: idIssues } = this.checkDetailId(parsed, `${type}02`);
      issues.push(...idIssues);
      if (id !== undefined) this.pending?.ids.add(id);
    }
    if (type === '06' && parsed.values !== null) {
      const amount = signedAmount(parsed.values, '0620', '0621');
      if (amount !== null) this.totalCents += amount;
    }

    const pending = this.pending;
    if (pending === null || (type === '98' && commentFor !== undefined && !pending.ids.has(commentFor))) {
      // A comment on a verzekerdenrecord is allowed (and not kept); anything else needs a claim above it.
      if (type === '98' && issues.length === 0) return [];
      return [{ line, recordType: type, issues: [{ field: recordLabel(ZH308_RECORD_LENGTH), code: RECORD_CODES.order, message: `${name} zonder prestatierecord (04) ervoor` }, ...issues] }];
    }
    pending.issues.push(...issues.map((i) => ({ ...i, message: `${name} (regel ${line}): ${i.message}`, line })));
    if (type === '06') pending.tariffs += 1;
    if (parsed.values === null || issues.length > 0) return [];

    if (type === '98') {
      const text = parsed.values['9804'] ?? '';
      if (text.startsWith(UNITS_COMMENT_PREFIX)) pending.units = text.slice(UNITS_COMMENT_PREFIX.length).trim();
      return [];
    }
    if (pending.values !== null) {
      pending.issues.push(...keyIssues(KEYS[type], parsed.values, pending.values, 'prestatierecord').map((i) => ({ ...i, message: `${name} (regel ${line}): ${i.message}`, line })));
    }
    if (type === '06') {
      const amount = signedAmount(parsed.values, '0620', '0621');
      if (amount !== null) pending.amountCents = (pending.amountCents ?? 0) + amount;
    }
    return [];
  }

  private readTrailer(text: string, line: number): ClaimSourceItem[] {
    this.trailerSeen = true;
    const parsed = parseRecord(text, '99');
    this.fatal.push(...parsed.issues.map((i) => ({ ...i, line })));
    if (parsed.values === null || parsed.issues.length > 0) return [];
    const v = parsed.values;
    const count = (number: string) => Number(v[number] === '' ? '0' : v[number]);
    const c = this.counts;
    const expected: [string, number, string][] = [
      ['9902', c['02'], 'verzekerdenrecords'],
      ['9903', 0, 'debiteurrecords (ZH308 v9.0 kent er geen)'],
      ['9904', c['04'], 'prestatierecords'],
      ['9905', c['06'], 'tariefrecords'],
      ['9906', c['16'], 'zorgactiviteitrecords'],
      ['9907', c['98'], 'commentaarrecords'],
      ['9908', c['02'] + c['04'] + c['06'] + c['16'] + c['98'] + c.other, 'detailrecords'],
    ];
    for (const [number, actual, what] of expected) {
      if (count(number) !== actual) this.fatal.push(issue(number, RECORD_CODES.trailerCount, `Sluitrecord noemt ${count(number)} ${what}, het bestand bevat er ${actual}`, line));
    }
    const total = signedAmount(v, '9909', '9910');
    if (total !== this.totalCents) {
      this.fatal.push(issue('9909', RECORD_CODES.trailerTotal, `Sluitrecord noemt totaal ${total} cent, de tariefrecords tellen op tot ${this.totalCents} cent`, line));
    }
    return [];
  }

  /** Completes the claim being read: its claim record, rejected with its problems if it has any. */
  private flush(): ClaimSourceItem[] {
    const p = this.pending;
    if (p === null) return [];
    this.pending = null;
    if (p.values !== null && p.tariffs === 0) {
      p.issues.push(issue('0620', RECORD_CODES.tariffMissing, 'Bij dit prestatierecord staat geen tariefrecord (06) met het declaratiebedrag'));
    }
    const dc = p.values?.['0457'] ?? '';
    if (p.amountCents !== null && ((dc === 'D' && p.amountCents < 0) || (dc === 'C' && p.amountCents > 0))) {
      p.issues.push(issue('0457', RECORD_CODES.debitCreditConflict, `Prestatierecord staat op ${dc}, het tariefrecord geeft ${p.amountCents} cent`));
    }
    const record = p.values === null ? undefined : claimRecord(p, this.header);
    return [{ line: p.line, recordType: '04', ...(p.recordId === undefined ? {} : { recordId: p.recordId }), ...(record ? { record } : {}), ...(p.issues.length > 0 ? { issues: p.issues } : {}) }];
  }
}

function keyIssues(pairs: readonly (readonly [string, string])[], values: Values, parent: Values, parentName: string): ClaimSourceIssue[] {
  const issues: ClaimSourceIssue[] = [];
  for (const [own, theirs] of pairs) {
    const a = values[own] ?? '';
    const b = parent[theirs] ?? '';
    if (a !== '' && b !== '' && a !== b) {
      issues.push({ field: fieldLabel(zh308Field(own)), code: RECORD_CODES.key, message: `Waarde '${a}' wijkt af van ${theirs} in het ${parentName} ('${b}')` });
    }
  }
  return issues;
}

/** The claim as a CSV-shaped record (`CLAIM_FIELDS`), per `ZH308_CLAIM_FIELDS`. */
function claimRecord(p: PendingClaim, header: Values): Record<string, string> {
  const v = p.values ?? {};
  const zi = v['0448'] ?? '';
  const count = filled(v['0426']);
  return {
    claim_id: v['0458'] ?? '',
    uzovi: v['0404'] ?? '',
    agb: filled(v['0440']) || filled(header['0112']),
    bsn: v['0403'] ?? '',
    care_type: v['0427'] ?? '',
    specialism: filled(v['0439']),
    diagnosis: v['0431'] ?? '',
    product_code: v['0414'] ?? '',
    start_date: v['0411'] ?? '',
    end_date: v['0412'] ?? '',
    amount_cents: p.amountCents === null ? '' : String(p.amountCents),
    zi_number: zi,
    units: zi === '' ? '' : (p.units ?? (count === '' ? '0' : String(Number(count)))),
  };
}

/** The claim records of a ZH308 file read line by line (the file streamed as ISO-8859-1 lines). */
export async function* zh308ClaimRecords(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ClaimSourceItem> {
  const reader = new Zh308Reader();
  let line = 0;
  for await (const text of lines) {
    line += 1;
    yield* reader.push(text, line);
  }
  yield* reader.finish();
}

/** The claim records of a whole ZH308 file held as text. */
export function readZh308(text: string): ClaimSourceItem[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const reader = new Zh308Reader();
  const items = lines.flatMap((l, i) => reader.push(l, i + 1));
  return [...items, ...reader.finish()];
}
