/**
 * A sober table for pdfkit: a bold header row on a light shade, thin rules between rows, wrapped
 * text, right-aligned amounts, an optional grey note under a cell's text, and page breaks that
 * repeat the header row. Column widths are relative weights over the content width.
 */
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE, ensureSpace, pageBottom, pdfText } from './pdf-document.js';

export interface TableColumn {
  header: string;
  /** Relative width. */
  weight: number;
  align?: 'left' | 'right';
}

export interface TableCell {
  text: string;
  /** Small grey text under the cell's text (a message, the inputs, the rule). */
  note?: string;
}

export interface TableRow {
  cells: (string | TableCell)[];
  /** A total row: bold, with a rule above. */
  total?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3.5;
const NOTE_SIZE = SIZE.small - 0.5;

const cellOf = (cell: string | TableCell | undefined): TableCell => (typeof cell === 'string' ? { text: cell } : (cell ?? { text: '' }));

function widths(columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  return columns.map((c) => (c.weight / total) * CONTENT_WIDTH);
}

function cellHeight(doc: PDFKit.PDFDocument, cell: TableCell, width: number, bold: boolean): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.body);
  let height = doc.heightOfString(pdfText(cell.text) || ' ', { width: width - 2 * PAD_X });
  if (cell.note) {
    doc.font(FONT.regular).fontSize(NOTE_SIZE);
    height += 1.5 + doc.heightOfString(pdfText(cell.note), { width: width - 2 * PAD_X, lineGap: 0.5 });
  }
  return height + 2 * PAD_Y;
}

function drawHeader(doc: PDFKit.PDFDocument, columns: readonly TableColumn[], w: number[]): void {
  doc.font(FONT.bold).fontSize(SIZE.small);
  const height = Math.max(...columns.map((c, i) => doc.heightOfString(pdfText(c.header), { width: (w[i] ?? 0) - 2 * PAD_X }))) + 2 * PAD_Y;
  const y = doc.y;
  doc.rect(PAGE.left, y, CONTENT_WIDTH, height).fillColor(COLOR.shade).fill();
  let x = PAGE.left;
  columns.forEach((column, i) => {
    const width = w[i] ?? 0;
    doc.fillColor(COLOR.accent).text(pdfText(column.header), x + PAD_X, y + PAD_Y, { width: width - 2 * PAD_X, align: column.align ?? 'left' });
    x += width;
  });
  doc.y = y + height;
}

export function table(doc: PDFKit.PDFDocument, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
  const w = widths(columns);
  ensureSpace(doc, 60);
  drawHeader(doc, columns, w);
  for (const row of rows) {
    const cells = columns.map((_, i) => cellOf(row.cells[i]));
    const bold = row.total === true;
    const height = Math.max(...cells.map((cell, i) => cellHeight(doc, cell, w[i] ?? 0, bold)));
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      doc.y = PAGE.top;
      drawHeader(doc, columns, w);
    }
    const y = doc.y;
    let x = PAGE.left;
    cells.forEach((cell, i) => {
      const width = w[i] ?? 0;
      const options = { width: width - 2 * PAD_X, align: columns[i]?.align ?? 'left' } as const;
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink).text(pdfText(cell.text), x + PAD_X, y + PAD_Y, options);
      if (cell.note) doc.font(FONT.regular).fontSize(NOTE_SIZE).fillColor(COLOR.muted).text(pdfText(cell.note), x + PAD_X, doc.y + 1.5, { ...options, lineGap: 0.5 });
      x += width;
    });
    doc.moveTo(PAGE.left, bold ? y : y + height).lineTo(PAGE.left + CONTENT_WIDTH, bold ? y : y + height)
      .lineWidth(bold ? 0.9 : 0.4).strokeColor(bold ? COLOR.ink : COLOR.rule).stroke();
    doc.y = y + height;
  }
  doc.x = PAGE.left;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink).moveDown(0.6);
}
