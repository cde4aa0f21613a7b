// Each text renderer from the fixed model, compared with golden files that were read and checked
// by hand (test/support/golden.ts: a missing one fails; VIGIE_UPDATE_GOLDENS=1 rewrites them).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { renderHtml } from '../../shared/report/html.js';
import { drawMap } from '../../shared/report/map-draw.js';
import { drawingToSvg } from '../../shared/report/svg.js';
import { stringsFor } from '../../shared/report/i18n.js';
import type { HandoverReport } from '../../shared/report/model.js';
import { fixtureReport } from '../fixtures/report/model.js';
import { expectGolden } from '../support/golden.js';

const HASH = '3f'.repeat(32);
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/report/${name}`, import.meta.url));

const golden = (name: string, actual: string): void => expectGolden(fixture(name), actual);

const inFrench: HandoverReport = { ...fixtureReport, lang: 'fr' };

describe('report renderers (golden files)', () => {
  it('Markdown, English and French', () => {
    golden('report.en.md', renderMarkdown(fixtureReport, { contentHash: HASH }));
    golden('report.fr.md', renderMarkdown(inFrench, { contentHash: HASH }));
  });

  it('HTML, English and French', () => {
    golden('report.en.html', renderHtml(fixtureReport, { contentHash: HASH }));
    golden('report.fr.html', renderHtml(inFrench, { contentHash: HASH }));
  });

  it('the map snapshot as SVG', () => {
    golden('map.en.svg', drawingToSvg(drawMap(fixtureReport.map, stringsFor('en')), 'Map snapshot'));
  });
});

describe('report renderers (properties)', () => {
  it('HTML is self-contained: inline CSS and SVG, nothing fetched', () => {
    const html = renderHtml(fixtureReport);
    expect(html).toMatch(/<style>[\s\S]*@page \{ size: A4/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import/);
  });

  it('escapes what officers type: HTML never carries their markup, Markdown tables keep their columns', () => {
    const html = renderHtml(fixtureReport);
    expect(html).toContain('Small drone above the Trocadéro &lt;gardens&gt; &amp; fountains');
    expect(html).not.toContain('<gardens>');
    const md = renderMarkdown(fixtureReport);
    const row = md.split('\n').find((l) => l.startsWith('| INC-0726-0002'));
    expect(row?.split(/(?<!\\)\|/).length).toBe(10);
    expect(md).toContain('barrier 12 \\| north gate');
    expect(md).toContain('2. \\1. Confirm K9');
  });

  it('prints a preview as a preview, and the content hash only of an acknowledged report', () => {
    const preview = renderMarkdown({ ...fixtureReport, status: 'preview' });
    expect(preview).toContain('**PREVIEW: not acknowledged**');
    expect(preview).not.toContain('SHA-256');
    expect(renderMarkdown(fixtureReport, { contentHash: HASH })).toContain(`SHA-256 ${HASH}`);
  });

  it('is the same text every time', () => {
    expect(renderHtml(fixtureReport)).toBe(renderHtml(structuredClone(fixtureReport)));
    expect(renderMarkdown(inFrench)).toBe(renderMarkdown(structuredClone(inFrench)));
  });
});
