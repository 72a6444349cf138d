/**
 * Quarterly add-on figures (ADD §5): "U levert ieder kwartaal bij ons realisatie- en
 * prognosecijfers aan", and nacalculatie requires "tijdig in het tweede kwartaal juiste en
 * betrouwbare prognose- en realisatiecijfers". Pure:
 * - `checkFiguresHeader` / `validateFigures`: one row per add-on drug (ZI-nummer from the drug list)
 *   with year, quarter, AGB, patients, realisation and prognosis; every problem an issue with the
 *   line, the field (column name) and a Dutch message. Amounts in Dutch ("1.234,56") or plain
 *   ("1234.56") notation become integer cents through the money module, never through a float.
 * - `figuresSchedule`: the deadline per quarter, the time zone and the year the figures are about,
 *   all read from the policy (decisions `quarterly-figures-deadlines`, `quarterly-figures-year`).
 * - `uploadTiming` / `q2Timeliness`: whether an upload arrived on or before its deadline (the
 *   receipt's calendar day in Europe/Amsterdam), and the Q2 status that feeds condition
 *   `tijdige-cijfers-q2`: `on-time` when a correct Q2 file arrived in time, `late` when the first
 *   correct one came after the deadline, `incorrect` while only rejected ones arrived, `null` when
 *   none arrived at all.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import { dutchDate, localDateIn } from '../contracting/index.js';
import { parseAgb, parseZiNumber } from '../identifiers/index.js';
import { parseEuroAmount, type Cents } from '../money/index.js';
import { parameterValue, type AddOnPolicy } from '../policy/index.js';
import type { Q2Figures } from './eligibility.js';

export const FIGURES_COLUMNS = ['jaar', 'kwartaal', 'agb', 'zi_nummer', 'aantal_patienten', 'realisatie_eur', 'prognose_rest_jaar_eur'] as const;
export const FIGURES_OPTIONAL_COLUMNS = ['geneesmiddel'] as const;
export type FiguresColumn = (typeof FIGURES_COLUMNS)[number] | (typeof FIGURES_OPTIONAL_COLUMNS)[number];

/** What each column holds, for the template and the documentation. */
export const FIGURES_COLUMN_DOCS: Record<FiguresColumn, string> = {
  jaar: 'Het jaar waarover de cijfers gaan (bij de FDA 2022: 2021).',
  kwartaal: 'Het kwartaal van aanlevering, 1 tot en met 4.',
  agb: 'AGB-code van de zorgaanbieder (8 cijfers), dezelfde als die van de upload.',
  zi_nummer: 'ZI-nummer van het add-ongeneesmiddel (8 cijfers), uit de lijst add-ongeneesmiddelen; één regel per geneesmiddel.',
  aantal_patienten: 'Aantal patiënten dat het geneesmiddel kreeg: een geheel getal, 0 of meer.',
  realisatie_eur: 'Realisatie van 1 januari tot en met het kwartaal, in euro’s: 1.234,56 of 1234.56.',
  prognose_rest_jaar_eur: 'Prognose voor de rest van het jaar, in euro’s: 1.234,56 of 1234.56.',
  geneesmiddel: 'Naam van het geneesmiddel (optioneel, ter controle; telt niet mee).',
};

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export interface RawFiguresRow {
  /** Line (CSV) or row (Excel) number in the file. */
  line: number;
  values: Record<string, string>;
}

export interface FiguresUploadContext {
  agb: string;
  year: number;
  quarter: Quarter;
  /** ZI-nummers of the add-on drug list (table `addon_drugs`). */
  knownDrugs: ReadonlySet<string>;
}

export interface FigureRecord {
  line: number;
  agb: string;
  year: number;
  quarter: Quarter;
  ziNumber: string;
  patients: number;
  realisationCents: Cents;
  prognosisCents: Cents;
}

/** `Aantal patiënten` and `aantal-patienten` both read `aantal_patienten`. */
export function normaliseColumn(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function parseQuarter(value: unknown, field = 'quarter'): Result<Quarter> {
  const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
  if (!/^[1-4]$/.test(text)) {
    const message = `Kwartaal moet 1, 2, 3 of 4 zijn (gekregen: '${text.slice(0, 20)}').`;
    return fail('invalid_input', message, [{ field, message }]);
  }
  return ok(Number(text) as Quarter);
}

const DUTCH_GROUPED = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/;
const DUTCH_PLAIN = /^\d+,\d{1,2}$/;
const PLAIN = /^\d+(\.\d{1,2})?$/;
const AMBIGUOUS = /^\d{1,3}\.\d{3}$/;

/**
 * A euro amount in Dutch (`1.234,56`, `1234,5`, `€ 1.234`) or plain (`1234.56`) notation as integer
 * cents. `1.234` alone is refused: it reads 1234 in Dutch and 1,234 in plain notation. The text is
 * rewritten to the plain form and parsed by the money module; no float touches the amount.
 */
export function parseEuroText(input: string, field: string): Result<Cents> {
  const text = input.replace(/[\s\u00a0]/g, '').replace(/^€/, '');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (AMBIGUOUS.test(body)) {
    return fail('invalid_input', `Bedrag '${input.trim()}' is dubbelzinnig: schrijf ${body.replace('.', '')},00 of ${body.replace('.', '')}.00 (of ${body},00 met punt voor duizendtallen).`, [
      { field, message: `Bedrag '${input.trim()}' is dubbelzinnig (duizendtallen of decimalen?); schrijf bijvoorbeeld ${body},00.` },
    ]);
  }
  let plain: string;
  if (DUTCH_GROUPED.test(body) || DUTCH_PLAIN.test(body)) plain = body.replace(/\./g, '').replace(',', '.');
  else if (PLAIN.test(body)) plain = body;
  else {
    const shown = input.trim() === '' ? 'lege waarde' : `'${input.trim().slice(0, 30)}'`;
    const message = `Geen geldig bedrag in euro's (gekregen: ${shown}); schrijf bijvoorbeeld 1.234,56 of 1234.56, met hoogstens 2 decimalen.`;
    return fail('invalid_input', message, [{ field, message }]);
  }
  return parseEuroAmount(`${negative ? '-' : ''}${plain}`, field);
}

/** Required columns missing, unknown columns and duplicates in the (normalised) header; line 1. */
export function checkFiguresHeader(header: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set<string>([...FIGURES_COLUMNS, ...FIGURES_OPTIONAL_COLUMNS]);
  for (const column of FIGURES_COLUMNS) {
    if (!header.includes(column)) issues.push({ line: 1, field: column, message: `Verplichte kolom '${column}' ontbreekt.` });
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (column === '') continue;
    if (!known.has(column)) issues.push({ line: 1, field: column, message: `Onbekende kolom '${column}'; toegestaan zijn ${[...known].join(', ')}.` });
    else if (seen.has(column)) issues.push({ line: 1, field: column, message: `Kolom '${column}' staat er twee keer in.` });
    seen.add(column);
  }
  return issues;
}

const firstMessage = (result: { error: { message: string; issues?: FieldIssue[] } }) => result.error.issues?.[0]?.message ?? result.error.message;

function validateRow(row: RawFiguresRow, context: FiguresUploadContext, issues: FieldIssue[]): FigureRecord | null {
  const before = issues.length;
  const problem = (field: FiguresColumn, message: string) => issues.push({ line: row.line, field, message });
  const text = (column: FiguresColumn) => (row.values[column] ?? '').trim();

  const year = text('jaar');
  if (!/^\d{4}$/.test(year)) problem('jaar', `Jaar moet een jaartal van 4 cijfers zijn (gekregen: '${year}').`);
  else if (Number(year) !== context.year) problem('jaar', `Jaar ${year} wijkt af van het jaar van deze aanlevering (${context.year}).`);

  const quarter = parseQuarter(text('kwartaal'), 'kwartaal');
  if (!quarter.ok) problem('kwartaal', firstMessage(quarter));
  else if (quarter.value !== context.quarter) problem('kwartaal', `Kwartaal ${quarter.value} wijkt af van het kwartaal van deze aanlevering (${context.quarter}).`);

  const agb = parseAgb(text('agb'), 'agb');
  if (!agb.ok) problem('agb', firstMessage(agb));
  else if (agb.value !== context.agb) problem('agb', `AGB-code ${agb.value} wijkt af van de zorgaanbieder van deze aanlevering (${context.agb}).`);

  const zi = parseZiNumber(text('zi_nummer'), 'zi_nummer');
  if (!zi.ok) problem('zi_nummer', firstMessage(zi));
  else if (!context.knownDrugs.has(zi.value)) problem('zi_nummer', `ZI-nummer ${zi.value} staat niet in de lijst add-ongeneesmiddelen.`);

  const patientsText = text('aantal_patienten');
  const patients = Number(patientsText);
  if (!/^\d{1,9}$/.test(patientsText)) problem('aantal_patienten', `Aantal patiënten moet een geheel getal van 0 of meer zijn (gekregen: '${patientsText.slice(0, 30)}').`);

  const amount = (column: 'realisatie_eur' | 'prognose_rest_jaar_eur', label: string): Cents | null => {
    const parsed = parseEuroText(text(column), column);
    if (!parsed.ok) {
      problem(column, `${label}: ${firstMessage(parsed)}`);
      return null;
    }
    if (parsed.value < 0) {
      problem(column, `${label} mag niet negatief zijn.`);
      return null;
    }
    return parsed.value;
  };
  const realisation = amount('realisatie_eur', 'Realisatie');
  const prognosis = amount('prognose_rest_jaar_eur', 'Prognose rest van het jaar');

  if (issues.length > before || !zi.ok || !agb.ok || !quarter.ok || realisation === null || prognosis === null) return null;
  return { line: row.line, agb: agb.value, year: context.year, quarter: quarter.value, ziNumber: zi.value, patients, realisationCents: realisation, prognosisCents: prognosis };
}

/**
 * Validates every row of one upload against its provider, year and quarter and the drug list; one
 * row per drug. All or nothing: any issue fails the whole file, with every issue listed.
 */
export function validateFigures(rows: readonly RawFiguresRow[], context: FiguresUploadContext): Result<FigureRecord[]> {
  const issues: FieldIssue[] = [];
  if (rows.length === 0) {
    return fail('invalid_input', 'Het bestand bevat geen cijfers: onder de kopregel hoort één regel per add-ongeneesmiddel.', [{ line: 2, field: 'zi_nummer', message: 'Geen regels met cijfers.' }]);
  }
  const records: FigureRecord[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const record = validateRow(row, context, issues);
    if (!record) continue;
    const earlier = firstLineOf.get(record.ziNumber);
    if (earlier !== undefined) {
      issues.push({ line: row.line, field: 'zi_nummer', message: `ZI-nummer ${record.ziNumber} staat ook op regel ${earlier}; één regel per geneesmiddel.` });
      continue;
    }
    firstLineOf.set(record.ziNumber, row.line);
    records.push(record);
  }
  if (issues.length > 0) return fail('invalid_input', `${issues.length} ${issues.length === 1 ? 'fout' : 'fouten'} in de kwartaalcijfers; er is niets opgeslagen.`, issues);
  return ok(records);
}

export interface QuarterDeadline {
  quarter: Quarter;
  date: string;
  parameter: string;
}

export interface FiguresSchedule {
  policyId: string;
  /** The year the figures of this policy are about. */
  figuresYear: number;
  timeZone: string;
  /** The deadline day counts as in time. */
  inclusive: boolean;
  deadlines: Record<Quarter, QuarterDeadline>;
}

export const FIGURES_YEAR_PARAMETER = 'figures_year';
export const deadlineParameter = (quarter: Quarter) => `q${quarter}_figures_deadline`;

/** The quarterly schedule of an add-on policy; a parameter missing from the file is `not_found`. */
export function figuresSchedule(policy: AddOnPolicy): Result<FiguresSchedule> {
  const year = parameterValue(policy, FIGURES_YEAR_PARAMETER, 'integer');
  if (!year.ok) return year;
  const zone = parameterValue(policy, 'figures_timezone', 'text');
  if (!zone.ok) return zone;
  const inclusive = parameterValue(policy, 'deadline_day_inclusive', 'boolean');
  if (!inclusive.ok) return inclusive;
  const deadlines = {} as Record<Quarter, QuarterDeadline>;
  for (const quarter of QUARTERS) {
    const parameter = deadlineParameter(quarter);
    const date = parameterValue(policy, parameter, 'date');
    if (!date.ok) return date;
    deadlines[quarter] = { quarter, date: date.value, parameter };
  }
  return ok({ policyId: policy.id, figuresYear: year.value, timeZone: zone.value, inclusive: inclusive.value, deadlines });
}

export interface UploadTiming {
  /** The receipt's calendar day in the schedule's time zone. */
  receivedOn: string;
  deadline: string;
  inTime: boolean;
}

export function uploadTiming(schedule: FiguresSchedule, quarter: Quarter, receivedAt: Date): UploadTiming {
  const receivedOn = localDateIn(receivedAt, schedule.timeZone);
  const deadline = schedule.deadlines[quarter].date;
  return { receivedOn, deadline, inTime: schedule.inclusive ? receivedOn <= deadline : receivedOn < deadline };
}

export interface FiguresAttempt {
  id: number;
  status: 'accepted' | 'rejected';
  receivedAt: Date;
}

export interface Q2Timeliness {
  year: number;
  /** null: no Q2 file has arrived, so nothing is recorded (the agreement's own value applies). */
  status: Q2Figures | null;
  deadline: string;
  /** The upload that decided the status (the first correct one, else the last rejected one). */
  upload_id: number | null;
  received_on: string | null;
  reason: Reason;
}

const Q2_SOURCE = 'ADD §5';

/** The recorded Q2 status of one provider-year from its Q2 uploads (any order). */
export function q2Timeliness(schedule: FiguresSchedule, attempts: readonly FiguresAttempt[]): Q2Timeliness {
  const deadline = schedule.deadlines[2].date;
  const byTime = attempts.toSorted((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
  const accepted = byTime.filter((a) => a.status === 'accepted');
  const rejected = byTime.filter((a) => a.status === 'rejected');
  const base = { year: schedule.figuresYear, deadline };
  const inputs = (upload: FiguresAttempt | undefined, receivedOn: string | null) => ({
    year: schedule.figuresYear,
    deadline,
    deadline_parameter: schedule.deadlines[2].parameter,
    time_zone: schedule.timeZone,
    inclusive: schedule.inclusive,
    upload_id: upload?.id ?? null,
    received_on: receivedOn,
    accepted_uploads: accepted.length,
    rejected_uploads: rejected.length,
    decision: 'quarterly-figures-deadlines',
  });
  const due = `uiterlijk ${dutchDate(deadline)}${schedule.inclusive ? ' (tot en met die dag)' : ''}`;
  const first = accepted[0];
  if (first) {
    const timing = uploadTiming(schedule, 2, first.receivedAt);
    const status: Q2Figures = timing.inTime ? 'on-time' : 'late';
    return {
      ...base, status, upload_id: first.id, received_on: timing.receivedOn,
      reason: {
        rule: `addon.figures.q2.${status}`, source: Q2_SOURCE, inputs: inputs(first, timing.receivedOn),
        message: timing.inTime
          ? `De Q2-cijfers over ${schedule.figuresYear} zijn juist aangeleverd op ${dutchDate(timing.receivedOn)}; termijn ${due}: tijdig.`
          : `Het eerste juiste Q2-bestand over ${schedule.figuresYear} kwam op ${dutchDate(timing.receivedOn)}, na de termijn (uiterlijk ${dutchDate(deadline)}): te laat.`,
      },
    };
  }
  const last = rejected.at(-1);
  if (last) {
    const receivedOn = localDateIn(last.receivedAt, schedule.timeZone);
    return {
      ...base, status: 'incorrect', upload_id: last.id, received_on: receivedOn,
      reason: {
        rule: 'addon.figures.q2.incorrect', source: Q2_SOURCE, inputs: inputs(last, receivedOn),
        message: `Er ${rejected.length === 1 ? 'is één Q2-bestand' : `zijn ${rejected.length} Q2-bestanden`} over ${schedule.figuresYear} ontvangen, maar geen juist (laatste op ${dutchDate(receivedOn)} afgekeurd); de cijfers tellen als onjuist tot er een juist bestand binnenkomt; termijn ${due}.`,
      },
    };
  }
  return {
    ...base, status: null, upload_id: null, received_on: null,
    reason: {
      rule: 'addon.figures.q2.none', source: Q2_SOURCE, inputs: inputs(undefined, null),
      message: `Nog geen Q2-bestand over ${schedule.figuresYear} ontvangen (termijn ${due}); er is niets vastgelegd.`,
    },
  };
}
