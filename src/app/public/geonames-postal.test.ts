import { describe, expect, it } from 'vitest';
import { municipalityName, parsePostalFile, parsePostalLine } from './geonames-postal.js';

// Lines in the two GeoNames layouts seen in practice: Dutch names (2021), English names with "Gemeente …" (2024).
const OLD = 'NL\t1521\tWormerveer\tNoord-Holland\t07\tZaanstad\t0479\t\t\t52.4951\t4.7908\t6';
const OLD_SECOND_PLACE = 'NL\t1521\tWestknollendam\tNoord-Holland\t07\tZaanstad\t0479\t\t\t52.5182\t4.7818\t6';
const NEW = 'NL\t1012\tAmsterdam\tNorth Holland\t07\tGemeente Amsterdam\t0363\t\t\t52.3735\t4.8951\t';
const NO_ADMIN = 'NL\t3221\tHellevoetsluis\t\t\t\t\t\t\t51.8314\t4.1219\t';

describe('GeoNames postal-code lines', () => {
  it('reads a line with Dutch names', () => {
    expect(parsePostalLine(OLD, 1)).toEqual({
      area: { postcode: '1521', place: 'Wormerveer', otherPlaces: [], municipality: 'Zaanstad', municipalityCode: '0479', province: 'Noord-Holland', latitude: 52.4951, longitude: 4.7908, line: 1 },
    });
  });

  it('names the province in Dutch from its code and drops "Gemeente" and "Municipality"', () => {
    const parsed = parsePostalLine(NEW, 7);
    expect(parsed).toMatchObject({ area: { province: 'Noord-Holland', municipality: 'Amsterdam', municipalityCode: '0363' } });
    expect(municipalityName('Assen Municipality')).toBe('Assen');
    expect(municipalityName('  ')).toBeNull();
  });

  it('accepts a line without province and municipality', () => {
    expect(parsePostalLine(NO_ADMIN, 3)).toMatchObject({ area: { postcode: '3221', province: null, municipality: null, municipalityCode: null } });
  });

  it('names line and field of every problem', () => {
    const bad = 'BE\t012\t\tX\t99\tY\t12a\t\t\t48.1\tabc\t';
    const parsed = parsePostalLine(bad, 42);
    expect('issues' in parsed && parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [42, 'country'],
      [42, 'postal_code'],
      [42, 'place'],
      [42, 'admin2_code'],
      [42, 'latitude'],
      [42, 'longitude'],
    ]);
    expect(parsePostalLine('NL\t1012\tAmsterdam', 5)).toMatchObject({ issues: [{ line: 5, message: expect.stringMatching(/12 kolommen/) }] });
  });

  it('keeps one area per postcode, with the other places of that area', () => {
    const file = parsePostalFile(['\uFEFF' + OLD, OLD_SECOND_PLACE, '', NEW, OLD_SECOND_PLACE].join('\r\n'));
    expect(file.issues).toEqual([]);
    expect(file.lines).toBe(4);
    expect(file.duplicates).toBe(2);
    expect(file.areas.map((a) => [a.postcode, a.place, a.otherPlaces])).toEqual([
      ['1012', 'Amsterdam', []],
      ['1521', 'Wormerveer', ['Westknollendam']],
    ]);
  });

  it('reports an empty file and caps the list of problems', () => {
    expect(parsePostalFile('\n\n').issues).toEqual([{ line: 1, message: 'Het bestand bevat geen regels.' }]);
    const many = parsePostalFile(Array.from({ length: 150 }, () => 'NL\tx\tA\t\t\t\t\t\t\t52\t5\t').join('\n'));
    expect(many.issues).toHaveLength(101);
    expect(many.issues.at(-1)?.message).toMatch(/nog 50 fout/);
  });
});
