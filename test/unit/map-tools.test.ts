// Pure helpers of the map tools (renderer/map-tools) and the light map style, checked in Node:
// distances, Paris wall-clock times, the live check of a zone being drawn.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}

interface Measure {
  pathKm(points: [number, number][]): number;
  formatKm(km: number): string;
}
interface ParisTime {
  hhmm(at: string | number, timeZone: string): string;
  instantAt(text: string, dayOf: number, timeZone: string): number | null;
}
interface ZoneGeometry {
  draftProblems(points: [number, number][]): { message: string }[];
  withoutRepeats(points: [number, number][]): [number, number][];
}

describe('the map tools', () => {
  it('builds a light style that passes the validator, with the same layers as the dark one', async () => {
    const { buildStyle } = await load<{ buildStyle: (g: string, t?: string) => StyleSpecification }>(
      '../../renderer/map/style.ts',
    );
    const glyphs = 'http://127.0.0.1:5173/resources/glyphs/{fontstack}/{range}.pbf';
    const light = buildStyle(glyphs, 'light');
    const dark = buildStyle(glyphs);
    expect(validateStyleMin(light).map((e) => e.message)).toEqual([]);
    expect(light.layers.map((l) => l.id)).toEqual(dark.layers.map((l) => l.id));
    expect(JSON.stringify(light)).not.toBe(JSON.stringify(dark));
  });

  it('measures a path: Pont Neuf to the Eiffel Tower is about 4 km', async () => {
    const m = await load<Measure>('../../renderer/map-tools/measure.ts');
    const km = m.pathKm([
      [2.3413, 48.8575],
      [2.2945, 48.8584],
    ]);
    expect(km).toBeGreaterThan(3.3);
    expect(km).toBeLessThan(3.6);
    expect(m.formatKm(0.4567)).toBe('457 m');
    expect(m.formatKm(3.456)).toBe('3.46 km');
  });

  it('turns a typed Paris time into the instant on the operation day (summer time)', async () => {
    const p = await load<ParisTime>('../../renderer/map-tools/operation-time.ts');
    const day = Date.parse('2024-07-26T17:00:00Z');
    expect(new Date(p.instantAt('19:42', day, 'Europe/Paris') ?? 0).toISOString()).toBe(
      '2024-07-26T17:42:00.000Z',
    );
    expect(p.instantAt('25:00', day, 'Europe/Paris')).toBeNull();
    expect(p.hhmm('2024-07-26T17:42:00Z', 'Europe/Paris')).toBe('19:42');
  });

  it('checks the zone being drawn: too few points, a bow tie, a good square, a double-click repeat', async () => {
    const z = await load<ZoneGeometry>('../../renderer/map-tools/zone-geometry.ts');
    expect(
      z.draftProblems([
        [2.33, 48.82],
        [2.34, 48.82],
      ]).length,
    ).toBeGreaterThan(0);
    const square: [number, number][] = [
      [2.33, 48.82],
      [2.34, 48.82],
      [2.34, 48.83],
      [2.33, 48.83],
    ];
    expect(z.draftProblems(square)).toEqual([]);
    const bowTie: [number, number][] = [
      [2.33, 48.82],
      [2.34, 48.83],
      [2.34, 48.82],
      [2.33, 48.83],
    ];
    expect(z.draftProblems(bowTie).length).toBeGreaterThan(0);
    expect(z.withoutRepeats([...square, [2.33, 48.83]])).toEqual(square);
  });
});
