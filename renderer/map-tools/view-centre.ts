// Where the map looks (its centre after each move), for searches that are about the area in view:
// the streets of the loaded base map near it. Kept outside the store: nothing re-renders on a pan.
let centre: { lat: number; lon: number } | null = null;

export function setViewCentre(lon: number, lat: number): void {
  centre = { lat, lon };
}

export const viewCentre = (): { lat: number; lon: number } | null => centre;
