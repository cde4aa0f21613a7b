// `vigie import-units --db FILE ROSTER.csv [--dry-run]`: the roster import from a shell, into a
// database that holds an operation; journals under the shell's user at desk "cli". Prints
// { imported, updated, rejected, warnings } on stdout (warnings on stderr too) and exits 2 when rows
// are rejected or there is no operation.
import { existsSync, readFileSync } from 'node:fs';
import { isRoomUrl, openDatabase } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { importRoster, NO_OPERATION } from '../services/roster-import.js';
import { clockFor, realTime } from '../../shared/clock.js';
import { MAX_ROSTER_BYTES } from '../../shared/roster.js';
import type { Operator } from '../../shared/domain.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import type { Ctx } from '../services/context.js';
import { parse, resolveDb, UsageError } from './args.js';

export const cliOperator = (env: NodeJS.ProcessEnv = process.env): Operator => ({
  id: 'cli',
  name: env.USER || 'cli',
  role: 'cli',
  desk: 'cli',
});

function readRoster(file: string): string {
  if (!existsSync(file)) throw new UsageError(`no roster file at ${file}`);
  const bytes = readFileSync(file);
  if (bytes.byteLength > MAX_ROSTER_BYTES) throw new UsageError(`${file} is larger than 5 MB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text; save the roster as CSV UTF-8`);
  }
}

export function importUnits(argv: string[], _paths: AppPaths, io: Io): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    throw new UsageError('give one roster file: vigie import-units --db FILE ROSTER.csv');
  const csv = readRoster(file);
  return withOperation(values.db, (ctx) => {
    const mode = values['dry-run']
      ? { dryRun: true as const }
      : { dryRun: false as const, who: cliOperator() };
    const result = importRoster(ctx, csv, mode);
    for (const w of result.warnings)
      io.err(
        `warning: line ${w.line}${w.column ? `, ${w.column}` : ''}: ${w.reason}` +
          (w.closest?.length ? ` (closest: ${w.closest.join(', ')})` : ''),
      );
    const { imported, updated, rejected, warnings } = result;
    io.out(JSON.stringify({ imported, updated, rejected, warnings }, null, 2));
    return rejected.length ? 2 : 0;
  });
}

/**
 * Runs an import on the database that holds an operation (--db, else $VIGIE_DB), with the
 * operation's clock; never creates an empty file only to say it holds no operation.
 */
export function withOperation(dbFlag: string | undefined, run: (ctx: Ctx) => number): number {
  const target = resolveDb(dbFlag, process.env, { create: false });
  if (!isRoomUrl(target) && !existsSync(target))
    throw new UsageError(`--db: no database at ${target}; ${NO_OPERATION}`);
  const db = openDatabase(target);
  try {
    const op = getOperation(db);
    if (!op) throw new UsageError(NO_OPERATION);
    return run({ db, clock: clockFor(op, realTime), real: realTime });
  } finally {
    db.close();
  }
}
