// `vigie report --db FILE --from ISO --to ISO --format pdf|html|md|json --out FILE [--lang en|fr]
// [--incoming NAME] [--desk NAME] [--outgoing NAME] [--generated-at ISO]`: a handover report
// previewed from the database (nothing is acknowledged or written to it). The PDF is the same
// pdfkit rendering the console exports. Prints { out, bytes, sha256 }.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { operatorOnWatch } from '../store/shifts.js';
import { composeReport } from '../services/handover-source.js';
import { renderReport } from '../report/export.js';
import { reportFonts } from '../report/fonts.js';
import { loadWater } from '../report/water.js';
import { loadBase } from '../report/base-geo.js';
import { EXPORT_FORMATS, MAX_WINDOW_HOURS, isoInstant } from '../../shared/api/handover.js';
import { REPORT_LANGS } from '../../shared/report/model.js';
import { clockFor, iso, realTime } from '../../shared/clock.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { oneOf, parse, resolveDb, UsageError, requireDatabase } from './args.js';

export function instant(flag: string, value: string | undefined): string {
  const parsed = isoInstant.safeParse(value);
  if (!parsed.success) {
    const got = value === undefined ? 'nothing' : `"${value}"`;
    throw new UsageError(
      `--${flag}: expected an ISO 8601 date-time with a zone (2024-07-26T18:00:00+02:00), got ${got}`,
    );
  }
  return parsed.data;
}

function text(flag: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!t || t.length > max) throw new UsageError(`--${flag}: expected 1 to ${max} characters`);
  return t;
}

export function report(argv: string[], paths: AppPaths, io: Io): number {
  const { values } = parse(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    incoming: { type: 'string' },
    outgoing: { type: 'string' },
    desk: { type: 'string' },
    'generated-at': { type: 'string' },
  });
  const from = instant('from', values.from);
  const to = instant('to', values.to);
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) throw new UsageError('--to: must be later than --from');
  if (span > MAX_WINDOW_HOURS * 3_600_000)
    throw new UsageError(`--to: a window is at most ${MAX_WINDOW_HOURS} hours after --from`);
  const format = oneOf('format', values.format, EXPORT_FORMATS);
  const lang = oneOf('lang', values.lang, REPORT_LANGS, 'en');
  if (!values.out) throw new UsageError('--out: the file to write is required');
  const incoming = text('incoming', values.incoming, 200);
  const file = resolveDb(values.db);
  requireDatabase(file);

  const db = openDatabase(file, { mustExist: true });
  try {
    const op = getOperation(db);
    const now = clockFor(op ?? { mode: 'real', scenarioStart: null, anchorReal: null }, realTime).now();
    // As in the console: a handover reports what has happened.
    if (Date.parse(to) > now)
      throw new UsageError(
        `--to: ${to} is later than the operation clock (${iso(now)}); a handover reports what has happened`,
      );
    const generatedAt =
      values['generated-at'] === undefined ? iso(now) : instant('generated-at', values['generated-at']);
    const deskFlag = text('desk', values.desk, 40) ?? null;
    const onWatch = operatorOnWatch(db, to, deskFlag);
    const outgoingName = text('outgoing', values.outgoing, 200);
    const model = composeReport(
      db,
      {
        window: { from, to },
        status: 'preview',
        lang,
        desk: deskFlag ?? onWatch?.desk ?? '—',
        outgoing: outgoingName
          ? { name: outgoingName, role: null }
          : onWatch && { name: onWatch.name, role: onWatch.role },
        incoming: incoming ? { name: incoming, role: null } : null,
        pendingActions: [],
        generatedAt,
      },
      loadWater(paths.resources),
      loadBase(paths.resources),
    );
    const bytes = renderReport(model, format, { fonts: reportFonts(join(paths.resources, 'fonts')) });
    writeFileSync(values.out, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    io.out(JSON.stringify({ out: values.out, bytes: bytes.length, sha256 }, null, 2));
    return 0;
  } finally {
    db.close();
  }
}
