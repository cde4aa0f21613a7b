// An acknowledged handover report carries the journal's head at acknowledgement (seq and full
// hash) in every format, so each printed or exported copy anchors the journal outside the
// database: `vigie verify --expect-head SEQ:HASH` checks against it. Re-exports stay byte-identical.
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli.js';
import type { HandoverReport } from '../../shared/report/model.js';
import { readPdf } from '../support/pdf-text.js';
import { paths } from '../support/temp.js';
import { ackBy, firstShift, sha256, window1 } from './handover-shift.js';

async function verify(...argv: string[]) {
  const out: string[] = [];
  const code = await main(['verify', ...argv], { out: (s) => out.push(s), err: () => {} }, paths);
  return { code, result: JSON.parse(out.join('\n')) as { ok: boolean; head?: { ok: boolean } } };
}

describe('the journal head in an acknowledged report', () => {
  it('names the head at acknowledgement in JSON, Markdown, HTML and PDF; re-exports are identical', async () => {
    const t = firstShift();
    const { handover, report } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    const head = report.header.journalHead;
    if (!head) throw new Error('an acknowledged report without its journal head');
    // The head the report was built on: before the acknowledgement's own entries, and really there.
    expect(head.seq).toBeLessThan(handover.journalSeq);
    const [entry] = t.call('listJournal', { limit: 1, beforeSeq: head.seq + 1 });
    expect(entry).toMatchObject({ seq: head.seq, hash: head.hash });
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);

    const exported = (format: 'pdf' | 'html' | 'md' | 'json') =>
      Buffer.from(t.call('exportHandover', { id: handover.id, format }).base64, 'base64');
    const json = exported('json');
    expect(sha256(json)).toBe(handover.contentHash);
    expect((JSON.parse(json.toString('utf8')) as HandoverReport).header.journalHead).toEqual(head);
    const line = `#${head.seq} ${head.hash}`;
    expect(exported('md').toString('utf8')).toContain(`- **Journal head**: ${line}`);
    expect(exported('html').toString('utf8')).toContain(`<dt>Journal head</dt><dd>${line}</dd>`);
    const pdf = exported('pdf');
    const text = (await readPdf(pdf)).raw;
    expect(text).toContain('Journal head');
    expect(text.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));

    // The journal moves on; the report says the same, byte for byte, and its head still checks.
    t.step(5);
    t.call('createIncident', {
      category: 'other',
      priority: 3,
      title: 'Later',
      source: 'radio',
      locationText: 'Bercy',
    });
    expect(exported('pdf').equals(pdf)).toBe(true);
    expect(exported('json').equals(json)).toBe(true);
    const checked = await verify('--db', t.dbPath, '--expect-head', `${head.seq}:${head.hash}`);
    expect(checked).toMatchObject({ code: 0, result: { ok: true, head: { ok: true } } });
  });

  it('in French: "Tête du journal"', () => {
    const t = firstShift();
    const { handover, report } = t.call(
      'acknowledgeHandover',
      ackBy(t.people.marc, { ...window1, lang: 'fr' }),
    );
    const head = report.header.journalHead;
    const md = Buffer.from(t.call('exportHandover', { id: handover.id, format: 'md' }).base64, 'base64');
    expect(md.toString('utf8')).toContain(`- **Tête du journal**\u00a0: #${head?.seq} ${head?.hash}`);
  });

  it('a preview has none', () => {
    const t = firstShift();
    expect(t.call('previewHandover', window1).header.journalHead).toBeUndefined();
  });
});
