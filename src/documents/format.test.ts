import { describe, expect, it } from 'vitest';
import { dateValue, formatDate, formatDecimal, formatEuroShort, formatInputs, formatPercent, parseDate, plainEuro } from './format.js';
import { pdfText } from './pdf-document.js';

describe('document formatting (Dutch)', () => {
  it('writes dates in Dutch from YYYY-MM-DD and refuses anything else', () => {
    expect(formatDate('2018-03-15')).toBe('15 maart 2018');
    expect(formatDate('2019-12-01')).toBe('1 december 2019');
    expect(dateValue('2018-03-15').toISOString()).toBe('2018-03-15T00:00:00.000Z');
    expect(() => parseDate('15-03-2018')).toThrow(/JJJJ-MM-DD/);
    expect(() => parseDate('2018-02-30')).toThrow(RangeError);
  });

  it('writes CSV amounts exactly from cents, with a decimal comma and no grouping', () => {
    expect(plainEuro(137_700)).toBe('1377,00');
    expect(plainEuro(12_345)).toBe('123,45');
    expect(plainEuro(-5)).toBe('-0,05');
    expect(plainEuro(900_719_925_474_099)).toBe('9007199254740,99');
  });

  it('writes axis amounts short: € 12 mln, € 12,5 mln, € 250.000', () => {
    expect(formatEuroShort(1_200_000_000)).toBe('€ 12 mln');
    expect(formatEuroShort(1_250_000_000)).toBe('€ 12,5 mln');
    expect(formatEuroShort(25_000_000)).toBe('€ 250.000');
    expect(formatEuroShort(0)).toBe('€ 0');
    expect(formatEuroShort(-200_000_000)).toBe('€ -2 mln');
  });

  it('re-punctuates decimals and percentages exactly', () => {
    expect(formatDecimal('1.0395')).toBe('1,0395');
    expect(formatPercent('0.042')).toBe('4,2%');
    expect(formatPercent('0.0628')).toBe('6,28%');
    expect(formatPercent('0')).toBe('0%');
  });

  it('shows inputs with Dutch names, euros and commas', () => {
    expect(formatInputs({ target_cents: 100_000_000, share: '0.5', capped: false, other: null }, 'transitie')).toBe('richtpunt € 1.000.000,00 · aandeel 0,5 · capped nee · other —');
    expect(formatInputs({ target_cents: 1 }, 'plafond')).toBe('plafond € 0,01');
  });

  it('keeps PDF text within what the standard fonts can draw', () => {
    expect(pdfText('W + u × (T − W) ≥ 0 → Σ prijs, € ’s')).toBe('W + u × (T - W) >= 0 -> som prijs, € ’s');
    expect(pdfText('１２ ⌊x⌋ 漢')).toBe('12 x ?');
  });
});
