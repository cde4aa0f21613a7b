// Zone writes from the map tools: each re-reads the zones into the store afterwards (the store has
// no zone actions of its own), and reports a failure in the error toast.
import type { Marking } from '../../shared/releasability';
import type { ZoneImportResult } from '../../shared/api/map';
import type { Zone } from '../../shared/domain';
import type { ZoneKind } from '../../shared/zones';
import { toApiError } from '../api';
import type { VigieStore } from '../state/store';
import { mapClient } from './client';
import { closedRing, draftProblems, withoutRepeats } from './zone-geometry';
import { closeRings, shapeProblems } from './zone-shape';

export async function reloadZones(store: VigieStore): Promise<void> {
  try {
    store.setState({ zones: await mapClient().listZones({}) });
  } catch (err) {
    store.getState().showError(toApiError(err).message);
  }
}

/** Ends the drawing: the ring is closed (the double-click's repeated points dropped) if it is valid. */
export function closeZoneDraft(store: VigieStore): boolean {
  const draft = store.getState().zoneDraft;
  if (!draft) return false;
  const points = withoutRepeats(draft.points);
  const ok = draftProblems(points).length === 0;
  store.getState().setZoneDraft({ points, closed: ok });
  return ok;
}

async function run<T>(store: VigieStore, call: () => Promise<T>): Promise<T | null> {
  try {
    const out = await call();
    await reloadZones(store);
    return out;
  } catch (err) {
    const e = toApiError(err);
    store.getState().showError(e.message);
    if (e.code === 'conflict') await reloadZones(store);
    return null;
  }
}

export function createZone(
  store: VigieStore,
  input: { name: string; kind: ZoneKind; color: string; marking: Marking; points: [number, number][] },
): Promise<Zone | null> {
  return run(store, () =>
    mapClient().createZone({
      name: input.name,
      kind: input.kind,
      color: input.color,
      polygon: closedRing(input.points),
      marking: input.marking === null ? null : [...input.marking],
    }),
  );
}

export function updateZone(
  store: VigieStore,
  zone: Zone,
  patch: { name: string; kind: ZoneKind; color: string; marking: Marking },
): Promise<Zone | null> {
  const { marking, ...rest } = patch;
  return run(store, () =>
    mapClient().updateZone({
      id: zone.id,
      version: zone.version,
      ...rest,
      marking: marking === null ? null : [...marking],
    }),
  );
}

/**
 * Saves the edited corners (updateZone with the version the edit began from) and ends the edit. A
 * shape shared/zones.ts refuses is never sent: its first problem is shown and the edit stays open.
 */
export async function saveZoneShape(store: VigieStore): Promise<Zone | null> {
  const edit = store.getState().zoneShape;
  if (!edit) return null;
  const problem = shapeProblems(edit.rings)[0];
  if (problem) {
    store.getState().showError(problem.message);
    return null;
  }
  const polygon = closeRings(edit.rings);
  const saved = await run(store, () =>
    mapClient().updateZone({ id: edit.zoneId, version: edit.version, polygon }),
  );
  if (saved && store.getState().zoneShape === edit) store.getState().setZoneShape(null);
  return saved;
}

export function deleteZone(store: VigieStore, zone: Zone): Promise<unknown> {
  return run(store, () => mapClient().deleteZone({ id: zone.id, version: zone.version }));
}

/** importZones; a dry run changes nothing and is not followed by a reload. */
export async function importZones(
  store: VigieStore,
  geojson: string,
  dryRun: boolean,
): Promise<ZoneImportResult | { error: string; issues: string[] }> {
  try {
    const out = await mapClient().importZones({ geojson, dryRun });
    if (!dryRun) await reloadZones(store);
    return out;
  } catch (err) {
    const e = toApiError(err);
    return { error: e.message, issues: (e.issues ?? []).map((i) => `${i.path} ${i.message}`.trim()) };
  }
}

/** Downloads every zone as a .geojson file (exportZones, through a Blob link). */
export async function exportZones(store: VigieStore, fileName: string): Promise<void> {
  try {
    const fc = await mapClient().exportZones({});
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(fc, null, 2)], { type: 'application/geo+json' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    store.getState().showError(toApiError(err).message);
  }
}
