// `vigie after-action`: the report from a database file, the same figures as the console's, the
// same bytes on every run with --generated-at, exit 2 naming the flag on bad input.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import type { AfterActionReport } from '../../shared/after-action/model.js';
import { paths, tempDir } from '../support/temp.js';
import { readPdf } from '../support/pdf-text.js';
import { activeHour, HOUR_WINDOW } from './after-action-activity.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const WINDOW = [
  '--from',
  HOUR_WINDOW.from,
  '--to',
  '2024-07-26T19:00:00+02:00',
  '--generated-at',
  '2024-07-26T17:10:00Z',
];

describe('vigie after-action', () => {
  it('writes the figures the console computes, in each format, the same bytes every run', async () => {
    const t = activeHour();
    const fromConsole = JSON.parse(
      Buffer.from(t.call('exportAfterAction', { ...HOUR_WINDOW, format: 'json' }).base64, 'base64').toString(
        'utf8',
      ),
    ) as AfterActionReport;
    t.app.close();
    const dir = tempDir();
    const json = join(dir, 'aar.json');
    const r = await run('after-action', '--db', t.dbPath, ...WINDOW, '--format', 'json', '--out', json);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ out: json, bytes: readFileSync(json).length });
    const m = JSON.parse(readFileSync(json, 'utf8')) as AfterActionReport;
    expect(m.generatedBy).toEqual({ name: 'vigie after-action', role: 'command line', desk: '—' });
    const { generatedBy: _a, ...cli } = m;
    const { generatedBy: _b, ...console } = fromConsole;
    expect(cli).toEqual(console);

    const pdf = join(dir, 'aar.pdf');
    const first = await run(
      'after-action',
      '--db',
      t.dbPath,
      ...WINDOW,
      '--format',
      'pdf',
      '--lang',
      'fr',
      '--out',
      pdf,
    );
    const again = await run(
      'after-action',
      '--db',
      t.dbPath,
      ...WINDOW,
      '--format',
      'pdf',
      '--lang',
      'fr',
      '--out',
      pdf,
    );
    expect(first.code).toBe(0);
    expect(JSON.parse(again.stdout).sha256).toBe(JSON.parse(first.stdout).sha256);
    const text = (await readPdf(readFileSync(pdf))).pages.join('\n');
    expect(text).toContain('Rapport de retour d’expérience');
    expect(text).toContain(t.refs.a.reference);
  });

  it('refuses bad flags with exit 2, naming the flag', async () => {
    const t = activeHour();
    t.app.close();
    const out = join(tempDir(), 'x.pdf');
    const base = ['after-action', '--db', t.dbPath, '--out', out];
    const cases: [string[], RegExp][] = [
      [['--from', 'noon', '--to', HOUR_WINDOW.to, '--format', 'pdf'], /--from: expected an ISO 8601/],
      [
        ['--from', HOUR_WINDOW.to, '--to', HOUR_WINDOW.from, '--format', 'pdf'],
        /--to: must be later than from/,
      ],
      [
        ['--from', '2024-05-01T00:00:00Z', '--to', HOUR_WINDOW.to, '--format', 'pdf'],
        /--to: .*at most 31 days/,
      ],
      [
        ['--from', HOUR_WINDOW.from, '--to', HOUR_WINDOW.to, '--format', 'md'],
        /--format: expected one of pdf, html, json/,
      ],
      [
        ['--from', HOUR_WINDOW.from, '--to', HOUR_WINDOW.to, '--format', 'pdf', '--lang', 'de'],
        /--lang: expected one of en, fr/,
      ],
      [
        ['--from', '2099-01-01T00:00:00Z', '--to', '2099-01-02T00:00:00Z', '--format', 'pdf'],
        /--to: .*later than the operation clock/,
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await run(...base, ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
