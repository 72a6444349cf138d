import { describe, expect, test } from 'vitest';
import { formatDate, formatEuroCents, parseCents, searchKey } from './format';
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
