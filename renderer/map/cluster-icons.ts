// The images of the unit cluster rings and of the parade head. A ring is drawn the first time the
// style asks for its name (the missing-image resolver), so only the mixes of statuses actually shown are drawn:
// at 10,000 units the clusters on screen are a few dozen.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { parseClusterImageId, ringRadius, ringSegments, type StatusCounts } from './cluster-ring';
import { UNIT_STATUS_COLOR, type MapTheme } from './palette';

const PIXEL_RATIO = 2;
const RING_WIDTH = 6;
const GAP = 0.012; // of a turn, between two segments: colours side by side stay apart

/** The centre disc (under the count) and the thin edge that keeps the ring apart from the ground. */
const RING_THEME: Record<MapTheme, { centre: string; edge: string }> = {
  dark: { centre: '#111827', edge: '#0b0f14' },
  light: { centre: '#ffffff', edge: '#1f2937' },
};

function drawRing(theme: MapTheme, counts: StatusCounts): ImageData | null {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const r = ringRadius(total) * PIXEL_RATIO;
  const size = Math.ceil(r * 2 + 4 * PIXEL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const c = size / 2;
  const width = RING_WIDTH * PIXEL_RATIO;
  const { centre, edge } = RING_THEME[theme];
  ctx.beginPath();
  ctx.arc(c, c, r + PIXEL_RATIO, 0, Math.PI * 2);
  ctx.fillStyle = edge;
  ctx.fill();
  const segments = ringSegments(counts);
  const gap = segments.length > 1 ? GAP : 0;
  ctx.lineWidth = width;
  for (const s of segments) {
    const from = (s.start + gap / 2) * Math.PI * 2 - Math.PI / 2;
    const to = (s.end - gap / 2) * Math.PI * 2 - Math.PI / 2;
    ctx.beginPath();
    ctx.arc(c, c, r - width / 2, from, Math.max(from, to));
    ctx.strokeStyle = UNIT_STATUS_COLOR[s.status];
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.arc(c, c, r - width, 0, Math.PI * 2);
  ctx.fillStyle = centre;
  ctx.fill();
  return ctx.getImageData(0, 0, size, size);
}

const PARADE_GOLD = '#fbbf24';
export const PARADE_HEAD_IMAGE = 'parade-head-marker';

/** The parade head: a gold disc in a dark edge, as a symbol so labels and counts give way to it. */
function drawParadeHead(): ImageData | null {
  const r = 13 * PIXEL_RATIO;
  const size = r * 2 + 2;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, r - 1.5 * PIXEL_RATIO, 0, Math.PI * 2);
  ctx.fillStyle = PARADE_GOLD;
  ctx.fill();
  ctx.lineWidth = 3 * PIXEL_RATIO;
  ctx.strokeStyle = '#0b0f14';
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

/** Draws and adds an image the style names if it is one of the caller's; true if it was. */
export type ImageResolver = (map: MaplibreMap, id: string) => boolean;

/**
 * Draws the parade head, each cluster ring and whatever `others` know (the unit symbols) when a
 * layer first asks for it (the map's one missing-image resolver); returns the removal.
 */
export function installClusterImages(map: MaplibreMap, others: readonly ImageResolver[] = []): () => void {
  map.setMissingStyleImageResolver((id) => {
    if (map.hasImage(id)) return;
    const ring = parseClusterImageId(id);
    const image = id === PARADE_HEAD_IMAGE ? drawParadeHead() : ring && drawRing(ring.theme, ring.counts);
    if (image) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
    else for (const resolve of others) if (resolve(map, id)) return;
  });
  return () => {
    map.setMissingStyleImageResolver(null);
  };
}
