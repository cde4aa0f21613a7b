// The seeded Paris 2024 exercise as a console finds it after its first start (scenario written,
// exercise clock started), and the box along the ceremony route where the bench puts its units:
// the console fits the route on load, so everything in that box is on screen.
import { join } from 'node:path';
import { openVigie } from '../../../electron/services/app.js';
import { listRoutes } from '../../../electron/store/routes.js';
import type { Bbox } from './fixture.js';
import { paths } from './paths.js';

export function seededExercise(dir: string): { path: string; bbox: Bbox } {
  const path = join(dir, 'seeded.db');
  const app = openVigie({ dbPath: path, resourcesDir: paths.resources });
  try {
    const coords = listRoutes(app.db).flatMap((r) => r.coordinates);
    const lons = coords.map((c) => c[0]);
    const lats = coords.map((c) => c[1]);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const mx = (e - w) * 0.08;
    const my = (n - s) * 0.15;
    return { path, bbox: { west: w + mx, east: e - mx, south: s + my, north: n - my } };
  } finally {
    app.close();
  }
}
