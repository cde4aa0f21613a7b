// The P1 pulse: a ring that grows and fades, driven by requestAnimationFrame through two paint
// properties of one layer. It runs only while an open P1 is drawn, stops while the window is
// hidden (no animation frames) and stays still when the system asks for reduced motion.
// Each step makes the map draw again, so the step rate follows how late frames arrive: about 15
// steps a second when frames come on time, fewer (down to one every 1.5 s) when they come late (a
// heavy map drawn without a real GPU): the pulse slows down rather than taking the machine, and
// if frames still come late at the slowest step it stops, leaving a still ring, until no P1 is open.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { PULSE_LAYER, PULSE_RADIUS } from './layers/incidents';

const PERIOD_MS = 1600;
const MIN_STEP_MS = 66;
const MAX_STEP_MS = 1500;
/** Average gap between animation frames above which the pulse slows down, and below which it may speed up. */
const LATE_MS = 40;
const ON_TIME_MS = 24;
/** Late steps in a row at the slowest rate after which the pulse gives up. */
const GIVE_UP_AFTER = 4;

/** A still ring, part way out, marks a P1 without motion. */
const STILL = 0.4;

export interface Pulse {
  setActive(active: boolean): void;
  stop(): void;
}

export function installPulse(map: MaplibreMap): Pulse {
  let frame = 0;
  let last = 0;
  let step = MIN_STEP_MS;
  let previous = 0;
  let gap = 16;
  let lateAtSlowest = 0;
  let gaveUp = false;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');

  const paint = (phase: number) => {
    if (!map.getLayer(PULSE_LAYER)) return;
    map.setPaintProperty(
      PULSE_LAYER,
      'circle-radius',
      PULSE_RADIUS.from + phase * (PULSE_RADIUS.to - PULSE_RADIUS.from),
    );
    map.setPaintProperty(PULSE_LAYER, 'circle-stroke-opacity', 0.9 * (1 - phase));
  };

  const tick = (t: number) => {
    frame = requestAnimationFrame(tick);
    if (previous) gap = gap * 0.8 + (t - previous) * 0.2;
    previous = t;
    if (t - last < step) return;
    if (gap > LATE_MS) {
      lateAtSlowest = step >= MAX_STEP_MS ? lateAtSlowest + 1 : 0;
      step = Math.min(MAX_STEP_MS, step * 1.5);
    } else {
      lateAtSlowest = 0;
      if (gap < ON_TIME_MS) step = Math.max(MIN_STEP_MS, step / 1.25);
    }
    if (lateAtSlowest >= GIVE_UP_AFTER) {
      gaveUp = true;
      halt();
      paint(STILL);
      return;
    }
    last = t;
    paint((t % PERIOD_MS) / PERIOD_MS);
  };

  const halt = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    previous = 0;
  };

  return {
    setActive(active) {
      if (!active) gaveUp = false;
      if (active && !reduced.matches && !gaveUp) {
        if (!frame) frame = requestAnimationFrame(tick);
      } else {
        halt();
        paint(active ? STILL : 0);
      }
    },
    stop: halt,
  };
}
