// The report as a document: titled sections of facts, tables, lists and text, every string
// already translated and formatted. Markdown, HTML and PDF all render this one view, so the three
// formats always say the same thing.
import type { ReportLang } from './model.js';

export type Tone = 'p1' | 'p2' | 'p3' | 'p4' | 'warn' | 'muted';

export interface Cell {
  /** May hold line breaks ("\n"); renderers keep them as lines. */
  text: string;
  tone?: Tone;
}

export interface Column {
  label: string;
  /** Width in PDF points on a 515 pt line; HTML uses it as a proportion. */
  width: number;
  align?: 'right';
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: Column[]; rows: Cell[][]; empty: string; total?: Cell[] }
  | { kind: 'list'; items: string[]; empty: string }
  | { kind: 'text'; text: string; tone?: Tone }
  | { kind: 'map' };

export interface ViewSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportView {
  lang: ReportLang;
  title: string;
  /** "EXERCISE" or "REAL OPERATION". */
  mode: string;
  status: { text: string; preview: boolean };
  header: [label: string, value: string][];
  sections: ViewSection[];
  /** The line at the top of every PDF page. */
  running: { left: string; right: string };
  /** "SHA-256 …" of an acknowledged report, else null. */
  hash: string | null;
  /** "Page {n} of {total}" before filling. */
  pageTemplate: string;
}

/** The width of a full line of the A4 page, in points, that column widths add up to. */
export const LINE_WIDTH = 515;
