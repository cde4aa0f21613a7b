// Fast text setting for table cells and running text: widths come from per-character advances
// (pdf-ink.ts), lines are broken here (greedy, on spaces; an over-long word on characters), and each
// line is written as one text operator. pdfkit's own wrapper allocates a line-wrapping machine per
// call, which for tens of thousands of cells is most of a large report's time.
import type { Doc } from './pdf-doc.js';
import { Ink, type Face } from './pdf-ink.js';

export type { Face } from './pdf-ink.js';

const ELLIPSIS = '…';

export class TextSetter {
  readonly ink: Ink;
  private face: Face = 'regular';
  private size = 10;
  private color = '';
  private readonly heights = new Map<string, number>();

  constructor(doc: Doc) {
    this.ink = new Ink(doc);
  }

  use(face: Face, size: number, color: string): void {
    this.face = face;
    this.size = size;
    this.color = color;
  }

  lineHeight(): number {
    const key = `${this.face} ${this.size}`;
    let h = this.heights.get(key);
    if (h === undefined) this.heights.set(key, (h = this.ink.lineHeight(this.face, this.size)));
    return h;
  }

  width(text: string): number {
    return this.ink.width(text, this.face, this.size);
  }

  /** The lines `text` takes in `max` points, at most `maxLines` (the last then ends in "…"). */
  wrap(text: string, max: number, maxLines: number): string[] {
    if (!text.includes('\n') && this.width(text) <= max) return [text];
    const lines: string[] = [];
    const space = this.width(' ');
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        const w = this.width(word);
        if (line && lineWidth + space + w <= max) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) lines.push(line);
        const pieces = w <= max ? [word] : this.breakWord(word, max);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
        lineWidth = this.width(line);
      }
      lines.push(line);
      if (lines.length > maxLines) break;
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.cut(kept[maxLines - 1] ?? '', max);
    return kept;
  }

  /** Splits a word wider than `max`: after a hyphen or comma when one fits, else between characters. */
  private breakWord(word: string, max: number): string[] {
    const pieces: string[] = [];
    let rest = word;
    while (this.width(rest) > max) {
      let cut = 1;
      while (cut < rest.length && this.width(rest.slice(0, cut + 1)) <= max) cut++;
      const soft = Math.max(rest.lastIndexOf('-', cut - 1), rest.lastIndexOf(',', cut - 1));
      if (soft > 0) cut = soft + 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    pieces.push(rest);
    return pieces;
  }

  /** `text` cut to fit `max` points, ending in "…" when it was cut. */
  ellipsize(text: string, max: number): string {
    return this.width(text) <= max ? text : this.cut(text, max);
  }

  /** `text` shortened until it fits `max` points with "…" after it (more text follows). */
  private cut(text: string, max: number): string {
    let s = text;
    while (s && this.width(s + ELLIPSIS) > max) s = s.slice(0, -1);
    return s.trimEnd() + ELLIPSIS;
  }

  /** One line at (x, y) (top of the line), aligned within `width`. */
  line(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center'): void {
    if (!text) return;
    const dx = align === 'left' ? 0 : width - this.width(text);
    this.ink.text(text, x + (align === 'center' ? dx / 2 : dx), y, this.face, this.size, this.color);
  }
}
