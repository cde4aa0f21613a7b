// The PDF from the fixed model: read back with pdfjs-dist for the references of every
// open incident, the header and page number on every page, both languages, and byte-identity.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderPdf } from '../../electron/report/pdf.js';
import { reportFonts } from '../../electron/report/fonts.js';
import type { HandoverReport, OpenIncident } from '../../shared/report/model.js';
import { fixtureReport } from '../fixtures/report/model.js';
import { paths } from '../support/temp.js';
import { readPdf } from '../support/pdf-text.js';

const fonts = reportFonts(join(paths.resources, 'fonts'));

/** The PDF's text, page by page. */
const pdfPages = async (pdf: Buffer): Promise<string[]> => (await readPdf(pdf)).pages;

/** The fixture with `n` open incidents, enough to run the table over several pages. */
function withOpenIncidents(n: number, lang: HandoverReport['lang']): HandoverReport {
  const base = fixtureReport.openIncidents[0] as OpenIncident;
  const openIncidents = Array.from({ length: n }, (_, i) => ({
    ...base,
    reference: `INC-0726-${String(1000 + i).padStart(4, '0')}`,
    priority: ((i % 4) + 1) as OpenIncident['priority'],
  }));
  return { ...fixtureReport, lang, openIncidents };
}

describe('PDF report', () => {
  it('names every open incident and carries the header and "Page n of N" on every page (English)', async () => {
    const model = withOpenIncidents(120, 'en');
    const pages = await pdfPages(renderPdf(model, fonts, { contentHash: 'ab'.repeat(32) }));
    expect(pages.length).toBeGreaterThan(4);
    const text = pages.join('\n');
    for (const i of model.openIncidents) expect(text).toContain(i.reference);
    pages.forEach((page, n) => {
      expect(page).toContain('Shift handover report · Paris 2024 — Opening ceremony · EXERCISE');
      expect(page).toContain('Desk D1 · 26/07/2024 18:00 – 20:00 Paris');
      expect(page).toContain(`Page ${n + 1} of ${pages.length}`);
      expect(page).toContain(`SHA-256 ${'ab'.repeat(32)}`);
    });
    // The table header is repeated where the open incidents continue on a new page.
    expect(
      pages.filter((p) => /Ref\.\s+P\s+Status\s+Incident\s+Age\s+Location/.test(p)).length,
    ).toBeGreaterThan(2);
  });

  it('in French', async () => {
    const pages = await pdfPages(renderPdf({ ...fixtureReport, lang: 'fr' }, fonts));
    const text = pages.join('\n');
    expect(text).toContain('Rapport de relève');
    expect(text).toContain('Incidents en cours');
    expect(text).toContain('Évolutions depuis la dernière relève');
    expect(text).toContain('Moyens engagés');
    for (const i of fixtureReport.openIncidents) expect(text).toContain(i.reference);
    pages.forEach((page, n) => expect(page).toContain(`Page ${n + 1} sur ${pages.length}`));
  });

  it('marks a preview on every page', async () => {
    const pages = await pdfPages(renderPdf({ ...fixtureReport, status: 'preview' }, fonts));
    for (const page of pages) expect(page).toContain('PREVIEW: not acknowledged');
  });

  it('keeps every character of a cell, glyph codes that a PDF string escapes included', async () => {
    // Over 100 distinct characters, so glyph codes reach the bytes "(", ")", "\" and line ends.
    const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const sample = `${ascii}éèàçÉ€…–ß`.replace(/(.{12})/g, '$1 ');
    const base = fixtureReport.openIncidents[0] as OpenIncident;
    // A surrogate pair and a variation selector go through the font's own encoding.
    const title = `${sample} 🚑 ❤️ end`;
    const model = { ...fixtureReport, openIncidents: [{ ...base, title }] };
    // The content stream's order: a cell's lines follow each other.
    const text = (await readPdf(renderPdf(model, fonts))).raw.replace(/\s+/g, '');
    expect(text).toContain(sample.replace(/\s+/g, ''));
    expect(text).toContain('end');
  });

  it('is byte-identical for the same model, dated with the report, with Inter embedded', async () => {
    const a = renderPdf(fixtureReport, fonts, { contentHash: '3f'.repeat(32) });
    const b = renderPdf(structuredClone(fixtureReport), fonts, { contentHash: '3f'.repeat(32) });
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    const { info, sizes, fonts: used } = await readPdf(a);
    expect(info.CreationDate).toBe('2024-07-26T18:00:05.000Z');
    expect(info.ModDate).toBe('2024-07-26T18:00:05.000Z');
    // A4 on every page.
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toEqual([595.28, 841.89]);
    // CID TrueType, Identity-H, embedded, subset, with a ToUnicode map (poppler's pdffonts "yes yes yes").
    const embedded = {
      type: 'CIDFontType2',
      encoding: 'Identity-H',
      embedded: true,
      subset: true,
      toUnicode: true,
    };
    expect(used).toContainEqual({ name: 'Inter-Regular', ...embedded });
    expect(used).toContainEqual({ name: 'Inter-SemiBold', ...embedded });
  });
});
