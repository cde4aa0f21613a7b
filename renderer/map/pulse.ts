// The P1 pulse: a ring that grows and fades around each open P1 in view. The map itself draws a
// still ring (PULSE_LAYER, part way out), which is all there is under reduced motion; the motion is
// a CSS animation of DOM rings laid over the map (map.css, .pulse-ring), so it never makes the map
// draw again: on a machine without a GPU a map repaint is a full WebGL redraw on the CPU, while a
// ring's transform and opacity only take the compositor. The rings follow the camera on `move`;
// which P1s get one is worked out again when the camera stops or the incidents change, at most
// MAX_RINGS (the still ring marks the rest). Hidden with the incidents layer group.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { PULSE_LAYER, PULSE_RADIUS } from './layers/incidents';

/** Rings in the overlay at most: beyond, the P1s keep their still ring. */
export const MAX_RINGS = 60;

export interface Pulse {
  /** The open P1s' positions ([lon, lat]). */
  setPoints(points: readonly (readonly [number, number])[]): void;
  stop(): void;
}

export function installPulse(map: MaplibreMap): Pulse {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
  const overlay = document.createElement('div');
  overlay.className = 'pulse-overlay';
  overlay.dataset.testid = 'pulse-overlay';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.style.setProperty('--pulse-size', `${2 * PULSE_RADIUS.to}px`);
  map.getContainer().appendChild(overlay);
  let points: readonly (readonly [number, number])[] = [];
  let shown: (readonly [number, number])[] = [];

  const place = () => {
    const rings = overlay.children;
    shown.forEach((p, i) => {
      const el = rings[i] as HTMLElement | undefined;
      const { x, y } = map.project([p[0], p[1]]);
      if (el) el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
    });
  };
  const choose = () => {
    const hidden = !map.getLayer(PULSE_LAYER) || map.getLayoutProperty(PULSE_LAYER, 'visibility') === 'none';
    const bounds = map.getBounds();
    shown =
      reduced.matches || hidden
        ? []
        : points.filter((p) => bounds.contains([p[0], p[1]])).slice(0, MAX_RINGS);
    while (overlay.children.length > shown.length) overlay.lastChild?.remove();
    while (overlay.children.length < shown.length) {
      const ring = document.createElement('div');
      ring.className = 'pulse-ring';
      ring.appendChild(document.createElement('span'));
      overlay.appendChild(ring);
    }
    place();
  };
  const onReduced = () => choose();
  map.on('move', place);
  map.on('moveend', choose);
  map.on('styledata', choose); // the layers panel hid or showed the incidents
  reduced.addEventListener('change', onReduced);

  return {
    setPoints(next) {
      points = next;
      choose();
    },
    stop() {
      map.off('move', place);
      map.off('moveend', choose);
      map.off('styledata', choose);
      reduced.removeEventListener('change', onReduced);
      overlay.remove();
    },
  };
}
