// Releasability (issue 13 point 3): a desk never receives an item it may not see. Every call of
// the contract a liaison may make is walked for the German and the Spanish liaison, and nothing of
// what is not released to them may appear in any answer or error.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/call-names.js';
import type { CallInput, CallName } from '../../shared/api.js';
import { refusal } from '../../shared/permissions.js';
import { ApiError } from '../../shared/errors.js';
import type { Desk } from '../../electron/services/desk.js';
import { createDesk } from '../../electron/services/desk.js';
import { signInAs } from '../support/sign-in.js';
import { expectApiError } from '../support/api-error.js';
import { leaks, markedOperation, type MarkedOperation } from './releasability-fixture.js';

type Inputs = { [K in CallName]?: (m: MarkedOperation, d: Desk) => CallInput<K> };

/** Every call that reads, with an input that asks as widely as it can. */
const READS: Inputs = {
  getSession: () => ({}),
  listContingents: () => ({}),
  getContingent: () => ({ id: 'es-pn' }),
  listUnits: () => ({}),
  listVenues: () => ({}),
  listRoutes: () => ({}),
  listZones: () => ({}),
  exportZones: () => ({}),
  exportData: () => ({ what: 'all', format: 'geojson' }),
  getTakServer: () => ({}),
  getBasemap: () => ({}),
  getParade: () => ({}),
  listIncidents: () => ({ includeClosed: true }),
  listIncidentPage: () => ({ includeClosed: true }),
  listIncidentPoints: () => ({ includeClosed: true }),
  getIncident: (m) => ({ id: m.all.id }),
  listUnitPositions: (m) => ({ id: m.esUnit.id }),
  nearestUnits: (m) => ({ incidentId: m.all.id }),
  suggestUnits: (m) => ({ incidentId: m.all.id }),
  // Inside the zone marked for French staff only: a liaison must not read its name.
  namePlace: () => ({ lat: 48.851, lon: 2.301 }),
  findStreets: () => ({ text: 'Rue', lat: 48.851, lon: 2.301 }),
  getSettings: () => ({}),
  listJournal: () => ({ limit: 1000 }),
  verify: () => ({}),
  suggestHandoverWindow: () => ({}),
  previewHandover: () => ({ from: '2024-07-26T06:00:00Z', to: '2024-07-26T18:00:00Z' }),
  listHandovers: () => ({}),
  // Host staff's only: every other desk is refused, in every format (after-action.test.ts).
  exportAfterAction: () => ({ from: '2024-07-26T06:00:00Z', to: '2024-07-26T18:00:00Z', format: 'html' }),
  listBackups: () => ({}),
  listOperators: () => ({}),
  getAlertLevel: () => ({}),
  listDesks: () => ({}),
  listAlertAcks: () => ({}),
  listBulletins: () => ({ recent: true }),
  listRequests: () => ({ closed: true }),
  getExerciseClock: () => ({}),
  listInjects: () => ({}),
  replayRange: () => ({}),
  // The picture as it is now, rebuilt from the journal: it must hide what the live calls hide.
  replayAt: (m) => ({ at: new Date(m.t.app.ctx.clock.now()).toISOString() }),
};

/** Calls that write (checked on their own below) or only manage the session. */
const NOT_READS = new Set<CallName>([
  'signIn',
  'signOut',
  'lockSession',
  'unlockSession',
  'setIdleLock',
  'createZone',
  'updateZone',
  'deleteZone',
  'importZones',
  'importFeatures',
  'sendToTak',
  'takSendStatus',
  'setBasemap',
  'setParadePlan',
  'recordParadeActual',
  'retractParadeActual',
  'createIncident',
  'updateIncident',
  'transitionIncident',
  'addIncidentNote',
  'assignUnit',
  'releaseUnit',
  'setUnitStatus',
  'moveUnit',
  'moveUnits',
  'importRoster',
  'updateSettings',
  'setK9Rest',
  'acknowledgeHandover',
  'exportHandover',
  'restoreBackup',
  'addOperator',
  'updateOperator',
  'resetPassphrase',
  'setAlertLevel',
  'acknowledgeAlert',
  'publishBulletin',
  'acknowledgeBulletin',
  'withdrawBulletin',
  'sendRequest',
  'answerRequest',
  'cancelRequest',
  // A supervisor's new operation: scenario packages and a new file, none of this operation's items.
  'listOperationFiles',
  'checkScenario',
  'createOperation',
  // The exercise director's controls: the clock and the injects (exercise.test.ts, injects.test.ts).
  'controlExerciseClock',
  'setExerciseRate',
  'fireInject',
  'skipInject',
]);

/** Runs a call and returns what the desk got back: the value, or the error it was told. */
function answer(m: MarkedOperation, name: CallName, input: unknown, d: Desk): unknown {
  try {
    return m.t.call(name, input as never, d);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { error: err.code, message: err.message, data: err.toData() };
  }
}

describe('releasability: every read call', () => {
  it('knows every call of the contract as a read or not', () => {
    const unknown = CALL_NAMES.filter((c) => !(c in READS) && !NOT_READS.has(c));
    expect(unknown).toEqual([]);
  });

  it('gives the German and the Spanish liaison nothing that is not released to them', () => {
    const m = markedOperation();
    const checked: string[] = [];
    for (const [who, desk, hidden] of [
      ['de', m.de, m.hiddenFromDe],
      ['es', m.es, m.hiddenFromEs],
    ] as const) {
      for (const name of CALL_NAMES) {
        const input = READS[name] as ((m: MarkedOperation, d: Desk) => unknown) | undefined;
        if (!input) continue;
        const got = answer(m, name, input(m, desk), desk);
        if (refusal(name, 'liaison') === null) {
          // A read the liaison may make answers (an error would hide nothing worth checking).
          expect({ call: name, who, got: (got as { error?: unknown }).error }).toEqual({
            call: name,
            who,
            got: undefined,
          });
          checked.push(`${who}:${name}`);
        }
        expect({ call: name, who, leaks: leaks(got, hidden) }).toEqual({ call: name, who, leaks: [] });
      }
    }
    // The walk really reached the liaison's reads.
    expect(checked).toContain('de:listIncidents');
    expect(checked).toContain('es:exportZones');
    expect(checked).toContain('de:exportData');
    expect(checked).toContain('de:namePlace');
  });

  it('shows each liaison exactly what is released to them', () => {
    const m = markedOperation();
    const ids = (d: Desk) => m.t.call('listIncidents', { includeClosed: true }, d).map((i) => i.id);
    expect(ids(m.de)).toContain(m.all.id);
    expect(ids(m.de)).not.toContain(m.frEs.id);
    expect(ids(m.es)).toEqual(expect.arrayContaining([m.all.id, m.frEs.id]));
    expect(ids(m.es)).not.toContain(m.frOnly.id);
    expect(ids(m.officer)).toEqual(expect.arrayContaining([m.all.id, m.frEs.id, m.frOnly.id]));

    const notes = (d: Desk) => m.t.call('getIncident', { id: m.all.id }, d).notes.map((n) => n.id);
    expect(notes(m.de)).toEqual([m.notes.all.id]);
    expect(notes(m.es)).toEqual([m.notes.frEs.id, m.notes.all.id]);
    expect(notes(m.officer)).toHaveLength(3);
    // The note on the France-and-Spain incident took the incident's marking.
    expect(m.notes.onFrEs.marking).toEqual(['ES']);

    // The exercise's own zones are released to all partners; only this test's are counted.
    const zones = (d: Desk) =>
      m.t
        .call('listZones', {}, d)
        .map((z) => z.name)
        .filter((n) => n.startsWith('Zone '));
    expect(zones(m.de)).toEqual(['Zone openzone']);
    expect(zones(m.es)).toEqual(['Zone openzone', 'Zone spanishzone']);
    expect(zones(m.officer)).toHaveLength(3);
  });

  it('answers an unseen incident exactly as a missing one, on every call that takes an id', () => {
    const m = markedOperation();
    const missing = '01J00000000000000000000000';
    const same = (call: () => unknown, id: string) => {
      const e = expectApiError(call, 'not_found');
      return e.message.replace(id, 'ID');
    };
    for (const hidden of [m.frEs.id, m.frOnly.id]) {
      expect(same(() => m.t.call('getIncident', { id: hidden }, m.de), hidden)).toBe(
        same(() => m.t.call('getIncident', { id: missing }, m.de), missing),
      );
      expect(same(() => m.t.call('nearestUnits', { incidentId: hidden }, m.de), hidden)).toBe(
        same(() => m.t.call('nearestUnits', { incidentId: missing }, m.de), missing),
      );
      expect(same(() => m.t.call('addIncidentNote', { incidentId: hidden, text: 'x' }, m.de), hidden)).toBe(
        same(() => m.t.call('addIncidentNote', { incidentId: missing, text: 'x' }, m.de), missing),
      );
    }
    // Even where Spain's own unit works the France-only incident.
    expect(
      same(() => m.t.call('addIncidentNote', { incidentId: m.frOnly.id, text: 'x' }, m.es), m.frOnly.id),
    ).toBe(same(() => m.t.call('addIncidentNote', { incidentId: missing, text: 'x' }, m.es), missing));
  });

  it('never names an unseen incident in a refusal', () => {
    const m = markedOperation();
    const unit = m.t.call('listUnits', {}, m.es).find((u) => u.id === m.esUnit.id);
    const e = expectApiError(
      () =>
        m.t.call(
          'setUnitStatus',
          { id: m.esUnit.id, status: 'available', version: unit?.version ?? 1 },
          m.es,
        ),
      'conflict',
    );
    expect(leaks(e.toData(), m.hiddenFromEs)).toEqual([]);
    // The officer is told which.
    const o = expectApiError(
      () =>
        m.t.call(
          'setUnitStatus',
          { id: m.esUnit.id, status: 'available', version: unit?.version ?? 1 },
          m.officer,
        ),
      'conflict',
    );
    expect(o.message).toContain(m.frOnly.reference);
  });

  it('does not find an incident by the words of a note the desk may not see', () => {
    const m = markedOperation();
    const search = (text: string, d: Desk) =>
      m.t.call('listIncidents', { includeClosed: true, text }, d).map((i) => i.id);
    expect(search('frenchnoteremark', m.officer)).toEqual([m.all.id]);
    expect(search('frenchnoteremark', m.de)).toEqual([]);
    expect(search('spanishnoteremark', m.de)).toEqual([]);
    expect(search('spanishnoteremark', m.es)).toEqual([m.all.id]);
    expect(search('opennoteremark', m.de)).toEqual([m.all.id]);
    expect(search('everyone', m.de)).toEqual([m.all.id]);
    expect(search('spanishtoo', m.de)).toEqual([]);
    // The board's pages say the same, and count only what the desk may find.
    const page = (text: string, d: Desk) =>
      m.t.call('listIncidentPage', { includeClosed: true, text, limit: 1 }, d);
    expect(page('frenchnoteremark', m.de)).toEqual({ rows: [], total: 0, next: null });
    expect(page('spanishnoteremark', m.es)).toMatchObject({ total: 1, next: null });
    expect(page('spanishnoteremark', m.es).rows.map((r) => r.id)).toEqual([m.all.id]);
  });

  it('gives the observer and the wall only what is released to them', () => {
    const m = markedOperation();
    const observer = createDesk();
    const wall = createDesk();
    signInAs(m.t.call, 'observer', 'OBS', observer);
    signInAs(m.t.call, 'wall', 'WALL', wall);
    for (const d of [observer, wall]) {
      const ids = m.t.call('listIncidents', { includeClosed: true }, d).map((i) => i.id);
      expect(ids).toContain(m.all.id);
      expect(ids).not.toContain(m.frEs.id);
      const zones = m.t.call('listZones', {}, d).map((z) => z.id);
      expect(zones).toContain(m.zones.all.id);
      expect(zones).not.toContain(m.zones.frEs.id);
      expect(leaks(m.t.call('getIncident', { id: m.all.id }, d), m.hiddenFromDe)).toEqual([]);
    }
  });
});
