import { describe, expect, test } from 'vitest';
import { appLinkOf, contractLink, daysBetween, daysLeftText, daysOverdueText } from './contracting-labels';

describe('day counts of the contracting year', () => {
  test('calendar days between two server days, across months and a leap day', () => {
    expect(daysBetween('2017-05-15', '2017-07-10')).toBe(56);
    expect(daysBetween('2017-07-10', '2017-04-01')).toBe(-100);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    // Summer time changes nothing: the days are dates, not instants.
    expect(daysBetween('2017-10-28', '2017-10-30')).toBe(2);
  });

  test('in Dutch words', () => {
    expect(daysLeftText(0)).toBe('vandaag');
    expect(daysLeftText(1)).toBe('nog 1 dag');
    expect(daysLeftText(56)).toBe('nog 56 dagen');
    expect(daysLeftText(-1)).toBe('1 dag geleden');
    expect(daysLeftText(-100)).toBe('100 dagen geleden');
    expect(daysOverdueText(1)).toBe('1 dag te laat');
    expect(daysOverdueText(3)).toBe('3 dagen te laat');
  });
});

describe('links to the contract tab', () => {
  test('the default year is left out of the address', () => {
    expect(contractLink('06010001')).toBe('/providers/06010001?tab=contract');
    expect(contractLink('06010001', 2018)).toBe('/providers/06010001?tab=contract');
    expect(contractLink('06010001', 2019)).toBe('/providers/06010001?tab=contract&year=2019');
  });

  test("a notification's #contract link opens the contract tab; other local links stay as they are", () => {
    expect(appLinkOf('/providers/06010001?year=2018#contract')).toBe('/providers/06010001?tab=contract');
    expect(appLinkOf('/providers/06010001?year=2019#contract')).toBe('/providers/06010001?tab=contract&year=2019');
    expect(appLinkOf('/aanmeldingen/12')).toBe('/aanmeldingen/12');
  });

  test('nothing that leaves the app', () => {
    expect(appLinkOf(null)).toBeNull();
    expect(appLinkOf('https://example.org/providers/06010001')).toBeNull();
    expect(appLinkOf('//example.org/x')).toBeNull();
  });
});
