// The report's bulk (table cells, rules, badges, running text) written as raw page operators,
// collected as strings and handed to pdfkit once per block and page. pdfkit's own text call costs a
// graphics state, a font lookup and a dozen small buffers per line; for a 5,000-incident report
// that was most of the render. Glyph codes and advances are looked up once per character and face;
// pdfkit still embeds the subset and its Unicode map from the glyphs it encoded for us.
import { FONT, type Doc } from './pdf-doc.js';

export type Face = keyof typeof FONT;

/** The parts of pdfkit's embedded font used here (pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number }[]];
  widthOfString(text: string, size: number): number;
}

function embeddedFont(doc: Doc, face: Face): EmbeddedFont {
  doc.font(FONT[face]);
  const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font;
  if (typeof font?.encode !== 'function' || typeof font.widthOfString !== 'function' || !font.id) {
    throw new Error('pdfkit no longer exposes its embedded font as the report expects');
  }
  return font as EmbeddedFont;
}

/** Surrogates and variation selectors: code units that need the font's own handling. */
const complex = (c: number): boolean => (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfe00 && c <= 0xfe0f);

/** One face's glyph codes and advances (in thousandths of the font size), learnt per character. */
class Glyphs {
  private readonly advances = new Float64Array(0x10000).fill(NaN);
  private readonly codes: string[] = [];

  constructor(readonly font: EmbeddedFont) {}

  /** The width of `text` in thousandths of the font size. */
  units(text: string): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (complex(c)) return this.font.widthOfString(text, 1000);
      let a = this.advances[c] ?? 0;
      if (Number.isNaN(a)) a = this.advances[c] = this.font.widthOfString(text[i] ?? '', 1000);
      w += a;
    }
    return w;
  }

  /** The glyph codes of `text` as hex, registering each glyph in the embedded subset. */
  hex(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (complex(c)) return this.font.encode(text)[0].join('');
      out += this.codes[c] ??= this.font.encode(text[i] ?? '')[0].join('');
    }
    return out;
  }
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

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
  private texts: string[] = [];
  private textFont = '';
  private textColor = '';
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
    this.shapes.push(`${this.color(fill)} rg ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  hline(x1: number, x2: number, y: number, width: number, color: string): void {
    this.shapes.push(
      `${num(width)} w ${this.color(color)} RG ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S`,
    );
  }

  /** One line of text whose top is at (x, y). */
  text(text: string, x: number, y: number, face: Face, size: number, color: string): void {
    if (!text) return;
    const g = this.glyphs[face];
    const font = `/${g.font.id} ${num(size)} Tf`;
    if (font !== this.textFont) this.texts.push((this.textFont = font));
    if (color !== this.textColor) this.texts.push(`${this.color((this.textColor = color))} rg`);
    this.fonts.add(face);
    const baseline = this.doc.page.height - y - (g.font.ascender / 1000) * size;
    this.texts.push(`1 0 0 1 ${num(x)} ${num(baseline)} Tm <${g.hex(text)}> Tj`);
  }

  /** Writes what was collected to the current page: shapes first, text over them. */
  flush(): void {
    if (!this.shapes.length && !this.texts.length) return;
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    for (const face of this.fonts) {
      const f = this.glyphs[face].font;
      fonts[f.id] ??= f.ref();
    }
    const ops = ['q', ...this.shapes];
    if (this.texts.length) ops.push(`1 0 0 -1 0 ${num(this.doc.page.height)} cm`, 'BT', ...this.texts, 'ET');
    ops.push('Q');
    this.doc.addContent(ops.join('\n'));
    this.shapes = [];
    this.texts = [];
    this.textFont = '';
    this.textColor = '';
    this.fonts.clear();
  }

  /** A new page, once what was collected is on this one. */
  addPage(): void {
    this.flush();
    this.doc.addPage();
  }
}
