// The map's search box, always on the map's tool bar: venues (names and aliases), bridges, zones,
// arrondissements, streets of the loaded base map, units by callsign and incidents by reference.
// A combobox: the arrow keys move through the results, Enter flies to the chosen one (and selects
// the unit or incident), Escape closes the list.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentPoints, useRoutes, useStoreApi, useUnits, useVenues, useZones } from '../state/hooks';
import { searchPlaces, type Place } from './locate';
import { useStreetSearch } from './use-street-search';

export function PlaceSearch() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const venues = useVenues();
  const routes = useRoutes();
  const zones = useZones();
  const units = useUnits();
  const incidents = useIncidentPoints();
  const streets = useStreetSearch(open ? query : '');
  const results = useMemo(() => {
    const found = searchPlaces(query, { venues, routes, zones, units, incidents }, streets.length ? 8 : 12);
    // Streets after the named places: a text matches many, and the places are what officers ask for.
    return [...found, ...streets].slice(0, 12);
  }, [query, venues, routes, zones, units, incidents, streets]);
  const shown = open && query.trim().length >= 2;
  const current = Math.min(active, results.length - 1);

  const go = (p: Place) => {
    const s = store.getState();
    s.flyTo(p.lon, p.lat, p.zoom);
    if (p.select) s.select(p.select.kind, p.select.id, 'map');
    setQuery(p.label);
    setOpen(false);
  };

  return (
    <div className="place-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('mapTools.locate.label')}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && current >= 0 ? `${listId}-${current}` : undefined}
        data-testid="map-search"
        value={query}
        placeholder={t('mapTools.locate.placeholder')}
        title={t('mapTools.locate.hint')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            if (results.length) setActive((current + step + results.length) % results.length);
          } else if (e.key === 'Enter') {
            const chosen = results[current];
            if (shown && chosen) {
              e.preventDefault();
              go(chosen);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {shown && (
        <ul
          className="place-search-results"
          id={listId}
          role="listbox"
          aria-label={t('mapTools.locate.label')}
        >
          {results.length === 0 && <li className="place-search-none">{t('mapTools.locate.none')}</li>}
          {results.map((p, n) => (
            <li
              key={`${p.kind}:${p.label}:${n}`}
              id={`${listId}-${n}`}
              role="option"
              aria-selected={n === current}
              data-testid="map-search-result"
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                go(p);
              }}
              onMouseEnter={() => setActive(n)}
            >
              <span className="place-search-kind">{t(`mapTools.locate.kinds.${p.kind}`)}</span>
              <span className="place-search-label">{p.label}</span>
              {p.alias && <span className="place-search-alias">{p.alias}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
