// The CLI's commands seed and verify (serve is in serve.ts, backup and restore in backup.ts).
// Each returns its exit code; machine-readable results go to stdout as JSON.
import { isRoomUrl, openDatabase } from '../store/db.js';
import { openSqliteForCheck } from '../store/sqlite.js';
import { loadScenario } from '../services/scenario-load.js';
import { seedScenario } from '../services/seed.js';
import { verifyDatabase } from '../services/verify.js';
import { headBeside, type HeadToCheck } from '../services/head-anchor.js';
import { HeadFileError, parseExpectHead } from '../backup/head-file.js';
import { realTime } from '../../shared/clock.js';
import type { AppPaths } from '../app-root.js';
import { parse, resolveDb, requireDatabase, UsageError } from './args.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const json = (io: Io, value: unknown) => io.out(JSON.stringify(value, null, 2));

export function seed(argv: string[], paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { db: { type: 'string' } });
  const db = openDatabase(resolveDb(values.db));
  try {
    const summary = seedScenario({ db, clock: realTime, real: realTime }, loadScenario(paths.resources));
    json(io, summary);
    return 0;
  } finally {
    db.close();
  }
}

export function verify(argv: string[], _paths: AppPaths, io: Io): number {
  // --full names what verify always does: the whole chain, not only from the checkpoint.
  const { values } = parse(argv, {
    db: { type: 'string' },
    'expect-head': { type: 'string' },
    full: { type: 'boolean' },
  });
  const file = resolveDb(values.db, process.env, { create: false });
  requireDatabase(file);
  // The head is read before the database: a running Vigie only ever moves it forward.
  const head = expectedHead(values['expect-head']) ?? headBeside(file);
  // Read-only and as it is: verifying never migrates, seeds or otherwise writes.
  const db = isRoomUrl(file) ? openDatabase(file, { readonly: true }) : openSqliteForCheck(file);
  try {
    const result = verifyDatabase(db, { head });
    json(io, result);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

/** --expect-head SEQ:HASH, or the path of a head file (FILE.head, BACKUP.db.head). */
function expectedHead(value: string | undefined): HeadToCheck | undefined {
  if (value === undefined) return undefined;
  try {
    return { anchor: parseExpectHead(value), source: '--expect-head' };
  } catch (err) {
    if (err instanceof HeadFileError) throw new UsageError(`--expect-head: ${err.message}`);
    throw err;
  }
}
