// The one component that owns the maplibre instance: created on mount, removed on unmount. Store
// data reaches it as GeoJSON pushed into the style's sources (only the ones that changed); clicks
// on the map select in the store; selections made elsewhere move the camera.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useRoutes, useSelection, useStoreApi, useVigie } from '../state/hooks';
import { easeToPoint, fitRoute, INITIAL_VIEW } from './camera';
import { installPicking } from './interactions';
import { Legend } from './Legend';
import { STATIC_GEO, loadStaticGeo } from './static-geo';
import { buildStyle } from './style';
import { installTestHooks, markBusy } from './test-hooks';
import { useMapData } from './use-map-data';

maplibregl.setWorkerUrl(workerUrl);

export function MapView() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const containerRef = useRef<HTMLDivElement>(null);
  // The map once its style has loaded; null before and after. Component state, never the store.
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const data = useMapData();
  const routes = useRoutes();
  const selection = useSelection();
  const loadState = useVigie((s) => s.loadState);
  const pushed = useRef(new Map<string, unknown>());
  const fitted = useRef(false);
  // The first API data and the static geography have been handed to the map.
  const settled = useRef({ data: false, geo: 0 });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = new maplibregl.Map({
      container,
      style: buildStyle(),
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      minZoom: 10,
      maxZoom: 18,
      attributionControl: false,
      pitchWithRotate: false,
      dragRotate: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const progress = settled.current;
    const removeHooks = installTestHooks(instance, () => progress.data && progress.geo === STATIC_GEO.length);
    const removePicking = installPicking(instance, (kind, id) => store.getState().select(kind, id, 'map'));
    const sent = pushed.current;
    instance.on('load', () => {
      sent.clear();
      progress.data = false;
      progress.geo = 0;
      setMap(instance);
      for (const name of STATIC_GEO) {
        void loadStaticGeo(name).then((fc) => {
          const source = instance.getSource<maplibregl.GeoJSONSource>(name);
          markBusy(instance);
          progress.geo += 1;
          if (fc && source) void source.setData(fc);
          else instance.triggerRepaint();
        });
      }
    });
    return () => {
      removePicking();
      removeHooks();
      setMap(null);
      fitted.current = false;
      instance.remove();
    };
  }, [store]);

  // Push each changed collection into its source.
  useEffect(() => {
    if (!map) return;
    for (const [id, fc] of Object.entries(data)) {
      if (pushed.current.get(id) === fc) continue;
      const source = map.getSource<maplibregl.GeoJSONSource>(id);
      if (!source) continue;
      markBusy(map);
      void source.setData(fc);
      pushed.current.set(id, fc);
    }
    if (loadState === 'ready' && !settled.current.data) {
      settled.current.data = true;
      // Even with nothing to draw, render once more so an idle reports the settled map.
      markBusy(map);
      map.triggerRepaint();
    }
  }, [map, data, loadState]);

  // Fit the ceremony route once, when it first arrives.
  useEffect(() => {
    if (map && !fitted.current && fitRoute(map, routes)) fitted.current = true;
  }, [map, routes]);

  // Ease to a selection made in the panel (a click on the map needs no camera move).
  useEffect(() => {
    if (!map || !selection || selection.origin === 'map') return;
    const s = store.getState();
    const target =
      selection.kind === 'unit'
        ? s.units.find((u) => u.id === selection.id)
        : s.incidents.find((i) => i.id === selection.id);
    if (target && target.lon !== null && target.lat !== null) easeToPoint(map, target.lon, target.lat);
  }, [map, selection, store]);

  return (
    <div className="map-wrap">
      <div ref={containerRef} className="map" data-testid="map" role="region" aria-label={t('map.label')} />
      <Legend />
    </div>
  );
}
