// The PDF from the fixed model: read back with pdftotext (poppler) for the references of every
// open incident, the header and page number on every page, both languages, and byte-identity.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from '../../electron/report/pdf.js';
import { reportFonts } from '../../electron/report/fonts.js';
import type { HandoverReport, OpenIncident } from '../../shared/report/model.js';
import { fixtureReport } from '../fixtures/report/model.js';
import { paths, tempDir } from '../support/temp.js';

const fonts = reportFonts(join(paths.resources, 'fonts'));

/** The PDF's text, page by page (pdftotext separates pages with form feeds). */
function pdfPages(pdf: Buffer): string[] {
  const file = join(tempDir(), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

const pdfInfo = (pdf: Buffer): string => {
  const file = join(tempDir(), 'info.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
};

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
  it('names every open incident and carries the header and "Page n of N" on every page (English)', () => {
    const model = withOpenIncidents(120, 'en');
    const pages = pdfPages(renderPdf(model, fonts, { contentHash: 'ab'.repeat(32) }));
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

  it('in French', () => {
    const pages = pdfPages(renderPdf({ ...fixtureReport, lang: 'fr' }, fonts));
    const text = pages.join('\n');
    expect(text).toContain('Rapport de relève');
    expect(text).toContain('Incidents en cours');
    expect(text).toContain('Évolutions depuis la dernière relève');
    expect(text).toContain('Moyens engagés');
    for (const i of fixtureReport.openIncidents) expect(text).toContain(i.reference);
    pages.forEach((page, n) => expect(page).toContain(`Page ${n + 1} sur ${pages.length}`));
  });

  it('marks a preview on every page', () => {
    const pages = pdfPages(renderPdf({ ...fixtureReport, status: 'preview' }, fonts));
    for (const page of pages) expect(page).toContain('PREVIEW: not acknowledged');
  });

  it('keeps every character of a cell, glyph codes that a PDF string escapes included', () => {
    // Over 100 distinct characters, so glyph codes reach the bytes "(", ")", "\" and line ends.
    const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const sample = `${ascii}éèàçÉ€…–ß`.replace(/(.{12})/g, '$1 ');
    const base = fixtureReport.openIncidents[0] as OpenIncident;
    // A surrogate pair and a variation selector go through the font's own encoding.
    const title = `${sample} 🚑 ❤️ end`;
    const model = { ...fixtureReport, openIncidents: [{ ...base, title }] };
    const file = join(tempDir(), 'chars.pdf');
    writeFileSync(file, renderPdf(model, fonts));
    // -raw keeps the content stream's order: a cell's lines follow each other.
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(sample.replace(/\s+/g, ''));
    expect(text).toContain('end');
  });

  it('is byte-identical for the same model, dated with the report, with Inter embedded', () => {
    const a = renderPdf(fixtureReport, fonts, { contentHash: '3f'.repeat(32) });
    const b = renderPdf(structuredClone(fixtureReport), fonts, { contentHash: '3f'.repeat(32) });
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    const info = pdfInfo(a);
    expect(info).toMatch(/CreationDate:\s+2024-07-26T18:00:05Z/);
    expect(info).toMatch(/ModDate:\s+2024-07-26T18:00:05Z/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const file = join(tempDir(), 'fonts.pdf');
    writeFileSync(file, a);
    const fontList = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fontList).toMatch(/Inter-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fontList).toMatch(/Inter-SemiBold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
