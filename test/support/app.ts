// Opens Vigie on a fresh temp database with a fixed real clock, as the services see it in production.
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { fixedClock } from '../../shared/clock.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { ApiError } from '../../shared/errors.js';
import { paths } from './temp.js';
import { testDatabase } from './backend.js';
import { afterEach } from 'vitest';
import { setOperation } from '../../electron/store/meta.js';
import { journal, SYSTEM } from '../../electron/services/context.js';

export const REAL_START = Date.parse('2026-11-24T08:00:00Z');

const open: VigieApp[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

export function testApp(dbPath = testDatabase()) {
  const real = fixedClock(REAL_START);
  const app = openVigie({ dbPath, resourcesDir: paths.resources, real });
  open.push(app);
  const desk = createDesk();
  /** Calls the contract exactly as a transport does (validation included); throws ApiError on failure. */
  const call = <K extends CallName>(name: K, input: CallInput<K>, d: Desk = desk): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, d);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  return { app, real, desk, call, dbPath };
}

/** A fresh database with no scenario: only a real operation in Paris time, started at REAL_START. */
export function emptyApp(name: string) {
  const real = fixedClock(REAL_START);
  const app = openVigie({ dbPath: testDatabase(), resourcesDir: paths.resources, seed: false, real });
  open.push(app);
  app.db.transaction(() => {
    const op = { scenarioId: null, name, mode: 'real', scenarioStart: null, anchorReal: null } as const;
    setOperation(app.db, { ...op, timezone: 'Europe/Paris' });
    journal(app.ctx, SYSTEM, {
      action: 'operation.created',
      entityType: 'operation',
      entityId: null,
      data: null,
    });
  })();
  return app;
}
