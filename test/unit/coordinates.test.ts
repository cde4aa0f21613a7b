import { describe, expect, it } from 'vitest';
import { parseCoordinates } from '../../shared/coordinates.js';

const point = (text: string) => {
  const r = parseCoordinates(text);
  return r.ok ? [Number(r.lat.toFixed(6)), Number(r.lon.toFixed(6))] : r.reason;
};

describe('typed coordinates', () => {
  it('reads decimal degrees, latitude first, with a comma, a semicolon or a space', () => {
    expect(point('48.8584, 2.2945')).toEqual([48.8584, 2.2945]);
    expect(point(' 48.8584;2.2945 ')).toEqual([48.8584, 2.2945]);
    expect(point('48.8584 2.2945')).toEqual([48.8584, 2.2945]);
    expect(point('-33.9, -118.4')).toEqual([-33.9, -118.4]);
  });

  it('reads degrees, minutes and seconds with hemispheres, in either order, W and O both west', () => {
    expect(point(`48°51'30"N 2°17'40"E`)).toEqual([48.858333, 2.294444]);
    expect(point('48 51 30 N, 2 17 40 E')).toEqual([48.858333, 2.294444]);
    expect(point(`2°17'40"E 48°51'30"N`)).toEqual([48.858333, 2.294444]);
    expect(point(`34°03'N 118°15'W`)).toEqual([34.05, -118.25]);
    expect(point(`34°03'N 118°15'O`)).toEqual([34.05, -118.25]);
  });

  it('says why a value is refused', () => {
    expect(point('')).toBe('empty');
    expect(point('95, 2')).toBe('latRange');
    expect(point('48, 190')).toBe('lonRange');
    expect(point(`48°75'N 2°E`)).toBe('minutes');
    expect(point(`48°N 2°S`)).toBe('axes');
    expect(point('Pont Neuf')).toBe('format');
  });
});
