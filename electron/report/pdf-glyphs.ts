// Glyph codes and advances of the report's two faces, learnt once per character from pdfkit's
// embedded font (which thereby registers each glyph in the subset it embeds, with its Unicode).
import { FONT, type Doc } from './pdf-doc.js';
import type { Bytes } from './pdf-bytes.js';

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
  private readonly gids = new Int32Array(0x10000).fill(-1);

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

  /** Writes the glyph codes of `text`, registering each glyph in the embedded subset. */
  write(text: string, out: Bytes): void {
    for (let i = 0; i < text.length; i++) {
      if (complex(text.charCodeAt(i))) {
        for (const hex of this.font.encode(text)[0]) out.code(Number.parseInt(hex, 16));
        return;
      }
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let gid = this.gids[c] ?? -1;
      if (gid < 0) gid = this.gids[c] = Number.parseInt(this.font.encode(text[i] ?? '')[0][0] ?? '0', 16);
      out.code(gid);
    }
  }
}
