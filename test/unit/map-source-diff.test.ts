// Pushing only what changed into a map source (renderer/map/source-diff.ts): the diff that
// GeoJSONSource.updateData takes between what a source holds and the units' new collection (a moved
// unit sends its new point, a status change its new property, a new unit is added, a gone unit
// removed), nothing when nothing changed, and the whole collection when most of it changed. The
// diff is checked by applying it as MapLibre does and comparing with the new collection.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { Unit } from '../../shared/domain.js';

interface DiffModule {
  byId(fc: FeatureCollection): Map<string, Feature>;
  sourceDiff(prev: ReadonlyMap<string, Feature>, next: FeatureCollection): GeoJSONSourceDiff | null;
  isEmptyDiff(d: GeoJSONSourceDiff): boolean;
}
interface UnitsModule {
  unitFeatures(units: readonly Unit[]): FeatureCollection<Point>;
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const load = <T>(path: string): Promise<T> => import(/* @vite-ignore */ path) as Promise<T>;
const diffs = () => load<DiffModule>('../../renderer/map/source-diff.ts');
const unitLayer = () => load<UnitsModule>('../../renderer/map/layers/units.ts');

function unit(n: number, over: Partial<Unit> = {}): Unit {
  return {
    id: `u${n}`,
    callsign: `U-${n}`,
    country: 'FR',
    kind: 'patrol',
    status: 'available',
    lat: 48.85 + n * 0.001,
    lon: 2.3 + n * 0.001,
    positionStale: false,
    version: 1,
    ...over,
  } as Unit;
}

/** What a promoteId source holds once the diff is applied (MapLibre's order: remove, add, update). */
function apply(held: Map<string, Feature>, d: GeoJSONSourceDiff): Map<string, Feature> {
  const out = new Map(held);
  for (const id of d.remove ?? []) out.delete(String(id));
  for (const f of d.add ?? []) out.set(String(f.properties?.id), f);
  for (const u of d.update ?? []) {
    const f = out.get(String(u.id));
    if (!f) throw new Error(`update of a feature the source does not hold: ${u.id}`);
    const removed = new Set(u.removeProperties ?? []);
    const properties = Object.fromEntries(
      Object.entries(f.properties ?? {}).filter(([k]) => !removed.has(k)),
    ) as Record<string, unknown>;
    for (const { key, value } of u.addOrUpdateProperties ?? []) properties[key] = value as unknown;
    out.set(String(u.id), { ...f, geometry: u.newGeometry ?? f.geometry, properties });
  }
  return out;
}

const plain = (m: Map<string, Feature>) =>
  [...m.values()]
    .map((f) => ({ g: f.geometry, p: f.properties }))
    .sort((a, b) => String(a.p?.id).localeCompare(String(b.p?.id)));

const many = Array.from({ length: 100 }, (_, i) => unit(i));

describe('the diff pushed into a map source', () => {
  it('sends a moved unit as its new point only', async () => {
    const { byId, sourceDiff } = await diffs();
    const { unitFeatures } = await unitLayer();
    const before = byId(unitFeatures(many));
    const moved = many.map((u) => (u.id === 'u7' ? { ...u, lat: 48.9, lon: 2.4 } : u));
    const d = sourceDiff(before, unitFeatures(moved));
    expect(d).toEqual({ update: [{ id: 'u7', newGeometry: { type: 'Point', coordinates: [2.4, 48.9] } }] });
  });

  it('sends a changed status as that property, and nothing when nothing changed', async () => {
    const { byId, sourceDiff, isEmptyDiff } = await diffs();
    const { unitFeatures } = await unitLayer();
    const before = byId(unitFeatures(many));
    const busy = many.map((u) => (u.id === 'u3' ? { ...u, status: 'en_route' as const } : u));
    expect(sourceDiff(before, unitFeatures(busy))).toEqual({
      update: [{ id: 'u3', addOrUpdateProperties: [{ key: 'status', value: 'en_route' }] }],
    });
    const same = sourceDiff(before, unitFeatures(many));
    expect(same && isEmptyDiff(same)).toBe(true);
  });

  it('adds, removes and updates so that the source ends up holding the new collection', async () => {
    const { byId, sourceDiff } = await diffs();
    const { unitFeatures } = await unitLayer();
    const before = byId(unitFeatures(many));
    // u99 gone, u200 new at the end, u9 moved and stale, u98 lost its position (not drawn). (A unit
    // gone from the middle shifts the draw order of those after it: see the whole-collection case.)
    const next = [
      ...many
        .filter((u) => u.id !== 'u99')
        .map((u) =>
          u.id === 'u9'
            ? { ...u, lat: 48.8, positionStale: true }
            : u.id === 'u98'
              ? { ...u, lat: null, lon: null }
              : u,
        ),
      unit(200),
    ];
    const fc = unitFeatures(next);
    const d = sourceDiff(before, fc);
    expect(d?.remove?.sort()).toEqual(['u98', 'u99']);
    expect(d?.add?.map((f) => f.properties?.id)).toEqual(['u200']);
    expect(plain(apply(before, d as GeoJSONSourceDiff))).toEqual(plain(byId(fc)));
  });

  it('sends the whole collection when most of it changed, or for the first push', async () => {
    const { byId, sourceDiff } = await diffs();
    const { unitFeatures } = await unitLayer();
    const before = byId(unitFeatures(many));
    const allMoved = many.map((u) => ({ ...u, lat: (u.lat ?? 0) + 0.01 }));
    expect(sourceDiff(before, unitFeatures(allMoved))).toBeNull();
    expect(sourceDiff(new Map(), unitFeatures(many))).toBeNull();
    // The first unit gone: every other one is drawn one place earlier.
    expect(sourceDiff(before, unitFeatures(many.slice(1)))).toBeNull();
    // Two features with one id cannot be told apart by the source: sent whole.
    const twice = unitFeatures([unit(1), unit(2), { ...unit(1), lat: 48.7 }]);
    expect(sourceDiff(byId(unitFeatures([unit(1), unit(2), unit(3)])), twice)).toBeNull();
  });
});
