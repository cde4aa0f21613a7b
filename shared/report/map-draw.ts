// The map snapshot as abstract shapes in a 515 x 356 pt drawing: the map frame (clipped) and a
// legend below it. The SVG and the PDF renderers draw exactly these shapes, so both show the
// same picture.
import type { Priority } from '../domain.js';
import type { BaseLayers, LonLat, MapSnapshot } from './model.js';
import type { ReportStrings } from './i18n.js';
import { fitMercator, type Box } from './mercator.js';
import { MAP_INK, PRIORITY_INK, UNIT_STATUS_INK } from './palette.js';
import { by } from './order.js';
import { LINE_WIDTH } from './view-types.js';
import { diamond, type Drawing, type Pt, type Shape } from './map-shapes.js';
import { LabelPlacer } from './map-labels.js';
import { legend } from './map-legend.js';

export type { Drawing, Pt, Shape } from './map-shapes.js';

const FRAME: Box = { x: 0, y: 0, w: LINE_WIDTH, h: 300 };
const LEGEND_TOP = 310;
/** The drawing's height, legend included. */
export const MAP_HEIGHT = 356;
const LABELLED_PRIORITIES: readonly Priority[] = [1, 2];
const MAX_LABELS = 40;

/** Parks, district outlines and main roads (a cased white line), drawn under the water and markers. */
function baseShapes(base: BaseLayers, project: (lon: number, lat: number) => Pt): Shape[] {
  const lines = (ls: LonLat[][]) => ls.map((l) => l.map(([lon, lat]) => project(lon, lat)));
  const path = (
    rings: Pt[][],
    closed: boolean,
    fill: string | null,
    stroke: string | null,
    lineWidth: number,
  ) => (rings.length ? [{ kind: 'path' as const, rings, closed, fill, stroke, lineWidth }] : []);
  const roads = lines(base.roads);
  return [
    ...path(lines(base.parks), true, MAP_INK.park, null, 0),
    ...path(lines(base.districts), true, null, MAP_INK.district, 0.4),
    ...path(roads, false, null, MAP_INK.roadEdge, 2.6),
    ...path(roads, false, null, MAP_INK.road, 1.7),
  ];
}

export function mapCounts(map: MapSnapshot) {
  const inside = fitMercator(map.bounds, FRAME).inside;
  const units = map.units.filter((u) => inside(...u.at)).length;
  return {
    incidents: map.incidents.length,
    units,
    unitsOutside: map.units.length - units,
    venuesOutside: map.venues.filter((v) => !inside(...v.at)).length,
  };
}

export function drawMap(map: MapSnapshot, s: ReportStrings): Drawing {
  const project = fitMercator(map.bounds, FRAME);
  const shapes: Shape[] = [{ kind: 'rect', ...FRAME, fill: MAP_INK.land, stroke: null, lineWidth: 0 }];
  if (map.base) shapes.push(...baseShapes(map.base, project));
  if (map.water.length) {
    const rings = map.water.map((ring) => ring.map(([lon, lat]) => project(lon, lat)));
    shapes.push({
      kind: 'path',
      rings,
      closed: true,
      fill: MAP_INK.water,
      stroke: MAP_INK.waterEdge,
      lineWidth: 0.5,
    });
  }
  for (const line of map.routes) {
    const points = line.map(([lon, lat]) => project(lon, lat));
    shapes.push({
      kind: 'path',
      rings: [points],
      closed: false,
      fill: null,
      stroke: MAP_INK.route,
      lineWidth: 1.6,
    });
  }
  const venues = map.venues.filter((x) => project.inside(...x.at));
  for (const v of venues) {
    const [x, y] = project(...v.at);
    shapes.push({
      kind: 'rect',
      x: x - 2.5,
      y: y - 2.5,
      w: 5,
      h: 5,
      fill: MAP_INK.halo,
      stroke: MAP_INK.venue,
      lineWidth: 1,
    });
  }
  for (const u of map.units.filter((x) => project.inside(...x.at))) {
    const [x, y] = project(...u.at);
    shapes.push({
      kind: 'circle',
      x,
      y,
      r: 2.1,
      fill: UNIT_STATUS_INK[u.status],
      stroke: MAP_INK.halo,
      lineWidth: 0.4,
    });
  }
  // Lowest priority first, so the most urgent incidents are drawn on top.
  const incidents = [...map.incidents].sort(
    by(
      (i) => -i.priority,
      (i) => i.reference,
    ),
  );
  for (const i of incidents)
    shapes.push(diamond(...project(...i.at), i.priority === 1 ? 5.5 : 4.2, PRIORITY_INK[i.priority]));
  // Labels, most important first, each where it overlaps no label already placed (else left out).
  const labels = new LabelPlacer(FRAME);
  const urgent = incidents
    .filter((i) => LABELLED_PRIORITIES.includes(i.priority))
    .reverse()
    .slice(0, MAX_LABELS);
  for (const i of urgent)
    shapes.push(...labels.place(project(...i.at), i.reference, 6, MAP_INK.label, true, 6));
  for (const v of venues)
    shapes.push(...labels.place(project(...v.at), v.name, 5.5, MAP_INK.venue, false, 4));
  return {
    width: LINE_WIDTH,
    height: MAP_HEIGHT,
    frame: FRAME,
    map: shapes,
    overlay: [
      { kind: 'rect', ...FRAME, fill: null, stroke: MAP_INK.frame, lineWidth: 0.6 },
      ...legend(s, LEGEND_TOP),
    ],
  };
}
