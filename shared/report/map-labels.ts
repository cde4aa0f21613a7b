// Greedy placement of map labels: the most important first, each where it overlaps no label
// already placed, else left out.
import type { Box } from './mercator.js';
import { estimateWidth, label, type Pt, type Shape } from './map-shapes.js';

interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Greedy label placement: right of the point, else left, above or below; never overlapping. */
export class LabelPlacer {
  private readonly placed: LabelBox[] = [];
  constructor(private readonly frame: Box) {}

  place([px, py]: Pt, text: string, size: number, color: string, bold: boolean, gap: number): Shape[] {
    const w = estimateWidth(text, size);
    const h = size * 1.1;
    const candidates: LabelBox[] = [
      { x: px + gap, y: py - h / 2, w, h },
      { x: px - gap - w, y: py - h / 2, w, h },
      { x: px - w / 2, y: py - gap - h, w, h },
      { x: px - w / 2, y: py + gap, w, h },
    ];
    const f = this.frame;
    const box = candidates.find(
      (b) =>
        b.x >= f.x &&
        b.y >= f.y &&
        b.x + b.w <= f.x + f.w &&
        b.y + b.h <= f.y + f.h &&
        !this.placed.some((p) => overlaps(p, b)),
    );
    if (!box) return [];
    this.placed.push(box);
    return [label(box.x, box.y + size * 0.8, text, size, color, bold, true)];
  }
}

const overlaps = (a: LabelBox, b: LabelBox): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
