// Glyph codes and advances of the report's two faces, learnt once per character from pdfkit's
// embedded font (which thereby registers each glyph in the subset it embeds, with its Unicode).
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

export function embeddedFont(doc: Doc, face: Face): EmbeddedFont {
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
export class Glyphs {
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

  /** The glyph codes of `text` as a PDF string literal's bytes, registering each glyph in the subset. */
  bytes(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (complex(c)) return literal(this.font.encode(text)[0]);
      out += this.codes[c] ??= literal(this.font.encode(text[i] ?? '')[0]);
    }
    return out;
  }
}

const ESCAPE: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\' };

/**
 * Two-byte glyph codes (pdfkit's 4-digit hex) as raw bytes for a literal string: half the size of
 * hex, so half the content to deflate. Bytes a literal string reads specially are escaped.
 */
function literal(hexCodes: string[]): string {
  let out = '';
  for (const code of hexCodes) {
    const v = Number.parseInt(code, 16);
    for (const b of [v >> 8, v & 255]) out += ESCAPE[b] ?? String.fromCharCode(b);
  }
  return out;
}
