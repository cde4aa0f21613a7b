// Clicking on the map: picks the unit or incident nearest the pointer (within a few pixels) and
// reports it; the pointer becomes a hand over anything clickable.
import type { Map as MaplibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { SelectionKind } from '../state/types';

const PICKABLE: Record<string, SelectionKind> = { units: 'unit', incidents: 'incident' };
const TOLERANCE_PX = 6;

interface Pick {
  kind: SelectionKind;
  id: string;
}

function pickAt(map: MaplibreMap, e: MapMouseEvent): Pick | null {
  const { x, y } = e.point;
  const box: [PointLike, PointLike] = [
    [x - TOLERANCE_PX, y - TOLERANCE_PX],
    [x + TOLERANCE_PX, y + TOLERANCE_PX],
  ];
  const layers = Object.keys(PICKABLE).filter((l) => map.getLayer(l));
  let best: Pick | null = null;
  let bestDist = Infinity;
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

export function installPicking(
  map: MaplibreMap,
  onPick: (kind: SelectionKind, id: string) => void,
): () => void {
  const onClick = (e: MapMouseEvent) => {
    const hit = pickAt(map, e);
    if (hit) onPick(hit.kind, hit.id);
  };
  const onMove = (e: MapMouseEvent) => {
    map.getCanvas().style.cursor = pickAt(map, e) ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);
  return () => {
    map.off('click', onClick);
    map.off('mousemove', onMove);
  };
}
