// The report as one self-contained HTML page: inline CSS, the map as inline SVG, nothing fetched.
import type { HandoverReport } from './model.js';
import { reportView, type ViewOptions } from './view.js';
import { stringsFor } from './i18n.js';
import { escapeXml as x } from './escape.js';
import { drawMap } from './map-draw.js';
import { drawingToSvg } from './svg.js';
import { REPORT_CSS } from './html-css.js';
import { LINE_WIDTH, type Block, type Cell, type Column } from './view-types.js';

const text = (t: string): string => t.split('\n').map(x).join('<br>');

const BADGES = new Set(['p1', 'p2', 'p3', 'p4']);

/** A cell; a priority is a badge inside it, other tones colour the cell's text. */
function td(c: Cell, col: Column | undefined): string {
  const badge = c.tone !== undefined && BADGES.has(c.tone);
  const classes = [col?.align === 'right' ? 'num' : '', c.tone && !badge ? `tone-${c.tone}` : ''].filter(
    Boolean,
  );
  const content = badge ? `<span class="badge tone-${c.tone ?? ''}">${text(c.text)}</span>` : text(c.text);
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}>${content}</td>`;
}

export function table(b: Extract<Block, { kind: 'table' }>): string {
  if (!b.rows.length) return `<p class="tone-muted">${x(b.empty)}</p>`;
  const pct = (w: number) => `${((w / LINE_WIDTH) * 100).toFixed(2)}%`;
  const row = (cells: Cell[]) => `<tr>${cells.map((c, i) => td(c, b.columns[i])).join('')}</tr>`;
  return [
    '<table>',
    `<colgroup>${b.columns.map((c) => `<col style="width:${pct(c.width)}">`).join('')}</colgroup>`,
    `<thead><tr>${b.columns.map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${x(c.label)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${b.rows.map(row).join('\n')}\n</tbody>`,
    b.total ? `<tfoot>${row(b.total)}</tfoot>` : '',
    '</table>',
  ].join('');
}

function block(b: Block, map: () => string): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${x(b.text)}</h3>`;
    case 'facts':
      return `<dl class="facts">${b.rows.map(([k, v]) => `<dt>${x(k)}</dt><dd>${x(v)}</dd>`).join('')}</dl>`;
    case 'list':
      return b.items.length
        ? `<ol>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ol>`
        : `<p class="tone-muted">${x(b.empty)}</p>`;
    case 'text':
      return `<p${b.tone ? ` class="tone-${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'map':
      return `<figure class="map">\n${map()}\n</figure>`;
    case 'table':
      return table(b);
  }
}

/** The page's start up to its body: language, title and the inline stylesheet. */
export function htmlHead(lang: string, title: string, css: string): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${x(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
  ];
}

export function renderHtml(model: HandoverReport, options: ViewOptions = {}): string {
  const view = reportView(model, options);
  const s = stringsFor(model.lang);
  const map = () => drawingToSvg(drawMap(model.map, s), s.section.map);
  return [
    ...htmlHead(view.lang, `${view.title} · ${view.running.right}`, REPORT_CSS),
    '<header>',
    `<p class="running"><span>${x(view.running.left)}</span><span>${x(view.running.right)}</span></p>`,
    `<h1>${x(view.title)}</h1>`,
    `<p class="status${view.status.preview ? ' preview' : ''}">${x(view.status.text)}</p>`,
    `<dl class="facts">${view.header.map(([k, v]) => `<dt>${x(k)}</dt><dd>${x(v)}</dd>`).join('')}</dl>`,
    view.hash ? `<p class="hash">${x(view.hash)}</p>` : '',
    '</header>',
    ...view.sections.map(
      (sec) =>
        `<section id="${sec.id}">\n<h2>${x(sec.title)}</h2>\n${sec.blocks.map((b) => block(b, map)).join('\n')}\n</section>`,
    ),
    `<footer>${x(view.status.text)}${view.hash ? ` · <span class="hash">${x(view.hash)}</span>` : ''}</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
