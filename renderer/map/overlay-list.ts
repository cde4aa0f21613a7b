// The units overlay's pure part (unit-overlay.ts draws it): which units are drawn, where on the
// screen and how (nothing at city zoom, where the map's clusters show them; dots below street zoom
// above DOTS_ABOVE units; APP-6 symbols otherwise), where their callsigns go (street zoom, greedy
// like the map's own labels: units on an incident first, four anchors tried, a label that collides
// with one already placed is left out), and which unit a pointer is on. No DOM, no map: the
// projection and the text measure are handed in.
import { CLUSTER_UNTIL, DOTS_ABOVE, DOTS_UNTIL, ICON_SCALE, ON_INCIDENT } from './layers/units';
import type { UnitStatus } from '../../shared/domain';

export interface OverlayUnit {
  id: string;
  callsign: string;
  kind: string;
  status: UnitStatus;
  country: string;
  stale: boolean;
  lon: number;
  lat: number;
  /** Web Mercator, the world as [0, 1]²: the screen is an affine map of it when nothing is rotated. */
  mx: number;
  my: number;
}

export type DrawMode = 'none' | 'dots' | 'symbols';
/** Screen position (CSS pixels in the map) of a point given as lon/lat and Web Mercator. */
export type Project = (u: Pick<OverlayUnit, 'lon' | 'lat' | 'mx' | 'my'>) => { x: number; y: number };

export interface Placed {
  unit: OverlayUnit;
  x: number;
  y: number;
}

export interface PlacedLabel {
  unit: OverlayUnit;
  /** Where the text starts (left edge, vertical middle). */
  x: number;
  y: number;
  box: readonly [number, number, number, number];
}

export interface DrawList {
  mode: DrawMode;
  zoom: number;
  /** In drawing order: the last is on top. */
  items: Placed[];
  labels: PlacedLabel[];
}

export interface View {
  zoom: number;
  width: number;
  height: number;
  /** Callsigns drawn (the layers panel's labels group). */
  labels: boolean;
}

/** Labels from this zoom, as the map's other street names. */
export const LABELS_FROM = 15;
export const LABEL_SIZE = 13;
const LABEL_OFFSET = 1.6 * LABEL_SIZE;
const LABEL_HEIGHT = 1.2 * LABEL_SIZE;
const LABEL_PADDING = 2;
/** A symbol's reach from its point, in CSS pixels at scale 1 (the APP-6 frame is about 33 × 22). */
export const SYMBOL_RADIUS = 16;
/** Units this far outside the view are still drawn: a symbol's edge shows. */
const MARGIN = 40;

export function mercator(lon: number, lat: number): { mx: number; my: number } {
  const s = Math.sin((lat * Math.PI) / 180);
  return { mx: (lon + 180) / 360, my: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI) };
}

function interpolate(stops: readonly (readonly [number, number])[], z: number): number {
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return 1;
  if (z <= first[0]) return first[1];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1];
    const b = stops[i];
    if (a && b && z <= b[0]) return a[1] + ((b[1] - a[1]) * (z - a[0])) / (b[0] - a[0]);
  }
  return last[1];
}

/** The symbols' scale by zoom (as the map's icon-size was). */
export const iconScale = (zoom: number): number => interpolate(ICON_SCALE, zoom);

/** A dot's radius by zoom. */
export const dotRadius = (zoom: number): number =>
  interpolate(
    [
      [CLUSTER_UNTIL, 3.5],
      [DOTS_UNTIL, 6],
    ],
    zoom,
  );

export function drawMode(zoom: number, units: number): DrawMode {
  if (zoom < CLUSTER_UNTIL) return 'none';
  return units > DOTS_ABOVE && zoom < DOTS_UNTIL ? 'dots' : 'symbols';
}

/** How far from its point a unit takes a click, tolerance excluded. */
export function reach(list: Pick<DrawList, 'mode' | 'zoom'>): number {
  return list.mode === 'dots' ? dotRadius(list.zoom) : SYMBOL_RADIUS * iconScale(list.zoom);
}

const engaged = (u: OverlayUnit) => ON_INCIDENT.includes(u.status);

type Box = readonly [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Places the callsigns: units on an incident first; for each the first free anchor of four. */
function placeLabels(items: readonly Placed[], measure: (u: OverlayUnit) => number): PlacedLabel[] {
  const order = [...items].sort((a, b) => Number(engaged(b.unit)) - Number(engaged(a.unit)));
  // A coarse grid of the placed boxes, so a street full of units stays cheap to place.
  const CELL = 64;
  const grid = new Map<string, Box[]>();
  const cells = (b: Box, add?: Box): boolean => {
    for (let cx = Math.floor(b[0] / CELL); cx <= Math.floor(b[2] / CELL); cx++)
      for (let cy = Math.floor(b[1] / CELL); cy <= Math.floor(b[3] / CELL); cy++) {
        const key = `${cx},${cy}`;
        if (add) grid.set(key, [...(grid.get(key) ?? []), add]);
        else if (grid.get(key)?.some((o) => overlaps(o, b))) return true;
      }
    return false;
  };
  const out: PlacedLabel[] = [];
  for (const { unit, x, y } of order) {
    const w = measure(unit);
    const h = LABEL_HEIGHT;
    // Text left of … : the map's text-variable-anchor left, right, top, bottom, with a radial offset.
    const tries: [number, number][] = [
      [x + LABEL_OFFSET, y],
      [x - LABEL_OFFSET - w, y],
      [x - w / 2, y + LABEL_OFFSET + h / 2],
      [x - w / 2, y - LABEL_OFFSET - h / 2],
    ];
    for (const [tx, ty] of tries) {
      const box: Box = [
        tx - LABEL_PADDING,
        ty - h / 2 - LABEL_PADDING,
        tx + w + LABEL_PADDING,
        ty + h / 2 + LABEL_PADDING,
      ];
      if (cells(box)) continue;
      cells(box, box);
      out.push({ unit, x: tx, y: ty, box });
      break;
    }
  }
  return out;
}

/** What the overlay draws for `units` (in their order, the last on top) in this view. */
export function buildDrawList(
  units: readonly OverlayUnit[],
  project: Project,
  view: View,
  measure: (u: OverlayUnit) => number,
): DrawList {
  const mode = drawMode(view.zoom, units.length);
  const items: Placed[] = [];
  if (mode !== 'none') {
    for (const unit of units) {
      const { x, y } = project(unit);
      if (x < -MARGIN || y < -MARGIN || x > view.width + MARGIN || y > view.height + MARGIN) continue;
      items.push({ unit, x, y });
    }
  }
  const labels =
    mode === 'symbols' && view.labels && view.zoom >= LABELS_FROM ? placeLabels(items, measure) : [];
  return { mode, zoom: view.zoom, items, labels };
}

/** Units whose symbol or dot shows in the view, if only in part (what the tests count as rendered). */
export function inView(list: DrawList, width: number, height: number): number {
  const r = reach(list);
  let n = 0;
  for (const { x, y } of list.items) if (x >= -r && y >= -r && x <= width + r && y <= height + r) n++;
  return n;
}

/**
 * The unit under (x, y): the nearest whose symbol or dot, widened by `tolerance` pixels, holds the
 * point; on a tie the one drawn on top.
 */
export function hitTest(list: DrawList, x: number, y: number, tolerance: number): Placed | null {
  const r = reach(list) + tolerance;
  let best: Placed | null = null;
  let bestDist = Infinity;
  for (const p of list.items) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= r && d <= bestDist) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}
