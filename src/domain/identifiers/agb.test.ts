import { describe, expect, it } from 'vitest';
import { agbKindOf, isAgb, parseAgb } from './agb.js';

describe('parseAgb', () => {
  it('accepts 8 digits and trims whitespace', () => {
    expect(parseAgb('06010101')).toEqual({ ok: true, value: '06010101' });
    expect(parseAgb('  22123456\t')).toEqual({ ok: true, value: '22123456' });
  });

  it('accepts unknown zorgverlenerssoort prefixes', () => {
    expect(parseAgb('99123456').ok).toBe(true);
  });

  it.each(['123', '123456789', '0601010a', '0601 0101', '-6010101', '', '０６０１０１０１'])(
    'rejects %j with invalid_input and one issue on the field',
    (input) => {
      const result = parseAgb(input, 'zorgaanbieder.agb');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues?.[0]?.field).toBe('zorgaanbieder.agb');
    },
  );

  it('says what is wrong in Dutch and echoes the input', () => {
    const result = parseAgb('123');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.[0]).toEqual({ field: 'agb', message: "AGB-code moet uit 8 cijfers bestaan (gekregen: '123')" });
    expect(result.error.message).toBe("AGB-code moet uit 8 cijfers bestaan (gekregen: '123')");
  });

  it('names an empty value and shortens a long one', () => {
    const empty = parseAgb('   ');
    expect(!empty.ok && empty.error.message).toBe('AGB-code moet uit 8 cijfers bestaan (gekregen: lege waarde)');
    const long = parseAgb('x'.repeat(500));
    expect(!long.ok && long.error.message.length).toBeLessThan(80);
  });
});

describe('isAgb / agbKindOf', () => {
  it('guards canonical values only', () => {
    expect(isAgb('06010101')).toBe(true);
    expect(isAgb(' 06010101')).toBe(false);
    expect(isAgb(6010101)).toBe(false);
  });

  it('knows hospitals and ZBCs and leaves unknown prefixes undefined', () => {
    const hospital = parseAgb('06010101');
    const zbc = parseAgb('22010101');
    const other = parseAgb('77010101');
    if (!hospital.ok || !zbc.ok || !other.ok) throw new Error('fixture');
    expect(agbKindOf(hospital.value)).toEqual({ prefix: '06', name: 'Ziekenhuizen' });
    expect(agbKindOf(zbc.value)?.prefix).toBe('22');
    expect(agbKindOf(other.value)).toBeUndefined();
  });
});
