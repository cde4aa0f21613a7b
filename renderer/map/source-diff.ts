// What changed between two collections pushed into one GeoJSON source whose features are named by
// their `id` property: the diff GeoJSONSource.updateData takes (removed ids, added features, moved
// geometries and changed properties), so a unit that moved costs the map's worker one feature, not
// a re-read of the ten thousand. When most features changed anyway, null: a whole setData is then
// cheaper than applying the diff feature by feature.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';

/** Above this share of changed features, send the whole collection. */
const WHOLE_ABOVE = 0.5;

type Props = Record<string, unknown>;

const idOf = (f: Feature): string | null => {
  const id: unknown = f.properties?.id;
  return typeof id === 'string' ? id : null;
};

function samePoint(a: Feature, b: Feature): boolean {
  if (a.geometry.type !== 'Point' || b.geometry.type !== 'Point') return a.geometry === b.geometry;
  const [ax, ay] = (a.geometry as Point).coordinates;
  const [bx, by] = (b.geometry as Point).coordinates;
  return ax === bx && ay === by;
}

/** The properties of `next` that differ from `prev`'s, and those `prev` had that `next` has not. */
function propertyChanges(
  prev: Props,
  next: Props,
): Pick<GeoJSONFeatureDiff, 'addOrUpdateProperties' | 'removeProperties'> {
  const changed: { key: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(next)) {
    if (prev[key] !== value) changed.push({ key, value });
  }
  const removed = Object.keys(prev).filter((key) => !(key in next));
  return {
    ...(changed.length ? { addOrUpdateProperties: changed } : {}),
    ...(removed.length ? { removeProperties: removed } : {}),
  };
}

/** Features by id, for the next diff. */
export function byId(fc: FeatureCollection): Map<string, Feature> {
  const out = new Map<string, Feature>();
  for (const f of fc.features) {
    const id = idOf(f);
    if (id !== null) out.set(id, f);
  }
  return out;
}

/**
 * The diff from `prev` (what the source holds, by id) to `next`; an empty diff when nothing changed;
 * null when `next` is better sent whole (most features changed, or a feature has no string id).
 */
export function sourceDiff(
  prev: ReadonlyMap<string, Feature>,
  next: FeatureCollection,
): GeoJSONSourceDiff | null {
  const add: Feature[] = [];
  const update: GeoJSONFeatureDiff[] = [];
  const seen = new Set<string>();
  for (const f of next.features) {
    const id = idOf(f);
    if (id === null || seen.has(id)) return null;
    seen.add(id);
    const old = prev.get(id);
    if (!old) {
      add.push(f);
      continue;
    }
    if (old === f) continue;
    const change: GeoJSONFeatureDiff = {
      id,
      ...(samePoint(old, f) ? {} : { newGeometry: f.geometry }),
      ...propertyChanges(old.properties ?? {}, f.properties ?? {}),
    };
    if (Object.keys(change).length > 1) update.push(change);
  }
  const remove = [...prev.keys()].filter((id) => !seen.has(id));
  const touched = add.length + update.length + remove.length;
  if (touched > Math.max(1, prev.size, next.features.length) * WHOLE_ABOVE && touched > 1) return null;
  return {
    ...(remove.length ? { remove } : {}),
    ...(add.length ? { add } : {}),
    ...(update.length ? { update } : {}),
  };
}

/** Whether the diff changes nothing. */
export const isEmptyDiff = (d: GeoJSONSourceDiff): boolean => !d.remove && !d.add && !d.update;
