// `vigie after-action --db FILE|URL --from ISO --to ISO --format pdf|html|json --out FILE
// [--lang en|fr] [--by NAME] [--generated-at ISO]`: the after-action report for a window, the
// same rendering the console exports (nothing is written to the database). Prints
// { out, bytes, sha256 }.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { reportFonts } from '../report/fonts.js';
import { composeAfterAction, renderAfterAction } from '../services/after-action.js';
import { AFTER_ACTION_FORMATS, afterActionInput } from '../../shared/api/afterAction.js';
import { REPORT_LANGS } from '../../shared/report/model.js';
import { clockFor, iso, realTime } from '../../shared/clock.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { oneOf, parse, resolveDb, UsageError, requireDatabase } from './args.js';
import { instant } from './report.js';

export function afterAction(argv: string[], paths: AppPaths, io: Io): number {
  const { values } = parse(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    by: { type: 'string' },
    'generated-at': { type: 'string' },
  });
  const from = instant('from', values.from);
  const to = instant('to', values.to);
  const format = oneOf('format', values.format, AFTER_ACTION_FORMATS);
  const lang = oneOf('lang', values.lang, REPORT_LANGS, 'en');
  // The console's rules for the window, with the flag's name in the message.
  const checked = afterActionInput.safeParse({ from, to, format, lang });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'to')}: ${issue?.message ?? 'invalid'}`);
  }
  if (!values.out) throw new UsageError('--out: the file to write is required');
  const by = values.by?.trim() || 'vigie after-action';
  if (by.length > 200) throw new UsageError('--by: expected 1 to 200 characters');
  const file = resolveDb(values.db);
  requireDatabase(file);

  const db = openDatabase(file, { mustExist: true });
  try {
    const op = getOperation(db);
    const now = clockFor(op ?? { mode: 'real', scenarioStart: null, anchorReal: null }, realTime).now();
    if (Date.parse(to) > now)
      throw new UsageError(
        `--to: ${to} is later than the operation clock (${iso(now)}); an after-action report covers what has happened`,
      );
    const generatedAt =
      values['generated-at'] === undefined ? iso(now) : instant('generated-at', values['generated-at']);
    const model = composeAfterAction(
      db,
      { from, to },
      { lang, generatedAt, generatedBy: { name: by, role: 'command line', desk: '—' } },
    );
    const bytes = renderAfterAction(model, format, () => reportFonts(join(paths.resources, 'fonts')));
    writeFileSync(values.out, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    io.out(JSON.stringify({ out: values.out, bytes: bytes.length, sha256 }, null, 2));
    return 0;
  } finally {
    db.close();
  }
}
