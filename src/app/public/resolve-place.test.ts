import { describe, expect, it } from 'vitest';
import { buildPostcodeIndex } from './postcode-index.js';
import { resolvePlace } from './resolve-place.js';

const area = (postcode: string, place: string, latitude: number, longitude: number, province = 'Utrecht', other_places: string[] = []) =>
  ({ postcode, place, municipality: place, province, latitude, longitude, other_places });

const index = buildPostcodeIndex([
  area('3511', 'Utrecht', 52.0908, 5.1222),
  area('1521', 'Wormerveer', 52.4951, 4.7908, 'Noord-Holland', ['Westknollendam']),
  area('6333', 'Kleinhoeve-Zuid', 50.9, 5.8, 'Limburg'),
  area('6334', 'Kleinhoeve-Zuid', 50.91, 5.82, 'Limburg'),
  area('9999', 'Kleinhoeve-Zuid', 53.0, 6.0, 'Groningen'),
]);
const empty = buildPostcodeIndex([]);

describe('resolvePlace', () => {
  it('resolves a 4-digit postcode area, also written with its letters', () => {
    expect(resolvePlace('3511', index)).toMatchObject({ ok: true, value: { kind: 'postcode', postcode: '3511', label: '3511 Utrecht', latitude: 52.0908, source: 'geonames-postcodes' } });
    expect(resolvePlace(' 3511 ab ', index)).toMatchObject({ ok: true, value: { postcode: '3511' } });
  });

  it('says so when no postcode areas are loaded, without guessing elsewhere', () => {
    const result = resolvePlace('3511', empty);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ field: 'near', code: 'postcode_areas_empty' }] } });
    expect(!result.ok && result.error.message).toMatch(/geen postcodegebieden geladen.*geo import/);
  });

  it('refuses an unknown postcode and a number that is no postcode, in Dutch', () => {
    expect(resolvePlace('1234', index)).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Postcodegebied 1234 is onbekend.' } });
    expect(resolvePlace('0123', index)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(resolvePlace('   ', index)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('finds a place name case- and accent-insensitively in the GeoNames place list first', () => {
    expect(resolvePlace('ÙTRECHT', index)).toMatchObject({ ok: true, value: { kind: 'place', place: 'Utrecht', source: 'geonames-places' } });
    expect(resolvePlace('den bosch', empty)).toMatchObject({ ok: true, value: { place: "'s-Hertogenbosch" } });
  });

  it('falls back to the place names of the postcode areas, including other places of an area', () => {
    expect(resolvePlace('westknollendam', index)).toMatchObject({ ok: true, value: { kind: 'place', place: 'Wormerveer', latitude: 52.4951, source: 'geonames-postcodes' } });
    // Two provinces hold a "Kleinhoeve-Zuid": the one with most areas, at the mean of its areas.
    expect(resolvePlace('Kleinhoeve-Zuid', index)).toMatchObject({ ok: true, value: { province: 'Limburg', latitude: 50.905, longitude: 5.81 } });
  });

  it('answers not_found with a Dutch message for an unknown place', () => {
    expect(resolvePlace('Nergenshuizen', index)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^Plaats 'Nergenshuizen' niet gevonden/) } });
  });
});
