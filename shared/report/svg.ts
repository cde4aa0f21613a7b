// The map drawing as an inline SVG string (no external references: fonts fall back to the page's).
import type { Drawing, Shape } from './map-draw.js';
import { escapeXml } from './escape.js';

/** Numbers with at most two decimals, so the same drawing always prints the same text. */
const n = (x: number): string => String(Math.round(x * 100) / 100);

function ringPath(ring: [number, number][], closed: boolean): string {
  return ring.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)} ${n(y)}`).join('') + (closed ? 'Z' : '');
}

function paint(fill: string | null, stroke: string | null, lineWidth: number): string {
  const f = `fill="${fill ?? 'none'}"`;
  return stroke ? `${f} stroke="${stroke}" stroke-width="${n(lineWidth)}"` : f;
}

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" ${paint(s.fill, s.stroke, s.lineWidth)}/>`;
    case 'circle':
      return `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r)}" ${paint(s.fill, s.stroke, s.lineWidth)}/>`;
    case 'path': {
      const d = s.rings.map((r) => ringPath(r, s.closed)).join('');
      const join = s.closed ? '' : ' stroke-linejoin="round" stroke-linecap="round"';
      return `<path d="${d}" fill-rule="evenodd" ${paint(s.fill, s.stroke, s.lineWidth)}${join}/>`;
    }
    case 'text': {
      const anchor = s.anchor === 'middle' ? ' text-anchor="middle"' : '';
      const weight = s.bold ? ' font-weight="600"' : '';
      const halo = s.halo
        ? ' stroke="#ffffff" stroke-width="2" stroke-linejoin="round" paint-order="stroke"'
        : '';
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" fill="${s.color}"${anchor}${weight}${halo}>${escapeXml(s.text)}</text>`;
    }
  }
}

export function drawingToSvg(d: Drawing, title: string): string {
  const f = d.frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(d.width)} ${n(d.height)}" role="img" aria-label="${escapeXml(title)}" font-family="Inter, 'Helvetica Neue', Arial, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><clipPath id="map-frame"><rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.w)}" height="${n(f.h)}"/></clipPath></defs>`,
    `<g clip-path="url(#map-frame)">`,
    ...d.map.map(shapeSvg),
    `</g>`,
    ...d.overlay.map(shapeSvg),
    `</svg>`,
  ].join('\n');
}
