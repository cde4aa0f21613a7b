// A unit moved by the officer (dropped on the map, or placed from its detail card by typed
// coordinates, a venue or a bridge): moveUnit with the version the desk holds. On success the row
// is replaced and the units re-read; on a conflict (another desk moved or changed it first) the
// error is shown and the units reloaded, so the unit jumps back to where it really is.
import type { MoveSource } from '../../shared/domain';
import { toApiError } from '../api';
import { replaceById } from '../state/reconcile';
import type { VigieStore } from '../state/store';
import { mapClient } from './client';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export interface Placement {
  lat: number;
  lon: number;
  source: MoveSource;
  /** Absent: the unit keeps its venue; null: it leaves it; an id: it is now there. */
  venueId?: string | null;
}

export function moveUnitOnMap(store: VigieStore, id: string, lon: number, lat: number): Promise<boolean> {
  return placeUnit(store, id, { lat, lon, source: 'map_drag' });
}

export async function placeUnit(store: VigieStore, id: string, place: Placement): Promise<boolean> {
  const unit = store.getState().units.find((u) => u.id === id);
  if (!unit) return false;
  try {
    const updated = await mapClient().moveUnit({
      id,
      version: unit.version,
      lat: round(place.lat),
      lon: round(place.lon),
      source: place.source,
      ...(place.venueId !== undefined ? { venueId: place.venueId } : {}),
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
