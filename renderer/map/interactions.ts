// Clicking on the map: picks the unit or incident nearest the pointer (within a few pixels) and
// reports it (units are drawn by the overlay, unit-overlay.ts, which says which one is under the
// pointer; the map only draws those its clusters leave alone at city zoom); the pointer becomes a
// hand over anything clickable. In "pick on map" mode (placing an
// incident) a click reports the point instead, and the pointer is a crosshair. A click on a unit
// cluster zooms in on it.
import type { GeoJSONSource, Map as MaplibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { CLUSTER_SOURCE, CLUSTER_UNTIL } from './layers/units';
import type { SelectionKind } from '../state/types';
import type { Placed } from './overlay-list';

/** The overlay's unit under a point of the map, widened by `tolerance` pixels. */
export type UnitAt = (x: number, y: number, tolerance: number) => Placed | null;

const PICKABLE: Record<string, SelectionKind> = {
  'unit-singles': 'unit',
  incidents: 'incident',
};
const TOLERANCE_PX = 6;
const CLUSTER_LAYER = 'unit-clusters';

interface Pick {
  kind: SelectionKind;
  id: string;
}

function pickAt(map: MaplibreMap, e: MapMouseEvent, unitAt: UnitAt): Pick | null {
  const { x, y } = e.point;
  const box: [PointLike, PointLike] = [
    [x - TOLERANCE_PX, y - TOLERANCE_PX],
    [x + TOLERANCE_PX, y + TOLERANCE_PX],
  ];
  const layers = Object.keys(PICKABLE).filter((l) => map.getLayer(l));
  // The overlay is drawn over the map: its unit wins a tie.
  const unit = unitAt(x, y, TOLERANCE_PX);
  let best: Pick | null = unit ? { kind: 'unit', id: unit.unit.id } : null;
  let bestDist = unit ? Math.hypot(unit.x - x, unit.y - y) : Infinity;
  for (const f of map.queryRenderedFeatures(box, { layers })) {
    const kind = PICKABLE[f.layer.id];
    const id: unknown = f.properties.id;
    if (!kind || typeof id !== 'string' || f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (lon === undefined || lat === undefined) continue;
    const p = map.project([lon, lat]);
    const d = Math.hypot(p.x - x, p.y - y);
    // Results come topmost first, so on a tie the feature drawn on top wins.
    if (d < bestDist) {
      best = { kind, id };
      bestDist = d;
    }
  }
  return best;
}

function clusterAt(map: MaplibreMap, e: MapMouseEvent) {
  if (!map.getLayer(CLUSTER_LAYER)) return null;
  return map.queryRenderedFeatures(e.point, { layers: [CLUSTER_LAYER] })[0] ?? null;
}

/** A click on a unit cluster zooms in until it comes apart. */
function zoomIntoCluster(map: MaplibreMap, e: MapMouseEvent): void {
  const f = clusterAt(map, e);
  const clusterId: unknown = f?.properties.cluster_id;
  if (!f || typeof clusterId !== 'number' || f.geometry.type !== 'Point') return;
  const [lon, lat] = f.geometry.coordinates;
  if (lon === undefined || lat === undefined) return;
  void map
    .getSource<GeoJSONSource>(CLUSTER_SOURCE)
    ?.getClusterExpansionZoom(clusterId)
    .then((zoom) => map.easeTo({ center: [lon, lat], zoom: Math.max(zoom, CLUSTER_UNTIL) + 0.1 }));
}

export interface PickingHandlers {
  unitAt: UnitAt;
  onPick: (kind: SelectionKind, id: string) => void;
  /** True while the next click places a point. */
  placing: () => boolean;
  onPlace: (lon: number, lat: number) => void;
  /** Runs first; returns true when it used the click (drawing a zone). */
  claim?: (lon: number, lat: number) => boolean;
  /** A click that hit no unit, incident or cluster. */
  onMiss?: (e: MapMouseEvent) => void;
}

export function installPicking(map: MaplibreMap, h: PickingHandlers): () => void {
  const onClick = (e: MapMouseEvent) => {
    if (h.claim?.(e.lngLat.lng, e.lngLat.lat)) return;
    if (h.placing()) {
      h.onPlace(e.lngLat.lng, e.lngLat.lat);
      map.getCanvas().style.cursor = '';
      return;
    }
    const hit = pickAt(map, e, h.unitAt);
    if (hit) h.onPick(hit.kind, hit.id);
    else if (clusterAt(map, e)) zoomIntoCluster(map, e);
    else h.onMiss?.(e);
  };
  const onMove = (e: MapMouseEvent) => {
    if (h.placing()) map.getCanvas().style.cursor = 'crosshair';
    else map.getCanvas().style.cursor = pickAt(map, e, h.unitAt) || clusterAt(map, e) ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);
  return () => {
    map.off('click', onClick);
    map.off('mousemove', onMove);
  };
}
