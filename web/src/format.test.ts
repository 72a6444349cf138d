import { describe, expect, test } from 'vitest';
import {
  centsToEuroInput, countText, formatDate, formatDecimalText, formatEuroCents, formatIndicatorValue, formatKm, formatRank, parseCents, parseEuroInput, parseShareInput, searchKey, todayIso,
} from './format';
import { matchPath, safeLocalPath } from './router';

describe('formatEuroCents', () => {
  test('Dutch euros from integer cents', () => {
    expect(formatEuroCents(1234567890)).toBe('€ 12.345.678,90');
    expect(formatEuroCents(0)).toBe('€ 0,00');
    expect(formatEuroCents(5)).toBe('€ 0,05');
    expect(formatEuroCents(100)).toBe('€ 1,00');
    expect(formatEuroCents(-1250)).toBe('€ -12,50');
  });

  test('bigint columns as digit strings, beyond the float range, stay exact', () => {
    expect(formatEuroCents('900719925474099312')).toBe('€ 9.007.199.254.740.993,12');
    expect(formatEuroCents(123456789012345678901n)).toBe('€ 1.234.567.890.123.456.789,01');
  });

  test('anything that is not whole cents is refused, not rounded', () => {
    expect(parseCents(12.5)).toBeNull();
    expect(parseCents('12,50')).toBeNull();
    expect(formatEuroCents(Number.MAX_SAFE_INTEGER + 2)).toBe('ongeldig bedrag');
  });
});

describe('formatDate', () => {
  test('dates and midnight-UTC timestamps as Dutch calendar dates', () => {
    expect(formatDate('2017-04-01')).toBe('1 april 2017');
    expect(formatDate('2017-07-10T00:00:00.000Z')).toBe('10 juli 2017');
  });
});

describe('routing helpers', () => {
  test('path patterns with parameters', () => {
    expect(matchPath('/providers/:agb', '/providers/06010001')).toEqual({ agb: '06010001' });
    expect(matchPath('/providers/:agb', '/providers/06010001/')).toEqual({ agb: '06010001' });
    expect(matchPath('/providers/:agb', '/providers')).toBeNull();
    expect(matchPath('/providers/import', '/providers/06010001')).toBeNull();
  });

  test('only local paths are followed after log-in', () => {
    expect(safeLocalPath('/providers?x=1')).toBe('/providers?x=1');
    expect(safeLocalPath('//evil.example')).toBeNull();
    expect(safeLocalPath('https://evil.example')).toBeNull();
    expect(safeLocalPath(null)).toBeNull();
  });
});

test('search ignores case and accents', () => {
  expect(searchKey('Ziekenhuis Gelderse Vallei')).toContain('gelderse');
  expect(searchKey('Réinier de Graaf')).toBe('reinier de graaf');
});

describe('parseEuroInput', () => {
  test('Dutch amounts as typed, to integer cents in a digit string', () => {
    expect(parseEuroInput('12.500.000,00')).toBe('1250000000');
    expect(parseEuroInput('€ 1.234,5')).toBe('123450');
    expect(parseEuroInput('1234567')).toBe('123456700');
    expect(parseEuroInput('1.234')).toBe('123400');
    expect(parseEuroInput('12.50')).toBe('1250');
    expect(parseEuroInput('0,05')).toBe('5');
    expect(parseEuroInput('-12,00')).toBe('-1200');
    expect(parseEuroInput('90071992547409931,12')).toBe('9007199254740993112');
  });

  test('anything else is refused', () => {
    for (const bad of ['', 'tien', '1,234', '1.2.3', '12,345', '1.23.456', '€']) expect(parseEuroInput(bad)).toBeNull();
  });

  test('round trip through centsToEuroInput', () => {
    expect(centsToEuroInput(1250000000)).toBe('12500000,00');
    expect(parseEuroInput(centsToEuroInput('-5'))).toBe('-5');
  });
});

describe('parseShareInput', () => {
  test('decimal fractions and percentages as a decimal string', () => {
    expect(parseShareInput('0,5')).toBe('0.5');
    expect(parseShareInput('0.70')).toBe('0.7');
    expect(parseShareInput('50%')).toBe('0.5');
    expect(parseShareInput('12,5 %')).toBe('0.125');
    expect(parseShareInput('100%')).toBe('1');
    expect(parseShareInput('0')).toBe('0');
    expect(parseShareInput('1')).toBe('1');
  });

  test('outside 0..1 or not a number is refused', () => {
    for (const bad of ['', '1,5', '150%', '-0,1', 'half']) expect(parseShareInput(bad)).toBeNull();
  });
});

describe('mirror indicator values', () => {
  test('decimal text is rounded half-up in digits, Dutch notation', () => {
    expect(formatDecimalText('0.341234', 2, 2)).toBe('34,12');
    expect(formatDecimalText('0.341250', 2, 2)).toBe('34,13');
    expect(formatDecimalText('1.845', 2)).toBe('1,85');
    expect(formatDecimalText('1234567.5', 0)).toBe('1.234.568');
    expect(formatDecimalText('-0.004', 2)).toBe('0,00');
    expect(formatDecimalText('2', 2, 2)).toBe('200,00');
    expect(formatDecimalText('abc', 2)).toBeNull();
  });

  test('by unit: share as percent, per patient with two decimals, cents as euros', () => {
    expect(formatIndicatorValue('0.011900', 'share')).toBe('1,19%');
    expect(formatIndicatorValue('2.31', 'per-patient')).toBe('2,31');
    expect(formatIndicatorValue('123456', 'cents')).toBe('€ 1.234,56');
  });

  test('percentile rank', () => {
    expect(formatRank('0.9231')).toBe('92e percentiel');
    expect(formatRank('0')).toBe('0e percentiel');
  });

  test('today is the Dutch calendar date', () => {
    expect(todayIso(new Date('2018-03-31T22:30:00Z'))).toBe('2018-04-01');
  });
});

describe('public pages', () => {
  test('distances with one decimal and a decimal comma', () => {
    expect(formatKm(0)).toBe('0,0');
    expect(formatKm(7.4)).toBe('7,4');
    expect(formatKm(1234.56)).toBe('1.234,6');
    expect(formatKm(Number.NaN)).toBe('—');
    expect(countText(1, 'zorgaanbieder', 'zorgaanbieders')).toBe('1 zorgaanbieder');
    expect(countText(0, 'zorgaanbieder', 'zorgaanbieders')).toBe('0 zorgaanbieders');
  });
});
