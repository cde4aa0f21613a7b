// One report to one file: the format's bytes, its MIME type and a file name. JSON is the
// canonical model itself (its SHA-256 is the content hash); the others are rendered from it.
import type { HandoverReport } from '../../shared/report/model.js';
import type { ExportFormat } from '../../shared/api/handover.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { renderHtml } from '../../shared/report/html.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { renderPdf } from './pdf.js';
import type { ReportFonts } from './fonts.js';

export const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};

export interface RenderOptions {
  fonts: ReportFonts;
  /** Printed in an acknowledged report's footer. */
  contentHash?: string | null;
}

export function renderReport(model: HandoverReport, format: ExportFormat, o: RenderOptions): Buffer {
  const view = { contentHash: o.contentHash ?? null };
  switch (format) {
    case 'json':
      return Buffer.from(canonicalJson(model), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(model, view), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(model, view), 'utf8');
    case 'pdf':
      return renderPdf(model, o.fonts, view);
  }
}

/** "handover-D1-20240726-2000-en.pdf": desk, window end (UTC), language. */
export function reportFilename(model: HandoverReport, format: ExportFormat): string {
  const desk = model.header.desk.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'desk';
  const end = model.header.window.to.replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  return `handover-${desk}-${end}Z-${model.lang}.${format}`;
}
