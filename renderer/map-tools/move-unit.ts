// A unit dropped on the map: moveUnit with the version the desk holds. On success the row is
// replaced and the units re-read; on a conflict (another desk moved or changed it first) the error
// is shown and the units reloaded, so the unit jumps back to where it really is.
import { toApiError } from '../api';
import { replaceById } from '../state/reconcile';
import type { VigieStore } from '../state/store';
import { mapClient } from './client';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export async function moveUnitOnMap(
  store: VigieStore,
  id: string,
  lon: number,
  lat: number,
): Promise<boolean> {
  const unit = store.getState().units.find((u) => u.id === id);
  if (!unit) return false;
  try {
    const updated = await mapClient().moveUnit({
      id,
      version: unit.version,
      lat: round(lat),
      lon: round(lon),
      source: 'map_drag',
    });
    store.setState({ units: replaceById(store.getState().units, updated) });
    void store.getState().refresh();
    return true;
  } catch (err) {
    const e = toApiError(err);
    store.getState().showError(e.message);
    void store.getState().refresh();
    return false;
  }
}
