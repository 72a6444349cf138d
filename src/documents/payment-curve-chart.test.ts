import { describe, expect, it } from 'vitest';
import { niceAxis, paymentCurveSvg, type PaymentCurveChartModel } from './payment-curve-chart.js';
import { sampleSettlementModel } from './sample-models.js';

const M = 100_000_000;
const transition: PaymentCurveChartModel = {
  type: 'transitie', target_cents: 10 * M, realised_cents: 9 * M, payable_cents: 950_000_000,
  curve: sampleSettlementModel.curve,
};

/** Every opened tag is closed in order (self-closing tags and the XML prolog aside). */
function tagsBalance(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close = '', name = '', selfClose = ''] of svg.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (selfClose) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('paymentCurveSvg (MSZ §2 Fig. 1)', () => {
  const svg = paymentCurveSvg(transition);

  it('is one balanced SVG document with the title, the labels and the payable amount', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(tagsBalance(svg)).toBe(true);
    for (const text of ['Betaling tegen realisatie (Fig. 1)', 'Richtpunt', 'Realisatie', 'te betalen € 9.500.000,00', 'Betaling = realisatie', 'Gerealiseerde omzet']) {
      expect(svg).toContain(text);
    }
    expect(svg).toMatch(/€ \d+ mln/);
    expect(svg).toContain('stroke-dasharray');
  });

  it('is self-contained: no scripts, styles, external fonts or links', () => {
    const body = svg.replace(/xmlns(:xlink)?="[^"]*"/g, '');
    expect(body).not.toMatch(/<script|<style|@font-face|@import|https?:|href=/);
    expect(body).not.toMatch(/class="|ecmeta_/);
  });

  it('labels the mark Plafond for a plafondafspraak and says where excluded UMC care goes', () => {
    const ceiling = paymentCurveSvg({ ...transition, type: 'plafond', payable_cents: 9 * M, excluded_cents: 50_000_000, curve: [{ realised_cents: 0, payable_cents: 0 }, { realised_cents: 15 * M, payable_cents: 10.5 * M }] });
    expect(ceiling).toContain('Plafond');
    expect(ceiling).not.toContain('Richtpunt');
    expect(ceiling).toContain('+ uitgezonderde zorg');
    expect(ceiling).toContain('uitgezonderde UMC-zorg € 500.000,00');
  });

  it('is deterministic: identical models give identical SVG, also after other charts', () => {
    paymentCurveSvg({ ...transition, type: 'plafond' });
    expect(paymentCurveSvg(transition)).toBe(svg);
    expect(paymentCurveSvg({ ...transition, width: 800 })).not.toBe(svg);
  });

  it('rejects amounts that are not whole cents', () => {
    expect(() => paymentCurveSvg({ ...transition, payable_cents: 0.5 })).toThrow(RangeError);
  });
});

describe('niceAxis', () => {
  it('rounds up to 1, 2, 2.5 or 5 × 10^k with at most six intervals', () => {
    expect(niceAxis(1_080_000_000)).toEqual({ max: 1_200_000_000, interval: 200_000_000 });
    expect(niceAxis(1_620_000_000)).toEqual({ max: 2_000_000_000, interval: 500_000_000 });
    expect(niceAxis(0)).toEqual({ max: 100, interval: 20 });
    for (const value of [1, 7, 99, 123_456, 987_654_321, 5_000_000_000]) {
      const { max, interval } = niceAxis(value);
      expect(max).toBeGreaterThanOrEqual(value);
      expect(max / interval).toBeLessThanOrEqual(6);
      expect(Number.isInteger(max / interval)).toBe(true);
    }
  });
});
