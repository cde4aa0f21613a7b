// listOperationFiles, checkScenario and createOperation: the console's "New operation…". A desk alone
// makes the new operation as a new file beside its own and records that in its own journal; the open
// operation is not touched. A room refuses: its database server, not a desk, holds its operations.
import { dirname, join, resolve } from 'node:path';
import type { operationCalls } from '../../shared/api/operations.js';
import type { z } from 'zod';
import type { scenarioSource } from '../../shared/api/operations.js';
import { ApiError } from '../../shared/errors.js';
import { isRoomUrl } from '../store/db.js';
import { journal, requireOperator, type Ctx } from './context.js';
import type { DomainHandlers } from './dispatch.js';
import {
  createOperationFile,
  operationTarget,
  packageRefused,
  readPackage,
  shippedPackages,
  summarise,
} from './operation-files.js';
import { ScenarioError, type Scenario } from './scenario-load.js';

export interface OperationPlace {
  /** The open database: a file, or a room's URL. */
  dbPath: string;
  resourcesDir: string;
}

const ROOM_REFUSAL =
  "a room's operations are created on its database server by its administrator: vigie new --db postgres://… --scenario DIR";

function packageFrom(place: OperationPlace, source: z.output<typeof scenarioSource>): Scenario {
  let dir: string;
  if ('package' in source) {
    if (!shippedPackages(place.resourcesDir).some((p) => p.package === source.package))
      throw new ApiError({
        code: 'invalid_input',
        message: `source.package: no shipped scenario package "${source.package}"`,
        issues: [{ path: 'source.package', message: 'not a shipped package' }],
      });
    dir = join(place.resourcesDir, 'scenario', source.package);
  } else {
    dir = resolve(source.folder);
  }
  try {
    return readPackage(dir);
  } catch (err) {
    if (err instanceof ScenarioError) throw packageRefused(err);
    throw err;
  }
}

export const operationHandlers = (
  ctx: Ctx,
  place: OperationPlace | undefined,
): DomainHandlers<typeof operationCalls> => {
  const room = !place || isRoomUrl(place.dbPath);
  const refuse = (call: string): never => {
    throw new ApiError({
      code: 'conflict',
      message: `${call}: ${place ? ROOM_REFUSAL : 'this Vigie has no file to put a new operation beside'}`,
    });
  };
  return {
    listOperationFiles: (_input, desk) => {
      requireOperator(desk);
      if (room || !place) return { refused: place ? ROOM_REFUSAL : 'no file open', dir: null, shipped: [] };
      return {
        refused: null,
        dir: dirname(resolve(place.dbPath)),
        shipped: shippedPackages(place.resourcesDir),
      };
    },
    checkScenario: (input, desk) => {
      requireOperator(desk);
      if (room || !place) return refuse('checkScenario');
      return summarise(packageFrom(place, input.source));
    },
    createOperation: (input, desk) => {
      const who = requireOperator(desk);
      if (room || !place) return refuse('createOperation');
      const scenario = packageFrom(place, input.source);
      const file = operationTarget(place.dbPath, input.file);
      if (file === resolve(place.dbPath))
        throw new ApiError({
          code: 'conflict',
          message: 'file: that is the open operation',
          issues: [{ path: 'file', message: 'the open operation' }],
        });
      const made = createOperationFile({ file, scenario, real: ctx.real, creator: { who, from: ctx.db } });
      const entry = journal(ctx, who, {
        action: 'operation.file_created',
        entityType: 'operation',
        entityId: scenario.scenario.id,
        data: {
          file,
          source: 'package' in input.source ? { package: input.source.package } : scenario.dir,
          name: scenario.scenario.name,
          mode: scenario.scenario.mode,
          login: made.login,
        },
      });
      return { file, scenario: summarise(scenario), login: made.login, journalSeq: entry.seq };
    },
  };
};
