// Turns store data into the GeoJSON each map source shows. Each collection is memoised on the store
// arrays it comes from, which keep their identity when a refresh brought nothing new. The layers
// panel's unit kinds, countries and incident priorities filter the data itself (so unit clusters
// count only what is shown). `trail` is the selected unit's position history.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import type { UnitPosition } from '../../shared/domain';
import {
  useIncidentPoints,
  useRoutes,
  useSelectedIncidentAt,
  useSelectedUnit,
  useUnits,
  useVenues,
  useVigie,
  useZones,
} from '../state/hooks';
import { bridgeFeatures } from './layers/bridges';
import { draftFeatures } from './layers/draft';
import { incidentFeatures } from './layers/incidents';
import { routeFeatures } from './layers/route';
import { measureFeatures } from './layers/measure';
import { paradeFeatures } from './layers/parade';
import { formatKm, pathKm } from '../map-tools/measure';
import { selectionFeatures } from './layers/selection';
import { zoneDraftFeatures } from './layers/zone-draft';
import { SHAPE_SOURCE, zoneShapeFeatures } from './layers/zone-shape';
import { shapeProblems } from '../map-tools/zone-shape';
import { draftProblems } from '../map-tools/zone-geometry';
import { trailFeatures } from './layers/trail';
import { unitFeatures } from './layers/units';
import { venueFeatures } from './layers/venues';
import { zoneFeatures } from './layers/zones';

export type SourceData = Record<string, FeatureCollection>;

export function useMapData(trail: readonly UnitPosition[]): SourceData {
  const units = useUnits();
  const incidents = useIncidentPoints();
  const venues = useVenues();
  const routes = useRoutes();
  const zones = useZones();
  const unit = useSelectedUnit();
  const incident = useSelectedIncidentAt();
  const draft = useVigie((s) => s.draftPoint);

  const layers = useVigie((s) => s.mapLayers);
  const { hiddenKinds, hiddenCountries, hiddenPriorities } = layers;

  const unitsFc = useMemo(
    () =>
      unitFeatures(
        hiddenKinds.length || hiddenCountries.length
          ? units.filter((u) => !hiddenKinds.includes(u.kind) && !hiddenCountries.includes(u.country))
          : units,
      ),
    [units, hiddenKinds, hiddenCountries],
  );
  const incidentsFc = useMemo(
    () =>
      incidentFeatures(
        hiddenPriorities.length ? incidents.filter((i) => !hiddenPriorities.includes(i.priority)) : incidents,
      ),
    [incidents, hiddenPriorities],
  );
  const trailFc = useMemo(() => trailFeatures(trail), [trail]);
  const parade = useVigie((s) => s.paradeDraw);
  const paradeFc = useMemo(() => paradeFeatures(parade), [parade]);
  const measure = useVigie((s) => s.measurePoints);
  const measureFc = useMemo(() => measureFeatures(measure, formatKm(pathKm(measure))), [measure]);
  const zoneDraft = useVigie((s) => s.zoneDraft);
  const zoneDraftFc = useMemo(
    () =>
      zoneDraftFeatures(
        zoneDraft?.points ?? [],
        zoneDraft ? draftProblems(zoneDraft.points).length === 0 : true,
      ),
    [zoneDraft],
  );
  const venuesFc = useMemo(() => venueFeatures(venues), [venues]);
  const routeFc = useMemo(() => routeFeatures(routes), [routes]);
  const bridgesFc = useMemo(() => bridgeFeatures(routes), [routes]);
  // The zone whose shape is being edited is drawn by its own layer, as edited, not as stored.
  const shape = useVigie((s) => s.zoneShape);
  const shapeId = shape?.zoneId ?? null;
  const zonesFc = useMemo(
    () => zoneFeatures(shapeId ? zones.filter((z) => z.id !== shapeId) : zones),
    [zones, shapeId],
  );
  const shapeRings = shape?.rings ?? null;
  const shapeFc = useMemo(
    () => zoneShapeFeatures(shapeRings, !shapeRings || shapeProblems(shapeRings).length === 0),
    [shapeRings],
  );

  // A selected unit's ring is drawn by the units overlay (unit-overlay.ts), with the unit.
  const selected = unit ? null : incident;
  const kind = 'incident';
  const id = selected?.id;
  const lon = selected?.lon ?? null;
  const lat = selected?.lat ?? null;
  const selectionFc = useMemo(
    () => selectionFeatures(id && lon !== null && lat !== null ? { id, kind, lon, lat } : null),
    [id, kind, lon, lat],
  );

  const draftFc = useMemo(() => draftFeatures(draft), [draft]);

  return useMemo(
    () => ({
      units: unitsFc,
      'unit-clusters': unitsFc,
      'unit-trail': trailFc,
      parade: paradeFc,
      'zone-draft': zoneDraftFc,
      [SHAPE_SOURCE]: shapeFc,
      measure: measureFc,
      incidents: incidentsFc,
      venues: venuesFc,
      route: routeFc,
      bridges: bridgesFc,
      zones: zonesFc,
      selection: selectionFc,
      draft: draftFc,
    }),
    [
      unitsFc,
      incidentsFc,
      venuesFc,
      routeFc,
      bridgesFc,
      zonesFc,
      selectionFc,
      draftFc,
      trailFc,
      paradeFc,
      zoneDraftFc,
      shapeFc,
      measureFc,
    ],
  );
}
