// A growing byte buffer for page content: operators as Latin-1 text, glyph codes as the two raw
// bytes of a literal string. Handing pdfkit bytes spares it converting a string per chunk, and
// spares us building and flattening a string per line.
const ESCAPED = new Set([0x0a, 0x0d, 0x28, 0x29, 0x5c]);
const ESCAPE_AS: Record<number, number> = { 0x0a: 0x6e, 0x0d: 0x72 }; // \n, \r; others as themselves

export class Bytes {
  private buf = Buffer.allocUnsafe(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** Operator text; every character must be Latin-1. */
  text(s: string): void {
    this.room(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  /** A two-byte glyph code inside a literal string; bytes the string reads specially are escaped. */
  code(gid: number): void {
    this.room(4);
    this.byte(gid >> 8);
    this.byte(gid & 255);
  }

  private byte(b: number): void {
    if (ESCAPED.has(b)) {
      this.buf[this.length++] = 0x5c;
      this.buf[this.length++] = ESCAPE_AS[b] ?? b;
    } else this.buf[this.length++] = b;
  }

  /** What was written, copied out; the buffer starts again empty. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}
