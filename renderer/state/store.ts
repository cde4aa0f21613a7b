// One store built from the slices, created per app (or per test) around an API client.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VigieClient } from '../../shared/api';
import { createAwarenessSlice } from './awareness-slice';
import { createDataSlice } from './data-slice';
import { createIncidentSlice } from './incident-slice';
import { createMapSlice } from './map-slice';
import { createSelectionSlice } from './selection-slice';
import { createSessionSlice } from './session-slice';
import type { VigieState } from './types';
import { createUiSlice } from './ui-slice';

export type VigieStore = StoreApi<VigieState>;

export function createVigieStore(client: VigieClient): VigieStore {
  return createStore<VigieState>()((...a) => ({
    ...createSessionSlice(client)(...a),
    ...createDataSlice(client)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createIncidentSlice(client)(...a),
    ...createMapSlice(...a),
    ...createAwarenessSlice(client)(...a),
  }));
}
