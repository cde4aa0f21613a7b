// `vigie new --db FILE|URL --scenario DIR`: an operation from a scenario package. The package is
// read and checked whole before the database is opened, so a refused package writes nothing.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isRoomUrl, openDatabase } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { readPackage } from '../services/operation-files.js';
import { seedScenario } from '../services/seed.js';
import { realTime } from '../../shared/clock.js';
import type { AppPaths } from '../app-root.js';
import { parse, resolveDb, UsageError } from './args.js';
import type { Io } from './commands.js';

export function newOperation(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { db: { type: 'string' }, scenario: { type: 'string' } });
  if (!values.scenario) throw new UsageError('--scenario: the scenario package folder is required');
  const location = resolveDb(values.db, process.env, { create: false });
  const scenario = readPackage(resolve(values.scenario));
  if (!isRoomUrl(location)) mkdirSync(dirname(location), { recursive: true });
  const existed = isRoomUrl(location) || existsSync(location);
  const db = openDatabase(location);
  try {
    const held = getOperation(db);
    if (held) throw alreadyHeld(location, held.name);
    const summary = seedScenario({ db, clock: realTime, real: realTime }, scenario);
    // Another server created one in the meantime: this package was not written.
    if (!summary.seeded) throw alreadyHeld(location, getOperation(db)?.name ?? '?');
    io.out(
      JSON.stringify(
        {
          ...summary,
          created: existed ? undefined : location,
          name: scenario.scenario.name,
          timezone: scenario.scenario.timezone,
          mode: scenario.scenario.mode,
          venues: scenario.venues.length,
          routes: scenario.routes.length,
          zones: scenario.zones.length,
          basemap: scenario.basemap,
        },
        null,
        2,
      ),
    );
    return 0;
  } finally {
    db.close();
  }
}

const alreadyHeld = (location: string, name: string) =>
  new UsageError(
    `${location} already holds an operation ("${name}"): vigie new only creates one in an empty database; give another --db`,
  );
