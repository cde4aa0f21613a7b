// The PDF document: A4 pages, Inter embedded, fixed metadata, and the synchronous read-out.
//
// One engine for every PDF: the handlers (Electron and the browser host) and the CLI all draw the
// report with pdfkit from the same view, so a report exports to the same bytes everywhere, with
// no browser to start. Output is byte-identical for the same model: the creation and modification
// dates are the report's generatedAt, the file ID pdfkit derives from them is therefore fixed,
// font subsets are named from the font's position, and deflate is deterministic.
import type PDFDocumentClass from 'pdfkit';
import { lazyModule } from '../lazy-module.js';
import type { ReportFonts } from './fonts.js';
import { INK } from '../../shared/report/palette.js';

export type Doc = PDFKit.PDFDocument;

const pdfkit = lazyModule<typeof PDFDocumentClass>('pdfkit');

export const PAGE = { width: 595.28, height: 841.89, left: 40, right: 40, top: 58, bottom: 50 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BOTTOM = PAGE.height - PAGE.bottom;

export const FONT = { regular: 'report-regular', bold: 'report-bold' } as const;

export interface DocMeta {
  title: string;
  subject: string;
  lang: string;
  /** The report's generatedAt: the PDF's creation and modification date. */
  date: Date;
}

export function createDoc(fonts: ReportFonts, meta: DocMeta): Doc {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    compress: true,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Creator: 'Vigie',
      Producer: 'Vigie (pdfkit)',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  // Registered under names of their own and only ever selected by these names: pdfkit caches a
  // font by the name it was selected with, so each face is parsed once per document.
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  for (const face of [FONT.bold, FONT.regular]) setWithoutShaping(doc.font(face));
  doc.fillColor(INK.text);
  return doc;
}

/** The parts of pdfkit's embedded font and fontkit's font that plain layout touches. */
interface FontkitGlyph {
  advanceWidth: number;
}
interface FontkitFont {
  glyphsForString(text: string): FontkitGlyph[];
  layout: (text: string) => unknown;
}

/**
 * Sets the current font's text from its character map alone, without OpenType shaping. Inter's
 * contextual rules cost about half a millisecond per distinct word, which for a 5,000-incident
 * report is half a minute; Latin text needs no shaping, and the only visible loss is kerning.
 * pdfkit still caches each word's layout and embeds the glyphs and their Unicode as usual.
 */
function setWithoutShaping(doc: Doc): void {
  const font = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font;
  if (!font || typeof font.glyphsForString !== 'function') return;
  font.layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    };
  };
}

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

/** Ends the document and returns its bytes; pdfkit pushes everything synchronously on end(). */
export function finish(doc: Doc): Buffer {
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
