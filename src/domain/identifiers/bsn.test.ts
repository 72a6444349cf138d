import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsnElfproefValid, isBsn, maskBsn, parseBsn } from './bsn.js';

/** Arbitrary valid BSN: 8 random digits plus the check digit that makes the elfproef hold. */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
    return { digits, check: sum % 11 };
  })
  .filter(({ digits, check }) => check < 10 && (check !== 0 || digits.some((d) => d !== 0)))
  .map(({ digits, check }) => digits.join('') + String(check));

describe('bsnElfproefValid', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts known-valid test BSN %s', (bsn) => {
    expect(bsnElfproefValid(bsn)).toBe(true);
  });

  it.each(['111222334', '123456789', '000000000', '12345678', 'abcdefghi'])('rejects %s', (bsn) => {
    expect(bsnElfproefValid(bsn)).toBe(false);
  });

  it('generator sanity: every generated BSN passes', () => {
    fc.assert(fc.property(validBsn, (bsn) => bsnElfproefValid(bsn)));
  });

  it('changing any single digit of a valid BSN makes it invalid', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        const original = Number(bsn[position]);
        const changed = (original + delta) % 10;
        const mutated = bsn.slice(0, position) + String(changed) + bsn.slice(position + 1);
        expect(mutated).not.toBe(bsn);
        expect(bsnElfproefValid(mutated)).toBe(false);
      }),
    );
  });
});

describe('parseBsn', () => {
  it('accepts a valid BSN with surrounding whitespace', () => {
    expect(parseBsn(' 111222333 ')).toEqual({ ok: true, value: '111222333' });
  });

  it('says clearly that 8 digits are not enough, without echoing the number', () => {
    const result = parseBsn('11222333', 'verzekerde.bsn');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.[0]?.field).toBe('verzekerde.bsn');
    expect(result.error.message).toContain('precies 9 cijfers');
    expect(result.error.message).not.toContain('11222333');
  });

  it.each([
    ['111222334', 'elfproef'],
    ['000000000', 'alleen nullen'],
    ['1112223334', '9 cijfers'],
    ['11122233a', '9 cijfers'],
    ['', 'lege waarde'],
  ])('rejects %j (%s) and never echoes the input', (input, expected) => {
    const result = parseBsn(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(expected);
    if (input !== '') expect(JSON.stringify(result.error)).not.toContain(input);
  });

  it('isBsn agrees with parseBsn on canonical strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (s) => {
        expect(isBsn(s)).toBe(parseBsn(s).ok);
      }),
    );
  });
});

describe('maskBsn', () => {
  it('shows only the last four digits', () => {
    expect(maskBsn('111222333')).toBe('*****2333');
    expect(maskBsn(' 123456782 ')).toBe('*****6782');
  });

  it('masks short values completely', () => {
    expect(maskBsn('123')).toBe('***');
    expect(maskBsn('')).toBe('*');
  });
});
