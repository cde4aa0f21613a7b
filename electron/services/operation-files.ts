// Operations made from scenario packages, as new database files: `vigie new` and the console's
// "New operation…" share this. A package is read and checked whole before any file is made; the new
// file is written in one transaction, and removed again if anything fails, so a refused package or a
// failed write leaves nothing behind.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Operator } from '../../shared/domain.js';
import type { ScenarioSummary, ShippedScenario } from '../../shared/api/operations.js';
import { ApiError } from '../../shared/errors.js';
import { openDatabase, type Db } from '../store/db.js';
import { findLogin, insertAccount, passHash } from '../store/accounts.js';
import { openBasemapFile } from '../tiles/open.js';
import { TileFileError } from '../tiles/types.js';
import { iso, realTime, type Clock } from '../../shared/clock.js';
import { journal, type Ctx } from './context.js';
import { loadScenarioDir, ScenarioError, type Scenario } from './scenario-load.js';
import { seedScenario, type SeedSummary } from './seed.js';
import { newId } from './ids.js';

/** Reads a package and opens its base map file, if any: all of it is checked, nothing written. */
export function readPackage(dir: string): Scenario {
  const s = loadScenarioDir(dir);
  if (s.basemap) {
    try {
      openBasemapFile(s.basemap).close();
    } catch (err) {
      if (err instanceof TileFileError) throw new ScenarioError(`${s.basemap}: basemap: ${err.message}`);
      throw err;
    }
  }
  return s;
}

export const summarise = (s: Scenario): ScenarioSummary => ({
  id: s.scenario.id,
  name: s.scenario.name,
  nameFr: s.scenario.nameFr ?? null,
  mode: s.scenario.mode,
  timezone: s.scenario.timezone,
  venues: s.venues.length,
  routes: s.routes.length,
  zones: s.zones.length,
  contingents: s.contingents.length,
  units: s.units.length,
  incidents: s.incidents.length,
  basemap: s.basemap ? basename(s.basemap) : null,
});

/** The packages shipped under resources/scenario/ that read cleanly, by folder name. */
export function shippedPackages(resourcesDir: string): ShippedScenario[] {
  const root = join(resourcesDir, 'scenario');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .flatMap((name) => {
      try {
        return [{ package: name, ...summarise(readPackage(join(root, name))) }];
      } catch {
        return []; // not a package (or a broken one): not offered
      }
    });
}

/** A package's problems as the contract's invalid_input: one issue per problem, all at once. */
export function packageRefused(err: ScenarioError): ApiError {
  const lines = err.message.split('\n').filter(Boolean);
  return new ApiError({
    code: 'invalid_input',
    message: `source: the scenario package was refused (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    issues: lines.map((message) => ({ path: 'source', message })),
  });
}

/** Any of the database's own files: the file, its WAL and shared memory, its head anchor. */
const FILE_FAMILY = ['', '-wal', '-shm', '-journal', '.head'];

export interface NewFile {
  /** Absolute path of a file that must not exist yet. */
  file: string;
  scenario: Scenario;
  real?: Clock;
  /** The creator, copied into the new file as its first supervisor (same login and passphrase). */
  creator?: { who: Operator; from: Db } | undefined;
}

export interface NewFileResult extends SeedSummary {
  /** The creator's login in the new file, or null (none given, or the package already uses it). */
  login: string | null;
}

/** Seeds a new SQLite file from a checked package; on any failure the file is removed again. */
export function createOperationFile(o: NewFile): NewFileResult {
  const real = o.real ?? realTime;
  if (FILE_FAMILY.some((s) => existsSync(o.file + s)))
    throw new ApiError({
      code: 'conflict',
      message: `file: ${o.file} already exists; choose another name`,
      issues: [{ path: 'file', message: 'already exists' }],
    });
  let db: Db | null = null;
  try {
    db = openDatabase(o.file);
    const ctx: Ctx = { db, clock: real, real };
    const summary = seedScenario(ctx, o.scenario);
    const login = o.creator ? addCreator(ctx, o.creator.who, o.creator.from) : null;
    return { ...summary, login };
  } catch (err) {
    db?.close();
    db = null;
    for (const s of FILE_FAMILY) rmSync(o.file + s, { force: true });
    throw err;
  } finally {
    db?.close();
  }
}

/**
 * The supervisor who made the operation can sign in to it: their account (login, name, passphrase
 * hash, never the passphrase) as a supervisor of the new file, journaled there under their name.
 * A package whose demo logins already use that login keeps its own.
 */
function addCreator(ctx: Ctx, who: Operator, from: Db): string | null {
  const hash = who.accountId ? passHash(from, who.accountId) : null;
  if (!who.login || !hash || findLogin(ctx.db, who.login)) return null;
  const id = newId(ctx.clock);
  const login = who.login;
  ctx.db.transaction(() => {
    insertAccount(ctx.db, {
      id,
      login,
      name: who.name,
      role: 'supervisor',
      contingentId: null,
      country: null,
      passHash: hash,
      disabled: false,
      createdAt: iso(ctx.real.now()),
    });
    journal(ctx, who, {
      action: 'operator.account_added',
      entityType: 'account',
      entityId: id,
      data: { login, name: who.name, role: 'supervisor', contingentId: null, country: null },
    });
  })();
  return login;
}

/** Where "New operation…" writes: beside the open file, under the name given (".db" added). */
export function operationTarget(dbPath: string, name: string): string {
  const file = name.toLowerCase().endsWith('.db') ? name : `${name}.db`;
  return join(dirname(resolve(dbPath)), file);
}
