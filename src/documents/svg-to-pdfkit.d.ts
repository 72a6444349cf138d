/** Types for svg-to-pdfkit (CommonJS, untyped): draws an SVG string into a pdfkit document. */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** Viewport in PDF points (default: the page). */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG units as points instead of 96-dpi pixels. */
    assumePt?: boolean;
    precision?: number;
    warningCallback?: (warning: string) => void;
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold?: boolean; fauxItalic?: boolean }) => string;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
  export = SVGtoPDF;
}
