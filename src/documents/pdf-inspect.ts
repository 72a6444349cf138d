/**
 * Reads back what a generated PDF holds, without external tools: the page count of any pdfkit PDF,
 * and the text of one rendered with `{ compress: false }` (hex strings in WinAnsi, as pdfkit and
 * svg-to-pdfkit write them). For tests and previews; not a general PDF parser.
 */

/** Number of page objects (`/Type /Page`, not `/Pages`); pdfkit writes them uncompressed. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?![s\w])/g)?.length ?? 0;
}

const FROM_WIN_ANSI: Record<number, string> = {
  128: '€', 130: '‚', 131: 'ƒ', 132: '„', 133: '…', 134: '†', 135: '‡', 136: 'ˆ', 137: '‰', 138: 'Š', 139: '‹', 140: 'Œ', 142: 'Ž',
  145: '‘', 146: '’', 147: '“', 148: '”', 149: '•', 150: '–', 151: '—', 152: '˜', 153: '™', 154: 'š', 155: '›', 156: 'œ', 158: 'ž', 159: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += FROM_WIN_ANSI[code] ?? String.fromCharCode(code);
  }
  return out;
}

/**
 * The text of an uncompressed PDF: one line per text object (BT … ET), the strings of its Tj/TJ
 * operators joined. Throws when the content streams are compressed.
 */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  if (source.includes('/FlateDecode')) throw new Error('extractPdfText: de PDF is gecomprimeerd; maak hem met { compress: false }.');
  const blocks = source.match(/\bBT\b[\s\S]*?\bET\b/g) ?? [];
  return blocks
    .map((block) => {
      const strings = block.match(/<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g) ?? [];
      return strings.map((op) => (op.match(/<([0-9a-fA-F]*)>/g) ?? []).map((h) => decodeHex(h.slice(1, -1))).join('')).join('');
    })
    .join('\n');
}
