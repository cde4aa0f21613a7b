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
