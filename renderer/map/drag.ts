// Dragging a unit to move it: press on a unit the overlay draws (symbol or dot) and drag; a ghost of
// the unit and a line from where it was follow the pointer; on release `onDrop` gets the new point.
// A press that moves less than a few pixels stays a click (it selects the unit). Only while
// `enabled()` (signed in, not placing an incident); the map does not pan during a unit drag.
import type { GeoJSONSource, Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { DRAG_SOURCE, dragFeatures } from './layers/trail';
import type { UnitAt } from './interactions';

const THRESHOLD_PX = 5;
const TOLERANCE_PX = 8;

export interface DragHandlers {
  unitAt: UnitAt;
  enabled: () => boolean;
  onDrop: (unitId: string, lon: number, lat: number) => void;
}

interface Pressed {
  id: string;
  kind: string;
  status: string;
  from: [number, number];
  x: number;
  y: number;
  dragging: boolean;
}

export function installUnitDrag(map: MaplibreMap, h: DragHandlers): () => void {
  let pressed: Pressed | null = null;
  const ghost = (lon: number, lat: number) => {
    if (!pressed) return;
    map.getSource<GeoJSONSource>(DRAG_SOURCE)?.setData(dragFeatures(pressed, [lon, lat]));
  };
  const clear = () => map.getSource<GeoJSONSource>(DRAG_SOURCE)?.setData(dragFeatures(null, null));

  const onDown = (e: MapMouseEvent) => {
    if (!h.enabled() || e.originalEvent.button !== 0) return;
    const { x, y } = e.point;
    const hit = h.unitAt(x, y, TOLERANCE_PX);
    if (!hit) return;
    e.preventDefault(); // no pan
    const { unit } = hit;
    pressed = {
      id: unit.id,
      kind: unit.kind,
      status: unit.status,
      from: [unit.lon, unit.lat],
      x,
      y,
      dragging: false,
    };
  };
  const onMove = (e: MapMouseEvent) => {
    if (!pressed) return;
    if (!pressed.dragging && Math.hypot(e.point.x - pressed.x, e.point.y - pressed.y) < THRESHOLD_PX) return;
    pressed.dragging = true;
    map.getCanvas().style.cursor = 'grabbing';
    ghost(e.lngLat.lng, e.lngLat.lat);
  };
  const onUp = (e: MapMouseEvent) => {
    const p = pressed;
    pressed = null;
    if (!p?.dragging) return;
    clear();
    map.getCanvas().style.cursor = '';
    h.onDrop(p.id, e.lngLat.lng, e.lngLat.lat);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  return () => {
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
  };
}
