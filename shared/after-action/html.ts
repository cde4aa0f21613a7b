// The after-action report as one self-contained HTML page: the handover report's stylesheet and
// tables, the charts as inline SVG (drawn in Inter where it is installed); nothing is fetched.
import { escapeXml as x } from '../report/escape.js';
import { REPORT_CSS } from '../report/html-css.js';
import { htmlHead, table } from '../report/html.js';
import type { AfterActionReport } from './model.js';
import type { ChartId } from './charts.js';
import { afterActionView, type AarBlock } from './view.js';

const CSS = `${REPORT_CSS}
.banner { font-weight: 600; letter-spacing: 0.04em; border: 1pt solid currentColor; display: inline-block; padding: 2pt 6pt; }
figure.chart { margin: 6pt 0 10pt; break-inside: avoid; }
figure.chart figcaption { font-size: 8.5pt; font-weight: 600; margin-bottom: 2pt; }
figure.chart svg { max-width: 100%; height: auto; }`;

function block(b: AarBlock, charts: Record<ChartId, string>): string {
  switch (b.kind) {
    case 'chart':
      return `<figure class="chart" id="chart-${b.id}"><figcaption>${x(b.title)}</figcaption>\n${charts[b.id]}\n</figure>`;
    case 'table':
      return table(b);
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${x(i)}</li>`).join('')}</ul>`;
    case 'text':
      return `<p${b.tone ? ` class="tone-${b.tone}"` : ''}>${x(b.text)}</p>`;
    case 'heading':
      return `<h3>${x(b.text)}</h3>`;
    case 'facts':
      return `<dl class="facts">${b.rows.map(([k, v]) => `<dt>${x(k)}</dt><dd>${x(v)}</dd>`).join('')}</dl>`;
    case 'map':
      return '';
  }
}

/** `charts` holds each chart's SVG (electron/report/charts.ts renders them from charts.ts specs). */
export function renderAfterActionHtml(m: AfterActionReport, charts: Record<ChartId, string>): string {
  const view = afterActionView(m);
  return [
    ...htmlHead(view.lang, `${view.title} · ${view.running.left}`, CSS),
    '<header>',
    `<p class="running"><span>${x(view.running.left)}</span><span>${x(view.mode)}</span></p>`,
    `<p class="banner">${x(view.releasability)}</p>`,
    `<h1>${x(view.title)}</h1>`,
    `<dl class="facts">${view.header.map(([k, v]) => `<dt>${x(k)}</dt><dd>${x(v)}</dd>`).join('')}</dl>`,
    '</header>',
    ...view.sections.map(
      (sec) =>
        `<section id="${sec.id}">\n<h2>${x(sec.title)}</h2>\n${sec.blocks.map((b) => block(b, charts)).join('\n')}\n</section>`,
    ),
    `<footer><span class="banner">${x(view.releasability)}</span></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
