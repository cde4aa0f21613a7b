// Where an incident is, in words: typed text, venue, sector, else its coordinates.
import type { Incident } from '../../shared/domain';

export const coord = (v: number): string => v.toFixed(5);

export function placeOf(i: Incident, venueName: string | null): string {
  const parts = [...new Set([i.locationText, venueName, i.sector].filter((p): p is string => Boolean(p)))];
  if (parts.length) return parts.join(' · ');
  return i.lat !== null && i.lon !== null ? `${coord(i.lat)}, ${coord(i.lon)}` : '';
}
