// The report as a PDF: A4 portrait, the same view as the Markdown and HTML, a running header and
// a footer ("Page n of N", and the content hash of an acknowledged report) on every page.
import type { HandoverReport } from '../../shared/report/model.js';
import { reportView, type ViewOptions } from '../../shared/report/view.js';
import { fill, stringsFor } from '../../shared/report/i18n.js';
import { drawMap, MAP_HEIGHT } from '../../shared/report/map-draw.js';
import { INK } from '../../shared/report/palette.js';
import type { Block, ReportView } from '../../shared/report/view-types.js';
import { BOTTOM, CONTENT_WIDTH, FONT, PAGE, createDoc, ensureRoom, finish, type Doc } from './pdf-doc.js';
import { drawTable } from './pdf-table.js';
import { TextSetter } from './pdf-text.js';
import { drawMapSnapshot } from './pdf-map.js';
import type { ReportFonts } from './fonts.js';

const TEXT = 8.5;

export function renderPdf(model: HandoverReport, fonts: ReportFonts, options: ViewOptions = {}): Buffer {
  const view = reportView(model, options);
  const doc = createDoc(fonts, {
    title: `${view.title} · ${view.running.right}`,
    subject: view.running.left,
    lang: model.lang === 'fr' ? 'fr-FR' : 'en-GB',
    date: new Date(model.header.generatedAt),
  });
  const text = new TextSetter(doc);
  titleBlock(doc, view);
  for (const section of view.sections) {
    ensureRoom(doc, 34 + keepWithHeading(section.blocks));
    sectionHeading(doc, section.title);
    for (const b of section.blocks) block(doc, text, b, model);
  }
  runningHeaders(doc, text, view);
  return finish(doc);
}

/** A section's title and its rule. */
export function sectionHeading(doc: Doc, title: string): void {
  // A fixed gap: pdfkit's moveDown would depend on whichever font the last block left selected.
  doc.y += 6;
  doc
    .font(FONT.bold)
    .fontSize(12.5)
    .fillColor(INK.text)
    .text(title, PAGE.left, doc.y, { width: CONTENT_WIDTH });
  rule(doc, 1, INK.text);
  doc.y += 5;
}

/** How much of a section's first blocks must fit under its heading (a heading never ends a page). */
function keepWithHeading(blocks: readonly Block[]): number {
  const [b, ...rest] = blocks;
  if (b?.kind === 'heading') return 22 + keepWithHeading(rest);
  if (b?.kind === 'map') return MAP_HEIGHT;
  if (b?.kind === 'table' && b.rows.length) return 40;
  return 24;
}

export function rule(doc: Doc, width: number, color: string): void {
  doc
    .moveTo(PAGE.left, doc.y + 1)
    .lineTo(PAGE.left + CONTENT_WIDTH, doc.y + 1)
    .lineWidth(width)
    .strokeColor(color)
    .stroke();
  doc.y += 2;
}

function titleBlock(doc: Doc, view: ReportView): void {
  doc.font(FONT.bold).fontSize(18).fillColor(INK.text).text(view.title, PAGE.left, PAGE.top);
  doc.y += 3;
  const color = view.status.preview ? INK.preview : INK.text;
  doc.font(FONT.bold).fontSize(9);
  const w = doc.widthOfString(view.status.text) + 12;
  doc.rect(PAGE.left, doc.y, w, 15).lineWidth(1).strokeColor(color).stroke();
  doc.fillColor(color).text(view.status.text, PAGE.left + 6, doc.y + 3.5, { lineBreak: false });
  doc.y += 20;
  facts(doc, view.header, 9);
  if (view.hash) doc.font(FONT.regular).fontSize(7.5).fillColor(INK.muted).text(view.hash, PAGE.left, doc.y);
  doc.fillColor(INK.text);
}

export function facts(doc: Doc, rows: [string, string][], size: number): void {
  const labelWidth = 150;
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(size);
    const h = doc.heightOfString(value, { width: CONTENT_WIDTH - labelWidth });
    ensureRoom(doc, h);
    const y = doc.y;
    doc.fillColor(INK.muted).text(label, PAGE.left, y, { width: labelWidth - 8 });
    doc.fillColor(INK.text).text(value, PAGE.left + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = Math.max(doc.y, y + h) + 1.5;
  }
  doc.y += 4;
}

function block(doc: Doc, text: TextSetter, b: Block, model: HandoverReport): void {
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, 40);
      doc.y += 4;
      doc
        .font(FONT.bold)
        .fontSize(9.5)
        .fillColor(INK.text)
        .text(b.text, PAGE.left, doc.y, { width: CONTENT_WIDTH });
      doc.y += 2;
      return;
    case 'facts':
      facts(doc, b.rows, TEXT);
      return;
    case 'text':
      paragraph(doc, text, b.text, b.tone === 'muted' ? INK.muted : INK.text);
      return;
    case 'list':
      if (!b.items.length) return paragraph(doc, text, b.empty, INK.muted);
      b.items.forEach((item, i) => {
        doc.font(FONT.regular).fontSize(TEXT);
        ensureRoom(doc, doc.heightOfString(item, { width: CONTENT_WIDTH - 16 }));
        const y = doc.y;
        doc
          .font(FONT.bold)
          .fillColor(INK.text)
          .text(`${i + 1}.`, PAGE.left, y, { width: 14 });
        doc.font(FONT.regular).text(item, PAGE.left + 16, y, { width: CONTENT_WIDTH - 16 });
        doc.y += 2;
      });
      doc.y += 3;
      return;
    case 'map':
      drawMapSnapshot(doc, text.ink, drawMap(model.map, stringsFor(model.lang)));
      return;
    case 'table':
      if (!b.rows.length) return paragraph(doc, text, b.empty, INK.muted);
      drawTable(doc, text, b);
      return;
  }
}

/** Running text, broken into lines on spaces only (a callsign is never split at its hyphens). */
export function paragraph(doc: Doc, setter: TextSetter, text: string, color: string): void {
  setter.use('regular', TEXT, color);
  const lineHeight = setter.lineHeight() + 1;
  ensureRoom(doc, lineHeight * 2);
  for (const line of setter.wrap(text, CONTENT_WIDTH, Number.MAX_SAFE_INTEGER)) {
    if (doc.y + lineHeight > BOTTOM) setter.ink.addPage();
    setter.line(line, PAGE.left, doc.y, CONTENT_WIDTH, 'left');
    doc.y += lineHeight;
  }
  setter.ink.flush();
  doc.x = PAGE.left;
  doc.y += 4;
}

/** Header and footer on every page, once the page count is known. */
function runningHeaders(doc: Doc, text: TextSetter, view: ReportView): void {
  const { start, count } = doc.bufferedPageRange();
  const leftWidth = CONTENT_WIDTH * 0.62;
  const footWidth = CONTENT_WIDTH * 0.75;
  text.use('regular', 7.5, INK.muted);
  const left = text.ellipsize(view.running.left, leftWidth);
  const foot = text.ellipsize(view.hash ?? view.status.text, footWidth);
  // Tops of the header and footer lines, in the page margins.
  const headY = 26;
  const footY = BOTTOM + 22;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    text.use('regular', 7.5, INK.muted);
    text.line(left, PAGE.left, headY, leftWidth, 'left');
    text.line(view.running.right, PAGE.left, headY, CONTENT_WIDTH, 'right');
    text.ink.hline(PAGE.left, PAGE.left + CONTENT_WIDTH, 38, 0.5, INK.rule);
    text.use('regular', 7.5, view.status.preview ? INK.preview : INK.muted);
    text.line(foot, PAGE.left, footY, footWidth, 'left');
    text.use('regular', 7.5, INK.muted);
    const page = fill(view.pageTemplate, { n: i - start + 1, total: count });
    text.line(page, PAGE.left, footY, CONTENT_WIDTH, 'right');
    text.ink.flush();
  }
}
