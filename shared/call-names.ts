// The contract's call names as a plain list, with no zod behind it: the sandboxed preload bundles
// this module alone. The type below fails to compile whenever the list and `api` in ./api.ts
// disagree, so the list cannot drift from the contract.
import type { CallName, VigieClient } from './api.js';

export const CALL_NAMES = [
  'getSession',
  'signIn',
  'signOut',
  'lockSession',
  'unlockSession',
  'setIdleLock',
  'listContingents',
  'listUnits',
  'listVenues',
  'namePlace',
  'findStreets',
  'listRoutes',
  'listZones',
  'createZone',
  'updateZone',
  'deleteZone',
  'importZones',
  'exportZones',
  'exportData',
  'importFeatures',
  'getTakServer',
  'sendToTak',
  'takSendStatus',
  'getBasemap',
  'setBasemap',
  'getParade',
  'setParadePlan',
  'recordParadeActual',
  'retractParadeActual',
  'listIncidents',
  'listIncidentPage',
  'listIncidentPoints',
  'getIncident',
  'createIncident',
  'updateIncident',
  'transitionIncident',
  'addIncidentNote',
  'assignUnit',
  'releaseUnit',
  'setUnitStatus',
  'getContingent',
  'moveUnit',
  'moveUnits',
  'listUnitPositions',
  'nearestUnits',
  'importRoster',
  'getSettings',
  'updateSettings',
  'suggestUnits',
  'setK9Rest',
  'listJournal',
  'verify',
  'suggestHandoverWindow',
  'previewHandover',
  'acknowledgeHandover',
  'listHandovers',
  'exportHandover',
  'exportAfterAction',
  'listBackups',
  'restoreBackup',
  'listOperators',
  'addOperator',
  'updateOperator',
  'resetPassphrase',
  'getAlertLevel',
  'setAlertLevel',
  'listDesks',
  'listAlertAcks',
  'acknowledgeAlert',
  'listBulletins',
  'publishBulletin',
  'acknowledgeBulletin',
  'withdrawBulletin',
  'listRequests',
  'sendRequest',
  'answerRequest',
  'cancelRequest',
  'listOperationFiles',
  'checkScenario',
  'createOperation',
  'getExerciseClock',
  'controlExerciseClock',
  'setExerciseRate',
  'listInjects',
  'fireInject',
  'skipInject',
  'replayRange',
  'replayAt',
] as const satisfies readonly CallName[];

type Listed = (typeof CALL_NAMES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compiles only while CALL_NAMES holds every call of `api` (and nothing else). */
export type CallNamesMatchApi = Assert<Same<Listed, CallName>>;

/** The IPC channel that carries one call between the preload and the main process. */
export const ipcChannel = (name: CallName): `vigie:${CallName}` => `vigie:${name}`;

/**
 * Builds a client with one function per call from a factory (the preload and the renderer's
 * HTTP transport). The loop over CALL_NAMES is what guarantees completeness; the final cast only
 * restores the per-call typing that a loop cannot express.
 */
export function buildClient(make: (name: CallName) => (input: never) => Promise<unknown>): VigieClient {
  const client: Partial<Record<CallName, unknown>> = {};
  for (const name of CALL_NAMES) client[name] = make(name);
  return client as VigieClient;
}
