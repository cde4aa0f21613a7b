// Draws the map snapshot's shapes (shared/report/map-draw.ts) on the page, at the current line.
// Markers (thousands in a large report) go through the batched page operators (pdf-ink.ts), in the
// drawing's order so overlaps look as in the SVG; the few labels use pdfkit's text.
import type { Drawing, Pt, Shape } from '../../shared/report/map-draw.js';
import { FONT, PAGE, ensureRoom, type Doc } from './pdf-doc.js';
import { num, type Ink } from './pdf-ink.js';

/** pdfkit's circle: four Bézier quarters. */
const KAPPA = (4 * (Math.SQRT2 - 1)) / 3;

function circlePath(x: number, y: number, r: number): string {
  const k = r * KAPPA;
  const c = (...p: number[]) => `${p.map(num).join(' ')} c`;
  return [
    `${num(x - r)} ${num(y)} m`,
    c(x - r, y - k, x - k, y - r, x, y - r),
    c(x + k, y - r, x + r, y - k, x + r, y),
    c(x + r, y + k, x + k, y + r, x, y + r),
    c(x - k, y + r, x - r, y + k, x - r, y),
    'h',
  ].join(' ');
}

function ringsPath(rings: Pt[][], closed: boolean): string {
  const ops: string[] = [];
  for (const ring of rings) {
    ring.forEach(([x, y], i) => ops.push(`${num(x)} ${num(y)} ${i ? 'l' : 'm'}`));
    if (closed) ops.push('h');
  }
  return ops.join(' ');
}

function drawShape(doc: Doc, ink: Ink, s: Shape): void {
  switch (s.kind) {
    case 'rect':
      ink.paint(`${num(s.x)} ${num(s.y)} ${num(s.w)} ${num(s.h)} re`, s.fill, s.stroke, s.lineWidth, false);
      return;
    case 'circle':
      ink.paint(circlePath(s.x, s.y, s.r), s.fill, s.stroke, s.lineWidth, false);
      return;
    case 'path':
      if (!s.closed) ink.roundJoins();
      ink.paint(ringsPath(s.rings, s.closed), s.fill, s.stroke, s.lineWidth, true);
      return;
    case 'text':
      ink.flush();
      doc.font(s.bold ? FONT.bold : FONT.regular).fontSize(s.size);
      if (s.halo) {
        doc.save().lineWidth(2).lineJoin('round').strokeColor('#ffffff');
        doc.text(s.text, s.x, s.y, { baseline: 'alphabetic', lineBreak: false, stroke: true, fill: false });
        doc.restore();
      }
      doc.fillColor(s.color).text(s.text, s.x, s.y, { baseline: 'alphabetic', lineBreak: false });
      return;
  }
}

/** Places the drawing at the current line (on a new page if it does not fit) and moves below it. */
export function drawMapSnapshot(doc: Doc, ink: Ink, d: Drawing): void {
  ensureRoom(doc, d.height + 6);
  const top = doc.y;
  doc.save().translate(PAGE.left, top);
  doc.save().rect(d.frame.x, d.frame.y, d.frame.w, d.frame.h).clip();
  for (const s of d.map) drawShape(doc, ink, s);
  ink.flush();
  doc.restore();
  for (const s of d.overlay) drawShape(doc, ink, s);
  ink.flush();
  doc.restore();
  doc.x = PAGE.left;
  doc.y = top + d.height + 6;
}
