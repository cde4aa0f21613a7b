// "New operation…": a supervisor at a desk alone creates another operation from a scenario package
// (one shipped with Vigie, or a folder of this machine) in a new database file beside the open one.
// The open operation is never touched; a room's operations are made by its administrator
// (`vigie new --db postgres://…`), so a room refuses.
import { z } from 'zod';
import { LINE_CONTROL } from '../control-chars.js';
import { call, none } from './call.js';

/** What a package holds, read and checked whole (nothing written). */
export interface ScenarioSummary {
  id: string;
  name: string;
  /** The name in French, when the package gives one. */
  nameFr: string | null;
  mode: 'exercise' | 'real';
  timezone: string;
  venues: number;
  routes: number;
  zones: number;
  contingents: number;
  units: number;
  incidents: number;
  /** The package's base map file name, when it has one. */
  basemap: string | null;
}

export interface ShippedScenario extends ScenarioSummary {
  /** The package's folder name under resources/scenario/. */
  package: string;
}

export interface OperationFiles {
  /** Why this Vigie cannot create operations (a room), else null. */
  refused: string | null;
  /** The folder new operation files go to (beside the open one). */
  dir: string | null;
  shipped: ShippedScenario[];
}

export interface CreatedOperation {
  /** The new database file. */
  file: string;
  scenario: ScenarioSummary;
  /** The creator's login in the new file (same passphrase, role supervisor); null: the package's own logins. */
  login: string | null;
  /** The entry that records the creation in the open operation's journal. */
  journalSeq: number;
}

/** A file name without a folder: letters, digits, space, dot, dash, underscore; ".db" added if absent. */
export const OPERATION_FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;

const folder = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((v) => !LINE_CONTROL.test(v), 'one line: no tab, line break or control character');

/** Either a shipped package (by its folder name) or a folder of the machine Vigie runs on. */
export const scenarioSource = z.union([
  z.object({ package: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a shipped package name') }).strict(),
  z.object({ folder }).strict(),
]);

export const operationCalls = {
  listOperationFiles: call<OperationFiles>()(none),
  /** Reads and checks a package; invalid_input lists every problem (file, feature, field, reason). */
  checkScenario: call<ScenarioSummary>()(z.object({ source: scenarioSource }).strict()),
  createOperation: call<CreatedOperation>()(
    z
      .object({
        source: scenarioSource,
        file: z
          .string()
          .trim()
          .regex(OPERATION_FILE_NAME, 'a file name (letters, digits, space, . - _), no folder'),
      })
      .strict(),
  ),
};
