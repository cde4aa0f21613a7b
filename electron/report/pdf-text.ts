// Fast text setting for table cells: words are measured once per face and cached, lines are
// broken here (greedy, on spaces; an over-long word on characters), and each line is drawn with
// pdfkit's single-line path. pdfkit's own wrapper allocates a line-wrapping machine per call,
// which for tens of thousands of cells is most of a large report's time.
import { FONT, type Doc } from './pdf-doc.js';

export type Face = keyof typeof FONT;

/** pdfkit's text options, with two it reads but its type declarations leave out. */
type LineOptions = PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number };

const ELLIPSIS = '…';

export class TextSetter {
  private readonly widths = new Map<string, number>();
  private face: Face = 'regular';
  private size = 10;
  private color = '';

  constructor(private readonly doc: Doc) {}

  use(face: Face, size: number, color: string): void {
    if (face !== this.face || size !== this.size) {
      this.face = face;
      this.size = size;
      this.doc.font(FONT[face]).fontSize(size);
    }
    if (color !== this.color) {
      this.color = color;
      this.doc.fillColor(color);
    }
  }

  /** Forgets the colour it set: call after drawing anything else that changes it. */
  reset(): void {
    this.color = '';
    this.doc.font(FONT[this.face]).fontSize(this.size);
  }

  lineHeight(): number {
    return this.doc.currentLineHeight(true);
  }

  width(text: string): number {
    let w = 0;
    const words = text.split(' ');
    for (const word of words) w += this.wordWidth(word);
    return w + (words.length - 1) * this.wordWidth(' ');
  }

  private wordWidth(word: string): number {
    if (!word) return 0;
    const key = `${this.face}\u0000${word}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.widthOfString(word) / this.size;
      this.widths.set(key, w);
    }
    return w * this.size;
  }

  /** The lines `text` takes in `max` points, at most `maxLines` (the last then ends in "…"). */
  wrap(text: string, max: number, maxLines: number): string[] {
    const lines: string[] = [];
    const space = this.wordWidth(' ');
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        const w = this.wordWidth(word);
        if (line && lineWidth + space + w <= max) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) lines.push(line);
        const pieces = w <= max ? [word] : this.breakWord(word, max);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
        lineWidth = this.wordWidth(line);
      }
      lines.push(line);
      if (lines.length > maxLines) break;
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.ellipsize(kept[maxLines - 1] ?? '', max);
    return kept;
  }

  /** Splits a word wider than `max`: after a hyphen or comma when one fits, else between characters. */
  private breakWord(word: string, max: number): string[] {
    const pieces: string[] = [];
    let rest = word;
    while (this.wordWidth(rest) > max) {
      let cut = 1;
      while (cut < rest.length && this.wordWidth(rest.slice(0, cut + 1)) <= max) cut++;
      const soft = Math.max(rest.lastIndexOf('-', cut - 1), rest.lastIndexOf(',', cut - 1));
      if (soft > 0) cut = soft + 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    pieces.push(rest);
    return pieces;
  }

  private ellipsize(line: string, max: number): string {
    let s = line;
    while (s && this.width(s + ELLIPSIS) > max) s = s.slice(0, -1);
    return s.trimEnd() + ELLIPSIS;
  }

  /** One line at (x, y) (top of the line), aligned within `width`. */
  line(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center'): void {
    if (!text) return;
    const textWidth = this.width(text);
    const dx = align === 'left' ? 0 : width - textWidth;
    // Handing pdfkit the width (and word count, used only for justified text) spares it measuring again.
    const options: LineOptions = { lineBreak: false, textWidth, wordCount: 1 };
    this.doc.text(text, x + (align === 'center' ? dx / 2 : dx), y, options);
  }
}
