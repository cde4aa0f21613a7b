// Globals the renderer reads. `window.vigie` is put there by the Electron preload (one async
// function per call of the contract); `__vigieMap` only exists when the debug flag is set.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { VigieClient } from '../shared/api';

declare global {
  interface Window {
    vigie?: VigieClient;
    __vigieMap?: MaplibreMap;
  }
}
