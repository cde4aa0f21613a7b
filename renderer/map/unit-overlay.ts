// The units, drawn outside the WebGL map: a 2D canvas laid over it (above the map's canvas, under
// its markers and controls; no pointer events: clicks reach the map, which asks hitTest). A batch of
// moves redraws this canvas alone, at most once per animation frame; the map is not repainted. On a
// machine without a GPU a map repaint is a full WebGL frame on the CPU (100–170 ms here), and a
// batch made MapLibre re-tile the units and draw two or three of them. The canvas follows the camera
// on `move` and `resize`. What is drawn where is overlay-list.ts; zoomed out the map's own clusters
// show the units (layers/units.ts). The selected unit's ring is drawn here too, so a moving
// selected unit does not repaint the map either.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { UnitStatus } from '../../shared/domain';
import {
  buildDrawList,
  dotRadius,
  iconScale,
  inView,
  LABEL_SIZE,
  mercator,
  type DrawList,
  type OverlayUnit,
  type Project,
} from './overlay-list';
import { LIGHT_THEME, THEME, UNIT_STATUS_COLOR, type MapTheme } from './palette';
import { STALE_RING, UNIT_IMAGE_RATIO, unitImage, unitImageId } from './unit-icons';

export interface SelectedPoint {
  id: string;
  lon: number;
  lat: number;
}

export interface UnitOverlay {
  /** The units collection of use-map-data.ts (already filtered by the layers panel). */
  setUnits(fc: FeatureCollection): void;
  setSelected(selected: SelectedPoint | null): void;
  setTheme(theme: MapTheme): void;
  /** The layers panel's units and labels groups. */
  setShown(units: boolean, labels: boolean): void;
  /** What is drawn now (a pending redraw is made first). */
  list(): DrawList;
  /** Units whose point is in view. */
  count(): number;
  /** Called after each redraw. */
  onDraw(listener: () => void): () => void;
  remove(): void;
}

const FONT = `600 ${LABEL_SIZE}px Inter, system-ui, sans-serif`;
const COUNTRY_FONT = `600 ${LABEL_SIZE * 0.85}px Inter, system-ui, sans-serif`;
const STALE_ALPHA = 0.45;
const RING = { radius: 20, halo: 6, line: 3 };

// Overlay units made from each feature, reused while the feature is (moves replace only theirs).
const made = new WeakMap<object, OverlayUnit>();

function toUnit(f: FeatureCollection['features'][number]): OverlayUnit | null {
  const held = made.get(f);
  if (held) return held;
  const p = f.properties ?? {};
  if (f.geometry.type !== 'Point') return null;
  const [lon, lat] = f.geometry.coordinates;
  if (lon === undefined || lat === undefined) return null;
  const u: OverlayUnit = {
    id: String(p['id']),
    callsign: String(p['callsign'] ?? ''),
    kind: String(p['kind'] ?? ''),
    status: p['status'] as UnitStatus,
    country: String(p['country'] ?? ''),
    stale: p['stale'] === true,
    lon,
    lat,
    ...mercator(lon, lat),
  };
  made.set(f, u);
  return u;
}

/**
 * Screen positions for this camera. Unrotated and flat (the console allows neither), the screen is
 * an affine map of Web Mercator, taken from two points the map projects itself; else map.project.
 */
function projector(map: MaplibreMap): Project {
  if (map.getBearing() !== 0 || map.getPitch() !== 0) return (u) => map.project([u.lon, u.lat]);
  const c = map.getCenter();
  const a = map.project(c);
  const ma = mercator(c.lng, c.lat);
  // A second point a few hundred pixels away (any would do: the map is exactly affine here).
  const d = 2 ** (10 - map.getZoom());
  const b = map.project([c.lng + d, Math.max(-80, Math.min(80, c.lat + d))]);
  const mb = mercator(c.lng + d, Math.max(-80, Math.min(80, c.lat + d)));
  const sx = (b.x - a.x) / (mb.mx - ma.mx);
  const sy = (b.y - a.y) / (mb.my - ma.my);
  return (u) => ({ x: a.x + (u.mx - ma.mx) * sx, y: a.y + (u.my - ma.my) * sy });
}

export function installUnitOverlay(map: MaplibreMap): UnitOverlay {
  const canvas = document.createElement('canvas');
  canvas.className = 'unit-overlay';
  canvas.dataset.testid = 'unit-overlay';
  canvas.setAttribute('aria-hidden', 'true');
  map.getCanvas().after(canvas);
  // Drawn on the CPU (no accelerated canvas): without a GPU an accelerated canvas's paths and
  // images go through the same emulated GL as the map's frames, and wait behind them.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let units: OverlayUnit[] = [];
  let from: FeatureCollection | null = null;
  let selected: SelectedPoint | null = null;
  let theme: MapTheme = 'dark';
  let shown = { units: true, labels: true };
  let current: DrawList = { mode: 'none', zoom: map.getZoom(), items: [], labels: [] };
  let frame: number | null = null;
  const listeners = new Set<() => void>();
  const widths = new Map<string, number>();

  const measure = (u: OverlayUnit): number => {
    const key = `${u.callsign}\u0000${u.country}`;
    let w = widths.get(key);
    if (w === undefined && ctx) {
      ctx.font = FONT;
      w = ctx.measureText(`${u.callsign} `).width;
      ctx.font = COUNTRY_FONT;
      w += ctx.measureText(u.country).width;
      widths.set(key, w);
    }
    return w ?? 0;
  };

  const size = () => {
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const ratio = map.getPixelRatio();
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    return { w, h, ratio };
  };

  const drawDots = (c: CanvasRenderingContext2D, list: DrawList) => {
    const r = dotRadius(list.zoom);
    // One path per colour and fade: ten thousand dots are a few fills, not ten thousand.
    const groups = new Map<string, DrawList['items']>();
    for (const p of list.items) {
      const key = `${p.unit.status}|${p.unit.stale}`;
      const g = groups.get(key);
      if (g) g.push(p);
      else groups.set(key, [p]);
    }
    c.lineWidth = 1;
    c.strokeStyle = theme === 'light' ? LIGHT_THEME.halo : THEME.halo;
    for (const [key, items] of groups) {
      const [status, stale] = key.split('|');
      c.globalAlpha = stale === 'true' ? STALE_ALPHA : 1;
      c.fillStyle = UNIT_STATUS_COLOR[status as UnitStatus] ?? '#ffffff';
      c.beginPath();
      for (const { x, y } of items) {
        c.moveTo(x + r, y);
        c.arc(x, y, r, 0, Math.PI * 2);
      }
      c.fill();
      c.stroke();
    }
    c.globalAlpha = 1;
  };

  const drawImageAt = (c: CanvasRenderingContext2D, id: string, x: number, y: number, scale: number) => {
    const img = unitImage(id);
    if (!img) return;
    const w = (img.width / UNIT_IMAGE_RATIO) * scale;
    const h = (img.height / UNIT_IMAGE_RATIO) * scale;
    c.drawImage(img, x - w / 2, y - h / 2, w, h);
  };

  const drawSymbols = (c: CanvasRenderingContext2D, list: DrawList) => {
    const scale = iconScale(list.zoom);
    for (const p of list.items) if (p.unit.stale) drawImageAt(c, STALE_RING, p.x, p.y, scale);
    for (const p of list.items) {
      c.globalAlpha = p.unit.stale ? STALE_ALPHA : 1;
      drawImageAt(c, unitImageId(p.unit.kind, p.unit.status), p.x, p.y, scale);
    }
    c.globalAlpha = 1;
    const halo = theme === 'light' ? LIGHT_THEME.halo : THEME.halo;
    c.textBaseline = 'middle';
    c.lineJoin = 'round';
    c.lineWidth = 3.6;
    c.strokeStyle = halo;
    for (const l of list.labels) {
      c.fillStyle = theme === 'light' ? LIGHT_THEME.label : UNIT_STATUS_COLOR[l.unit.status];
      c.font = FONT;
      const head = `${l.unit.callsign} `;
      c.strokeText(head, l.x, l.y);
      c.fillText(head, l.x, l.y);
      const after = l.x + c.measureText(head).width;
      c.font = COUNTRY_FONT;
      c.strokeText(l.unit.country, after, l.y);
      c.fillText(l.unit.country, after, l.y);
    }
  };

  const drawRing = (c: CanvasRenderingContext2D, project: Project) => {
    if (!selected) return;
    const { x, y } = project({ ...selected, ...mercator(selected.lon, selected.lat) });
    const colours = theme === 'light' ? LIGHT_THEME : THEME;
    for (const [colour, width] of [
      [colours.halo, RING.halo],
      [colours.selected, RING.line],
    ] as const) {
      c.strokeStyle = colour;
      c.lineWidth = width;
      c.beginPath();
      c.arc(x, y, RING.radius, 0, Math.PI * 2);
      c.stroke();
    }
  };

  const draw = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    const { w, h, ratio } = size();
    const project = projector(map);
    current = shown.units
      ? buildDrawList(
          units,
          project,
          { zoom: map.getZoom(), width: w, height: h, labels: shown.labels },
          measure,
        )
      : { mode: 'none', zoom: map.getZoom(), items: [], labels: [] };
    if (ctx) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (current.mode === 'dots') drawDots(ctx, current);
      else if (current.mode === 'symbols') drawSymbols(ctx, current);
      drawRing(ctx, project);
    }
    for (const l of listeners) l();
  };
  const schedule = () => {
    frame ??= requestAnimationFrame(draw);
  };

  map.on('move', schedule);
  map.on('resize', schedule);
  schedule();

  return {
    setUnits(fc) {
      if (fc === from) return;
      from = fc;
      const next: OverlayUnit[] = [];
      for (const f of fc.features) {
        const u = toUnit(f);
        if (u) next.push(u);
      }
      units = next;
      schedule();
    },
    setSelected(next) {
      if (next?.id === selected?.id && next?.lon === selected?.lon && next?.lat === selected?.lat) return;
      selected = next;
      schedule();
    },
    setTheme(next) {
      if (next === theme) return;
      theme = next;
      schedule();
    },
    setShown(u, l) {
      if (u === shown.units && l === shown.labels) return;
      shown = { units: u, labels: l };
      schedule();
    },
    list() {
      if (frame !== null) draw();
      return current;
    },
    count() {
      if (frame !== null) draw();
      const { clientWidth, clientHeight } = map.getContainer();
      return inView(current, clientWidth, clientHeight);
    },
    onDraw(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    remove() {
      if (frame !== null) cancelAnimationFrame(frame);
      map.off('move', schedule);
      map.off('resize', schedule);
      listeners.clear();
      canvas.remove();
    },
  };
}
