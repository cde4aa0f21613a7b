// Globals the renderer reads. `window.vigie` is put there by the Electron preload (one async
// function per call of the contract), as is `window.vigieDesktop` (desktop-only actions, read
// through ./desktop.ts); `__vigieMap` and `__vigieUnits`
// (the units overlay) only exist when the debug flag is set.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { VigieClient } from '../shared/api';
import type { DesktopBridge } from '../shared/desktop-bridge';
import type { UnitOverlay } from './map/unit-overlay';

declare global {
  interface Window {
    vigie?: VigieClient;
    vigieDesktop?: DesktopBridge;
    __vigieMap?: MaplibreMap;
    __vigieUnits?: UnitOverlay;
  }
}
