// Draws the map snapshot's shapes (shared/report/map-draw.ts) on the page, at the current line.
import type { Drawing, Shape } from '../../shared/report/map-draw.js';
import { FONT, PAGE, ensureRoom, type Doc } from './pdf-doc.js';

function drawShape(doc: Doc, s: Shape): void {
  switch (s.kind) {
    case 'rect':
      doc.rect(s.x, s.y, s.w, s.h);
      paint(doc, s.fill, s.stroke, s.lineWidth, 'nonzero');
      return;
    case 'circle':
      doc.circle(s.x, s.y, s.r);
      paint(doc, s.fill, s.stroke, s.lineWidth, 'nonzero');
      return;
    case 'path':
      for (const ring of s.rings) {
        ring.forEach(([x, y], i) => (i ? doc.lineTo(x, y) : doc.moveTo(x, y)));
        if (s.closed) doc.closePath();
      }
      if (!s.closed) doc.lineJoin('round').lineCap('round');
      paint(doc, s.fill, s.stroke, s.lineWidth, 'even-odd');
      return;
    case 'text':
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

function paint(
  doc: Doc,
  fill: string | null,
  stroke: string | null,
  width: number,
  rule: 'nonzero' | 'even-odd',
) {
  if (stroke) doc.lineWidth(width);
  if (fill && stroke) doc.fillAndStroke(fill, stroke, rule);
  else if (fill) doc.fill(fill, rule);
  else if (stroke) doc.stroke(stroke);
}

/** Places the drawing at the current line (on a new page if it does not fit) and moves below it. */
export function drawMapSnapshot(doc: Doc, d: Drawing): void {
  ensureRoom(doc, d.height + 6);
  const top = doc.y;
  doc.save().translate(PAGE.left, top);
  doc.save().rect(d.frame.x, d.frame.y, d.frame.w, d.frame.h).clip();
  for (const s of d.map) drawShape(doc, s);
  doc.restore();
  for (const s of d.overlay) drawShape(doc, s);
  doc.restore();
  doc.x = PAGE.left;
  doc.y = top + d.height + 6;
}
