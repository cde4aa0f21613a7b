// `vigie export --db FILE --what units|incidents|zones|all --format geojson|csv|kml|cot [--out FILE]
// [--releasable-to CC] [--tak HOST:PORT [--tak-ca F] [--tak-cert F --tak-key F]]`: everything
// (closed incidents too), or only what is released to a partner nation; CoT events may go straight
// to a TAK server. Without --out and --tak the file goes to stdout.
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../store/db.js';
import { offlineContext } from '../services/offline-context.js';
import { hostCountry } from '../store/meta.js';
import { exportFor } from '../services/exchange.js';
import { cotEvents } from '../../shared/exchange/files.js';
import { EXCHANGE_FORMATS, EXCHANGE_WHAT } from '../../shared/exchange/formats.js';
import { ApiError } from '../../shared/errors.js';
import { sendToTak, TakSendError } from '../services/tak-send.js';
import { TAK_FLAGS, takTarget } from './tak-flags.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { oneOf, parse, resolveDb, UsageError, requireDatabase } from './args.js';

export async function exportCommand(argv: string[], _paths: AppPaths, io: Io): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    what: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'releasable-to': { type: 'string' },
    ...TAK_FLAGS,
  });
  const what = oneOf('what', values.what, EXCHANGE_WHAT);
  const format = oneOf('format', values.format, EXCHANGE_FORMATS);
  const partner = values['releasable-to'];
  if (partner !== undefined && !/^[A-Z]{2}$/.test(partner))
    throw new UsageError(
      `--releasable-to: expected an ISO country code in capitals (e.g. ES), got "${partner}"`,
    );
  const tak = takTarget(values);
  if (tak && format !== 'cot') throw new UsageError('--tak sends CoT events: use it with --format cot');
  const file = resolveDb(values.db);
  requireDatabase(file);
  const db = openDatabase(file, { mustExist: true });
  let text: string;
  try {
    // The host nation's reader sees everything, as without the flag.
    const scope = partner && partner !== hostCountry(db) ? { country: partner } : undefined;
    text = exportFor(offlineContext(db), scope, { what, format }).text;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message);
    throw err;
  } finally {
    db.close();
  }
  if (values.out) writeFileSync(values.out, text);
  if (tak) {
    try {
      const { sent } = await sendToTak(tak, cotEvents(text));
      io.out(JSON.stringify({ sent, to: `${tak.host}:${tak.port}`, tls: !!tak.tls }));
    } catch (err) {
      if (err instanceof TakSendError) {
        io.err(`vigie export: ${err.message}`);
        return 1;
      }
      throw err;
    }
  } else if (!values.out) io.out(text.replace(/\r?\n$/, ''));
  return 0;
}
