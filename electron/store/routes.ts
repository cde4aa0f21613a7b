import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Bridge, Route } from '../../shared/domain.js';

export function insertRoute(db: Db, r: Route): void {
  db.prepare('INSERT INTO routes (id, name, coordinates) VALUES (?, ?, ?)').run(
    r.id,
    r.name,
    JSON.stringify(r.coordinates),
  );
  const bridge = db.prepare(
    'INSERT INTO route_bridges (route_id, ord, name, lat, lon, chainage_km) VALUES (?, ?, ?, ?, ?, ?)',
  );
  touch(db, 'routes', r.id);
  r.bridges.forEach((b, i) => {
    bridge.run(r.id, i + 1, b.name, b.lat, b.lon, b.chainageKm);
    touch(db, 'route_bridges', r.id, i + 1);
  });
}

export function listRoutes(db: Db): Route[] {
  const routes = db.prepare('SELECT id, name, coordinates FROM routes ORDER BY id').all() as {
    id: string;
    name: string;
    coordinates: string;
  }[];
  const bridges = db.prepare(
    'SELECT name, lat, lon, chainage_km AS chainageKm FROM route_bridges WHERE route_id = ? ORDER BY ord',
  );
  return routes.map((r) => ({
    id: r.id,
    name: r.name,
    coordinates: JSON.parse(r.coordinates) as Route['coordinates'],
    bridges: bridges.all(r.id) as Bridge[],
  }));
}

export function getRoute(db: Db, id: string): Route | null {
  return listRoutes(db).find((r) => r.id === id) ?? null;
}
