// The one function svg-to-pdfkit exports (it ships no typings): draws an SVG string into a pdfkit
// document at (x, y), scaled to the given width.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    /** The SVG's lengths are points already (no 72/96 scaling). */
    assumePt?: boolean;
    /** The registered pdfkit font to draw a family in. */
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
  }
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void;
  export default SVGtoPDF;
}
