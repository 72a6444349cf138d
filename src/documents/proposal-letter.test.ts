import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../domain/money/index.js';
import { extractPdfText, pdfPageCount } from './pdf-inspect.js';
import { listYears, proposalLetterPdf, type ProposalLetterModel } from './proposal-letter.js';
import { sampleLetterModel } from './sample-models.js';

/** The text of the letter with whitespace collapsed (wrapped lines join with one space). */
const textOf = async (model: ProposalLetterModel): Promise<string> => extractPdfText(await proposalLetterPdf(model, { compress: false })).replace(/\s+/g, ' ');

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('proposalLetterPdf', () => {
  it('is an A4 PDF of two pages with "pagina X van Y" on each', async () => {
    const pdf = await proposalLetterPdf(sampleLetterModel);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdfPageCount(pdf)).toBe(2);
    const text = await textOf(sampleLetterModel);
    expect(text).toContain('pagina 1 van 2');
    expect(text).toContain('pagina 2 van 2');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('addresses the provider and holds the decision with its reasons, the richtpunt, the volume and the prices', async () => {
    const text = await textOf(sampleLetterModel);
    const expected = [
      'Zorginkoop', 'Ziekenhuis De Vaart', 'AGB-code 06010001', 'ZWOLLE', '15 maart 2018', 'Voorstel financiële afspraak 2018',
      'Ons kenmerk msz-2018/06010001/voorstel-2018',
      sampleLetterModel.decision.title, 'Transitieafspraak', '3 jaar (2018, 2019 en 2020)', 'Regulier inkooptraject', 'Definitief',
      'Richtpunt per jaar', formatEuro(20_236_800), '1,0200',
      'Volume na correcties', formatEuro(19_840_000), formatEuro(-3_300_000), 'Aandachtspunten',
      'Aantal zorgproducten 2', 'Aanbiedersopslag van 2%',
      'uiterlijk 30 april 2018', 'Inkoopbeleid medisch-specialistische zorg 2018', 'Met vriendelijke groet',
    ];
    for (const part of expected) expect(text).toContain(part);
    for (const reason of sampleLetterModel.decision.reasons) {
      expect(text).toContain(`Regel ${reason.rule}`);
      expect(text).toContain(reason.source);
    }
    for (const line of sampleLetterModel.financial.lines) expect(text).toContain(formatEuro(line.amount_cents));
    // WinAnsi has no U+2212 or Σ: they are written as '-' and 'som'.
    expect(text).toContain('(som prijs / som standaardprijs)');
  });

  it('words the response without a date, and no agreement, correctly', async () => {
    const model: ProposalLetterModel = {
      ...sampleLetterModel, respondBy: null,
      decision: { ...sampleLetterModel.decision, type: 'none', years: 0, title: 'Geen passende afspraaksoort', status: 'provisional' },
      financial: { ...sampleLetterModel.financial, amount_kind: 'none', amount_cents: 0, years: [], lines: [], reasons: [{ rule: 'proposal.none', source: 'MSZ §2', inputs: {}, message: 'Geen overeenkomst: geen financiële afspraak.' }] },
    };
    const text = await textOf(model);
    expect(text).toContain('binnen de termijn uit het inkoopbeleid');
    expect(text).toContain('Geen overeenkomst: geen financiële afspraak. (MSZ §2)');
    expect(text).toContain('Voorlopig');
    expect(text).not.toContain('Richtpunt per jaar');
  });

  it('is deterministic: identical models give identical bytes', async () => {
    const [a, b] = await Promise.all([proposalLetterPdf(sampleLetterModel), proposalLetterPdf(structuredClone(sampleLetterModel))]);
    expect(a.equals(b)).toBe(true);
    const later = await proposalLetterPdf({ ...sampleLetterModel, date: '2018-03-16' });
    expect(later.equals(a)).toBe(false);
  });

  it.skipIf(!hasPdftotext())('reads back with pdftotext (poppler) from the compressed PDF', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zorginkoop-letter-')), 'voorstel.pdf');
    writeFileSync(file, await proposalLetterPdf(sampleLetterModel));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Voorstel financiële afspraak 2018');
    expect(text).toContain(formatEuro(20_236_800));
  });
});

describe('listYears', () => {
  it('joins years the Dutch way', () => {
    expect(listYears([2018])).toBe('2018');
    expect(listYears([2018, 2019])).toBe('2018 en 2019');
    expect(listYears([])).toBe('');
  });
});
