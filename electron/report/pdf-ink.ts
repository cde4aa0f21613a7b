// The report's bulk (table cells, rules, badges, map markers, running headers) written as raw page
// operators, collected and handed to pdfkit as bytes once per block and page. pdfkit's own text call
// costs a graphics state, a font lookup and a dozen small buffers per line; for a 5,000-incident
// report that was most of the render. Glyph codes and advances come from pdf-glyphs.ts.
// Whoever collects must flush before drawing with pdfkit itself or leaving the page.
import { FONT, type Doc } from './pdf-doc.js';
import { Glyphs, embeddedFont, type Face } from './pdf-glyphs.js';
import { Bytes } from './pdf-bytes.js';

export type { Face } from './pdf-glyphs.js';

export const num = (n: number): string => String(Math.round(n * 100) / 100);

function rgb(hex: string): string {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
    .map((c) => String(Math.round((c / 255) * 1000) / 1000))
    .join(' ');
}

export class Ink {
  private readonly glyphs: Record<Face, Glyphs>;
  private readonly colors = new Map<string, string>();
  private shapes: string[] = [];
  private readonly texts = new Bytes();
  private textFont = '';
  private textColor = '';
  private shapeFill = '';
  private shapeStroke = '';
  private shapeWidth = NaN;
  private readonly fonts = new Set<Face>();

  constructor(private readonly doc: Doc) {
    this.glyphs = {
      regular: new Glyphs(embeddedFont(doc, 'regular')),
      bold: new Glyphs(embeddedFont(doc, 'bold')),
    };
  }

  /** The width of `text` in points. */
  width(text: string, face: Face, size: number): number {
    return (this.glyphs[face].units(text) * size) / 1000;
  }

  /** The gap between two lines' tops, as pdfkit's currentLineHeight(true). */
  lineHeight(face: Face, size: number): number {
    this.doc.font(FONT[face]).fontSize(size);
    return this.doc.currentLineHeight(true);
  }

  private color(hex: string): string {
    let c = this.colors.get(hex);
    if (c === undefined) this.colors.set(hex, (c = rgb(hex)));
    return c;
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.paint(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`, fill, null, 0, false);
  }

  hline(x1: number, x2: number, y: number, width: number, color: string): void {
    this.paint(`${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l`, null, color, width, false);
  }

  /** A path's construction operators, filled, stroked or both; colours set only when they change. */
  paint(path: string, fill: string | null, stroke: string | null, width: number, evenOdd: boolean): void {
    if (fill && fill !== this.shapeFill) this.shapes.push(`${this.color((this.shapeFill = fill))} rg`);
    if (stroke && stroke !== this.shapeStroke)
      this.shapes.push(`${this.color((this.shapeStroke = stroke))} RG`);
    if (stroke && width !== this.shapeWidth) this.shapes.push(`${num((this.shapeWidth = width))} w`);
    const op = fill && stroke ? 'B' : fill ? 'f' : 'S';
    this.shapes.push(`${path} ${op}${evenOdd && fill ? '*' : ''}`);
  }

  /** Round joins and caps for the strokes that follow (until the next flush). */
  roundJoins(): void {
    this.shapes.push('1 j 1 J');
  }

  /** One line of text whose top is at (x, y), on the page (not in a translated drawing). */
  text(text: string, x: number, y: number, face: Face, size: number, color: string): void {
    if (!text) return;
    const g = this.glyphs[face];
    const font = `/${g.font.id} ${num(size)} Tf\n`;
    if (font !== this.textFont) this.texts.text((this.textFont = font));
    if (color !== this.textColor) this.texts.text(`${this.color((this.textColor = color))} rg\n`);
    this.fonts.add(face);
    const baseline = this.doc.page.height - y - (g.font.ascender / 1000) * size;
    this.texts.text(`1 0 0 1 ${num(x)} ${num(baseline)} Tm (`);
    g.write(text, this.texts);
    this.texts.text(') Tj\n');
  }

  /** Writes what was collected to the current page: shapes first, text over them. */
  flush(): void {
    if (!this.shapes.length && !this.texts.length) return;
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    for (const face of this.fonts) {
      const f = this.glyphs[face].font;
      fonts[f.id] ??= f.ref();
    }
    const head = ['q', ...this.shapes];
    if (this.texts.length) head.push(`1 0 0 -1 0 ${num(this.doc.page.height)} cm`, 'BT');
    const parts: Buffer[] = [Buffer.from(`${head.join('\n')}\n`, 'latin1')];
    if (this.texts.length) parts.push(this.texts.take(), Buffer.from('ET\n', 'latin1'));
    parts.push(Buffer.from('Q\n', 'latin1'));
    // pdfkit appends nothing to bytes (it adds a newline to strings only).
    this.doc.addContent(Buffer.concat(parts));
    this.shapes = [];
    this.textFont = '';
    this.textColor = '';
    this.shapeFill = '';
    this.shapeStroke = '';
    this.shapeWidth = NaN;
    this.fonts.clear();
  }

  /** A new page, once what was collected is on this one. */
  addPage(): void {
    this.flush();
    this.doc.addPage();
  }
}
