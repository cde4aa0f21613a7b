// Reads a PDF back for the tests with pdfjs-dist (no poppler on the machine): its text page by page,
// its Info dictionary, page sizes and fonts. Nothing is fetched: no standard font data, CMaps or wasm
// URLs are given, system fonts are off, and the worker runs in this process.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, OPS, PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdfjs looks for an in-process worker here before it would import one itself.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export interface PdfFont {
  /** Base font name without the subset tag: `Inter-Regular`. */
  name: string;
  /** The subset tag (`ABCDEF+`) was there. */
  subset: boolean;
  /** pdfjs's font type: `CIDFontType2` is a CID-keyed TrueType font. */
  type: string;
  /** `Identity-H`, `Identity-V`, or `other` (see `encodingOf`). */
  encoding: string;
  embedded: boolean;
  /** It carries a ToUnicode map, so its text can be copied and searched. */
  toUnicode: boolean;
}

export interface PdfRead {
  /** Each page's text in reading order: one line per baseline, cells separated by spaces. */
  pages: string[];
  /** The text items in content-stream order (poppler's `-raw`): a cell's lines follow each other. */
  raw: string;
  /** The Info dictionary as strings, dates as ISO 8601 UTC. */
  info: Record<string, string>;
  /** Width and height of each page, in points. */
  sizes: [number, number][];
  fonts: PdfFont[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Lines by baseline, top to bottom, each left to right: close to poppler's `-layout`. */
function layoutText(items: Item[]): string {
  const lines: { y: number; items: Item[] }[] = [];
  for (const item of items) {
    if (!item.str) continue;
    // Items of one line share a baseline to within rounding.
    const line = lines.find((l) => Math.abs(l.y - item.y) < 1);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const i of l.items) {
        // A gap between two items is a column or a word break: keep it as white space.
        if (text && i.x - end > 0.5 && !/\s$/.test(text) && !/^\s/.test(i.str)) text += ' ';
        text += i.str;
        end = i.x + i.width;
      }
      return text;
    })
    .join('\n');
}

/**
 * The font's CMap as poppler names it: an identity CMap is two-byte codes over 0000-FFFF with no
 * mapping of its own (pdfjs does not keep the CMap's name across to this side).
 */
function encodingOf(font: { composite?: boolean; cMap?: unknown }): string {
  const cMap = font.cMap as
    { codespaceRanges?: number[][]; _map?: unknown[]; vertical?: boolean; useCMap?: unknown } | undefined;
  if (!font.composite || !cMap) return 'other';
  const ranges = cMap.codespaceRanges ?? [];
  const twoByteOnly = ranges.every((r, n) => (n === 1 ? r.join() === '0,65535' : r.length === 0));
  if (!twoByteOnly || (cMap._map ?? []).length > 0 || cMap.useCMap) return 'other';
  return cMap.vertical ? 'Identity-V' : 'Identity-H';
}

async function pageFonts(page: PDFPageProxy): Promise<PdfFont[]> {
  const ops = await page.getOperatorList();
  const ids = new Set<string>();
  ops.fnArray.forEach((fn, n) => {
    if (fn === OPS.setFont) ids.add((ops.argsArray[n] as [string])[0]);
  });
  return [...ids].map((id) => {
    const f = page.commonObjs.get(id) as {
      name: string;
      type?: string;
      missingFile?: boolean;
      toUnicode?: unknown;
      composite?: boolean;
      cMap?: unknown;
    };
    const subset = /^[A-Z]{6}\+/.test(f.name);
    return {
      name: subset ? f.name.slice(7) : f.name,
      subset,
      type: f.type ?? '',
      encoding: encodingOf(f),
      embedded: f.missingFile === false,
      toUnicode: f.toUnicode !== undefined,
    };
  });
}

export async function readPdf(pdf: Uint8Array): Promise<PdfRead> {
  const doc = await getDocument({
    // A copy: pdfjs takes ownership of the buffer it is given.
    data: new Uint8Array(pdf),
    fontExtraProperties: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: true,
  }).promise;
  try {
    const pages: string[] = [];
    const raw: string[] = [];
    const sizes: [number, number][] = [];
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const items: Item[] = [];
      for (const i of (await page.getTextContent()).items) {
        if (!('str' in i)) continue;
        items.push({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width });
        raw.push(i.str, i.hasEOL ? '\n' : '');
      }
      pages.push(layoutText(items));
      raw.push('\f');
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      sizes.push([x1 - x0, y1 - y0]);
      for (const f of await pageFonts(page)) fonts.set(f.name, f);
    }
    const info: Record<string, string> = {};
    for (const [key, value] of Object.entries((await doc.getMetadata()).info)) {
      if (typeof value !== 'string') continue;
      info[key] = /Date$/.test(key) ? (PDFDateString.toDateObject(value)?.toISOString() ?? value) : value;
    }
    return { pages, raw: raw.join(''), info, sizes, fonts: [...fonts.values()] };
  } finally {
    await doc.destroy();
  }
}

/** All the text of a PDF, pages one after the other. */
export const pdfText = async (pdf: Uint8Array): Promise<string> => (await readPdf(pdf)).pages.join('\n');
