import { describe, expect, it } from 'vitest';
import { isUzovi, parseUzovi } from './uzovi.js';

describe('parseUzovi', () => {
  it('accepts 4 digits', () => {
    expect(parseUzovi(' 3311 ')).toEqual({ ok: true, value: '3311' });
    expect(isUzovi('0101')).toBe(true);
  });
  it.each(['331', '33111', 'abcd', ''])('rejects %j', (input) => {
    const result = parseUzovi(input, 'verzekeraar');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues?.[0]?.field).toBe('verzekeraar');
      expect(result.error.message).toContain('UZOVI-code moet uit 4 cijfers bestaan');
    }
  });
});
