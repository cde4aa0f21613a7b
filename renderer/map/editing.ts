// What a pointer does on the console's map: clicks select or place (an incident being created, a
// measure, a zone's corners), a double-click closes the zone being drawn, a drag moves a unit or a
// zone's corner. Installed by MapView on every map but the wall's (no pointer there).
import type * as maplibregl from 'maplibre-gl';
import type { VigieStore } from '../state/store';
import { may } from '../state/can';
import { installPicking } from './interactions';
import { installUnitDrag } from './drag';
import { installShapeEdit } from './shape-drag';
import { moveUnitOnMap } from '../map-tools/move-unit';
import { closeZoneDraft } from '../map-tools/zone-actions';
import { hitTest } from './overlay-list';
import type { UnitOverlay } from './unit-overlay';

/** Installs the pointer's actions on the map; returns a function that removes them. */
export function installEditing(instance: maplibregl.Map, store: VigieStore, units: UnitOverlay): () => void {
  const unitAt = (x: number, y: number, tolerance: number) => hitTest(units.list(), x, y, tolerance);
  const removePicking = installPicking(instance, {
    unitAt,
    onPick: (kind, id) => store.getState().select(kind, id, 'map'),
    placing: () => {
      const s = store.getState();
      return s.picking || s.mapTool === 'measure' || Boolean(s.zoneDraft && !s.zoneDraft.closed);
    },
    onPlace: (lon, lat) => {
      const s = store.getState();
      s.setDraftPoint({ lat, lon, source: 'map' });
      s.setPicking(false);
    },
    claim: (lon, lat) => {
      const s = store.getState();
      // While a zone's corners are edited, clicks belong to the handles (shape-drag.ts).
      if (s.zoneShape) return true;
      if (s.mapTool === 'measure') {
        s.setMeasurePoints([...s.measurePoints, [lon, lat]]);
        return true;
      }
      if (!s.zoneDraft || s.zoneDraft.closed) return false;
      s.setZoneDraft({ points: [...s.zoneDraft.points, [lon, lat]], closed: false });
      return true;
    },
    onMiss: (e) => {
      const s = store.getState();
      if (s.mapTool !== 'zones' || s.zoneDraft || !instance.getLayer('zones-fill')) return;
      const zone = instance.queryRenderedFeatures(e.point, { layers: ['zones-fill'] })[0];
      s.setEditedZoneId(typeof zone?.properties.id === 'string' ? zone.properties.id : null);
    },
  });
  // A double-click closes the zone being drawn (instead of zooming in).
  const onDblClick = (e: maplibregl.MapMouseEvent) => {
    const s = store.getState();
    if (!s.zoneDraft || s.zoneDraft.closed) return;
    e.preventDefault();
    closeZoneDraft(store);
  };
  instance.on('dblclick', onDblClick);
  const removeDrag = installUnitDrag(instance, {
    unitAt,
    enabled: () => {
      const s = store.getState();
      return may(s, 'moveUnit') && !s.picking && !s.zoneDraft && !s.zoneShape && s.mapTool !== 'measure';
    },
    onDrop: (id, lon, lat) => void moveUnitOnMap(store, id, lon, lat),
  });
  const removeShapeEdit = installShapeEdit(instance, {
    rings: () => store.getState().zoneShape?.rings ?? null,
    onChange: (rings) => {
      const edit = store.getState().zoneShape;
      if (edit) store.getState().setZoneShape({ ...edit, rings });
    },
  });
  return () => {
    removePicking();
    removeDrag();
    removeShapeEdit();
    instance.off('dblclick', onDblClick);
  };
}
