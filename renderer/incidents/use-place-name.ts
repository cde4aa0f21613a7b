// The nearest named place to a point not yet saved (the form's picked point), asked of the main
// side, which knows the zones this desk may see and the loaded base map's streets.
import { useEffect, useState } from 'react';
import type { PlaceName } from '../../shared/place-name';
import { mapClient } from '../map-tools/client';

export function usePlaceName(point: { lat: number; lon: number } | null): PlaceName | null {
  // The answer is kept with the point it names, so a moved point never shows the old name.
  const [named, setNamed] = useState<{ key: string; place: PlaceName | null } | null>(null);
  const lat = point?.lat ?? null;
  const lon = point?.lon ?? null;
  const key = lat === null || lon === null ? null : `${lat},${lon}`;
  useEffect(() => {
    if (lat === null || lon === null) return;
    let live = true;
    mapClient()
      .namePlace({ lat, lon })
      .then((r) => {
        if (live) setNamed({ key: `${lat},${lon}`, place: r.place });
      })
      // No name is no loss: the coordinates are shown anyway.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [lat, lon]);
  return key !== null && named?.key === key ? named.place : null;
}
