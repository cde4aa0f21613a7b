// The one API contract. Each call is named once, in the domain module under api/, with its zod
// input schema and its output type; the Electron IPC binding, the preload and the browser host
// are all derived from this map.
import type { z } from 'zod';
import { sessionCalls } from './api/session.js';
import { mapCalls } from './api/map.js';
import { unitCalls } from './api/units.js';
import { incidentCalls } from './api/incidents.js';
import { journalCalls } from './api/journal.js';
import { handoverCalls } from './api/handover.js';
import { backupCalls } from './api/backups.js';
import { operatorCalls } from './api/operators.js';
import { awarenessCalls } from './api/awareness.js';
import { bulletinCalls } from './api/bulletins.js';
import { requestCalls } from './api/requests.js';
import { operationCalls } from './api/operations.js';
import { afterActionCalls } from './api/afterAction.js';
import { exchangeCalls } from './api/exchange.js';
import { exerciseCalls } from './api/exercise.js';
import { replayCalls } from './api/replay.js';

export type { IncidentPage } from './api/incidents.js';
export type { DeskLock, RoomLinkView, Session, SessionView } from './api/session.js';
export type { CallSpec } from './api/call.js';

export const api = {
  ...sessionCalls,
  ...mapCalls,
  ...unitCalls,
  ...incidentCalls,
  ...journalCalls,
  ...handoverCalls,
  ...backupCalls,
  ...operatorCalls,
  ...awarenessCalls,
  ...bulletinCalls,
  ...requestCalls,
  ...operationCalls,
  ...afterActionCalls,
  ...exchangeCalls,
  ...exerciseCalls,
  ...replayCalls,
} as const;

export type Api = typeof api;
export type CallName = keyof Api;

export type CallInput<K extends CallName> = z.input<Api[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Api[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Api[K]['output']>;

/** What a client sees: one async function per call. */
export type VigieClient = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

export const isCallName = (name: string): name is CallName => Object.hasOwn(api, name);

// The runtime list of names lives in a zod-free module so the sandboxed preload can bundle it alone.
export { CALL_NAMES } from './call-names.js';
