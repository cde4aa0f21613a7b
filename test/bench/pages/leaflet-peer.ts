// The Leaflet peer page's script (bundled for the browser by test/bench/lib/browser.ts). It loads
// the same units and incidents the console receives (listUnits, and the map's listIncidentPoints, each
// point an array on the wire, saved by the bench)
// and draws each as a DOM marker; window.__benchIdleAt is set once the markers have been painted.
// Query: data (the scenario's data path), bbox (west,south,east,north), left/top/width/height (the
// rectangle Vigie's map occupies, so both maps draw into the same area).

import { pointOfRow, type IncidentPointRow } from '../../../shared/incident-points.js';

/** The few Leaflet 1.9 calls used here (leaflet.js is loaded by a script tag as the global L). */
interface LatLngHolder {
  setLatLng(latlng: [number, number]): LatLngHolder;
  addTo(map: LeafletMap): LatLngHolder;
}
interface LeafletMap {
  fitBounds(bounds: [[number, number], [number, number]], options?: { animate?: boolean }): LeafletMap;
}
interface LeafletGlobal {
  map(id: string, options?: Record<string, unknown>): LeafletMap;
  marker(latlng: [number, number], options: Record<string, unknown>): LatLngHolder;
  divIcon(options: { className: string; iconSize: [number, number] }): unknown;
}
declare const L: LeafletGlobal;

interface Placed {
  id: string;
  lat: number | null;
  lon: number | null;
}
interface UnitData extends Placed {
  callsign: string;
  status: string;
}
interface IncidentData extends Placed {
  reference: string;
  priority: number;
}
interface BenchWindow {
  __benchIdleAt?: number;
  __benchDrawn?: { units: number; incidents: number; domMarkers: number };
  __benchError?: string;
  __benchStartMoves?: () => void;
  __benchMoves?: number;
}

const bench = window as unknown as BenchWindow;
const q = new URLSearchParams(location.search);
const num = (name: string) => Number(q.get(name));

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function main(): Promise<void> {
  const el = document.getElementById('map') as HTMLElement;
  Object.assign(el.style, {
    left: `${num('left')}px`,
    top: `${num('top')}px`,
    width: `${num('width')}px`,
    height: `${num('height')}px`,
  });
  const [west, south, east, north] = (q.get('bbox') ?? '').split(',').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const map = L.map('map', { zoomSnap: 0, fadeAnimation: false });
  map.fitBounds(
    [
      [south, west],
      [north, east],
    ],
    { animate: false },
  );
  const base = q.get('data') ?? '';
  const [units, rows] = (await Promise.all([
    fetch(`${base}-units.json`).then((r) => r.json()),
    fetch(`${base}-incidents.json`).then((r) => r.json()),
  ])) as [UnitData[], IncidentPointRow[]];
  // Turned back into objects as the console's store does (its own time is part of the peer's).
  const incidents: IncidentData[] = rows.map(pointOfRow);

  const markers = new Map<string, LatLngHolder>();
  let drawnUnits = 0;
  let drawnIncidents = 0;
  for (const i of incidents) {
    if (i.lat === null || i.lon === null) continue;
    const icon = L.divIcon({ className: `incident p${i.priority}`, iconSize: [16, 16] });
    L.marker([i.lat, i.lon], { icon, title: i.reference }).addTo(map);
    drawnIncidents++;
  }
  for (const u of units) {
    if (u.lat === null || u.lon === null) continue;
    const icon = L.divIcon({ className: `unit ${u.status}`, iconSize: [11, 11] });
    markers.set(u.id, L.marker([u.lat, u.lon], { icon, title: u.callsign }).addTo(map));
    drawnUnits++;
  }
  // Two frames: the first lays the markers out, the second is painted after it.
  await nextFrame();
  await nextFrame();
  bench.__benchIdleAt = performance.now();
  bench.__benchDrawn = {
    units: drawnUnits,
    incidents: drawnIncidents,
    domMarkers: document.querySelectorAll('.leaflet-marker-icon').length,
  };

  // Live positions: every second, fetch where the moving units are now and move their markers.
  bench.__benchMoves = 0;
  bench.__benchStartMoves = () => {
    setInterval(() => {
      void fetch('/moves')
        .then((r) => r.json() as Promise<{ id: string; lat: number; lon: number }[]>)
        .then((moves) => {
          for (const m of moves) markers.get(m.id)?.setLatLng([m.lat, m.lon]);
          bench.__benchMoves = (bench.__benchMoves ?? 0) + moves.length;
        });
    }, 1000);
  };
}

main().catch((err: unknown) => {
  bench.__benchError = String(err);
});
