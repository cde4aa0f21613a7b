// Tables in the PDF: wrapped cells, the header row repeated at the top of each page a table runs
// onto, priority cells as coloured badges, and a bold total row. Each cell is broken into lines
// once (pdf-text.ts); the same lines give the row's height and are drawn.
import type { Cell, Column, Tone } from '../../shared/report/view-types.js';
import { INK, PRIORITY_INK } from '../../shared/report/palette.js';
import { BOTTOM, PAGE, ensureRoom, type Doc } from './pdf-doc.js';
import type { Face, TextSetter } from './pdf-text.js';

const SIZE = 7.5;
const PAD = 2.5;
/** A cell never grows past this many lines; longer text ends with an ellipsis. */
const MAX_LINES = 400;

const BADGE: Partial<Record<Tone, { fill: string; text: string }>> = {
  p1: { fill: PRIORITY_INK[1], text: '#ffffff' },
  p2: { fill: PRIORITY_INK[2], text: '#ffffff' },
  p3: { fill: PRIORITY_INK[3], text: INK.text },
  p4: { fill: PRIORITY_INK[4], text: '#ffffff' },
};

const textColor = (tone: Tone | undefined): string =>
  tone === 'warn' ? INK.warn : tone === 'muted' ? INK.muted : INK.text;

export interface TableBlock {
  columns: Column[];
  rows: Cell[][];
  total?: Cell[] | undefined;
}

interface SetCell {
  lines: string[];
  face: Face;
  color: string;
  badge: string | null;
  align: 'left' | 'right' | 'center';
}

interface SetRow {
  cells: SetCell[];
  lines: number;
  lineHeight: number;
  height: number;
  fill: string | null;
  rule: string | null;
}

export function drawTable(doc: Doc, text: TextSetter, t: TableBlock): void {
  const header = setRow(
    text,
    t.columns,
    t.columns.map((c): Cell => ({ text: c.label })),
    'bold',
    INK.headerFill,
    null,
  );
  const rows = t.rows.map((r) => setRow(text, t.columns, r, 'regular', null, INK.rule));
  if (t.total) rows.push(setRow(text, t.columns, t.total, 'bold', null, INK.text));
  ensureRoom(doc, header.height + (rows[0]?.height ?? 0));
  drawRow(doc, text, t.columns, header);
  const newPage = () => {
    text.ink.addPage();
    drawRow(doc, text, t.columns, header);
  };
  const pageRoom = BOTTOM - PAGE.top - header.height;
  for (let row of rows) {
    if (doc.y + row.height > BOTTOM && row.height <= pageRoom) newPage();
    // A row taller than a page continues on the next one, the header repeated above it.
    while (doc.y + row.height > BOTTOM) {
      const fit = Math.floor((BOTTOM - doc.y - 2 * PAD) / row.lineHeight);
      if (fit < 2) {
        newPage();
        continue;
      }
      const [head, rest] = splitRow(row, fit);
      drawRow(doc, text, t.columns, head);
      newPage();
      row = rest;
    }
    drawRow(doc, text, t.columns, row);
  }
  text.ink.flush();
  doc.x = PAGE.left;
  doc.y += 6;
}

function setRow(
  text: TextSetter,
  columns: Column[],
  cells: Cell[],
  face: Face,
  fill: string | null,
  rule: string | null,
): SetRow {
  let lines = 1;
  const set = columns.map((col, i): SetCell => {
    const cell = cells[i] ?? { text: '' };
    const badge = cell.tone ? BADGE[cell.tone] : undefined;
    const cellFace: Face = badge ? 'bold' : face;
    const color = badge ? badge.text : textColor(cell.tone);
    text.use(cellFace, SIZE, color);
    const wrapped = text.wrap(cell.text, col.width - 2 * PAD, MAX_LINES);
    lines = Math.max(lines, wrapped.length);
    const align = badge ? 'center' : col.align === 'right' ? 'right' : 'left';
    return { lines: wrapped, face: cellFace, color, badge: badge?.fill ?? null, align };
  });
  text.use(face, SIZE, INK.text);
  const lineHeight = text.lineHeight();
  return { cells: set, lines, lineHeight, height: rowHeightOf(lines, lineHeight), fill, rule };
}

const rowHeightOf = (lines: number, lineHeight: number): number => Math.ceil(lines * lineHeight + 2 * PAD);

/** The first `n` lines of a row, and the rest (its other cells blank but for badges). */
function splitRow(row: SetRow, n: number): [SetRow, SetRow] {
  const part = (lines: number, pick: (c: SetCell) => string[]): SetRow => ({
    ...row,
    cells: row.cells.map((c) => ({ ...c, lines: pick(c) })),
    lines,
    height: rowHeightOf(lines, row.lineHeight),
  });
  return [
    part(n, (c) => c.lines.slice(0, n)),
    part(row.lines - n, (c) => (c.badge ? c.lines : c.lines.slice(n))),
  ];
}

function drawRow(doc: Doc, text: TextSetter, columns: Column[], row: SetRow): void {
  const y = doc.y;
  const width = columns.reduce((w, c) => w + c.width, 0);
  if (row.fill) text.ink.rect(PAGE.left, y, width, row.height, row.fill);
  let x = PAGE.left;
  row.cells.forEach((cell, i) => {
    const w = columns[i]?.width ?? 0;
    text.use(cell.face, SIZE, cell.color);
    const lh = text.lineHeight();
    if (cell.badge) {
      // A badge as tall as its text, at the top of the cell.
      const h = Math.min(row.height, Math.ceil(cell.lines.length * lh + 2 * PAD)) - 2;
      text.ink.rect(x + 1, y + 1, w - 2, h, cell.badge);
    }
    cell.lines.forEach((line, n) => text.line(line, x + PAD, y + PAD + n * lh, w - 2 * PAD, cell.align));
    x += w;
  });
  doc.y = y + row.height;
  if (row.rule)
    text.ink.hline(PAGE.left, PAGE.left + width, doc.y, row.rule === INK.text ? 0.8 : 0.4, row.rule);
}
