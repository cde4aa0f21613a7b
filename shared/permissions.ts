// Which roles may make each call: the one table the services enforce (dispatch, before any
// handler) and the README prints. Finer rules (a liaison's own contingent, the incidents their
// units work) are checked in the services themselves. 'public' calls need no sign-in.
import type { CallName } from './api.js';
import type { Role } from './roles.js';

const ALL: readonly Role[] = ['watch_officer', 'supervisor', 'liaison', 'observer', 'wall'];
const READERS: readonly Role[] = ['watch_officer', 'supervisor', 'liaison', 'observer'];
const OPS: readonly Role[] = ['watch_officer', 'supervisor'];
const OPS_LIAISON: readonly Role[] = ['watch_officer', 'supervisor', 'liaison'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

export const PERMISSIONS: { readonly [K in CallName]: readonly Role[] | 'public' } = {
  getSession: 'public',
  signIn: 'public',
  signOut: ALL,
  lockSession: ALL,
  unlockSession: ALL,
  setIdleLock: SUPERVISOR,
  verify: OPS,
  listContingents: ALL,
  listUnits: ALL,
  listVenues: ALL,
  namePlace: ALL,
  findStreets: ALL,
  listRoutes: ALL,
  listZones: ALL,
  createZone: OPS,
  updateZone: OPS,
  deleteZone: OPS,
  importZones: OPS,
  exportZones: READERS,
  // What leaves is filtered by the reader's releasability (electron/services/exchange.ts).
  exportData: READERS,
  importFeatures: OPS,
  // Sending to the room's TAK server releases data to partners' tools: the supervisor's decision.
  getTakServer: SUPERVISOR,
  sendToTak: SUPERVISOR,
  takSendStatus: SUPERVISOR,
  getBasemap: ALL,
  setBasemap: SUPERVISOR,
  getParade: ALL,
  setParadePlan: OPS,
  recordParadeActual: OPS,
  retractParadeActual: OPS,
  listIncidents: ALL,
  listIncidentPage: ALL,
  listIncidentPoints: ALL,
  getIncident: ALL,
  createIncident: OPS_LIAISON,
  updateIncident: OPS,
  transitionIncident: OPS,
  addIncidentNote: OPS_LIAISON,
  assignUnit: OPS,
  releaseUnit: OPS,
  setUnitStatus: OPS_LIAISON,
  getContingent: ALL,
  moveUnit: OPS_LIAISON,
  moveUnits: OPS_LIAISON,
  listUnitPositions: ALL,
  nearestUnits: READERS,
  importRoster: OPS,
  getSettings: ALL,
  updateSettings: SUPERVISOR,
  // The assign list is for the desks that assign.
  suggestUnits: OPS,
  // A liaison sets the rest of their own contingent's dogs (checked in the service).
  setK9Rest: OPS_LIAISON,
  listJournal: OPS,
  suggestHandoverWindow: OPS,
  previewHandover: OPS,
  acknowledgeHandover: OPS,
  listHandovers: OPS,
  exportHandover: OPS,
  // Host staff review every desk's work; a partner's liaison is given the released report by them.
  exportAfterAction: OPS,
  listBackups: SUPERVISOR,
  restoreBackup: SUPERVISOR,
  listOperators: SUPERVISOR,
  addOperator: SUPERVISOR,
  updateOperator: SUPERVISOR,
  resetPassphrase: SUPERVISOR,
  getAlertLevel: ALL,
  setAlertLevel: SUPERVISOR,
  listDesks: ALL,
  listAlertAcks: READERS,
  acknowledgeAlert: READERS,
  listBulletins: ALL,
  publishBulletin: OPS,
  acknowledgeBulletin: READERS,
  withdrawBulletin: OPS,
  listRequests: READERS,
  // Any desk asks: a liaison for help from the host's desks, an observer does not act.
  sendRequest: OPS_LIAISON,
  answerRequest: OPS_LIAISON,
  cancelRequest: OPS_LIAISON,
  // A new operation is a new file on the supervisor's machine; the open one is untouched.
  listOperationFiles: SUPERVISOR,
  checkScenario: SUPERVISOR,
  createOperation: SUPERVISOR,
  // Every desk reads the exercise clock; only the director (a supervisor) runs it and sees the
  // script: the desks in training must not read what is coming.
  getExerciseClock: ALL,
  controlExerciseClock: SUPERVISOR,
  setExerciseRate: SUPERVISOR,
  listInjects: SUPERVISOR,
  fireInject: SUPERVISOR,
  skipInject: SUPERVISOR,
  // Whoever sees the live picture may see it as it was; a backup is a supervisor's (listBackups),
  // and the journal's entries beside it only for those who read the journal (checked in the service).
  replayRange: ALL,
  replayAt: ALL,
};

/** Why a role may not make a call, or null when it may. */
export function refusal(call: CallName, role: string): string | null {
  const allowed = PERMISSIONS[call];
  if (allowed === 'public' || (allowed as readonly string[]).includes(role)) return null;
  return `${role} may not ${call} (${allowed.join(', ')} only)`;
}
