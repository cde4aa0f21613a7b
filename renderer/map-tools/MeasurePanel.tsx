// Measure and locate: the distance tool (click points on the map while this panel is open; the
// total and each leg's sum are shown, "Clear" starts again, "Undo" drops the last point) and the
// search box (venues, bridges, unit callsigns, incident references, arrondissements): choosing a
// result flies there (and selects the unit or incident).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidents, useRoutes, useStoreApi, useUnits, useVenues, useVigie } from '../state/hooks';
import { searchPlaces, type Place } from './locate';
import { formatKm, pathKm } from './measure';

export function MeasurePanel() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const points = useVigie((s) => s.measurePoints);
  const [query, setQuery] = useState('');
  const venues = useVenues();
  const routes = useRoutes();
  const units = useUnits();
  const incidents = useIncidents();
  const results = useMemo(
    () => searchPlaces(query, { venues, routes, units, incidents }),
    [query, venues, routes, units, incidents],
  );
  const go = (p: Place) => {
    const s = store.getState();
    s.flyTo(p.lon, p.lat, p.zoom);
    if (p.select) s.select(p.select.kind, p.select.id, 'map');
  };
  return (
    <div className="measure">
      <label className="zone-field">
        {t('mapTools.locate.search')}
        <input
          type="search"
          data-testid="map-search"
          value={query}
          placeholder={t('mapTools.locate.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            const first = results[0];
            if (e.key === 'Enter' && first) go(first);
          }}
        />
      </label>
      {results.length > 0 && (
        <ul className="measure-results">
          {results.map((p) => (
            <li key={`${p.kind}:${p.label}`}>
              <button type="button" data-testid="map-search-result" onClick={() => go(p)}>
                <span className="measure-kind">{t(`mapTools.locate.kinds.${p.kind}`)}</span>
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="measure-distance">
        <p>{t('mapTools.measure.help')}</p>
        <p className="measure-total" data-testid="measure-total">
          {t('mapTools.measure.total', { distance: formatKm(pathKm(points)), count: points.length })}
        </p>
        <div className="zone-actions">
          <button
            type="button"
            disabled={!points.length}
            onClick={() => store.getState().setMeasurePoints(points.slice(0, -1))}
          >
            {t('mapTools.measure.undo')}
          </button>
          <button
            type="button"
            data-testid="measure-clear"
            disabled={!points.length}
            onClick={() => store.getState().setMeasurePoints([])}
          >
            {t('mapTools.measure.clear')}
          </button>
        </div>
      </div>
    </div>
  );
}
