// Editing a zone's corners on the map, while `rings()` is not null: press on a corner handle and
// drag to move it, on a midpoint handle to add a corner there; Alt-click or right-click a corner to
// remove it. Like a unit drag (./drag.ts), the press is claimed so the map does not pan, the drag
// only redraws the shape's own source, and the result is handed over once, on release.
import type { GeoJSONSource, Map as MaplibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { CORNER_LAYER, MIDPOINT_LAYER, SHAPE_SOURCE, zoneShapeFeatures } from './layers/zone-shape';
import {
  edgeMidpoint,
  insertCorner,
  moveCorner,
  removeCorner,
  shapeProblems,
  type CornerRef,
  type Ring,
} from '../map-tools/zone-shape';
import { markBusy } from './test-hooks';

const THRESHOLD_PX = 3;
const TOLERANCE_PX = 8;

export interface ShapeEditHandlers {
  /** The rings being edited; null when no shape is being edited. */
  rings: () => readonly Ring[] | null;
  onChange: (rings: Ring[]) => void;
}

interface Hit extends CornerRef {
  handle: 'corner' | 'midpoint';
}

/** The handle under the pointer, corners before midpoints. */
function handleAt(map: MaplibreMap, e: MapMouseEvent): Hit | null {
  const layers = [CORNER_LAYER, MIDPOINT_LAYER].filter((l) => map.getLayer(l));
  if (!layers.length) return null;
  const { x, y } = e.point;
  const box: [PointLike, PointLike] = [
    [x - TOLERANCE_PX, y - TOLERANCE_PX],
    [x + TOLERANCE_PX, y + TOLERANCE_PX],
  ];
  let best: Hit | null = null;
  let bestScore = Infinity;
  for (const f of map.queryRenderedFeatures(box, { layers })) {
    const { handle, ring, index } = f.properties;
    if (f.geometry.type !== 'Point' || typeof ring !== 'number' || typeof index !== 'number') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (lon === undefined || lat === undefined) continue;
    const p = map.project([lon, lat]);
    const score = Math.hypot(p.x - x, p.y - y) + (handle === 'corner' ? 0 : TOLERANCE_PX);
    if (score < bestScore) {
      best = { handle: handle === 'corner' ? 'corner' : 'midpoint', ring, index };
      bestScore = score;
    }
  }
  return best;
}

export function installShapeEdit(map: MaplibreMap, h: ShapeEditHandlers): () => void {
  let pressed: { hit: Hit; base: readonly Ring[]; x: number; y: number; rings: Ring[] | null } | null = null;
  const draw = (rings: readonly Ring[]) => {
    markBusy(map);
    void map
      .getSource<GeoJSONSource>(SHAPE_SOURCE)
      ?.setData(zoneShapeFeatures(rings, shapeProblems(rings).length === 0));
  };

  /** The shape with the pressed handle at `to`: a midpoint becomes a corner after the edge's first one. */
  const placed = (p: NonNullable<typeof pressed>, to: [number, number]): Ring[] => {
    const { hit, base } = p;
    const start = hit.handle === 'midpoint' ? insertCorner(base, hit, edgeMidpoint(base, hit) ?? to) : base;
    const at = hit.handle === 'midpoint' ? { ring: hit.ring, index: hit.index + 1 } : hit;
    return moveCorner(start, at, to);
  };
  /** The map point under a window pointer event, and where it is on the map. */
  const under = (e: MouseEvent) => {
    const r = map.getCanvasContainer().getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const { lng, lat } = map.unproject([x, y]);
    return { x, y, to: [lng, lat] as [number, number] };
  };
  // While a handle is held, the window follows the pointer: the map's own events stop while the
  // pointer crosses a panel over the map, or when another of its handlers takes the gesture.
  const onDrag = (e: MouseEvent) => {
    if (!pressed) return;
    if (e.buttons === 0) return onRelease(e);
    const { x, y, to } = under(e);
    if (!pressed.rings && Math.hypot(x - pressed.x, y - pressed.y) < THRESHOLD_PX) return;
    pressed.rings = placed(pressed, to);
    map.getCanvas().style.cursor = 'grabbing';
    draw(pressed.rings);
  };
  // The corner lands where the button is released.
  const onRelease = (e: MouseEvent) => {
    const p = pressed;
    pressed = null;
    window.removeEventListener('mousemove', onDrag, true);
    window.removeEventListener('mouseup', onRelease, true);
    if (!p?.rings) return;
    map.getCanvas().style.cursor = '';
    h.onChange(placed(p, under(e).to));
  };
  const remove = (e: MapMouseEvent) => {
    const rings = h.rings();
    const hit = rings && handleAt(map, e);
    if (!rings || hit?.handle !== 'corner') return;
    e.preventDefault();
    const next = removeCorner(rings, hit);
    if (next !== rings) h.onChange([...next]);
  };

  // Only while editing: otherwise a right-click asks for the nearest units to the point (MapView).
  let menu = false;
  const syncMenu = (editing: boolean) => {
    if (editing === menu) return;
    menu = editing;
    if (editing) map.on('contextmenu', remove);
    else map.off('contextmenu', remove);
  };

  const onDown = (e: MapMouseEvent) => {
    const base = h.rings();
    if (!base || e.originalEvent.button !== 0 || e.originalEvent.altKey) return;
    const hit = handleAt(map, e);
    if (!hit) return;
    e.preventDefault(); // no pan
    pressed = { hit, base, x: e.point.x, y: e.point.y, rings: null };
    window.addEventListener('mousemove', onDrag, true);
    window.addEventListener('mouseup', onRelease, true);
  };
  // Hovering: the move cursor over a handle, and the right-click menu only while editing.
  const onMove = (e: MapMouseEvent) => {
    if (pressed) return;
    const editing = h.rings() !== null;
    syncMenu(editing);
    if (editing && handleAt(map, e)) map.getCanvas().style.cursor = 'move';
  };
  const onClick = (e: MapMouseEvent) => {
    if (e.originalEvent.altKey) remove(e);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('click', onClick);
  return () => {
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    window.removeEventListener('mousemove', onDrag, true);
    window.removeEventListener('mouseup', onRelease, true);
    map.off('click', onClick);
    syncMenu(false);
  };
}
