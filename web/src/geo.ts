/**
 * Geometry for the price finder's map sketch: a local flat projection in km (north up), the
 * searched place estimated from the providers' coordinates and their distances to it, and the
 * layout of a small square plot centred on that place. Display only; every number a customer
 * reads comes from the API as sent (the distance column), never from here.
 *
 * The API measures from the searched place but does not send its coordinates (only its name in
 * `x-zorginkoop-near`). Three or more providers that are not on one line fix it: the distances are
 * circles around them that meet in one point (trilateration). With fewer, or when the circles do
 * not agree, there is no estimate and the sketch shows the providers only.
 */

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface Measured extends LatLng {
  /** Distance to the unknown place in km (as the crow flies, as the API rounds it: 0.1 km). */
  distance_km: number;
}

export interface Point {
  x: number;
  y: number;
}

const KM_PER_DEGREE_LAT = 111.2;

/** A flat projection around `ref` in km: x to the east, y to the north. Good to ~0.5% over the Netherlands. */
export function projector(ref: LatLng): { toKm(p: LatLng): Point; toLatLng(p: Point): LatLng } {
  const kx = KM_PER_DEGREE_LAT * Math.cos((ref.latitude * Math.PI) / 180);
  return {
    toKm: (p) => ({ x: (p.longitude - ref.longitude) * kx, y: (p.latitude - ref.latitude) * KM_PER_DEGREE_LAT }),
    toLatLng: (p) => ({ latitude: ref.latitude + p.y / KM_PER_DEGREE_LAT, longitude: ref.longitude + p.x / kx }),
  };
}

/**
 * The place the distances were measured from, or null when the points cannot fix it: fewer than
 * three distinct points, all on (nearly) one line, or circles that do not meet within a tolerance
 * of the rounding and the flat projection.
 */
export function estimateOrigin(points: readonly Measured[]): LatLng | null {
  const usable = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude) && Number.isFinite(p.distance_km) && p.distance_km >= 0);
  const zero = usable.find((p) => p.distance_km <= 0.05);
  if (zero) return { latitude: zero.latitude, longitude: zero.longitude };
  if (usable.length < 3) return null;
  const ref = {
    latitude: usable.reduce((s, p) => s + p.latitude, 0) / usable.length,
    longitude: usable.reduce((s, p) => s + p.longitude, 0) / usable.length,
  };
  const proj = projector(ref);
  const km = usable.map((p) => ({ ...proj.toKm(p), d: p.distance_km }));

  // Linear least squares: each circle minus the first is a straight line a·u + b·v = c.
  const [first, ...rest] = km as [(typeof km)[number], ...typeof km];
  let saa = 0, sab = 0, sbb = 0, sac = 0, sbc = 0;
  for (const p of rest) {
    const a = 2 * (p.x - first.x);
    const b = 2 * (p.y - first.y);
    const c = p.x * p.x - first.x * first.x + p.y * p.y - first.y * first.y - p.d * p.d + first.d * first.d;
    saa += a * a; sab += a * b; sbb += b * b; sac += a * c; sbc += b * c;
  }
  const det = saa * sbb - sab * sab;
  // Points on one line (or on one spot) leave two mirror images: no estimate.
  if (!(Math.abs(det) > 1e-6 * Math.max(1, saa * sbb))) return null;
  let u = (sbb * sac - sab * sbc) / det;
  let v = (saa * sbc - sab * sac) / det;

  // A few Gauss-Newton steps on the distances themselves (the linear step weighs far points more).
  for (let step = 0; step < 8; step += 1) {
    let jaa = 0, jab = 0, jbb = 0, jar = 0, jbr = 0;
    for (const p of km) {
      const r = Math.hypot(u - p.x, v - p.y);
      if (r < 1e-9) continue;
      const gx = (u - p.x) / r;
      const gy = (v - p.y) / r;
      const residual = r - p.d;
      jaa += gx * gx; jab += gx * gy; jbb += gy * gy; jar += gx * residual; jbr += gy * residual;
    }
    const d = jaa * jbb - jab * jab;
    if (!(Math.abs(d) > 1e-12)) break;
    const du = (jbb * jar - jab * jbr) / d;
    const dv = (jaa * jbr - jab * jar) / d;
    u -= du;
    v -= dv;
    if (Math.hypot(du, dv) < 1e-4) break;
  }
  if (!Number.isFinite(u) || !Number.isFinite(v)) return null;
  const fits = km.every((p) => Math.abs(Math.hypot(u - p.x, v - p.y) - p.d) <= 1 + 0.03 * p.d);
  return fits ? proj.toLatLng({ x: u, y: v }) : null;
}

/** 1, 2 or 5 times a power of ten: the nearest "round" length at or below `value`. */
export function roundLength(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const scaled = value / power;
  return (scaled >= 5 ? 5 : scaled >= 2 ? 2 : 1) * power;
}

export interface PlotMarker extends Point {
  /** 1-based, the row number in the table. */
  n: number;
  /** Where the point really is; differs from x/y when the label was moved off another one. */
  at: Point;
}

export interface PlotLayout {
  size: number;
  /** The searched place (the centre), when known. */
  origin: Point | null;
  markers: PlotMarker[];
  /** Distance rings around the origin: radius in plot units and in km, and where its label goes. */
  rings: { r: number; km: number; label: Point }[];
  /** A scale bar: its length in plot units and in km. */
  scale: { length: number; km: number };
}

/**
 * A square plot of `size` units: centred on the origin when known (with rings at round
 * distances), else on the providers' bounding box. North up, equal scale both ways. Markers that
 * would overlap are pushed apart along a spiral, so every number stays readable.
 */
export function plotLayout(points: readonly LatLng[], origin: LatLng | null, size = 400, markerRadius = 11): PlotLayout {
  const pad = markerRadius + 6;
  const half = size / 2 - pad;
  const ref = origin ?? (points.length > 0 ? centreOf(points) : { latitude: 52.1, longitude: 5.3 });
  const proj = projector(ref);
  const km = points.map((p) => proj.toKm(p));
  let centre: Point = { x: 0, y: 0 };
  let extent: number;
  if (origin) {
    extent = Math.max(1, ...km.map((p) => Math.hypot(p.x, p.y)));
  } else {
    const xs = km.map((p) => p.x);
    const ys = km.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
    centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    extent = Math.max(1, (maxX - minX) / 2, (maxY - minY) / 2);
  }
  const unitsPerKm = half / extent;
  const toPlot = (p: Point): Point => ({ x: size / 2 + (p.x - centre.x) * unitsPerKm, y: size / 2 - (p.y - centre.y) * unitsPerKm });

  const placed: PlotMarker[] = [];
  const minGap = markerRadius * 2 + 1;
  // The origin's mark (as large as a marker) stays visible: markers keep off it too.
  const originAt = origin ? toPlot({ x: 0, y: 0 }) : null;
  const taken = (pos: Point) =>
    placed.some((m) => Math.hypot(m.x - pos.x, m.y - pos.y) < minGap) || (originAt !== null && Math.hypot(originAt.x - pos.x, originAt.y - pos.y) < minGap);
  km.forEach((p, i) => {
    const at = toPlot(p);
    let pos = at;
    for (let k = 1; k < 200 && taken(pos); k += 1) {
      const angle = k * 2.4; // golden-angle spiral: even spread, deterministic
      const radius = markerRadius * 0.9 * Math.sqrt(k);
      pos = { x: clamp(at.x + radius * Math.cos(angle), markerRadius, size - markerRadius), y: clamp(at.y + radius * Math.sin(angle), markerRadius, size - markerRadius) };
    }
    placed.push({ n: i + 1, x: pos.x, y: pos.y, at });
  });

  const ringStep = roundLength(extent / 2.5);
  const rings: PlotLayout['rings'] = [];
  if (origin && originAt) {
    for (let i = 1; i * ringStep <= extent * 1.02 && rings.length < 4; i += 1) {
      const r = i * ringStep * unitsPerKm;
      rings.push({ r, km: i * ringStep, label: ringLabel(originAt, r, placed, markerRadius) });
    }
  }
  const scaleKm = roundLength(extent / 2.5);
  return { size, origin: originAt, markers: placed, rings, scale: { length: scaleKm * unitsPerKm, km: scaleKm } };
}

/** A spot on the ring, just outside it, that no marker covers (top first, then around the clock). */
function ringLabel(centre: Point, r: number, markers: readonly Point[], markerRadius: number): Point {
  const candidates = [-90, -45, -135, 0, 180, 45, 135, 90].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return { x: centre.x + (r + 4) * Math.cos(a), y: centre.y + (r + 4) * Math.sin(a) };
  });
  const free = (p: Point) => markers.every((m) => Math.abs(m.x - p.x) > markerRadius + 20 || Math.abs(m.y - p.y) > markerRadius + 7);
  return candidates.find(free) ?? (candidates[0] as Point);
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

function centreOf(points: readonly LatLng[]): LatLng {
  return {
    latitude: points.reduce((s, p) => s + p.latitude, 0) / points.length,
    longitude: points.reduce((s, p) => s + p.longitude, 0) / points.length,
  };
}
