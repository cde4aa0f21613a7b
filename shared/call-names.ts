// The contract's call names as a plain list, with no zod behind it: the sandboxed preload bundles
// this module alone. The type below fails to compile whenever the list and `api` in ./api.ts
// disagree, so the list cannot drift from the contract.
import type { CallName } from './api.js';

export const CALL_NAMES = [
  'getSession',
  'signIn',
  'listContingents',
  'listUnits',
  'listVenues',
  'listRoutes',
  'listZones',
  'listIncidents',
  'getIncident',
  'createIncident',
  'updateIncident',
  'transitionIncident',
  'addIncidentNote',
  'assignUnit',
  'releaseUnit',
  'setUnitStatus',
  'listJournal',
  'verify',
] as const satisfies readonly CallName[];

type Listed = (typeof CALL_NAMES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compiles only while CALL_NAMES holds every call of `api` (and nothing else). */
export type CallNamesMatchApi = Assert<Same<Listed, CallName>>;

/** The IPC channel that carries one call between the preload and the main process. */
export const ipcChannel = (name: CallName): `vigie:${CallName}` => `vigie:${name}`;
