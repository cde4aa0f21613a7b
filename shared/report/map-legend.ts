// The legend under the map: unit statuses; incident priorities, the route, a venue, the water.
import { PRIORITIES, UNIT_STATUSES } from '../domain.js';
import type { ReportStrings } from './i18n.js';
import { MAP_INK, PRIORITY_INK, UNIT_STATUS_INK } from './palette.js';
import { diamond, estimateWidth, label, type Shape } from './map-shapes.js';

const LEGEND_TEXT = 7;

/** Two rows under the map: unit statuses; incident priorities, route, venue, water. */
export function legend(s: ReportStrings, top: number): Shape[] {
  const out: Shape[] = [];
  let x = 0;
  const row = (y: number, title: string) => {
    x = 0;
    out.push({ ...label(x, y + 2.5, title, LEGEND_TEXT, MAP_INK.label, true) });
    x += 62;
  };
  const entry = (y: number, mark: Shape, text: string) => {
    out.push(mark, label(x + 9, y + 2.5, text, LEGEND_TEXT, MAP_INK.label));
    x += 9 + estimateWidth(text, LEGEND_TEXT) + 14;
  };
  let y = top + 6;
  row(y, s.legend.units);
  for (const st of UNIT_STATUSES) {
    entry(
      y,
      {
        kind: 'circle',
        x: x + 3,
        y,
        r: 2.6,
        fill: UNIT_STATUS_INK[st],
        stroke: MAP_INK.halo,
        lineWidth: 0.4,
      },
      s.unitStatus[st],
    );
  }
  y += 16;
  row(y, s.legend.incidents);
  for (const p of PRIORITIES) entry(y, diamond(x + 3, y, 3.6, PRIORITY_INK[p]), `P${p}`);
  const routeMark: Shape = {
    kind: 'path',
    rings: [
      [
        [x - 2, y],
        [x + 7, y],
      ],
    ],
    closed: false,
    fill: null,
    stroke: MAP_INK.route,
    lineWidth: 1.6,
  };
  entry(y, routeMark, s.legend.route);
  entry(
    y,
    {
      kind: 'rect',
      x: x + 0.5,
      y: y - 2.5,
      w: 5,
      h: 5,
      fill: MAP_INK.halo,
      stroke: MAP_INK.venue,
      lineWidth: 1,
    },
    s.legend.venue,
  );
  entry(
    y,
    {
      kind: 'rect',
      x: x - 1,
      y: y - 3,
      w: 8,
      h: 6,
      fill: MAP_INK.water,
      stroke: MAP_INK.waterEdge,
      lineWidth: 0.5,
    },
    s.legend.water,
  );
  return out;
}
