// The desktop-only bridge the Electron preload puts beside `window.vigie` (shared/desktop-bridge.ts).
// Null in a browser on the host: there the actions it carries are offered another way.
import type { DesktopBridge } from '../shared/desktop-bridge';

export function desktopBridge(scope: { vigieDesktop?: unknown } = window): DesktopBridge | null {
  const bridge = scope.vigieDesktop;
  if (typeof bridge !== 'object' || bridge === null) return null;
  return typeof (bridge as Partial<Record<keyof DesktopBridge, unknown>>).pickBasemapFile === 'function'
    ? (bridge as DesktopBridge)
    : null;
}
