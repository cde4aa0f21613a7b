// Turns store data into the GeoJSON each map source shows. Each collection is memoised on the store
// arrays it comes from, which keep their identity when a refresh brought nothing new.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import {
  useIncidents,
  useRoutes,
  useSelectedIncident,
  useSelectedUnit,
  useUnits,
  useVenues,
  useZones,
} from '../state/hooks';
import { bridgeFeatures } from './layers/bridges';
import { incidentFeatures } from './layers/incidents';
import { routeFeatures } from './layers/route';
import { selectionFeatures } from './layers/selection';
import { unitFeatures } from './layers/units';
import { venueFeatures } from './layers/venues';
import { zoneFeatures } from './layers/zones';

export type SourceData = Record<string, FeatureCollection>;

export function useMapData(): SourceData {
  const units = useUnits();
  const incidents = useIncidents();
  const venues = useVenues();
  const routes = useRoutes();
  const zones = useZones();
  const unit = useSelectedUnit();
  const incident = useSelectedIncident();

  const unitsFc = useMemo(() => unitFeatures(units), [units]);
  const incidentsFc = useMemo(() => incidentFeatures(incidents), [incidents]);
  const venuesFc = useMemo(() => venueFeatures(venues), [venues]);
  const routeFc = useMemo(() => routeFeatures(routes), [routes]);
  const bridgesFc = useMemo(() => bridgeFeatures(routes), [routes]);
  const zonesFc = useMemo(() => zoneFeatures(zones), [zones]);

  const selected = unit ?? incident;
  const kind = unit ? 'unit' : 'incident';
  const id = selected?.id;
  const lon = selected?.lon ?? null;
  const lat = selected?.lat ?? null;
  const selectionFc = useMemo(
    () => selectionFeatures(id && lon !== null && lat !== null ? { id, kind, lon, lat } : null),
    [id, kind, lon, lat],
  );

  return useMemo(
    () => ({
      units: unitsFc,
      incidents: incidentsFc,
      venues: venuesFc,
      route: routeFc,
      bridges: bridgesFc,
      zones: zonesFc,
      selection: selectionFc,
    }),
    [unitsFc, incidentsFc, venuesFc, routeFc, bridgesFc, zonesFc, selectionFc],
  );
}
