// Unit symbols: APP-6 / MIL-STD-2525C friendly land-unit frames (milsymbol), one per unit kind, the
// frame filled with the status colour. Each kind × status image is drawn once, when first asked for:
// by the units overlay (unit-overlay.ts), or by the map's missing-image resolver (cluster-icons.ts)
// for the units left alone by the clusters at city zoom, which registers it with map.addImage
// (never per unit; ['concat', 'unit-', kind, '-', status]). Drawing all of them as the style loaded
// held up the first paint, where the units present use a few and a map of dots uses none. A dashed
// ring marks a stale position.
import ms from 'milsymbol';
import type { ImageResolver } from './cluster-icons';
import { UNIT_KINDS, UNIT_STATUSES, type UnitKind, type UnitStatus } from '../../shared/domain';
import { UNIT_STATUS_COLOR } from './palette';

/**
 * 2525C function ids (letters 5-10 of a 15-letter SIDC), the closest ones to each kind, and a short
 * monogram written in the frame where the standard has no icon for the kind:
 *   patrol        UULC   civilian law enforcement
 *   k9_*          UULC   law enforcement + "K9" / "K9E" (2525C has no working-dog icon)
 *   public_order  UULM   military police: the closest to riot / civil-disturbance police
 *   mounted       UCRH   horse-mounted (reconnaissance, horse)
 *   river         UULS   shore patrol: the closest to river (maritime) police
 *   eod           UUE    explosive ordnance disposal
 *   medical       USM    medical
 *   liaison       U      empty land-unit frame + "LO" (2525C has no liaison icon)
 *   cbrn          UUA    chemical, biological, radiological and nuclear
 *   drone         UCVU   unmanned aerial vehicle
 *   command       UUL    law enforcement, with the headquarters staff (modifier A)
 *   fire_rescue   U      empty land-unit frame + "FR" (no fire service icon in 2525C land units)
 *   military      UCI    infantry
 */
const SYMBOLS: Record<UnitKind, { fn: string; hq?: boolean; text?: string }> = {
  patrol: { fn: 'UULC' },
  k9_patrol: { fn: 'UULC', text: 'K9' },
  k9_explosives: { fn: 'UULC', text: 'K9E' },
  public_order: { fn: 'UULM' },
  mounted: { fn: 'UCRH' },
  river: { fn: 'UULS' },
  eod: { fn: 'UUE' },
  medical: { fn: 'USM' },
  liaison: { fn: 'U', text: 'LO' },
  cbrn: { fn: 'UUA' },
  drone: { fn: 'UCVU' },
  command: { fn: 'UUL', hq: true },
  fire_rescue: { fn: 'U', text: 'FR' },
  military: { fn: 'UCI' },
};

/** The 15-letter 2525C SIDC of a unit kind (friendly, ground, present). */
export function unitSidc(kind: UnitKind): string {
  const s = SYMBOLS[kind];
  return `SFGP${s.fn.padEnd(6, '-')}${s.hq ? 'A' : '-'}----`;
}

export const unitImageId = (kind: string, status: string) => `unit-${kind}-${status}`;
export const STALE_RING = 'unit-stale-ring';

const PIXEL_RATIO = 2;

function drawSymbol(kind: UnitKind, status: UnitStatus): HTMLCanvasElement | null {
  const sym = new ms.Symbol(unitSidc(kind), {
    size: 22 * PIXEL_RATIO,
    fillColor: UNIT_STATUS_COLOR[status],
    fillOpacity: 1,
    outlineColor: '#0b0f14',
    outlineWidth: 3,
    infoFields: false,
  });
  const canvas = sym.asCanvas();
  const ctx = canvas.getContext('2d');
  if (!ctx || !canvas.width) return null;
  const text = SYMBOLS[kind].text;
  if (text) {
    const a = sym.getOctagonAnchor();
    ctx.font = `700 ${text.length > 2 ? 11 * PIXEL_RATIO : 13 * PIXEL_RATIO}px Inter, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#000000';
    ctx.fillText(text, a.x, a.y + PIXEL_RATIO);
  }
  return canvas;
}

function drawStaleRing(): HTMLCanvasElement | null {
  const size = 48 * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setLineDash([5 * PIXEL_RATIO, 4 * PIXEL_RATIO]);
  for (const [color, width] of [
    ['#0b0f14', 5],
    ['#f8fafc', 2.5],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width * PIXEL_RATIO;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2 - 4 * PIXEL_RATIO, 0, Math.PI * 2);
    ctx.stroke();
  }
  return canvas;
}

const pixels = (canvas: HTMLCanvasElement | null): ImageData | null =>
  canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? null;

const drawn = new Map<string, HTMLCanvasElement | null>();

/**
 * The image of a unit symbol (or the stale ring), drawn once: the units overlay (unit-overlay.ts)
 * draws it scaled, at PIXEL_RATIO pixels per CSS pixel.
 */
export function unitImage(id: string): HTMLCanvasElement | null {
  if (!drawn.has(id)) drawn.set(id, drawImage(id));
  return drawn.get(id) ?? null;
}
export const UNIT_IMAGE_RATIO = PIXEL_RATIO;

const KINDS = new Set<string>(UNIT_KINDS);
const STATUSES = new Set<string>(UNIT_STATUSES);

/** Draws and adds a unit image (a kind × status symbol, or the stale ring) the map asks for. */
function drawImage(id: string): HTMLCanvasElement | null {
  if (id === STALE_RING) return drawStaleRing();
  if (!id.startsWith('unit-')) return null;
  // Statuses have no '-' (kinds have '_'): the status is what follows the last one.
  const cut = id.lastIndexOf('-');
  const kind = id.slice('unit-'.length, cut);
  const status = id.slice(cut + 1);
  return KINDS.has(kind) && STATUSES.has(status) ? drawSymbol(kind as UnitKind, status as UnitStatus) : null;
}

export const resolveUnitImage: ImageResolver = (map, id) => {
  const image = pixels(unitImage(id));
  if (!image) return false;
  map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
  return true;
};

const symbolUrls = new Map<UnitKind, string>();

/** A small SVG of a kind's symbol (neutral fill) for the layers panel and legend. */
export function unitSymbolUrl(kind: UnitKind): string {
  let url = symbolUrls.get(kind);
  if (!url) {
    url = new ms.Symbol(unitSidc(kind), { size: 16, fillColor: '#cbd5e1', infoFields: false }).toDataURL();
    symbolUrls.set(kind, url);
  }
  return url;
}
