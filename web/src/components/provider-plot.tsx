/**
 * The price finder's map sketch in plain SVG: the providers of the result as numbered points
 * (the row numbers of the table) around the searched place, north up, with rings at round
 * distances and a scale bar. No map tiles, no library. It is a picture of the table: the caption
 * says what it shows, and the table is its text equivalent.
 */
import { useId } from 'react';
import type { PriceHit } from '../api';
import { formatKm } from '../format';
import { estimateOrigin, plotLayout } from '../geo';

const SIZE = 400;
const R = 11;

export function ProviderPlot({ hits, place }: { hits: readonly PriceHit[]; place: string }) {
  const id = useId();
  if (hits.length === 0) return null;
  const origin = estimateOrigin(hits);
  const layout = plotLayout(hits, origin, SIZE, R);
  // With an origin the plot is centred on it (rings only exist then).
  const centre = SIZE / 2;
  const farthest = hits.reduce((max, h) => Math.max(max, h.distance_km), 0);
  const caption = origin
    ? `Kaartschets: ${place} in het midden, de zorgaanbieders als genummerde punten (nummers als in de tabel), het noorden boven. ` +
      `Cirkels op ${layout.rings.map((r) => `${formatKm(r.km).replace(/,0$/, '')} km`).join(', ')}; de verste staat op ${formatKm(farthest)} km.`
    : `Kaartschets: de zorgaanbieders als genummerde punten (nummers als in de tabel), het noorden boven. ` +
      `De zoekplaats ${place} kon niet worden getekend; de afstanden staan in de tabel.`;
  return (
    <figure className="provider-plot">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="provider-plot-svg" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-caption`}>
        <title id={`${id}-title`}>{`Ligging van ${hits.length === 1 ? 'de zorgaanbieder' : `de ${hits.length} zorgaanbieders`} ten opzichte van ${place}`}</title>
        <rect className="plot-ground" x={0} y={0} width={SIZE} height={SIZE} rx={8} />
        {layout.rings.map((ring) => (
          <g key={ring.km}>
            <circle className="plot-ring" cx={centre} cy={centre} r={ring.r} />
            <text className="plot-ring-label" x={ring.label.x} y={ring.label.y} textAnchor="middle" dominantBaseline="central">
              {`${formatKm(ring.km).replace(/,0$/, '')} km`}
            </text>
          </g>
        ))}
        <g className="plot-north" transform={`translate(${SIZE - 24} 30)`}>
          <path d="M0,-16 L6,2 L0,-3 L-6,2 Z" />
          <text y={16} textAnchor="middle">
            N
          </text>
        </g>
        <g className="plot-scale" transform={`translate(14 ${SIZE - 16})`}>
          <path d={`M0,-5 V0 H${layout.scale.length} V-5`} />
          <text x={layout.scale.length + 6} y={0}>{`${formatKm(layout.scale.km).replace(/,0$/, '')} km`}</text>
        </g>
        {layout.markers.map((m) =>
          Math.hypot(m.x - m.at.x, m.y - m.at.y) > 1 ? <line key={`l${m.n}`} className="plot-leader" x1={m.at.x} y1={m.at.y} x2={m.x} y2={m.y} /> : null,
        )}
        {layout.markers.map((m) => (
          <circle key={`p${m.n}`} className="plot-spot" cx={m.at.x} cy={m.at.y} r={2.5} />
        ))}
        {layout.origin && (
          <g className="plot-origin" transform={`translate(${layout.origin.x} ${layout.origin.y})`}>
            <path d="M0,-12 L12,0 L0,12 L-12,0 Z" />
          </g>
        )}
        {/* The nearest last, so it lies on top. */}
        {[...layout.markers].reverse().map((m) => (
          <g key={m.n} className="plot-marker" transform={`translate(${m.x} ${m.y})`}>
            <circle r={R} />
            <text textAnchor="middle" dominantBaseline="central">
              {m.n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="plot-caption">
        <p id={`${id}-caption`}>{caption}</p>
        <p className="plot-legend" aria-hidden="true">
          {origin && (
            <span>
              <span className="legend-origin" /> {place}
            </span>
          )}
          <span>
            <span className="legend-marker">1</span> zorgaanbieder (nummer in de tabel)
          </span>
        </p>
      </figcaption>
    </figure>
  );
}
