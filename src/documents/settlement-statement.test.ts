import { describe, expect, it } from 'vitest';
import { formatEuro, sumCents } from '../domain/money/index.js';
import { extractPdfText, pdfPageCount } from './pdf-inspect.js';
import { sampleSettlementModel } from './sample-models.js';
import { settlementJson, settlementPdf, type SettlementStatementModel } from './settlement-statement.js';

const model = sampleSettlementModel;
const textOf = async (m: SettlementStatementModel): Promise<string> => extractPdfText(await settlementPdf(m, { compress: false })).replace(/\s+/g, ' ');

describe('settlementJson', () => {
  const json = settlementJson(model);

  it('holds the amounts in cents, the lines that sum to the payable amount, the facts and the reasons', () => {
    expect(json).toMatchObject({
      document: 'afrekening', title: 'Afrekening 2018', date: '2019-06-28', year: 2018, reference: 'msz-2018/06010001/afrekening-2018',
      type: 'transitie', target_label: 'Richtpunt', target_cents: 1_000_000_000, realised_cents: 900_000_000, excluded_cents: 0,
      payable_cents: 950_000_000, difference_cents: 50_000_000,
    });
    expect(json.summary.map((s) => [s.id, s.amount_cents])).toEqual([
      ['realised', 900_000_000], ['target', 1_000_000_000], ['excluded', 0], ['payable', 950_000_000], ['difference', 50_000_000],
    ]);
    expect(sumCents(json.lines.map((l) => l.amount_cents))).toBe(json.payable_cents);
    expect(json.lines).toEqual(model.settlement.lines);
    expect(json.facts).toEqual(model.settlement.facts);
    expect(json.reasons).toEqual(model.settlement.reasons);
    expect(json.curve).toEqual(model.curve);
  });

  it('is plain JSON, deterministic, and shares nothing with the model', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(settlementJson(structuredClone(model)))).toBe(JSON.stringify(json));
    const copy = settlementJson(model);
    (copy.lines[0] as { inputs: Record<string, unknown> }).inputs.realised_cents = 1;
    expect(model.settlement.lines[0]?.inputs.realised_cents).toBe(900_000_000);
  });

  it('refuses lines that do not sum to the payable amount (a bug upstream)', () => {
    const broken = { ...model, settlement: { ...model.settlement, payable_cents: 950_000_001 } };
    expect(() => settlementJson(broken)).toThrow(/tellen op tot € 9\.500\.000,00/);
  });
});

describe('settlementPdf', () => {
  it('is a two-page A4 PDF with the Fig. 1 chart as vector graphics', async () => {
    const pdf = await settlementPdf(model);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('shows every amount, line, fact and reason of settlementJson, and the chart labels', async () => {
    const json = settlementJson(model);
    const text = await textOf(model);
    for (const part of ['Afrekening 2018', 'Ziekenhuis De Vaart', 'AGB-code 06010001', '28 juni 2019', 'Te betalen', 'Uitgezonderde UMC-zorg', 'pagina 1 van 2', 'pagina 2 van 2']) {
      expect(text).toContain(part);
    }
    for (const line of json.summary) expect(text).toContain(`${line.label.replace('−', '-')} ${formatEuro(line.amount_cents)}`);
    for (const line of json.lines) {
      expect(text).toContain(line.label);
      expect(text).toContain(`Regel ${line.rule}`);
      expect(text).toContain(formatEuro(line.amount_cents));
    }
    for (const fact of json.facts) expect(text).toContain(fact.label.replace('−', '-'));
    for (const reason of json.reasons) expect(text).toContain(`Regel ${reason.rule}`);
    for (const label of ['Betaling tegen realisatie (Fig. 1)', 'Richtpunt € 10.000.000,00', 'Realisatie € 9.000.000,00', 'te betalen € 9.500.000,00', '€ 10 mln']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Wij betalen u € 500.000,00 meer dan de gerealiseerde omzet.');
  });

  it('says what is not paid when less is paid than realised', async () => {
    const ceiling: SettlementStatementModel = {
      ...model,
      decision: { type: 'plafond', title: 'Plafondafspraak voor 2 jaar' },
      settlement: {
        ...model.settlement, type: 'plafond', realised_cents: 1_100_000_000, payable_cents: 1_000_000_000, difference_cents: -100_000_000,
        lines: [{ id: 'ceiling', label: 'Plafond', amount_cents: 1_000_000_000, rule: 'settlement.ceiling.over', source: 'MSZ §4', inputs: {}, message: 'Plafond € 10.000.000,00.' }],
        facts: [], reasons: [{ rule: 'settlement.ceiling.over', source: 'MSZ §4', inputs: { target_cents: 1_000_000_000 }, message: 'Plafondafspraak, overschrijding: het plafond.' }],
      },
      curve: [{ realised_cents: 0, payable_cents: 0 }, { realised_cents: 1_000_000_000, payable_cents: 1_000_000_000 }, { realised_cents: 1_500_000_000, payable_cents: 1_000_000_000 }],
    };
    const text = await textOf(ceiling);
    expect(text).toContain('Van de gerealiseerde omzet wordt € 1.000.000,00 niet vergoed.');
    expect(text).toContain('Plafond € 10.000.000,00');
    expect(text).toContain('Regel settlement.ceiling.over · plafond € 10.000.000,00');
    expect(text).not.toMatch(/richtpunt/i);
  });

  it('is deterministic: identical models give identical bytes', async () => {
    const [a, b] = await Promise.all([settlementPdf(model), settlementPdf(structuredClone(model))]);
    expect(a.equals(b)).toBe(true);
  });
});
