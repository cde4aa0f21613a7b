// Where an incident is, in words: typed text, venue, sector and the nearest named place to its
// point ("Pont Alexandre III, 40 m", worked out by the main side), else its coordinates.
import type { Incident } from '../../shared/domain';
import { placeText } from '../../shared/place-name';
import { currentLanguage } from '../i18n';

export const coord = (v: number): string => v.toFixed(5);

export function placeOf(i: Incident, venueName: string | null): string {
  const parts = [...new Set([i.locationText, venueName, i.sector].filter((p): p is string => Boolean(p)))];
  if (i.place && !parts.includes(i.place.name)) parts.push(placeText(i.place, currentLanguage()));
  if (parts.length) return parts.join(' · ');
  return i.lat !== null && i.lon !== null ? `${coord(i.lat)}, ${coord(i.lon)}` : '';
}
