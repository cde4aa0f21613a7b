// Streets of the loaded vector base map matching the search text, around the map's view (asked of
// the main side, which reads the tiles); none without a vector base map.
import { useEffect, useState } from 'react';
import { useVigie } from '../state/hooks';
import { mapClient } from './client';
import type { Place } from './locate';
import { viewCentre } from './view-centre';

/** How long the text must rest before the tiles are searched. */
const SETTLE_MS = 200;

export function useStreetSearch(query: string): Place[] {
  const vector = useVigie((s) => s.basemap?.kind === 'vector');
  const [found, setFound] = useState<{ query: string; places: Place[] } | null>(null);
  const text = query.trim();
  useEffect(() => {
    const at = viewCentre();
    if (!vector || text.length < 2 || !at) return;
    let live = true;
    const timer = setTimeout(() => {
      mapClient()
        .findStreets({ text, lat: at.lat, lon: at.lon })
        .then((streets) => {
          if (!live) return;
          const places = streets.map((s): Place => ({
            kind: 'street',
            label: s.name,
            lon: s.lon,
            lat: s.lat,
            zoom: 17,
          }));
          setFound({ query: text, places });
        })
        // A street search that fails leaves the named places; nothing to tell the officer.
        .catch(() => undefined);
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [vector, text]);
  return vector && found?.query === text ? found.places : [];
}
