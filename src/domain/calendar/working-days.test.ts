import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUTCH_PUBLIC_HOLIDAYS_RULES,
  addWorkingDays,
  dutchHolidays,
  easterSunday,
  isLocalDate,
  isWorkingDay,
  workingDaysBetween,
} from './working-days.js';

describe('easterSunday', () => {
  it.each([
    [2017, '2017-04-16'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%d → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(new Date(`${easter}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });
});

describe('dutchHolidays', () => {
  it('lists 2024 with Dutch names in date order (defaults: no Goede Vrijdag, 5 May only in lustrum years)', () => {
    expect(dutchHolidays(2024)).toEqual([
      { date: '2024-01-01', name: 'Nieuwjaarsdag', key: 'nieuwjaarsdag' },
      { date: '2024-03-31', name: 'Eerste Paasdag', key: 'eerste-paasdag' },
      { date: '2024-04-01', name: 'Tweede Paasdag', key: 'tweede-paasdag' },
      { date: '2024-04-27', name: 'Koningsdag', key: 'koningsdag' },
      { date: '2024-05-09', name: 'Hemelvaartsdag', key: 'hemelvaartsdag' },
      { date: '2024-05-19', name: 'Eerste Pinksterdag', key: 'eerste-pinksterdag' },
      { date: '2024-05-20', name: 'Tweede Pinksterdag', key: 'tweede-pinksterdag' },
      { date: '2024-12-25', name: 'Eerste Kerstdag', key: 'eerste-kerstdag' },
      { date: '2024-12-26', name: 'Tweede Kerstdag', key: 'tweede-kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    expect(dutchHolidays(2014).find((h) => h.key === 'koningsdag')?.date).toBe('2014-04-26');
    expect(dutchHolidays(2025).find((h) => h.key === 'koningsdag')?.date).toBe('2025-04-26');
    expect(dutchHolidays(2023).find((h) => h.key === 'koningsdag')?.date).toBe('2023-04-27');
  });

  it('uses Koninginnedag before 2014', () => {
    expect(dutchHolidays(2013).find((h) => h.key === 'koningsdag')).toEqual({
      date: '2013-04-30',
      name: 'Koninginnedag',
      key: 'koningsdag',
    });
    expect(dutchHolidays(2006).find((h) => h.key === 'koningsdag')?.date).toBe('2006-04-29');
  });

  it('counts Bevrijdingsdag in lustrum years by default, every year on request', () => {
    const liberation = (year: number, every: boolean) =>
      dutchHolidays(year, every ? { liberationDay: 'every-year' } : {}).some((h) => h.key === 'bevrijdingsdag');
    expect(liberation(2025, false)).toBe(true);
    expect(liberation(2030, false)).toBe(true);
    expect(liberation(2026, false)).toBe(false);
    expect(liberation(2026, true)).toBe(true);
  });

  it('counts Goede Vrijdag only on request', () => {
    expect(dutchHolidays(2025).some((h) => h.key === 'goede-vrijdag')).toBe(false);
    expect(dutchHolidays(2025, { goodFriday: true }).find((h) => h.key === 'goede-vrijdag')?.date).toBe('2025-04-18');
  });

  it('Hemelvaart is a Thursday and Pinksteren a Sunday and Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2500 }), (year) => {
        const byKey = new Map(dutchHolidays(year).map((h) => [h.key, h.date]));
        const weekday = (key: string) => new Date(`${byKey.get(key as never) ?? ''}T00:00:00Z`).getUTCDay();
        expect(weekday('hemelvaartsdag')).toBe(4);
        expect(weekday('eerste-pinksterdag')).toBe(0);
        expect(weekday('tweede-pinksterdag')).toBe(1);
      }),
    );
  });

  it('exposes the rule set as data', () => {
    expect(DUTCH_PUBLIC_HOLIDAYS_RULES.map((r) => r.key)).toContain('goede-vrijdag');
    expect(DUTCH_PUBLIC_HOLIDAYS_RULES.find((r) => r.key === 'hemelvaartsdag')?.date).toEqual({
      kind: 'easter',
      offsetDays: 39,
    });
  });

  it('rejects years outside the supported range', () => {
    expect(() => dutchHolidays(1979)).toThrow(RangeError);
    expect(() => dutchHolidays(2024.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2024-04-02', true], // Tuesday after Easter
    ['2024-04-01', false], // Tweede Paasdag
    ['2024-03-29', true], // Goede Vrijdag, by default a working day
    ['2024-03-30', false], // Saturday
    ['2024-03-31', false], // Sunday
    ['2025-05-05', false], // Bevrijdingsdag 2025 (lustrum)
    ['2026-05-05', true], // Bevrijdingsdag 2026 (no lustrum)
    ['2024-12-26', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('follows the options', () => {
    expect(isWorkingDay('2024-03-29', { goodFriday: true })).toBe(false);
    expect(isWorkingDay('2026-05-05', { liberationDay: 'every-year' })).toBe(false);
  });

  it.each(['2024-02-30', '2024-13-01', '24-01-01', '2024-1-1', '2024-01-01T00:00', ''])('throws on %j', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
    expect(isLocalDate(date)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('10 working days from the Friday before Easter 2024 skip the weekend and Tweede Paasdag', () => {
    // Received Goede Vrijdag 29 March: Tue 2 April is day 1, ..., Mon 15 April is day 10.
    expect(addWorkingDays('2024-03-29', 10)).toBe('2024-04-15');
    expect(addWorkingDays('2024-03-29', 10, { goodFriday: true })).toBe('2024-04-15');
  });

  it('the day of receipt does not count', () => {
    expect(addWorkingDays('2024-03-28', 1)).toBe('2024-03-29');
    expect(addWorkingDays('2024-03-28', 1, { goodFriday: true })).toBe('2024-04-02');
    expect(addWorkingDays('2024-03-30', 1)).toBe('2024-04-02'); // received on a Saturday
    expect(addWorkingDays('2024-03-30', 0)).toBe('2024-03-30');
  });

  it('crosses Koningsdag, Bevrijdingsdag and the year end', () => {
    expect(addWorkingDays('2023-04-26', 1)).toBe('2023-04-28'); // Koningsdag 2023 is a Thursday
    expect(addWorkingDays('2025-04-24', 5)).toBe('2025-05-01'); // Koningsdag 2025 falls on Saturday 26 April
    expect(addWorkingDays('2025-05-02', 1)).toBe('2025-05-06'); // 5 May 2025 is a lustrum Monday
    expect(addWorkingDays('2024-12-24', 2)).toBe('2024-12-30');
    expect(addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
  });

  it('counts back for negative n', () => {
    expect(addWorkingDays('2024-04-02', -1)).toBe('2024-03-29');
    expect(addWorkingDays('2024-04-02', -1, { goodFriday: true })).toBe('2024-03-28');
  });

  it('always lands on a working day for n ≠ 0 and round-trips with workingDaysBetween', () => {
    const date = fc
      .integer({ min: 0, max: 365 * 40 })
      .map((offset) => new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const options = fc.record({
      goodFriday: fc.boolean(),
      liberationDay: fc.constantFrom('every-year' as const, 'lustrum-only' as const),
    });
    fc.assert(
      fc.property(date, fc.integer({ min: -300, max: 300 }), options, (d, n, opts) => {
        const result = addWorkingDays(d, n, opts);
        if (n !== 0) expect(isWorkingDay(result, opts)).toBe(true);
        expect(workingDaysBetween(d, result, opts)).toBe(n);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('excludes from and includes to', () => {
    expect(workingDaysBetween('2024-03-29', '2024-04-15')).toBe(10);
    expect(workingDaysBetween('2024-04-15', '2024-04-15')).toBe(0);
    expect(workingDaysBetween('2024-04-05', '2024-04-08')).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2024-04-08', '2024-04-05')).toBe(-1);
  });

  it('counts a whole year', () => {
    // 2024: 262 weekdays; holidays on weekdays: 1 Jan, 1 Apr, 9 May, 20 May, 25 Dec, 26 Dec.
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(256);
  });
});
