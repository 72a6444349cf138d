import { describe, expect, it } from 'vitest';
import { isKvk, parseKvk } from './kvk.js';

describe('parseKvk', () => {
  it('accepts 8 digits', () => {
    expect(parseKvk('01234567')).toEqual({ ok: true, value: '01234567' });
    expect(isKvk('01234567')).toBe(true);
  });
  it('rejects other lengths with the field default', () => {
    const result = parseKvk('1234567');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues).toEqual([
        { field: 'kvk', message: "KvK-nummer moet uit 8 cijfers bestaan (gekregen: '1234567')" },
      ]);
    }
  });
});
