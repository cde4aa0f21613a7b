// The report as Markdown (GitHub-flavoured tables). No images: the map is described in words and
// drawn in the HTML and PDF versions.
import type { HandoverReport } from './model.js';
import { reportView, type ViewOptions } from './view.js';
import { stringsFor } from './i18n.js';
import { escapeMarkdown as md } from './escape.js';
import type { Block, Cell } from './view-types.js';

const cell = (c: Cell): string => c.text.split('\n').map(md).join('<br>') || ' ';

function block(b: Block, mapNote: string, colon: string): string[] {
  switch (b.kind) {
    case 'heading':
      return [`### ${md(b.text)}`, ''];
    case 'facts':
      return [...b.rows.map(([k, v]) => `- **${md(k)}**${colon}${md(v)}`), ''];
    case 'list':
      return b.items.length ? [...b.items.map((i, n) => `${n + 1}. ${md(i)}`), ''] : [`_${md(b.empty)}_`, ''];
    case 'text':
      return [b.tone === 'muted' ? `_${md(b.text)}_` : md(b.text), ''];
    case 'map':
      return [`_${md(mapNote)}_`, ''];
    case 'table': {
      if (!b.rows.length) return [`_${md(b.empty)}_`, ''];
      const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const total = b.total ? [line(b.total.map((c) => (c.text ? `**${cell(c)}**` : ' ')))] : [];
      return [
        line(b.columns.map((c) => md(c.label))),
        line(b.columns.map((c) => (c.align === 'right' ? '---:' : '---'))),
        ...b.rows.map((r) => line(r.map(cell))),
        ...total,
        '',
      ];
    }
  }
}

export function renderMarkdown(model: HandoverReport, options: ViewOptions = {}): string {
  const view = reportView(model, options);
  const { mapInMarkdown: mapNote, colon } = stringsFor(model.lang);
  const lines: string[] = [`# ${md(view.title)}`, '', `**${md(view.status.text)}**`, ''];
  for (const [k, v] of view.header) lines.push(`- **${md(k)}**${colon}${md(v)}`);
  if (view.hash) lines.push(`- **${md(view.hash)}**`);
  lines.push('');
  for (const section of view.sections) {
    lines.push(`## ${md(section.title)}`, '');
    for (const b of section.blocks) lines.push(...block(b, mapNote, colon));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
