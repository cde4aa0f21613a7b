// The one component that owns the maplibre instance: created on mount, removed on unmount. Store
// data reaches it as GeoJSON pushed into the style's sources (only the ones that changed); clicks
// on the map select in the store, or place the incident being created in "pick on map" mode;
// selections made elsewhere move the camera; open P1 incidents pulse (an overlay: pulse.ts); the
// units are drawn on an overlay too (unit-overlay.ts), so their moves repaint no map. The built-in base map
// is loaded once; the layers panel's choices show and hide layer groups, the theme recolours
// the style in place; an operator whose role may drags a unit to move it (moveUnit) or a zone's corners
// (editing.ts); the selected unit's position history is drawn as a trail. `still`: the wall's map,
// with no pointer (no handler, control, key or tool) and the venues near the route framed too.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  useRoutes,
  useVenues,
  useSelectedIncidentAt,
  useSelectedUnit,
  useSelection,
  useStoreApi,
  useVigie,
} from '../state/hooks';
import { easeToPoint, framePadding, keepRouteFramed, INITIAL_VIEW, placesNear, stillPadding } from './camera';
import { installClusterImages } from './cluster-icons';
import { installEditing } from './editing';
import { pulsePoints } from './layers/incidents';
import { Legend } from './Legend';
import { installPulse, type Pulse } from './pulse';
import { installSourcePush, type SourcePush } from './source-push';
import { installUnitOverlay, type UnitOverlay } from './unit-overlay';
import { loadBaseMap } from './static-geo';
import { buildStyle, layerGroups } from './style';
import { baseSource } from './layers/base';
import { resolveUnitImage } from './unit-icons';
import { MapTools } from '../map-tools/MapTools';
import { setViewCentre } from '../map-tools/view-centre';
import { useUnitTrail } from '../map-tools/use-unit-trail';
import { cursorText } from '../map-tools/locate';
import { applyBasemap } from './operator-basemap';
import { applyVisibility } from './visibility';
import { glyphsUrl } from './glyphs';
import { installTestHooks, markBusy } from './test-hooks';
import { startMark } from './start-marks';
import { useMapData } from './use-map-data';
import { useStillScale } from './still-scale';
import { isFiltered } from '../state/board';
import { NearestHere } from '../units/NearestHere';

maplibregl.setWorkerUrl(workerUrl);

export function MapView({ still = false }: { still?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? i18n.language).slice(0, 2);
  const store = useStoreApi();
  const containerRef = useRef<HTMLDivElement>(null);
  // The map once its style has loaded; null before and after. Component state, never the store.
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const selectedUnitId = useVigie((s) => (s.selection?.kind === 'unit' ? s.selection.id : null));
  const selectedVersion = useVigie((s) =>
    s.selection?.kind === 'unit' ? (s.units.find((u) => u.id === s.selection?.id)?.version ?? null) : null,
  );
  const trail = useUnitTrail(selectedUnitId, selectedVersion);
  const data = useMapData(trail);
  // The wall stays dark, as its screen does (wall.css): read across a room, whatever a desk chose.
  const theme = useVigie((s) => (still ? 'dark' : s.mapTheme));
  const hiddenGroups = useVigie((s) => s.mapLayers.hiddenGroups);
  const desk = useVigie((s) => s.session?.operator?.desk ?? '');
  const groups = useMemo(() => layerGroups(), []);
  const themed = useRef(theme);
  const routes = useRoutes();
  const scale = useStillScale(still);
  const scaleRef = useRef(scale);
  const venues = useVenues();
  // The console frames the route (the venues when there is none); the wall the route and the
  // venues near it.
  const framedPlaces = useMemo(
    () => (routes.length === 0 ? venues : still ? placesNear(routes, venues) : []),
    [still, routes, venues],
  );
  const selection = useSelection();
  const loadState = useVigie((s) => s.loadState);
  const picking = useVigie((s) => s.picking);
  const filtered = useVigie((s) => s.boardFilters);
  const selectedUnit = useSelectedUnit();
  const selectedIncident = useSelectedIncidentAt();
  const target = selectedUnit ?? selectedIncident;
  const targetLon = target?.lon ?? null;
  const targetLat = target?.lat ?? null;
  const eased = useRef<unknown>(null);
  const pulse = useRef<Pulse | null>(null);
  const pusher = useRef<SourcePush | null>(null);
  const overlay = useRef<UnitOverlay | null>(null);
  const fitted = useRef(false);
  // The first API data and the static geography have been handed to the map.
  const settled = useRef({ data: false, geo: 0 });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    startMark('construct');
    const instance = new maplibregl.Map({
      container,
      style: buildStyle(glyphsUrl(), still ? 'dark' : store.getState().mapTheme),
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      minZoom: 10,
      maxZoom: 18,
      attributionControl: false,
      pitchWithRotate: false,
      dragRotate: false,
      // The wall's map is only looked at: no handler, so nothing a stray touch could move.
      interactive: !still,
      pixelRatio: window.devicePixelRatio * scaleRef.current,
      // Symbols shown or hidden by placement appear at once: a fade redraws the map for 300 ms
      // after every change of the units, which a stream of moves made a redraw without end.
      fadeDuration: 0,
    });
    startMark('constructed');
    instance.once('render', () => startMark('first-render'));
    if (!still) {
      instance.touchZoomRotate.disableRotation();
      instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    }
    const progress = settled.current;
    themed.current = still ? 'dark' : store.getState().mapTheme;
    const units = installUnitOverlay(instance);
    units.setTheme(themed.current);
    overlay.current = units;
    const removeHooks = installTestHooks(instance, () => progress.data && progress.geo === 1, units);
    const removeEditing = still ? () => {} : installEditing(instance, store, units);
    const removeClusterImages = installClusterImages(instance, [resolveUnitImage]);
    instance.on('load', () => {
      startMark('style-loaded');
      pusher.current?.dispose();
      pusher.current = installSourcePush(instance);
      progress.data = false;
      progress.geo = 0;
      pulse.current = installPulse(instance);
      setMap(instance);
      store.getState().setMapWaiting(false);
      void loadBaseMap().then((base) => {
        startMark('base-map');
        markBusy(instance);
        progress.geo = 1;
        for (const name of base?.order ?? []) {
          const fc = base?.layers[name];
          const source = instance.getSource<maplibregl.GeoJSONSource>(baseSource(name));
          if (fc && source) void source.setData(fc);
        }
        instance.triggerRepaint();
      });
    });
    return () => {
      pulse.current?.stop();
      pulse.current = null;
      pusher.current?.dispose();
      pusher.current = null;
      removeEditing();
      removeClusterImages();
      removeHooks();
      units.remove();
      overlay.current = null;
      setMap(null);
      fitted.current = false;
      instance.remove();
    };
  }, [store, still]);

  // Push each changed collection into its source (source-push.ts: diffs, clusters when zoomed out).
  useEffect(() => {
    const push = pusher.current;
    if (!map || !push) return;
    for (const [id, fc] of Object.entries(data)) {
      if (id === 'units') {
        overlay.current?.setUnits(fc);
        continue;
      }
      if (!push.push(id, fc)) continue;
      if (id === 'incidents') pulse.current?.setPoints(pulsePoints(fc as Parameters<typeof pulsePoints>[0]));
    }
    if (loadState === 'ready' && !settled.current.data) {
      startMark('data');
      settled.current.data = true;
      // Even with nothing to draw, render once more so an idle reports the settled map.
      markBusy(map);
      map.triggerRepaint();
    }
  }, [map, data, loadState]);

  // The selected unit's ring is the overlay's, so that it follows the unit's moves without a repaint.
  const ringLon = selectedUnit?.lon ?? null;
  const ringLat = selectedUnit?.lat ?? null;
  const ringId = selectedUnit?.id ?? null;
  useEffect(() => {
    overlay.current?.setSelected(
      map && ringId && ringLon !== null && ringLat !== null
        ? { id: ringId, lon: ringLon, lat: ringLat }
        : null,
    );
  }, [map, ringId, ringLon, ringLat]);

  // The wall's display changed size: draw at the new enlargement (still-scale.ts).
  useEffect(() => {
    scaleRef.current = scale;
    if (map && still) map.setPixelRatio(window.devicePixelRatio * scale);
  }, [map, still, scale]);

  // The layers panel's choices are kept per desk.
  useEffect(() => store.getState().loadMapLayers(desk), [store, desk]);

  // The operator's base map, under the built-in layers, in the theme and the UI language; then show
  // and hide the layer groups (the base map's layers belong to them too).
  const basemap = useVigie((s) => s.basemap);
  const applied = useRef<{ map: unknown; basemap: unknown; theme: string; lang: string } | null>(null);
  useEffect(() => {
    if (!map) return;
    markBusy(map);
    const last = applied.current;
    if (!last || last.map !== map || last.basemap !== basemap || last.theme !== theme || last.lang !== lang) {
      applyBasemap(map, basemap, { theme, lang });
      applied.current = { map, basemap, theme, lang };
    }
    applyVisibility(map, groups, hiddenGroups, basemap);
    overlay.current?.setShown(!hiddenGroups.includes('units'), !hiddenGroups.includes('labels'));
    map.triggerRepaint();
  }, [map, groups, hiddenGroups, basemap, theme, lang]);

  // Recolour the style in place for the other theme (sources and data stay).
  useEffect(() => {
    if (!map || themed.current === theme) return;
    themed.current = theme;
    overlay.current?.setTheme(theme);
    markBusy(map);
    for (const layer of buildStyle(glyphsUrl(), theme).layers) {
      if (!map.getLayer(layer.id)) continue;
      // The cluster rings' images are drawn per theme (style.ts).
      if (layer.type === 'symbol' && layer.layout?.['icon-image'] !== undefined)
        map.setLayoutProperty(layer.id, 'icon-image', layer.layout['icon-image']);
      if (!layer.paint) continue;
      for (const [prop, value] of Object.entries(layer.paint)) {
        map.setPaintProperty(layer.id, prop as Parameters<typeof map.setPaintProperty>[1], value);
      }
    }
    map.triggerRepaint();
  }, [map, theme]);

  // Fly where the search asked.
  const flyTarget = useVigie((s) => s.flyTarget);
  useEffect(() => {
    if (!map || !flyTarget) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    map.flyTo({ center: [flyTarget.lon, flyTarget.lat], zoom: flyTarget.zoom, duration: reduced ? 0 : 900 });
  }, [map, flyTarget]);

  // Coordinates and arrondissement under the pointer, written straight into the readout.
  const readout = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!map || still) return;
    const onMove = (e: maplibregl.MapMouseEvent) => {
      const el = readout.current;
      if (el) el.textContent = cursorText(e.lngLat.lng, e.lngLat.lat, t);
    };
    map.on('mousemove', onMove);
    return () => {
      map.off('mousemove', onMove);
    };
  }, [map, t, still]);

  // The place search looks for streets around the view's centre.
  useEffect(() => {
    if (!map) return;
    const onMoveEnd = () => setViewCentre(map.getCenter().lng, map.getCenter().lat);
    onMoveEnd();
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map]);

  // Frame the operation's route (without one, its venues) once loaded, and keep it framed until the
  // camera is moved. Venues wait for the whole load: a route arriving later would frame differently.
  useEffect(() => {
    // No cleanup: a refreshed routes array must not end the framing; map.remove() drops listeners.
    const padding = still ? stillPadding : framePadding;
    // Only once everything is read: framing on what came first would stop at a partial picture.
    const places = loadState === 'ready' ? framedPlaces : [];
    if (map && !fitted.current && keepRouteFramed(map, routes, places, padding)) fitted.current = true;
  }, [map, routes, framedPlaces, still, loadState]);

  // Fly to a selection made outside the map (a click on the map needs no camera move), once per
  // selection, as soon as its position is known (a new incident's row may arrive after it).
  useEffect(() => {
    if (!map || !selection || selection.origin === 'map' || eased.current === selection) return;
    if (targetLon === null || targetLat === null) return;
    eased.current = selection;
    easeToPoint(map, targetLon, targetLat);
  }, [map, selection, targetLon, targetLat]);

  // A place chosen in the incident form from a list (a bridge, a venue): show it. A point picked
  // on the map is already in view.
  const draft = useVigie((s) => s.draftPoint);
  useEffect(() => {
    if (map && draft && draft.source !== 'map') easeToPoint(map, draft.lon, draft.lat);
  }, [map, draft]);

  // A right-click asks for the nearest available units to that point, which a pin marks. (The
  // browser's own menu has nothing for a map canvas.)
  const nearestPoint = useVigie((s) => s.nearestPoint);
  useEffect(() => {
    if (!map || still) return;
    const onContext = (e: maplibregl.MapMouseEvent) => {
      const s = store.getState();
      // While a zone's shape is edited a right-click removes a corner (shape-drag.ts).
      if (s.zoneShape || s.picking || s.zoneDraft) return;
      e.preventDefault();
      s.setNearestPoint({ lat: e.lngLat.lat, lon: e.lngLat.lng });
    };
    map.on('contextmenu', onContext);
    return () => {
      map.off('contextmenu', onContext);
    };
  }, [map, store, still]);
  useEffect(() => {
    if (!map || !nearestPoint) return;
    const pin = new maplibregl.Marker({ color: '#4cc2ff' })
      .setLngLat([nearestPoint.lon, nearestPoint.lat])
      .addTo(map);
    pin.getElement().dataset.testid = 'nearest-pin';
    return () => {
      pin.remove();
    };
  }, [map, nearestPoint]);

  // The crosshair while placing an incident or drawing a zone.
  const drawing = useVigie((s) => Boolean(s.zoneDraft && !s.zoneDraft.closed) || s.mapTool === 'measure');
  useEffect(() => {
    if (map) map.getCanvas().style.cursor = picking || drawing ? 'crosshair' : '';
  }, [map, picking, drawing]);

  const region = (
    <div ref={containerRef} className="map" data-testid="map" role="region" aria-label={t('map.label')} />
  );
  // The wall: the map alone (its key and tools are for a pointer and a desk's distance).
  if (still)
    return (
      <div className={`map-wrap map-still map-theme-${theme}`} style={{ zoom: scale }}>
        {region}
      </div>
    );
  return (
    <div className={`map-wrap map-theme-${theme}`}>
      {region}
      <Legend filtered={isFiltered(filtered)} />
      <MapTools />
      <NearestHere />
      <div ref={readout} className="map-readout mono" data-testid="map-readout" aria-live="off" />
      {picking && (
        <div className="pick-banner" role="status" data-testid="pick-banner">
          {t('form.pickBanner')}
        </div>
      )}
    </div>
  );
}
