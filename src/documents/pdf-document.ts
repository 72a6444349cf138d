/**
 * The common page of every PDF: A4, a letterhead with the sender block, the addressee and a
 * reference block on the first page, a running header on the following pages, and "pagina X van Y"
 * in the footer. Metadata dates come from the model, so identical models give identical bytes.
 * Text uses the standard Helvetica fonts (WinAnsi), so `pdfText` replaces the few characters of
 * the domain messages that WinAnsi lacks (−, ≥, Σ, →).
 */
import PDFDocument from 'pdfkit';
import { dateValue } from './format.js';

export interface PdfRenderOptions {
  /** Compress content streams (default true); false keeps the text readable for tests. */
  compress?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, left: 62, right: 62, top: 74, bottom: 62 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const COLOR = { ink: '#1f1f1f', muted: '#5f6368', accent: '#1f4e79', rule: '#c9ced6', shade: '#eef2f6' } as const;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const SIZE = { body: 9.5, small: 8, title: 16, heading: 11.5 } as const;

export const SENDER = { name: 'Zorginkoop', lines: ['Inkoop medisch-specialistische zorg'] } as const;

/** WinAnsi code points above 0xFF that the standard fonts can show. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '−': '-', '≥': '>=', '≤': '<=', '≠': '<>', '→': '->', 'Σ': 'som', '⌊': '', '⌋': '', '⌈': '', '⌉': '', '\u2009': ' ', '\u202f': ' ' };

/** Text the standard PDF fonts can draw: NFKC, known replacements, `?` for anything else. */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += REPLACE[char] ?? '?';
  }
  return out;
}

export interface DocumentMeta {
  /** Document title, e.g. `Voorstel financiële afspraak 2018`. */
  title: string;
  /** The model date (YYYY-MM-DD): metadata dates and nothing else. */
  date: string;
  /** Shown in the running header of later pages, e.g. the provider's name. */
  running: string;
  /** Ons kenmerk, shown in every footer. */
  reference: string;
  keywords?: string;
}

export function createDocument(meta: DocumentMeta, options: PdfRenderOptions = {}): PDFKit.PDFDocument {
  const date = dateValue(meta.date);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: pdfText(meta.title), Author: SENDER.name, Subject: pdfText(meta.title), Keywords: pdfText(meta.keywords ?? ''), Creator: 'zorginkoop', Producer: 'zorginkoop (pdfkit)', CreationDate: date, ModDate: date },
  });
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink);
  return doc;
}

export interface Addressee {
  name: string;
  agb: string;
  city: string;
}

/** First page: wordmark and sender block, the addressee (window position) and the reference rows. */
export function letterhead(doc: PDFKit.PDFDocument, addressee: Addressee, rows: readonly [string, string][]): void {
  const top = 40;
  doc.font(FONT.bold).fontSize(18).fillColor(COLOR.accent).text(SENDER.name, PAGE.left, top, { lineBreak: false });
  doc.moveTo(PAGE.left, top + 24).lineTo(PAGE.left + 34, top + 24).lineWidth(2).strokeColor(COLOR.accent).stroke();
  const senderX = PAGE.left + CONTENT_WIDTH - 190;
  doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.ink).text(SENDER.name, senderX, top + 2, { width: 190, align: 'right' });
  doc.font(FONT.regular).fillColor(COLOR.muted).text(SENDER.lines.join('\n'), { width: 190, align: 'right' });

  const addressY = 112;
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.ink).text(pdfText(addressee.name), PAGE.left, addressY, { width: 260 });
  doc.font(FONT.regular).text(pdfText(`t.a.v. de Raad van Bestuur\nAGB-code ${addressee.agb}\n${addressee.city}`), { width: 260, lineGap: 1 });

  let y = 190;
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted).text(pdfText(label), PAGE.left, y, { width: 92 });
    doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink);
    const height = doc.heightOfString(pdfText(value), { width: CONTENT_WIDTH - 96 });
    doc.text(pdfText(value), PAGE.left + 96, y - 1, { width: CONTENT_WIDTH - 96 });
    y += Math.max(height, 11) + 3;
  }
  doc.x = PAGE.left;
  doc.y = y + 18;
}

/** Bottom of the writable area of the current page. */
export const pageBottom = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
  doc.x = PAGE.left;
}

export function title(doc: PDFKit.PDFDocument, text: string): void {
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor(COLOR.accent).text(pdfText(text), PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
}

/** A section heading, kept together with at least `keep` points of what follows. */
export function heading(doc: PDFKit.PDFDocument, text: string, keep = 70): void {
  doc.moveDown(0.8);
  ensureSpace(doc, keep + 22);
  doc.font(FONT.bold).fontSize(SIZE.heading).fillColor(COLOR.accent).text(pdfText(text), PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.35);
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink);
}

/** A paragraph; `keep` points of what follows stay on the same page (for a lead-in line). */
export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { muted?: boolean; size?: number; keep?: number } = {}): void {
  doc.font(FONT.regular).fontSize(options.size ?? SIZE.body).fillColor(options.muted ? COLOR.muted : COLOR.ink);
  const clean = pdfText(text);
  ensureSpace(doc, Math.min(doc.heightOfString(clean, { width: CONTENT_WIDTH, lineGap: 1.5 }), 60) + (options.keep ?? 0));
  doc.text(clean, PAGE.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
  doc.moveDown(0.6);
  doc.fillColor(COLOR.ink);
}

export function bullets(doc: PDFKit.PDFDocument, items: readonly string[]): void {
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink);
  for (const item of items) {
    const clean = pdfText(item);
    ensureSpace(doc, doc.heightOfString(clean, { width: CONTENT_WIDTH - 14 }));
    const y = doc.y;
    doc.text('•', PAGE.left + 2, y, { lineBreak: false });
    doc.text(clean, PAGE.left + 14, y, { width: CONTENT_WIDTH - 14, lineGap: 1.5 });
    doc.moveDown(0.3);
  }
  doc.x = PAGE.left;
  doc.moveDown(0.3);
}

/** Label/value rows; `strong` rows are bold (a total, the amount that matters). */
export function keyValues(doc: PDFKit.PDFDocument, rows: readonly { label: string; value: string; strong?: boolean }[], labelWidth = 130): void {
  for (const row of rows) {
    const value = pdfText(row.value);
    doc.font(row.strong ? FONT.bold : FONT.regular).fontSize(SIZE.body);
    const height = Math.max(doc.heightOfString(value, { width: CONTENT_WIDTH - labelWidth }), 12);
    ensureSpace(doc, height + 3);
    const y = doc.y;
    doc.fillColor(COLOR.muted).font(FONT.regular).text(pdfText(row.label), PAGE.left, y, { width: labelWidth - 8 });
    doc.fillColor(COLOR.ink).font(row.strong ? FONT.bold : FONT.regular).text(value, PAGE.left + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = y + height + 3;
  }
  doc.x = PAGE.left;
  doc.font(FONT.regular).moveDown(0.4);
}

/** Running header (pages 2+) and footer with "pagina X van Y" on every page, then the bytes. */
export function finish(doc: PDFKit.PDFDocument, meta: DocumentMeta): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (i > range.start) {
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.accent).text(SENDER.name, PAGE.left, 40, { lineBreak: false });
      doc.font(FONT.regular).fillColor(COLOR.muted).text(pdfText(`${meta.title} · ${meta.running}`), PAGE.left + 70, 40, { width: CONTENT_WIDTH - 70, align: 'right', lineBreak: false });
      doc.moveTo(PAGE.left, 52).lineTo(PAGE.left + CONTENT_WIDTH, 52).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    }
    const footerY = PAGE.height - 44;
    doc.moveTo(PAGE.left, footerY - 6).lineTo(PAGE.left + CONTENT_WIDTH, footerY - 6).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.font(FONT.regular).fontSize(SIZE.small - 0.5).fillColor(COLOR.muted);
    doc.text(pdfText(`Ons kenmerk ${meta.reference}`), PAGE.left, footerY, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(`pagina ${i - range.start + 1} van ${range.count}`, PAGE.left + CONTENT_WIDTH / 2, footerY, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
