/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import addOnYaml from '../../../policies/add-on-2022.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type AddOnPolicy } from '../policy/index.js';
import {
  checkFiguresHeader,
  FIGURES_COLUMNS,
  figuresSchedule,
  normaliseColumn,
  parseEuroText,
  parseQuarter,
  q2Timeliness,
  uploadTiming,
  validateFigures,
  type FiguresUploadContext,
  type RawFiguresRow,
} from './figures.js';

function loadAddOn(): AddOnPolicy {
  const policy = expectOk(parsePolicy(parse(addOnYaml), 'policies/add-on-2022.yaml'));
  if (policy.kind !== 'add-on') throw new Error('verwacht een add-on-beleid');
  return policy;
}
const policy = loadAddOn();
const schedule = expectOk(figuresSchedule(policy));

const AGB = '06010001';
const ZI = '14012345';
const context: FiguresUploadContext = { agb: AGB, year: 2021, quarter: 2, knownDrugs: new Set([ZI, '14099999']) };
const good: Record<string, string> = {
  jaar: '2021',
  kwartaal: '2',
  agb: AGB,
  zi_nummer: ZI,
  aantal_patienten: '12',
  realisatie_eur: '1.234,56',
  prognose_rest_jaar_eur: '2469.12',
};
const row = (over: Record<string, string> = {}, line = 2): RawFiguresRow => ({ line, values: { ...good, ...over } });
const issuesOf = (rows: RawFiguresRow[]) => {
  const result = validateFigures(rows, context);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.issues ?? [];
};

describe('parseEuroText: Dutch and plain notation into exact cents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234,5', 123450],
    ['1.234.567,89', 123456789],
    ['1.234.567', 123456700],
    ['€ 1.234,56', 123456],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0,01', 1],
    ['0.10', 10],
    [' 12,00 ', 1200],
    ['-12,30', -1230],
    ['90071992547409,91', 9007199254740991],
  ])('%s is %i cents', (text, cents) => {
    expect(parseEuroText(text, 'realisatie_eur')).toEqual({ ok: true, value: cents });
  });

  it('is exact where a float is not: 0,29 and 1.005,07', () => {
    expect(expectOk(parseEuroText('0,29', 'x'))).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(expectOk(parseEuroText('1.005,07', 'x'))).toBe(100507);
    expect(expectOk(parseEuroText('4.35', 'x'))).toBe(435); // 4.35 * 100 = 434.99999999999994
  });

  it.each(['1.234', '12.345', '1,234', '1.234,567', '12,3,4', 'abc', '', '1.23.45', '1 234,56x', '90071992547409,92', '1e3'])('refuses %j naming the field', (text) => {
    const result = parseEuroText(text, 'prognose_rest_jaar_eur');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('prognose_rest_jaar_eur');
  });

  it('explains the ambiguity of 1.234', () => {
    const result = parseEuroText('1.234', 'realisatie_eur');
    expect(!result.ok && result.error.message).toMatch(/dubbelzinnig/);
  });
});

describe('the header', () => {
  it('normalises Dutch spellings of the column names', () => {
    expect(normaliseColumn(' Aantal patiënten ')).toBe('aantal_patienten');
    expect(normaliseColumn('ZI-nummer')).toBe('zi_nummer');
  });

  it('accepts the columns, in any order, with the optional drug name', () => {
    expect(checkFiguresHeader([...FIGURES_COLUMNS].reverse())).toEqual([]);
    expect(checkFiguresHeader([...FIGURES_COLUMNS, 'geneesmiddel'])).toEqual([]);
  });

  it('names every missing, unknown or doubled column on line 1', () => {
    const issues = checkFiguresHeader(['jaar', 'kwartaal', 'agb', 'agb', 'zi_nummer', 'realisatie_eur', 'opmerking']);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [1, 'aantal_patienten'],
      [1, 'prognose_rest_jaar_eur'],
      [1, 'agb'],
      [1, 'opmerking'],
    ]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});

describe('validateFigures: every field checked, with line and field', () => {
  it('turns a good row into a record in cents', () => {
    expect(expectOk(validateFigures([row()], context))).toEqual([
      { line: 2, agb: AGB, year: 2021, quarter: 2, ziNumber: ZI, patients: 12, realisationCents: 123456, prognosisCents: 246912 },
    ]);
  });

  it.each([
    ['jaar', '21', /4 cijfers/],
    ['jaar', '2020', /wijkt af.*2021/],
    ['kwartaal', '5', /1, 2, 3 of 4/],
    ['kwartaal', '3', /wijkt af.*2/],
    ['agb', '0601', /8 cijfers/],
    ['agb', '06019999', /wijkt af.*06010001/],
    ['zi_nummer', '1401234', /8 cijfers/],
    ['zi_nummer', '14000000', /niet in de lijst/],
    ['aantal_patienten', '-1', /geheel getal/],
    ['aantal_patienten', '2,5', /geheel getal/],
    ['aantal_patienten', '', /geheel getal/],
    ['realisatie_eur', '1.234', /dubbelzinnig/],
    ['realisatie_eur', '-5,00', /negatief/],
    ['realisatie_eur', '', /Geen geldig bedrag/],
    ['prognose_rest_jaar_eur', '12,345', /Geen geldig bedrag/],
  ])('%s = %j is refused', (field, value, message) => {
    const issues = issuesOf([row(), row({ [field]: value }, 3)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, field });
    expect(issues[0]?.message).toMatch(message);
  });

  it('lists every problem of every row, and refuses a drug twice', () => {
    const issues = issuesOf([row({}, 2), row({ agb: 'x', kwartaal: '0' }, 4), row({ aantal_patienten: '3' }, 5)]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [4, 'kwartaal'],
      [4, 'agb'],
      [5, 'zi_nummer'],
    ]);
    expect(issues[2]?.message).toMatch(/ook op regel 2/);
  });

  it('refuses a file without rows', () => {
    expect(validateFigures([], context).ok).toBe(false);
  });

  it('reads the quarter strictly', () => {
    expect(parseQuarter(2)).toEqual({ ok: true, value: 2 });
    expect(parseQuarter('4')).toEqual({ ok: true, value: 4 });
    for (const bad of ['0', '5', '2.0', 'Q2', '', null]) expect(parseQuarter(bad).ok).toBe(false);
  });
});

describe('the schedule comes from the policy', () => {
  it('has a deadline for every quarter, the figures year and the time zone', () => {
    expect(schedule.figuresYear).toBe(2021);
    expect(schedule.timeZone).toBe('Europe/Amsterdam');
    expect(schedule.inclusive).toBe(true);
    expect(Object.values(schedule.deadlines).map((d) => [d.quarter, d.date, d.parameter])).toEqual([
      [1, '2021-03-31', 'q1_figures_deadline'],
      [2, '2021-06-30', 'q2_figures_deadline'],
      [3, '2021-09-30', 'q3_figures_deadline'],
      [4, '2021-12-31', 'q4_figures_deadline'],
    ]);
    // The Q2 deadline is the one the eligibility rule already cites.
    expect(policy.parameters.find((p) => p.id === 'q2_figures_deadline')?.value).toBe(schedule.deadlines[2].date);
    for (const quarter of [1, 3, 4]) expect(policy.parameters.find((p) => p.id === `q${quarter}_figures_deadline`)?.decision).toBe('quarterly-figures-deadlines');
  });

  it('refuses a policy without the parameters', () => {
    const bare = { ...policy, parameters: policy.parameters.filter((p) => p.id !== 'q3_figures_deadline') };
    expect(figuresSchedule(bare).ok).toBe(false);
  });

  it('counts the deadline day as in time only when the policy says so', () => {
    const exclusive = { ...schedule, inclusive: false };
    const noon = new Date('2021-06-30T10:00:00Z');
    expect(uploadTiming(schedule, 2, noon).inTime).toBe(true);
    expect(uploadTiming(exclusive, 2, noon).inTime).toBe(false);
  });
});

describe('q2Timeliness: on or after the deadline, in Amsterdam', () => {
  const at = (iso: string) => new Date(iso);
  const accepted = (id: number, iso: string) => ({ id, status: 'accepted' as const, receivedAt: at(iso) });
  const rejected = (id: number, iso: string) => ({ id, status: 'rejected' as const, receivedAt: at(iso) });

  it('is on time on the deadline day, up to midnight in Amsterdam', () => {
    const lastMinute = q2Timeliness(schedule, [accepted(1, '2021-06-30T21:59:59Z')]); // 23:59:59 CEST
    expect(lastMinute).toMatchObject({ status: 'on-time', received_on: '2021-06-30', deadline: '2021-06-30', upload_id: 1, year: 2021 });
    expect(lastMinute.reason).toMatchObject({ rule: 'addon.figures.q2.on-time', source: 'ADD §5' });
    expect(lastMinute.reason.inputs).toMatchObject({ deadline: '2021-06-30', time_zone: 'Europe/Amsterdam', decision: 'quarterly-figures-deadlines' });
  });

  it('is late just after midnight in Amsterdam, though it is still 30 June in UTC', () => {
    const justLate = q2Timeliness(schedule, [accepted(1, '2021-06-30T22:00:00Z')]); // 00:00 CEST on 1 July
    expect(justLate).toMatchObject({ status: 'late', received_on: '2021-07-01' });
    expect(justLate.reason.message).toMatch(/te laat/);
    expect(q2Timeliness(schedule, [accepted(1, '2021-08-15T09:00:00Z')]).status).toBe('late');
    expect(q2Timeliness(schedule, [accepted(1, '2021-04-01T09:00:00Z')]).status).toBe('on-time');
  });

  it('is incorrect while only rejected files arrived, also before the deadline', () => {
    const result = q2Timeliness(schedule, [rejected(1, '2021-06-01T09:00:00Z'), rejected(2, '2021-06-20T09:00:00Z')]);
    expect(result).toMatchObject({ status: 'incorrect', upload_id: 2, received_on: '2021-06-20' });
    expect(result.reason.inputs).toMatchObject({ rejected_uploads: 2, accepted_uploads: 0 });
  });

  it('becomes on time when a correct file follows a rejected one before the deadline', () => {
    expect(q2Timeliness(schedule, [rejected(1, '2021-06-01T09:00:00Z'), accepted(2, '2021-06-29T09:00:00Z')])).toMatchObject({ status: 'on-time', upload_id: 2 });
  });

  it('becomes late when the correct file only comes after the deadline', () => {
    expect(q2Timeliness(schedule, [rejected(1, '2021-06-01T09:00:00Z'), accepted(2, '2021-07-02T09:00:00Z')])).toMatchObject({ status: 'late', upload_id: 2 });
  });

  it('keeps on time when a correction comes later, whatever the order given', () => {
    const result = q2Timeliness(schedule, [accepted(3, '2021-07-10T09:00:00Z'), rejected(2, '2021-07-01T09:00:00Z'), accepted(1, '2021-06-10T09:00:00Z')]);
    expect(result).toMatchObject({ status: 'on-time', upload_id: 1 });
  });

  it('records nothing when no Q2 file arrived', () => {
    const none = q2Timeliness(schedule, []);
    expect(none).toMatchObject({ status: null, upload_id: null, received_on: null });
    expect(none.reason.rule).toBe('addon.figures.q2.none');
  });
});
