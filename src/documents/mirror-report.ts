/**
 * Spiegelinformatie as a PDF (ADD §8): a provider's indicators against its anonymised peers, each
 * with its value, the peer band (P10, P25, P50, P75, P90), its signal and the explanation. Drawn
 * from the same `MirrorReport` the API returns, so the PDF never shows more than the provider may see.
 */
import type { MirrorReport } from '../domain/mirror/index.js';
import { formatIndicator, topicTitle } from '../domain/mirror/index.js';
import { MoneyDecimal } from '../domain/money/index.js';
import { createDocument, finish, heading, keyValues, letterhead, paragraph, title, type Addressee, type DocumentMeta, type PdfRenderOptions } from './pdf-document.js';
import { table } from './pdf-table.js';

export interface MirrorReportModel {
  /** YYYY-MM-DD */
  date: string;
  provider: Addressee;
  report: MirrorReport;
}

const show = (value: string, unit: MirrorReport['indicators'][number]['unit']) => formatIndicator(new MoneyDecimal(value), unit);

const SIGNAL_LABEL: Record<MirrorReport['indicators'][number]['signal'], string> = {
  'above-p90': 'boven P90',
  'above-p75': 'boven P75',
  normal: 'normaal',
  'below-p25': 'onder P25',
};

export function mirrorReportPdf(model: MirrorReportModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  const { report, provider } = model;
  const meta: DocumentMeta = {
    title: `Spiegelinformatie ${report.year}`,
    date: model.date,
    running: `${provider.name} — spiegelinformatie ${report.year}`,
    reference: `SPIEGEL-${report.year}-${provider.agb}`,
    keywords: 'spiegelinformatie',
  };
  const doc = createDocument(meta, options);
  letterhead(doc, provider, [
    ['Datum', model.date],
    ['Jaar', String(report.year)],
    ['Kenmerk', meta.reference],
  ]);
  title(doc, meta.title);
  paragraph(doc, report.notice.message);
  keyValues(doc, [
    { label: 'Vergelijkingsgroep', value: `${report.peer_group.providers} aanbieders van hetzelfde type (${report.peer_group.type}), anoniem` },
    { label: 'Uw patiënten', value: String(report.own.patients) },
    { label: 'Methode', value: `percentielen: ${report.method.percentiles}; rang: ${report.method.rank}` },
  ]);
  heading(doc, 'Indicatoren');
  table(
    doc,
    [
      { header: 'Indicator', weight: 3.2 },
      { header: 'Uw waarde', weight: 1.3, align: 'right' },
      { header: 'P25 – P75', weight: 2, align: 'right' },
      { header: 'P90', weight: 1.2, align: 'right' },
      { header: 'Signaal', weight: 1.3 },
    ],
    report.indicators.map((i) => ({
      cells: [
        { text: i.label, note: `${topicTitle(i.topic)} — ${i.reason.message}` },
        show(i.value, i.unit),
        `${show(i.percentiles.p25, i.unit)} – ${show(i.percentiles.p75, i.unit)}`,
        show(i.percentiles.p90, i.unit),
        SIGNAL_LABEL[i.signal],
      ],
    })),
  );
  if (report.omitted.length > 0) {
    heading(doc, 'Niet getoond');
    for (const o of report.omitted) paragraph(doc, `${o.label}: ${o.reason}`, { muted: true });
  }
  return finish(doc, meta);
}
