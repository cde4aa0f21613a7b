// Hands the collections of use-map-data.ts to the map's GeoJSON sources, each only when it changed.
// The incidents go as diffs (GeoJSONSource.updateData, source-diff.ts): an incident that changed
// sends one feature to the worker. The units themselves are drawn by the overlay (unit-overlay.ts),
// never by a source; their clustered copy is drawn only below CLUSTER_UNTIL, so it is built (a
// whole setData: the clustering needs every point) only while the map is zoomed out, or about to
// be, and on the way out if the units changed while zoomed in.
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { byId, isEmptyDiff, sourceDiff } from './source-diff';
import { CLUSTER_SOURCE, CLUSTER_UNTIL } from './layers/units';
import { markBusy } from './test-hooks';

/** Sources whose features are named by an `id` property and sent as diffs. */
const DIFFED = new Set(['incidents']);
/** The clustered copy is built this far above CLUSTER_UNTIL already, so zooming out finds it ready. */
const CLUSTER_AHEAD = 0.5;

export interface SourcePush {
  /** Sends `fc` to source `id` unless it is what the source holds; true if something was sent. */
  push(id: string, fc: FeatureCollection): boolean;
  dispose(): void;
}

export function installSourcePush(map: MaplibreMap): SourcePush {
  const sent = new Map<string, FeatureCollection>();
  const held = new Map<string, Map<string, Feature>>();
  // The units the clustered copy should show, and whether it shows them yet.
  let clusterData: FeatureCollection | null = null;
  let clusterFresh = true;
  let disposed = false;

  const zoomedOut = () => map.getZoom() < CLUSTER_UNTIL + CLUSTER_AHEAD;
  const sendClusters = (): boolean => {
    if (clusterFresh || !clusterData || !zoomedOut()) return false;
    const source = map.getSource<GeoJSONSource>(CLUSTER_SOURCE);
    if (!source) return false;
    markBusy(map);
    void source.setData(clusterData);
    clusterFresh = true;
    return true;
  };
  const onZoom = () => void sendClusters();
  map.on('zoom', onZoom);

  const send = (id: string, fc: FeatureCollection): boolean => {
    const source = map.getSource<GeoJSONSource>(id);
    if (!source) return false;
    if (DIFFED.has(id)) {
      const before = held.get(id);
      const diff = before ? sourceDiff(before, fc) : null;
      held.set(id, byId(fc));
      if (diff && isEmptyDiff(diff)) return false;
      markBusy(map);
      void (diff ? source.updateData(diff) : source.setData(fc));
      return true;
    }
    markBusy(map);
    void source.setData(fc);
    return true;
  };

  return {
    push(id, fc) {
      if (sent.get(id) === fc) return false;
      sent.set(id, fc);
      if (id === CLUSTER_SOURCE) {
        clusterData = fc;
        clusterFresh = false;
        // Decided once this render's effects have run: the first data comes with the route, which
        // frames the camera (MapView) after this push, from the start view's city zoom to the route's.
        queueMicrotask(() => {
          if (!disposed) sendClusters();
        });
        return false;
      }
      return send(id, fc);
    },
    dispose() {
      disposed = true;
      map.off('zoom', onZoom);
    },
  };
}
