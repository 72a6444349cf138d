import { describe, expect, test } from 'vitest';
import { estimateOrigin, plotLayout, roundLength, type LatLng } from './geo';

/** Great-circle distance as the server computes it, rounded to 0.1 km as the API sends it. */
function distance(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

const kmBetween = (a: LatLng, b: LatLng) => distance(a, b);
const hospitals: LatLng[] = [
  { latitude: 52.02917, longitude: 5.08056 }, // Nieuwegein
  { latitude: 52.155, longitude: 5.3875 }, // Amersfoort
  { latitude: 52.2725, longitude: 5.24167 }, // Blaricum
  { latitude: 52.01667, longitude: 4.70833 }, // Gouda
  { latitude: 51.6978, longitude: 5.3037 }, // 's-Hertogenbosch
  { latitude: 52.3676, longitude: 4.9041 }, // Amsterdam
];

describe('estimateOrigin', () => {
  test('finds the searched place from the providers and their rounded distances', () => {
    const utrecht = { latitude: 52.0907, longitude: 5.1214 };
    const measured = hospitals.map((h) => ({ ...h, distance_km: distance(utrecht, h) }));
    const origin = estimateOrigin(measured);
    expect(origin).not.toBeNull();
    expect(kmBetween(origin as LatLng, utrecht)).toBeLessThan(0.5);
    // Three far-apart points are enough; so is a provider in the place itself.
    expect(kmBetween(estimateOrigin(measured.slice(2, 5)) as LatLng, utrecht)).toBeLessThan(0.8);
    expect(estimateOrigin([{ ...utrecht, distance_km: 0 }, ...measured])).toEqual(utrecht);
  });

  test('gives no estimate when the points cannot fix the place or do not agree', () => {
    const place = { latitude: 52.5, longitude: 5.5 };
    expect(estimateOrigin([])).toBeNull();
    expect(estimateOrigin(hospitals.slice(0, 2).map((h) => ({ ...h, distance_km: distance(place, h) })))).toBeNull();
    const onALine = [0, 0.1, 0.2].map((d) => ({ latitude: 52 + d, longitude: 5, distance_km: 0 }));
    expect(estimateOrigin(onALine.map((p) => ({ ...p, distance_km: distance(place, p) })))).toBeNull();
    expect(estimateOrigin(hospitals.map((h, i) => ({ ...h, distance_km: 10 + i * 40 })))).toBeNull();
  });
});

describe('plotLayout', () => {
  test('centres the plot on the origin with rings at round distances, north up', () => {
    const origin = { latitude: 52.0907, longitude: 5.1214 };
    const layout = plotLayout(hospitals, origin, 400);
    expect(layout.origin).toEqual({ x: 200, y: 200 });
    expect(layout.markers.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const m of layout.markers) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(400);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(400);
    }
    // Amsterdam lies north of Utrecht: higher on the plot (smaller y).
    expect((layout.markers[5] as { y: number }).y).toBeLessThan(200);
    expect(layout.rings.length).toBeGreaterThan(0);
    const step = (layout.rings[0] as { km: number }).km;
    expect(roundLength(step)).toBe(step);
    expect(layout.rings.map((r) => r.km)).toEqual(layout.rings.map((_, i) => (i + 1) * step));
  });

  test('keeps markers off the origin, so the searched place stays visible', () => {
    const origin = hospitals[0] as LatLng;
    const layout = plotLayout(hospitals, origin, 400, 11);
    const first = layout.markers[0] as { x: number; y: number; at: { x: number; y: number } };
    expect(first.at).toEqual({ x: 200, y: 200 });
    expect(Math.hypot(first.x - 200, first.y - 200)).toBeGreaterThanOrEqual(23);
  });

  test('pushes markers at one spot apart so every number stays readable', () => {
    const same = [hospitals[0], hospitals[0], hospitals[0], hospitals[1]] as LatLng[];
    const layout = plotLayout(same, null, 400, 11);
    for (const [i, a] of layout.markers.entries()) {
      for (const b of layout.markers.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(22);
    }
    expect(layout.origin).toBeNull();
    expect(layout.rings).toEqual([]);
  });

  test('round lengths', () => {
    expect([0.7, 1, 3, 7.5, 12, 49, 260].map(roundLength)).toEqual([0.5, 1, 2, 5, 10, 20, 200]);
  });
});
