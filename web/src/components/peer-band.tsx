/**
 * The peer band of one mirror indicator (ADD §8), drawn in plain SVG as a small box plot: the
 * whisker from P10 to P90, the box from P25 to P75, the median as a line, and the provider's own
 * value as a marker. The figure caption is the text equivalent: every number the drawing shows.
 * Coordinates only use floats; the numbers in the text come from the decimal strings as sent.
 */
import { useId } from 'react';
import type { MirrorIndicator } from '../api';
import { formatIndicatorValue, formatRank, label, mirrorSignalPhrases } from '../format';

const W = 280;
const H = 44;
const PAD = 10;
const MID = 20;

const num = (text: string): number => {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
};

/** The text equivalent of the band, also the figure's caption. */
export function peerBandText(i: MirrorIndicator): string {
  const f = (v: string) => formatIndicatorValue(v, i.unit);
  const p = i.percentiles;
  return (
    `${i.peers} vergelijkbare aanbieders: P10 ${f(p.p10)}, P25 ${f(p.p25)}, mediaan ${f(p.p50)}, P75 ${f(p.p75)}, P90 ${f(p.p90)}. ` +
    `Uw waarde ${f(i.value)} (${formatRank(i.rank)}, ${label(mirrorSignalPhrases, i.signal)}).`
  );
}

export function PeerBand({ indicator: i }: { indicator: MirrorIndicator }) {
  const id = useId();
  const p = i.percentiles;
  const values = [p.p10, p.p25, p.p50, p.p75, p.p90, i.value].map(num);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-12) {
    // A distribution without spread: centre it.
    const half = Math.abs(hi) > 0 ? Math.abs(hi) * 0.5 : 1;
    lo -= half;
    hi += half;
  }
  const span = hi - lo;
  lo -= span * 0.04;
  hi += span * 0.04;
  const x = (v: string) => PAD + ((num(v) - lo) / (hi - lo)) * (W - 2 * PAD);
  const own = x(i.value);
  return (
    <figure className="peer-band">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-caption`} className={`peer-band-svg signal-${i.signal}`}>
        <title id={`${id}-title`}>{`Uw waarde tegenover vergelijkbare aanbieders: ${i.label}`}</title>
        <line className="band-axis" x1={PAD} x2={W - PAD} y1={MID + 14} y2={MID + 14} />
        <line className="band-whisker" x1={x(p.p10)} x2={x(p.p90)} y1={MID} y2={MID} />
        <line className="band-whisker" x1={x(p.p10)} x2={x(p.p10)} y1={MID - 6} y2={MID + 6} />
        <line className="band-whisker" x1={x(p.p90)} x2={x(p.p90)} y1={MID - 6} y2={MID + 6} />
        <rect className="band-box" x={x(p.p25)} y={MID - 9} width={Math.max(1, x(p.p75) - x(p.p25))} height={18} />
        <line className="band-median" x1={x(p.p50)} x2={x(p.p50)} y1={MID - 9} y2={MID + 9} />
        <line className="band-own-line" x1={own} x2={own} y1={2} y2={MID + 14} />
        <path className="band-own" d={`M${own},${MID - 8} L${own + 7},${MID} L${own},${MID + 8} L${own - 7},${MID} Z`} />
      </svg>
      <figcaption id={`${id}-caption`} className="peer-band-text">
        {peerBandText(i)}
      </figcaption>
    </figure>
  );
}

/** The legend of the band, once per page. */
export function PeerBandLegend() {
  return (
    <p className="peer-band-legend">
      <span className="legend-swatch legend-whisker" aria-hidden="true" /> P10 tot P90 van vergelijkbare aanbieders{' · '}
      <span className="legend-swatch legend-box" aria-hidden="true" /> P25 tot P75{' · '}
      <span className="legend-swatch legend-median" aria-hidden="true" /> mediaan{' · '}
      <span className="legend-swatch legend-own" aria-hidden="true" /> uw waarde
    </p>
  );
}
