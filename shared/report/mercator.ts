// Web Mercator, fitted to a box: lon/lat in, box coordinates out (y down). The bounds are
// centred and scaled uniformly, so the box shows at least the bounds and keeps true shapes.
import type { MapSnapshot } from './model.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Projection {
  (lon: number, lat: number): [x: number, y: number];
  inside: (lon: number, lat: number) => boolean;
}

const mercX = (lon: number): number => (lon + 180) / 360;
const mercY = (lat: number): number => {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
};

/** Rounded to a tenth of a point: finer than print, and keeps SVG and PDF output stable. */
const tenth = (n: number): number => Math.round(n * 10) / 10;

export function fitMercator(bounds: MapSnapshot['bounds'], box: Box): Projection {
  const x0 = mercX(bounds.west);
  const x1 = mercX(bounds.east);
  const y0 = mercY(bounds.north);
  const y1 = mercY(bounds.south);
  const scale = Math.min(box.w / Math.max(x1 - x0, 1e-9), box.h / Math.max(y1 - y0, 1e-9));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    tenth(box.x + box.w / 2 + (mercX(lon) - cx) * scale),
    tenth(box.y + box.h / 2 + (mercY(lat) - cy) * scale),
  ];
  return Object.assign(project, {
    inside: (lon: number, lat: number) => {
      const [x, y] = project(lon, lat);
      return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
    },
  });
}
