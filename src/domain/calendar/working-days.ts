/**
 * Working-day arithmetic with Dutch public holidays, for deadlines such as "within 10 working days
 * of receipt". Pure: dates are `YYYY-MM-DD` strings (no time, no time zone) and all arithmetic is
 * on UTC day numbers (`Date.UTC`), never the local clock.
 *
 * The holiday set is explicit data (`DUTCH_PUBLIC_HOLIDAYS_RULES`), with two choices as options
 * because Dutch law does not settle them and collective agreements (cao's) differ:
 * - Goede Vrijdag is not a general day off in the Netherlands: off by default (`goodFriday`).
 * - Bevrijdingsdag (5 May) is a day off in most cao's only in lustrum years (2020, 2025, 2030):
 *   `liberationDay: 'lustrum-only'` by default, `'every-year'` to count it always.
 * Saturdays and Sundays are never working days.
 */

/** A calendar date as `YYYY-MM-DD`. Functions here throw a RangeError on anything else (a bug). */
export type LocalDate = string;

export interface WorkingDayOptions {
  /** Count Goede Vrijdag (Easter − 2) as a holiday. Default false. */
  goodFriday?: boolean;
  /** When 5 May counts as a holiday. Default 'lustrum-only' (years divisible by 5). */
  liberationDay?: 'every-year' | 'lustrum-only';
}

export type HolidayKey =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'eerste-paasdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'eerste-pinksterdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

export type HolidayDateRule =
  /** The same day every year. */
  | { kind: 'fixed'; month: number; day: number }
  /** Days after Easter Sunday (anonymous Gregorian algorithm); negative is before. */
  | { kind: 'easter'; offsetDays: number }
  /** 27 April, or 26 April when the 27th is a Sunday (before 2014: Koninginnedag, see below). */
  | { kind: 'kings-day' };

export interface HolidayRule {
  key: HolidayKey;
  /** Dutch name, as shown to users. */
  name: string;
  date: HolidayDateRule;
  /** The option that decides whether this holiday counts; absent means always. */
  optional?: 'goodFriday' | 'liberationDay';
}

/** The Dutch public holidays this module knows, in calendar order. */
export const DUTCH_PUBLIC_HOLIDAYS_RULES: readonly HolidayRule[] = [
  { key: 'nieuwjaarsdag', name: 'Nieuwjaarsdag', date: { kind: 'fixed', month: 1, day: 1 } },
  { key: 'goede-vrijdag', name: 'Goede Vrijdag', date: { kind: 'easter', offsetDays: -2 }, optional: 'goodFriday' },
  { key: 'eerste-paasdag', name: 'Eerste Paasdag', date: { kind: 'easter', offsetDays: 0 } },
  { key: 'tweede-paasdag', name: 'Tweede Paasdag', date: { kind: 'easter', offsetDays: 1 } },
  { key: 'koningsdag', name: 'Koningsdag', date: { kind: 'kings-day' } },
  { key: 'bevrijdingsdag', name: 'Bevrijdingsdag', date: { kind: 'fixed', month: 5, day: 5 }, optional: 'liberationDay' },
  { key: 'hemelvaartsdag', name: 'Hemelvaartsdag', date: { kind: 'easter', offsetDays: 39 } },
  { key: 'eerste-pinksterdag', name: 'Eerste Pinksterdag', date: { kind: 'easter', offsetDays: 49 } },
  { key: 'tweede-pinksterdag', name: 'Tweede Pinksterdag', date: { kind: 'easter', offsetDays: 50 } },
  { key: 'eerste-kerstdag', name: 'Eerste Kerstdag', date: { kind: 'fixed', month: 12, day: 25 } },
  { key: 'tweede-kerstdag', name: 'Tweede Kerstdag', date: { kind: 'fixed', month: 12, day: 26 } },
];

export interface Holiday {
  date: LocalDate;
  name: string;
  key: HolidayKey;
}

/**
 * Years the rules are written for. Koningsdag exists since 2014; for 1980–2013 we use
 * Koninginnedag (30 April, 29 April when the 30th is a Sunday). Earlier years had other rules.
 */
export const MIN_YEAR = 1980;
export const MAX_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const DATE_TEXT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

// ---- dates as UTC day numbers -------------------------------------------------------------

/** Days since 1970-01-01 for a valid calendar date. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function toLocalDate(days: number): LocalDate {
  const d = new Date(days * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

function parts(date: string): { year: number; month: number; day: number } | undefined {
  const match = DATE_TEXT.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Reject 2023-02-30 and the like: the date must survive a round trip.
  if (toLocalDate(dayNumber(year, month, day)) !== date) return undefined;
  return { year, month, day };
}

/** True for an existing calendar date written as `YYYY-MM-DD` within MIN_YEAR..MAX_YEAR. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const p = parts(value);
  return p !== undefined && p.year >= MIN_YEAR && p.year <= MAX_YEAR;
}

function toDayNumber(date: LocalDate): number {
  const p = parts(date);
  if (!p || p.year < MIN_YEAR || p.year > MAX_YEAR) {
    throw new RangeError(`Geen geldige datum (JJJJ-MM-DD, ${MIN_YEAR}–${MAX_YEAR}): '${date}'`);
  }
  return dayNumber(p.year, p.month, p.day);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Jaar buiten ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

// ---- holidays ------------------------------------------------------------------------------

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toLocalDate(dayNumber(year, month, day));
}

function kingsDay(year: number): { days: number; name: string } {
  if (year >= 2014) {
    const days = dayNumber(year, 4, 27);
    return { days: weekday(days) === 0 ? days - 1 : days, name: 'Koningsdag' };
  }
  const days = dayNumber(year, 4, 30);
  return { days: weekday(days) === 0 ? days - 1 : days, name: 'Koninginnedag' };
}

function applies(rule: HolidayRule, year: number, options: WorkingDayOptions): boolean {
  switch (rule.optional) {
    case undefined:
      return true;
    case 'goodFriday':
      return options.goodFriday === true;
    case 'liberationDay':
      return (options.liberationDay ?? 'lustrum-only') === 'every-year' || year % 5 === 0;
  }
}

function holidayDays(year: number, options: WorkingDayOptions): { days: number; name: string; key: HolidayKey }[] {
  checkYear(year);
  const easter = toDayNumber(easterSunday(year));
  return DUTCH_PUBLIC_HOLIDAYS_RULES.filter((rule) => applies(rule, year, options))
    .map((rule) => {
      switch (rule.date.kind) {
        case 'fixed':
          return { days: dayNumber(year, rule.date.month, rule.date.day), name: rule.name, key: rule.key };
        case 'easter':
          return { days: easter + rule.date.offsetDays, name: rule.name, key: rule.key };
        case 'kings-day':
          return { ...kingsDay(year), key: rule.key };
      }
    })
    .sort((x, y) => x.days - y.days);
}

/** The holidays of `year` under `options`, in date order, with Dutch names. */
export function dutchHolidays(year: number, options: WorkingDayOptions = {}): Holiday[] {
  return holidayDays(year, options).map(({ days, name, key }) => ({ date: toLocalDate(days), name, key }));
}

// ---- working days --------------------------------------------------------------------------

/** Working-day test on day numbers, caching each year's holidays for one calculation. */
function workingDayTester(options: WorkingDayOptions): (days: number) => boolean {
  const byYear = new Map<number, Set<number>>();
  return (days) => {
    const wd = weekday(days);
    if (wd === 0 || wd === 6) return false;
    const year = new Date(days * MS_PER_DAY).getUTCFullYear();
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = new Set(holidayDays(year, options).map((h) => h.days));
      byYear.set(year, holidays);
    }
    return !holidays.has(days);
  };
}

/** True when `date` is a Monday–Friday that is not a holiday under `options`. */
export function isWorkingDay(date: LocalDate, options: WorkingDayOptions = {}): boolean {
  return workingDayTester(options)(toDayNumber(date));
}

/**
 * The `n`-th working day after `date`: the day itself (e.g. the day of receipt) never counts,
 * whether or not it is a working day. `n = 0` returns `date` unchanged; a negative `n` counts
 * back (the |n|-th working day before `date`). `n` must be an integer.
 */
export function addWorkingDays(date: LocalDate, n: number, options: WorkingDayOptions = {}): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: aantal moet een geheel getal zijn: ${n}`);
  const isWorking = workingDayTester(options);
  const step = n < 0 ? -1 : 1;
  let days = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    days += step;
    if (isWorking(days)) left -= 1;
  }
  const result = toLocalDate(days);
  toDayNumber(result); // throws when we ran past MIN_YEAR..MAX_YEAR
  return result;
}

/**
 * Working days from `from` to `to`, where `from` never counts and `to` does, in either direction:
 * the range (`from`, `to`] when `to` is later, and [`to`, `from`) negated when it is earlier.
 * So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every integer `n`; 0 when equal.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, options: WorkingDayOptions = {}): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const isWorking = workingDayTester(options);
  let count = 0;
  if (end > start) {
    for (let days = start + 1; days <= end; days += 1) if (isWorking(days)) count += 1;
    return count;
  }
  for (let days = end; days < start; days += 1) if (isWorking(days)) count += 1;
  return count === 0 ? 0 : -count;
}
