// `vigie report`: a preview from a database file, in each format; a JSON summary on stdout; the
// same bytes on every run; exit 2 naming the flag on bad input.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { testApp } from '../support/app.js';
import { paths, tempDir } from '../support/temp.js';
import { pdfText } from '../support/pdf-text.js';
import { addPerson, signInAs } from '../support/sign-in.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A database with a shift on it: D1 signed in at 16:00, an incident at 16:10, closed by 16:20. */
function database(): string {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Capt. Élise Moreau'), 'D1');
  t.real.advance(10 * 60_000);
  const i = t.call('createIncident', {
    category: 'lost_person',
    priority: 3,
    title: 'Lost child',
    source: 'public',
    locationText: 'Pont des Arts',
  });
  t.real.advance(10 * 60_000);
  t.call('transitionIncident', { id: i.id, version: i.version, action: 'cancel', reason: 'found' });
  t.app.close();
  return t.dbPath;
}

const WINDOW = [
  '--from',
  '2024-07-26T18:00:00+02:00',
  '--to',
  '2024-07-26T16:30:00Z',
  '--generated-at',
  '2024-07-26T16:31:00Z',
];

describe('vigie report', () => {
  it('writes each format and prints { out, bytes, sha256 }', async () => {
    const db = database();
    const dir = tempDir();
    for (const format of ['md', 'html', 'json', 'pdf'] as const) {
      const out = join(dir, `report.${format}`);
      const r = await run(
        'report',
        '--db',
        db,
        ...WINDOW,
        '--format',
        format,
        '--out',
        out,
        '--incoming',
        'Lt. Marc Dubois',
      );
      expect(r.code, r.stderr).toBe(0);
      const bytes = readFileSync(out);
      expect(JSON.parse(r.stdout)).toEqual({
        out,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('**PREVIEW: not acknowledged**');
    expect(md).toContain('- **Outgoing officer**: Capt. Élise Moreau, Watch officer');
    expect(md).toContain('- **Incoming officer**: Lt. Marc Dubois');
    expect(md).toMatch(
      /\| INC-0726-0009<br>RELEASABLE TO ALL PARTNERS \| P3 \| Lost person: Lost child \| 18:10 \| Cancelled \| 18:20 \|/,
    );
    const model = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      header: { desk: string; window: object };
    };
    expect(model.header).toMatchObject({
      desk: 'D1',
      window: { from: '2024-07-26T16:00:00.000Z', to: '2024-07-26T16:30:00.000Z' },
    });
    const text = await pdfText(readFileSync(join(dir, 'report.pdf')));
    expect(text).toContain('INC-0726-0004');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('gives the same bytes on every run, in French too', async () => {
    const db = database();
    const dir = tempDir();
    const sums = [];
    for (const n of [1, 2]) {
      const r = await run(
        'report',
        '--db',
        db,
        ...WINDOW,
        '--format',
        'pdf',
        '--lang',
        'fr',
        '--out',
        join(dir, `${n}.pdf`),
      );
      sums.push((JSON.parse(r.stdout) as { sha256: string }).sha256);
    }
    expect(sums[0]).toBe(sums[1]);
    const text = await pdfText(readFileSync(join(dir, '1.pdf')));
    expect(text).toContain('Rapport de relève');
    expect(text).toMatch(/Page 1 sur \d/);
  });

  it('exits 2 naming the flag on bad input', async () => {
    const db = database();
    const out = join(tempDir(), 'r.pdf');
    const cases: [string[], RegExp][] = [
      [['--from', 'yesterday', '--to', '2024-07-26T16:30:00Z', '--format', 'pdf', '--out', out], /--from/],
      [
        ['--from', '2024-07-26T16:30:00Z', '--to', '2024-07-26T16:00:00Z', '--format', 'pdf', '--out', out],
        /--to: must be later/,
      ],
      [
        ['--from', '2024-07-25T16:00:00Z', '--to', '2024-07-26T16:30:00Z', '--format', 'pdf', '--out', out],
        /--to: .*24 hours/,
      ],
      [
        ['--from', '2031-07-26T16:00:00Z', '--to', '2031-07-26T18:00:00Z', '--format', 'pdf', '--out', out],
        /^vigie report: --to: 2031-07-26T18:00:00\.000Z is later than the operation clock \(20\d\d-.*\); a handover reports what has happened/,
      ],
      [
        ['--from', '2024-07-26T16:00:00Z', '--to', '2024-07-26T16:30:00Z', '--format', 'docx', '--out', out],
        /--format: expected one of pdf, html, md, json/,
      ],
      [['--from', '2024-07-26T16:00:00Z', '--to', '2024-07-26T16:30:00Z', '--format', 'pdf'], /--out/],
      [
        [
          '--from',
          '2024-07-26T16:00:00Z',
          '--to',
          '2024-07-26T16:30:00Z',
          '--format',
          'pdf',
          '--out',
          out,
          '--lang',
          'de',
        ],
        /--lang/,
      ],
      [
        [
          '--from',
          '2024-07-26T16:00:00Z',
          '--to',
          '2024-07-26T16:30:00Z',
          '--format',
          'pdf',
          '--out',
          out,
          '--colour',
        ],
        /--colour/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run('report', '--db', db, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const missing = await run(
      'report',
      '--db',
      join(tempDir(), 'none.db'),
      '--from',
      '2024-07-26T16:00:00Z',
      '--to',
      '2024-07-26T16:30:00Z',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--db: no database/);
  });
});
