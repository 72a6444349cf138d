/**
 * MSZ §2 Fig. 1 as a self-contained SVG: payment against realisation for a transitieafspraak
 * (richtpunt) or a plafondafspraak (plafond). Rendered server-side by echarts (SSR, no animation,
 * no DOM); the output is cleaned of hover styles and per-instance ids so identical models give
 * identical SVG, and it holds no external fonts, scripts or links.
 */
import * as echarts from 'echarts';
import { assertCents, formatEuro, type Cents } from '../domain/money/index.js';
import { formatEuroShort, targetLabel } from './format.js';

export interface PaymentCurveChartModel {
  type: 'transitie' | 'plafond';
  /** Richtpunt (transitie) or plafond, in cents. */
  target_cents: Cents;
  /** The provider's total realisation (including excluded UMC care) and what is payable for it. */
  realised_cents: Cents;
  payable_cents: Cents;
  /** UMC care outside the richtpunt or plafond, within the realisation; shifts the kink to target + excluded. */
  excluded_cents?: Cents;
  /** Payable against total realisation, e.g. from `paymentCurve` (any order). */
  curve: { realised_cents: Cents; payable_cents: Cents }[];
  width?: number;
  height?: number;
}

export const PAYMENT_CURVE_TITLE = 'Betaling tegen realisatie (Fig. 1)';

const INK = '#1f1f1f';
const MUTED = '#5f6368';
const ACCENT = '#1f4e79';
const MARK = '#b3541e';
const FONT = 'Helvetica, Arial, sans-serif';

/** A round axis maximum ≥ `value` (1, 2, 2.5 or 5 × 10^k cents) with about five intervals. */
export function niceAxis(value: number): { max: number; interval: number } {
  if (value <= 0) return { max: 100, interval: 20 };
  let power = 1;
  while (power * 10 <= value / 5) power *= 10;
  for (const step of [1, 2, 2.5, 5, 10].map((f) => f * power)) {
    const max = Math.ceil(value / step) * step;
    if (max / step <= 6) return { max, interval: step };
  }
  return { max: Math.ceil(value / (10 * power)) * 10 * power, interval: 10 * power };
}

function option(model: PaymentCurveChartModel): echarts.EChartsOption {
  const excluded = model.excluded_cents ?? 0;
  const label = targetLabel(model.type);
  const mark = model.target_cents + excluded;
  const curve = [...model.curve].sort((a, b) => a.realised_cents - b.realised_cents).map((p) => [p.realised_cents, p.payable_cents]);
  const highest = Math.max(mark, model.realised_cents, model.payable_cents, ...model.curve.flatMap((p) => [p.realised_cents, p.payable_cents]));
  const axis = niceAxis(highest * 1.08);
  // Above-left of the point is free for any rising curve; near the y-axis use below-right instead.
  const labelLeft = model.realised_cents > axis.max * 0.3;
  const kind = model.type === 'transitie' ? 'Transitieafspraak' : 'Plafondafspraak';
  const subtext = excluded > 0
    ? `${kind}, ${label.toLowerCase()} ${formatEuro(model.target_cents)}; uitgezonderde UMC-zorg ${formatEuro(excluded)} (buiten het ${label.toLowerCase()}, volledig vergoed).`
    : `${kind}, ${label.toLowerCase()} ${formatEuro(model.target_cents)}.`;
  const valueAxis = (name: string, nameGap: number) => ({
    type: 'value' as const, name, nameLocation: 'middle' as const, nameGap, min: 0, max: axis.max, interval: axis.interval,
    nameTextStyle: { color: MUTED, fontSize: 11 },
    axisLabel: { formatter: (value: number) => formatEuroShort(value), color: MUTED, fontSize: 10 },
    axisLine: { lineStyle: { color: '#9aa0a6' } },
    splitLine: { lineStyle: { color: '#e3e6ea' } },
  });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: INK },
    title: {
      text: PAYMENT_CURVE_TITLE, subtext, left: 8, top: 6, itemGap: 6,
      textStyle: { fontSize: 14, fontWeight: 'bold', color: INK },
      subtextStyle: { fontSize: 10, color: MUTED, width: (model.width ?? 640) - 24, overflow: 'break' },
    },
    legend: {
      bottom: 4, left: 'center', itemWidth: 24, itemHeight: 10, itemGap: 18, textStyle: { fontSize: 10, color: INK },
      data: [{ name: 'Betaling', itemStyle: { opacity: 0 } }, { name: 'Betaling = realisatie', itemStyle: { opacity: 0 } }, { name: 'Realisatie' }],
    },
    grid: { left: 78, right: 44, top: 86, bottom: 66 },
    xAxis: valueAxis('Gerealiseerde omzet', 26),
    yAxis: valueAxis('Betaling', 62),
    series: [
      {
        name: 'Betaling', type: 'line', data: curve, showSymbol: false, symbol: 'none', z: 3,
        lineStyle: { color: ACCENT, width: 2.5 }, itemStyle: { color: ACCENT },
        markLine: {
          silent: true, symbol: 'none',
          lineStyle: { color: MARK, type: 'dotted', width: 1.5 },
          label: { show: true, position: 'end', formatter: `${label} ${formatEuro(model.target_cents)}${excluded > 0 ? '\n+ uitgezonderde zorg' : ''}`, color: MARK, fontSize: 10, lineHeight: 12 },
          data: [{ xAxis: mark }],
        },
      },
      {
        name: 'Betaling = realisatie', type: 'line', data: [[0, 0], [axis.max, axis.max]], showSymbol: false, symbol: 'none', z: 2,
        lineStyle: { color: '#8a8f96', type: 'dashed', width: 1.2 }, itemStyle: { color: '#8a8f96' },
      },
      {
        name: 'Realisatie', type: 'scatter', data: [[model.realised_cents, model.payable_cents]], symbolSize: 10, z: 4,
        itemStyle: { color: MARK, borderColor: '#ffffff', borderWidth: 1.5 },
        label: {
          show: true, position: labelLeft ? 'left' : 'right', offset: labelLeft ? [0, -16] : [0, 16], distance: 8, color: INK, fontSize: 10, lineHeight: 13, align: labelLeft ? 'right' : 'left',
          formatter: `Realisatie ${formatEuro(model.realised_cents)}\nte betalen ${formatEuro(model.payable_cents)}`,
          backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4],
        },
      },
    ],
  };
}

/** Strips what echarts SSR adds for interaction (hover CSS, classes, metadata) and per-instance ids. */
function clean(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '')
    .replace(/\bzr\d+-c(\d+)\b/g, 'fig1-c$1')
    .replace('<svg ', `<svg role="img" aria-label="${PAYMENT_CURVE_TITLE}" `)
    .replace(/\n(?=\n)/g, '');
}

/** The Fig. 1 chart as an SVG string (default 640 × 400). */
export function paymentCurveSvg(model: PaymentCurveChartModel): string {
  for (const [name, value] of [['target_cents', model.target_cents], ['realised_cents', model.realised_cents], ['payable_cents', model.payable_cents], ['excluded_cents', model.excluded_cents ?? 0]] as const) {
    assertCents(value, name);
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: model.width ?? 640, height: model.height ?? 400 });
  try {
    chart.setOption(option(model));
    return clean(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
