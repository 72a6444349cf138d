import { describe, expect, it } from 'vitest';
import { distanceKm, findPlace, GEO_ATTRIBUTION, nlPlaces, normalisePlaceName } from './nl-places.js';

describe('nlPlaces', () => {
  it('loads the Dutch GeoNames places with numeric coordinates inside the Netherlands', () => {
    const places = nlPlaces();
    expect(places.length).toBeGreaterThan(1000);
    const outside = places.filter(
      (p) => !(p.latitude > 50.7 && p.latitude < 53.7 && p.longitude > 3.3 && p.longitude < 7.3 && /^NL\.\d\d$/.test(p.provinceCode)),
    );
    expect(outside).toEqual([]);
  });

  it('names the twelve provinces in Dutch', () => {
    const provinces = new Set(nlPlaces().map((p) => p.province));
    expect([...provinces].sort()).toEqual([
      'Drenthe', 'Flevoland', 'Friesland', 'Gelderland', 'Groningen', 'Limburg',
      'Noord-Brabant', 'Noord-Holland', 'Overijssel', 'Utrecht', 'Zeeland', 'Zuid-Holland',
    ]);
  });

  it('loads once: the same array on every call', () => {
    expect(nlPlaces()).toBe(nlPlaces());
  });

  it('credits GeoNames under CC BY 4.0', () => {
    expect(GEO_ATTRIBUTION).toContain('GeoNames');
    expect(GEO_ATTRIBUTION).toContain('CC BY 4.0');
  });
});

describe('findPlace', () => {
  it('finds a place with its province and CBS municipality code', () => {
    expect(findPlace('Amsterdam')).toMatchObject({ name: 'Amsterdam', province: 'Noord-Holland', provinceCode: 'NL.07', municipalityCode: '0363' });
  });

  it('ignores case, accents and punctuation', () => {
    expect(findPlace('UTRECHT')?.name).toBe('Utrecht');
    expect(findPlace('Tweede Exloermond')?.name).toBe('Tweede Exloërmond');
    expect(findPlace('  s-hertogenbosch ')?.name).toBe("'s-Hertogenbosch");
  });

  it('knows Den Bosch and Den Haag by their other names', () => {
    const bosch = findPlace("'s-Hertogenbosch");
    expect(findPlace('Den Bosch')).toBe(bosch);
    const haag = findPlace('Den Haag');
    expect(haag?.name).toBe('Den Haag');
    expect(haag?.province).toBe('Zuid-Holland');
    expect(findPlace('The Hague')).toBe(haag);
    expect(findPlace("'s-Gravenhage")).toBe(haag);
    expect(findPlace('Sittard-Geleen')?.name).toBe('Sittard');
  });

  it('picks the well-known one of two equal names unless a province is given', () => {
    expect(findPlace('Hengelo')?.province).toBe('Overijssel');
    expect(findPlace('Hengelo', 'Gelderland')?.province).toBe('Gelderland');
    expect(findPlace('Hengelo', 'NL.03')?.province).toBe('Gelderland');
    expect(findPlace('Hengelo', 'Zeeland')).toBeUndefined();
  });

  it('returns undefined for an unknown place', () => {
    expect(findPlace('Atlantis')).toBeUndefined();
    expect(findPlace('')).toBeUndefined();
  });

  it('normalises names for comparison', () => {
    expect(normalisePlaceName("  ’s-Hertogenbosch ")).toBe('s hertogenbosch');
  });
});

describe('distanceKm', () => {
  const place = (name: string) => {
    const found = findPlace(name);
    if (!found) throw new Error(`fixture: ${name}`);
    return found;
  };

  it('gives great-circle distances rounded to 0.1 km', () => {
    const d = distanceKm(place('Amsterdam'), place('Rotterdam'));
    expect(d).toBeGreaterThan(55);
    expect(d).toBeLessThan(60);
    expect(Math.round(d * 10) / 10).toBe(d);
    expect(distanceKm(place('Groningen'), place('Maastricht'))).toBeGreaterThan(250);
  });

  it('is zero to itself and symmetric', () => {
    expect(distanceKm(place('Utrecht'), place('Utrecht'))).toBe(0);
    expect(distanceKm(place('Zwolle'), place('Leeuwarden'))).toBe(distanceKm(place('Leeuwarden'), place('Zwolle')));
  });

  it('matches a hand computation: one degree of latitude is about 111.2 km', () => {
    expect(distanceKm({ latitude: 52, longitude: 5 }, { latitude: 53, longitude: 5 })).toBe(111.2);
  });
});
