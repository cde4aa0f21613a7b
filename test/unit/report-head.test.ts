// The journal's head in an acknowledged report: one more header line in every format ("Journal
// head: #seq hash", "Tête du journal"), and a report stored without one renders exactly as before
// (the golden files are such a report).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { renderHtml } from '../../shared/report/html.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import type { HandoverReport } from '../../shared/report/model.js';
import { renderPdf } from '../../electron/report/pdf.js';
import { reportFonts } from '../../electron/report/fonts.js';
import { fixtureReport } from '../fixtures/report/model.js';
import { readPdf } from '../support/pdf-text.js';
import { paths } from '../support/temp.js';

const HASH = '3f'.repeat(32);
const HEAD = { seq: 1234, hash: '9c'.repeat(32) };
const golden = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/report/${name}`, import.meta.url)), 'utf8');
const withHead = (lang: 'en' | 'fr'): HandoverReport => ({
  ...fixtureReport,
  lang,
  header: { ...fixtureReport.header, journalHead: HEAD },
});
const label = { en: 'Journal head', fr: 'Tête du journal' };
const value = `#${HEAD.seq} ${HEAD.hash}`;

describe('the journal head in an acknowledged report', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`adds exactly one header line, and nothing else (${lang})`, () => {
      const md = renderMarkdown(withHead(lang), { contentHash: HASH });
      const line = `- **${label[lang]}**${lang === 'fr' ? '\u00a0: ' : ': '}${value}`;
      expect(md).toContain(line);
      expect(md.replace(`${line}\n`, '')).toBe(golden(`report.${lang}.md`));

      const html = renderHtml(withHead(lang), { contentHash: HASH });
      const item = `<dt>${label[lang]}</dt><dd>${value}</dd>`;
      expect(html).toContain(item);
      expect(html.replace(item, '')).toBe(golden(`report.${lang}.html`));
    });
  }

  it('is in the JSON model, and absent from a report stored without it', () => {
    expect(JSON.parse(canonicalJson(withHead('en'))).header.journalHead).toEqual(HEAD);
    expect(canonicalJson(fixtureReport)).not.toContain('journalHead');
  });

  it('is printed in the PDF (English and French), and not in a report without it', async () => {
    const fonts = reportFonts(join(paths.resources, 'fonts'));
    const text = async (m: HandoverReport) => (await readPdf(renderPdf(m, fonts, { contentHash: HASH }))).raw;
    const en = await text(withHead('en'));
    expect(en).toContain('Journal head');
    expect(en.replace(/\s+/g, '')).toContain(value.replace(/\s+/g, ''));
    expect(await text(withHead('fr'))).toContain('Tête du journal');
    expect(await text(fixtureReport)).not.toContain('Journal head');
  });
});
