// The after-action report as a PDF: the handover report's page, fonts and tables, the document's
// releasability on its first line and on every page, and the charts drawn from their SVG as
// vectors in the embedded Inter (svg-to-pdfkit), so no font is looked up on the machine.
import type SVGtoPDF from 'svg-to-pdfkit';
import { lazyModule } from '../lazy-module.js';
import { INK } from '../../shared/report/palette.js';
import { fill } from '../../shared/report/i18n.js';
import type { AfterActionReport } from '../../shared/after-action/model.js';
import type { ChartId } from '../../shared/after-action/charts.js';
import { afterActionView, type AarBlock, type AarView } from '../../shared/after-action/view.js';
import { BOTTOM, CONTENT_WIDTH, FONT, PAGE, createDoc, ensureRoom, finish, type Doc } from './pdf-doc.js';
import { drawTable } from './pdf-table.js';
import { TextSetter } from './pdf-text.js';
import { facts, paragraph, sectionHeading } from './pdf.js';
import type { ReportFonts } from './fonts.js';

const TEXT = 8.5;
const svgToPdf = lazyModule<typeof SVGtoPDF>('svg-to-pdfkit');

export function renderAfterActionPdf(
  m: AfterActionReport,
  fonts: ReportFonts,
  charts: Record<ChartId, string>,
): Buffer {
  const view = afterActionView(m);
  const doc = createDoc(fonts, {
    title: `${view.title} · ${m.operation.name}`,
    subject: view.releasability,
    lang: m.lang === 'fr' ? 'fr-FR' : 'en-GB',
    date: new Date(m.generatedAt),
  });
  const text = new TextSetter(doc);
  doc.font(FONT.bold).fontSize(9).fillColor(INK.warn).text(view.releasability, PAGE.left, PAGE.top);
  doc.y += 3;
  doc.font(FONT.bold).fontSize(18).fillColor(INK.text).text(view.title, PAGE.left, doc.y);
  doc.y += 4;
  facts(doc, view.header, 9);
  for (const section of view.sections) {
    // A heading never ends a page: it keeps its first table's rows or its chart with it.
    ensureRoom(doc, section.blocks[0]?.kind === 'chart' ? 300 : 70);
    sectionHeading(doc, section.title);
    for (const b of section.blocks) block(doc, text, b, charts);
  }
  pageLines(doc, text, view);
  return finish(doc);
}

function block(doc: Doc, text: TextSetter, b: AarBlock, charts: Record<ChartId, string>): void {
  switch (b.kind) {
    case 'chart':
      return chart(doc, b.title, charts[b.id]);
    case 'table':
      if (!b.rows.length) return paragraph(doc, text, b.empty, INK.muted);
      return drawTable(doc, text, b);
    case 'list':
      for (const item of b.items) paragraph(doc, text, `• ${item}`, INK.text);
      return;
    case 'text':
      return paragraph(doc, text, b.text, b.tone === 'muted' ? INK.muted : INK.text);
    case 'facts':
      return facts(doc, b.rows, TEXT);
    case 'heading':
    case 'map':
      return;
  }
}

/** The SVG's own size in CSS pixels, drawn at 72/96 (points), never wider than the line. */
function chart(doc: Doc, title: string, svg: string): void {
  const w = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 400);
  const h = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 200);
  const scale = Math.min(0.75, CONTENT_WIDTH / w);
  ensureRoom(doc, h * scale + 24);
  doc
    .font(FONT.bold)
    .fontSize(TEXT)
    .fillColor(INK.text)
    .text(title, PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.y += 3;
  // svg-to-pdfkit draws at the SVG's own size: scale the page's coordinates around it instead.
  doc.save().translate(PAGE.left, doc.y).scale(scale);
  svgToPdf()(doc, svg, 0, 0, {
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
    warningCallback: () => undefined,
  });
  doc.restore();
  doc.y += h * scale + 8;
  doc.x = PAGE.left;
}

/** The document's banner and the page number on every page, once the count is known. */
function pageLines(doc: Doc, text: TextSetter, view: AarView): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    text.use('regular', 7.5, INK.muted);
    text.line(
      text.ellipsize(view.running.left, CONTENT_WIDTH * 0.6),
      PAGE.left,
      26,
      CONTENT_WIDTH * 0.6,
      'left',
    );
    text.use('bold', 7.5, INK.warn);
    text.line(view.releasability, PAGE.left, 26, CONTENT_WIDTH, 'right');
    text.ink.hline(PAGE.left, PAGE.left + CONTENT_WIDTH, 38, 0.5, INK.rule);
    text.use('bold', 7.5, INK.warn);
    text.line(view.releasability, PAGE.left, BOTTOM + 22, CONTENT_WIDTH * 0.7, 'left');
    text.use('regular', 7.5, INK.muted);
    text.line(
      fill(view.pageTemplate, { n: i - start + 1, total: count }),
      PAGE.left,
      BOTTOM + 22,
      CONTENT_WIDTH,
      'right',
    );
    text.ink.flush();
  }
}
