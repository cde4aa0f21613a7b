// The built-in base map (resources/geo/paris-base.json) checked against public facts: venues and
// landmarks in the right arrondissement, venues outside Paris outside it, arrondissements tiling
// Paris without gaps or overlaps, the Seine covered, the route inside the Périphérique.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInRing, type Position } from '../../shared/zones.js';
import { cumulativeKm } from '../../shared/parade.js';
import { paths } from '../support/temp.js';

interface Feature<G> {
  properties: Record<string, unknown>;
  geometry: G;
}
interface Layer<G> {
  features: Feature<G>[];
}
type Polygon = { type: 'Polygon'; coordinates: Position[][] };
type Line = { type: 'LineString'; coordinates: Position[] };
type Point = { type: 'Point'; coordinates: Position };
interface BaseMap {
  bounds: [number, number, number, number];
  order: string[];
  layers: {
    outline: Layer<Polygon>;
    arrondissements: Layer<Polygon>;
    parks: Layer<Polygon>;
    water: Layer<Polygon>;
    peripherique: Layer<Line>;
    axes: Layer<Line>;
    bridges: Layer<Point>;
    arrondissementLabels: Layer<Point>;
  };
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(paths.resources, file), 'utf8')) as T;
const base = read<BaseMap>('geo/paris-base.json');
const venues = read<{ id: string; lat: number; lon: number }[]>('scenario/paris-2024/venues.json');
const route = read<{ coordinates: Position[]; bridges: { name: string; lat: number; lon: number }[] }>(
  'scenario/paris-2024/route.json',
);
const arrs = base.layers.arrondissements.features;

/** The arrondissements a point falls in (more than one would be an overlap). */
const arrondissementsAt = (lat: number, lon: number) =>
  arrs
    .filter((f) => pointInPolygon(lon, lat, f.geometry.coordinates))
    .map((f) => f.properties.arrondissement);

const KX = 111_320 * Math.cos((48.86 * Math.PI) / 180);
const KY = 110_540;
/** Metres from a point to the nearest arrondissement boundary (planar, fine at city scale). */
function metresToBoundary(lat: number, lon: number): number {
  let best = Infinity;
  for (const f of arrs) {
    for (const ring of f.geometry.coordinates) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
        const [ax, ay, bx, by] = [(a[0] - lon) * KX, (a[1] - lat) * KY, (b[0] - lon) * KX, (b[1] - lat) * KY];
        const [dx, dy] = [bx - ax, by - ay];
        const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

describe('the built-in base map', () => {
  it('is up to date with its sources (node resources/geo/paris-base/build.mjs --check)', () => {
    const r = spawnSync(
      process.execPath,
      [join(paths.resources, 'geo', 'paris-base', 'build.mjs'), '--check'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has the twenty arrondissements once each, with a label point inside each', () => {
    expect(arrs.map((f) => f.properties.arrondissement).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const l of base.layers.arrondissementLabels.features) {
      const [lon, lat] = l.geometry.coordinates;
      expect(arrondissementsAt(lat, lon), String(l.properties.label)).toEqual([l.properties.arrondissement]);
    }
    expect(base.order).toEqual(Object.keys(base.layers));
  });

  it('puts the venues in Paris in the right arrondissement and the others outside Paris', () => {
    const expected: Record<string, number[]> = {
      'eiffel-tower-stadium': [7],
      invalides: [7],
      concorde: [8],
      'grand-palais': [8],
      trocadero: [16],
      'roland-garros': [16],
      'parc-des-princes': [16],
      'bercy-arena': [12],
      'porte-de-la-chapelle-arena': [18],
      'paris-expo-porte-de-versailles': [15],
      'stade-de-france': [],
      'aquatics-centre': [],
      'paris-la-defense-arena': [],
      'stade-yves-du-manoir': [],
      'le-bourget-climbing-venue': [],
      'vaires-sur-marne-nautical-stadium': [],
      'chateau-de-versailles': [],
    };
    for (const [id, arr] of Object.entries(expected)) {
      const v = venues.find((x) => x.id === id);
      if (!v) throw new Error(`no venue ${id}`);
      expect(arrondissementsAt(v.lat, v.lon), id).toEqual(arr);
    }
  });

  it('puts well-known landmarks in their arrondissement', () => {
    const landmarks: [string, number, number, number][] = [
      ['Louvre', 48.8606, 2.3376, 1],
      ['Bourse', 48.8691, 2.3412, 2],
      ['Musée Picasso', 48.8598, 2.3624, 3],
      ['Notre-Dame', 48.853, 2.3499, 4],
      ['Hôtel de Ville', 48.8566, 2.3522, 4],
      ['Panthéon', 48.8462, 2.3464, 5],
      ['Palais du Luxembourg', 48.8484, 2.3371, 6],
      ['Eiffel Tower', 48.8584, 2.2945, 7],
      ['Assemblée nationale', 48.8619, 2.3186, 7],
      ['Élysée', 48.8704, 2.3167, 8],
      ['Opéra Garnier', 48.872, 2.3316, 9],
      ['Gare du Nord', 48.8809, 2.3553, 10],
      ['Cirque d’Hiver', 48.8632, 2.3671, 11],
      ['Gare de Lyon', 48.8443, 2.3743, 12],
      ['Opéra Bastille', 48.8522, 2.37, 12],
      ["Place d'Italie", 48.8313, 2.3557, 13],
      ['Parc Montsouris', 48.8222, 2.338, 14],
      ['Parc André-Citroën', 48.8417, 2.2747, 15],
      ['Palais de Chaillot', 48.8625, 2.2876, 16],
      ['Place du Maréchal-Juin (Pereire)', 48.8843, 2.2978, 17],
      ['Sacré-Cœur', 48.8867, 2.3431, 18],
      ['Buttes-Chaumont', 48.8809, 2.3828, 19],
      ['Père-Lachaise', 48.8614, 2.3933, 20],
    ];
    for (const [name, lat, lon, arr] of landmarks) expect(arrondissementsAt(lat, lon), name).toEqual([arr]);
  });

  it('tiles Paris: every point of a 200 m grid inside the outline is in exactly one arrondissement, none outside', () => {
    const outline = base.layers.outline.features[0]?.geometry.coordinates ?? [];
    const [w, s, e, n] = base.bounds;
    let inside = 0;
    for (let lat = s; lat <= n; lat += 200 / KY) {
      for (let lon = w; lon <= e; lon += 200 / KX) {
        const inParis = pointInPolygon(lon, lat, outline);
        const count = arrondissementsAt(lat, lon).length;
        // Points within a metre of a boundary may fall either side; none sit there on this grid.
        if (inParis) inside++;
        expect(count, `${lat.toFixed(5)}, ${lon.toFixed(5)}`).toBe(inParis ? 1 : 0);
      }
    }
    expect(inside).toBeGreaterThan(2000);
  });

  it('covers the Seine through Paris: every waypoint of the facts inside Paris lies in or on an arrondissement', () => {
    const waypoints: [number, number][] = [
      [48.8307, 2.3878],
      [48.834, 2.3822],
      [48.8384, 2.3757],
      [48.8418, 2.3706],
      [48.845, 2.3661],
      [48.8503, 2.3597],
      [48.8575, 2.3413],
      [48.8603, 2.3297],
      [48.8638, 2.3196],
      [48.8632, 2.3016],
      [48.8597, 2.2922],
      [48.8556, 2.2876],
      [48.8497, 2.2795],
      [48.8468, 2.276],
      [48.8392, 2.2697],
      [48.837, 2.2615],
    ];
    for (const [lat, lon] of waypoints) {
      const covered = arrondissementsAt(lat, lon).length === 1 || metresToBoundary(lat, lon) < 5;
      expect(covered, `${lat}, ${lon}`).toBe(true);
    }
  });

  it('keeps the ceremony route inside the Périphérique, which is about 35 km long', () => {
    const ring = base.layers.peripherique.features[0]?.geometry.coordinates ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const km = cumulativeKm(ring).at(-1) ?? 0;
    expect(km).toBeGreaterThan(32);
    expect(km).toBeLessThan(37);
    for (const [lon, lat] of route.coordinates) expect(pointInRing(lon, lat, ring)).toBe(true);
  });

  it('names every bridge of the route at its facts position, and the main axes', () => {
    const bridges = new Map(
      base.layers.bridges.features.map((f) => [f.properties.name, f.geometry.coordinates]),
    );
    for (const b of route.bridges) expect(bridges.get(b.name), b.name).toEqual([b.lon, b.lat]);
    expect(bridges.size).toBe(27);
    const axes = base.layers.axes.features.map((f) => String(f.properties.name));
    for (const name of [
      'Avenue des Champs-Élysées',
      'Rue de Rivoli',
      'Grands Boulevards',
      'Boulevard Saint-Germain',
      'Boulevard Saint-Michel',
      'Boulevard de Sébastopol',
      'Quai du Louvre',
      "Quai d'Orsay",
    ]) {
      expect(axes, name).toContain(name);
    }
    expect(base.layers.parks.features.map((f) => f.properties.name)).toEqual([
      'Jardin des Tuileries',
      'Champ de Mars',
      'Jardin du Luxembourg',
      'Jardin des Plantes',
      'Bois de Boulogne',
      'Bois de Vincennes',
    ]);
  });
});
