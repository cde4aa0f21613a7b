// The abstract shapes a map drawing is made of, and the small helpers that make them. The SVG and
// the PDF renderers each draw these and nothing else.
import type { Box } from './mercator.js';
import { MAP_INK } from './palette.js';

export type Pt = [x: number, y: number];

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string | null;
      stroke: string | null;
      lineWidth: number;
    }
  | {
      kind: 'path';
      rings: Pt[][];
      closed: boolean;
      fill: string | null;
      stroke: string | null;
      lineWidth: number;
    }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke: string; lineWidth: number }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      anchor: 'start' | 'middle';
      bold: boolean;
      /** A white outline that keeps the text readable over markers. */
      halo: boolean;
    };

export interface Drawing {
  width: number;
  height: number;
  /** Shapes of the map itself, clipped to `frame`. */
  frame: Box;
  map: Shape[];
  /** Frame border and legend, drawn unclipped over the map. */
  overlay: Shape[];
}

/** A text's width in points, estimated (Inter averages about 0.55 em a character). */
export const estimateWidth = (text: string, size: number): number => text.length * size * 0.55;

export const label = (
  x: number,
  y: number,
  text: string,
  size: number,
  color: string,
  bold = false,
  halo = false,
): Shape => ({
  kind: 'text',
  x,
  y,
  text,
  size,
  color,
  anchor: 'start',
  bold,
  halo,
});

export function diamond(x: number, y: number, r: number, fill: string): Shape {
  const ring: Pt[] = [
    [x, y - r],
    [x + r, y],
    [x, y + r],
    [x - r, y],
  ];
  return { kind: 'path', rings: [ring], closed: true, fill, stroke: MAP_INK.markerEdge, lineWidth: 0.5 };
}
