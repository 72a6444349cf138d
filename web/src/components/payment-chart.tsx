/**
 * Fig. 1 of the MSZ policy, drawn with plain SVG elements: what is paid (vertical) against what is
 * realised (horizontal), with the line "paid = realised" for comparison, the richtpunt or ceiling
 * and the realised amount marked. Coordinates only: the amounts themselves are in the statement.
 */
import { useId } from 'react';
import type { CurvePoint } from '../api';
import { formatEuroCents } from '../format';

interface PaymentChartProps {
  curve: readonly CurvePoint[];
  type: 'transitie' | 'plafond';
  targetCents: unknown;
  realisedCents: unknown;
  payableCents: unknown;
  /** Care outside the richtpunt or plafond: the bend lies at target + excluded realisation. */
  excludedCents?: unknown;
}

const W = 640;
const H = 400;
const M = { top: 20, right: 44, bottom: 56, left: 84 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(String(v ?? '0')));

/** A round step for about five ticks. */
function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
}

const millions = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** Cents as a short axis label: `€ 12,5 mln` or `€ 800k`. */
function tickLabel(cents: number): string {
  const euros = cents / 100;
  if (Math.abs(euros) >= 1_000_000) return `€ ${millions.format(euros / 1_000_000)} mln`;
  if (Math.abs(euros) >= 1_000) return `€ ${millions.format(euros / 1_000)}k`;
  return `€ ${millions.format(euros)}`;
}

export function PaymentChart({ curve, type, targetCents, realisedCents, payableCents, excludedCents }: PaymentChartProps) {
  const id = useId();
  const points = curve.map((p) => ({ x: num(p.realised_cents), y: num(p.payable_cents) })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const excluded = num(excludedCents ?? 0);
  // On the realisation axis the richtpunt or plafond lies at T + E (the excluded care comes on top).
  const target = num(targetCents) + (Number.isFinite(excluded) ? excluded : 0);
  const realised = num(realisedCents);
  const payable = num(payableCents);
  const targetName = type === 'transitie' ? 'richtpunt' : 'plafond';
  const max = Math.max(1, target, realised, payable, ...points.map((p) => Math.max(p.x, p.y))) * 1.05;
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const sx = (x: number) => M.left + (x / top) * PW;
  const sy = (y: number) => M.top + PH - (y / top) * PH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const path = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const description =
    `Betaling tegen realisatie bij een ${type === 'transitie' ? 'transitieafspraak' : 'plafondafspraak'}: ` +
    `${targetName} ${formatEuroCents(targetCents)}, gerealiseerd ${formatEuroCents(realisedCents)}, te betalen ${formatEuroCents(payableCents)}.`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>Betaalcurve (figuur 1)</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g className="chart-grid" aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={M.left + PW} y1={sy(t)} y2={sy(t)} />
              <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={M.top + PH} />
              <text x={M.left - 8} y={sy(t)} dy="0.32em" textAnchor="end" className="chart-tick">
                {tickLabel(t)}
              </text>
              <text x={sx(t)} y={M.top + PH + 18} textAnchor="middle" className="chart-tick">
                {tickLabel(t)}
              </text>
            </g>
          ))}
        </g>
        <g aria-hidden="true">
          <line x1={M.left} y1={M.top + PH} x2={M.left + PW} y2={M.top + PH} className="chart-axis" />
          <line x1={M.left} y1={M.top} x2={M.left} y2={M.top + PH} className="chart-axis" />
          <text x={M.left + PW / 2} y={H - 10} textAnchor="middle" className="chart-label">
            Gerealiseerd
          </text>
          <text x={16} y={M.top + PH / 2} textAnchor="middle" transform={`rotate(-90 16 ${M.top + PH / 2})`} className="chart-label">
            Te betalen
          </text>
          <line x1={sx(0)} y1={sy(0)} x2={sx(top)} y2={sy(top)} className="chart-diagonal" />
          <line x1={sx(target)} x2={sx(target)} y1={M.top} y2={M.top + PH} className="chart-target" />
          <text x={sx(target) + 6} y={M.top + 14} className="chart-note">
            {targetName}
            {excluded > 0 ? ' + uitgezonderd' : ''}
          </text>
          {path && <path d={path} className="chart-curve" />}
          <line x1={sx(realised)} x2={sx(realised)} y1={sy(payable)} y2={M.top + PH} className="chart-realised" />
          <circle cx={sx(realised)} cy={sy(payable)} r={6} className="chart-point" />
          <text x={sx(realised) + (sx(realised) > M.left + PW * 0.7 ? -10 : 10)} y={sy(payable) + 20} textAnchor={sx(realised) > M.left + PW * 0.7 ? 'end' : 'start'} className="chart-note">
            realisatie
          </text>
        </g>
      </svg>
      <figcaption>
        <span className="legend legend-curve" aria-hidden="true" /> te betalen bij deze afspraak{' · '}
        <span className="legend legend-diagonal" aria-hidden="true" /> te betalen = gerealiseerd{' · '}
        <span className="legend legend-target" aria-hidden="true" /> {targetName}{' · '}
        <span className="legend legend-point" aria-hidden="true" /> realisatie. {description}
      </figcaption>
    </figure>
  );
}
