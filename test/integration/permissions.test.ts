// Walks the permission table (shared/permissions.ts) for every call and every role, on a real
// database through the contract: a call the role may make works; one it may not is refused with
// 403 naming the role and the call, nothing is written but the refusal's own journal entry.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CALL_NAMES, type CallInput, type CallName } from '../../shared/api.js';
import { PERMISSIONS } from '../../shared/permissions.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import type { Db } from '../../electron/store/db.js';
import { testApp } from '../support/app.js';
import { backend } from '../support/backend.js';
import { addPerson, DEMO, signInAs, type Demo } from '../support/sign-in.js';
import { exerciseInputs } from './exercise-inputs.js';
import { bulletin, HOUR, incident, roster, zone } from './permission-fixtures.js';

const LOGIN: Record<Role, Demo> = {
  watch_officer: 'officer',
  supervisor: 'supervisor',
  liaison: 'liaison-es',
  observer: 'observer',
  wall: 'wall',
};
/** A digest of every table but the journal: equal digests, nothing written. */
function tables(db: Db): string {
  const names = (db.prepare(db.dialect.listTables).all() as { name: string }[]).filter(
    (n) => n.name !== 'journal',
  );
  const h = createHash('sha256');
  for (const { name } of names)
    h.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()));
  return h.digest('hex');
}

function world(role: Role) {
  const t = testApp();
  t.real.advance(2 * HOUR);
  const ops = createDesk();
  const seat = createDesk();
  signInAs(t.call, 'officer', 'OPS', ops);
  signInAs(t.call, LOGIN[role], 'SEAT', seat);
  const as = <K extends CallName>(name: K, input: CallInput<K>) => t.call(name, input, ops);
  const units = as('listUnits', {});
  const esUnit = () => {
    const u = as('listUnits', {}).find((x) => x.contingentId === 'es-pn' && x.status === 'available');
    if (!u) throw new Error('no available es-pn unit');
    return u;
  };
  const workedIncident = () => {
    const inc = as('createIncident', incident);
    as('assignUnit', { incidentId: inc.id, unitId: esUnit().id });
    return inc;
  };
  const incoming = addPerson(t.app.ctx, 'Lt. Hugo Martin');
  // Inputs that succeed for a role allowed to make the call; targets are made on the OPS desk.
  const inputs: { [K in CallName]: () => CallInput<K> } = {
    getSession: () => ({}),
    signIn: () => ({
      login: DEMO[LOGIN[role]].login,
      passphrase: DEMO[LOGIN[role]].passphrase,
      desk: 'SEAT',
    }),
    signOut: () => ({}),
    lockSession: () => ({ reason: 'manual' }),
    unlockSession: () => {
      t.call('lockSession', { reason: 'manual' }, seat);
      return { passphrase: DEMO[LOGIN[role]].passphrase };
    },
    setIdleLock: () => ({ minutes: 15 }),
    verify: () => ({}),
    listContingents: () => ({}),
    listUnits: () => ({}),
    listVenues: () => ({}),
    namePlace: () => ({ lat: 48.8638, lon: 2.3135 }),
    findStreets: () => ({ text: 'rivoli', lat: 48.8643, lon: 2.331 }),
    listRoutes: () => ({}),
    listZones: () => ({}),
    createZone: () => zone,
    updateZone: () => {
      const z = as('createZone', zone);
      return { id: z.id, version: z.version, name: 'Pont Neuf north' };
    },
    deleteZone: () => {
      const z = as('createZone', zone);
      return { id: z.id, version: z.version };
    },
    importZones: () => ({ geojson: JSON.stringify(as('exportZones', {})), dryRun: true }),
    exportZones: () => ({}),
    exportData: () => ({ what: 'all', format: 'geojson' }),
    getTakServer: () => ({}),
    sendToTak: () => ({ what: 'all', releasableTo: 'ALL' }),
    takSendStatus: () => ({ id: '01JTAKSEND0000000000000000' }),
    importFeatures: () => ({
      fileName: 'zones.geojson',
      text: JSON.stringify(as('exportZones', {})),
      dryRun: true,
    }),
    getBasemap: () => ({}),
    setBasemap: () => ({ path: null }),
    getParade: () => ({}),
    setParadePlan: () => {
      const p = as('getParade', {}).plan;
      return { version: p?.version, start: '2024-07-26T17:30:00Z', speedKmh: 14, boats: 85, spacingM: 100 };
    },
    recordParadeActual: () => ({ bridge: 'pont neuf', note: 'seen from PC Cité' }),
    retractParadeActual: () => {
      const v = as('recordParadeActual', { bridge: 'pont neuf' });
      return { id: v.actuals.at(-1)?.id ?? '', reason: 'misread' };
    },
    listIncidents: () => ({}),
    listIncidentPage: () => ({}),
    listIncidentPoints: () => ({}),
    getIncident: () => ({ id: as('createIncident', incident).id }),
    createIncident: () => incident,
    updateIncident: () => {
      const i = as('createIncident', incident);
      return { id: i.id, version: i.version, priority: 2 };
    },
    transitionIncident: () => {
      const i = as('createIncident', incident);
      return { id: i.id, version: i.version, action: 'acknowledge' };
    },
    addIncidentNote: () => ({ incidentId: workedIncident().id, text: 'Spanish unit on scene' }),
    assignUnit: () => ({ incidentId: as('createIncident', incident).id, unitId: esUnit().id }),
    releaseUnit: () => {
      const i = workedIncident();
      const u = as('getIncident', { id: i.id }).assignments.find((a) => a.releasedAt === null);
      return { incidentId: i.id, unitId: u?.unitId ?? '' };
    },
    setUnitStatus: () => {
      const u = esUnit();
      return { id: u.id, version: u.version, status: 'off_duty' };
    },
    getContingent: () => ({ id: 'es-pn' }),
    moveUnit: () => {
      const u = esUnit();
      return { id: u.id, version: u.version, lat: 48.8566, lon: 2.3522, source: 'typed' };
    },
    moveUnits: () => ({ moves: [{ id: esUnit().id, lat: 48.857, lon: 2.3523 }] }),
    listUnitPositions: () => ({ id: units[0]?.id ?? '', limit: 10 }),
    nearestUnits: () => ({ lat: 48.8566, lon: 2.3522 }),
    importRoster: () => ({ csv: roster, dryRun: false }),
    getSettings: () => ({}),
    updateSettings: () => ({ version: as('getSettings', {}).version, stalePositionMinutes: 20 }),
    suggestUnits: () => ({ incidentId: as('createIncident', incident).id }),
    setK9Rest: () => {
      // A dog of the liaison's own contingent (es-pn), so that every allowed role may set it.
      const dog = as('listUnits', {}).find((u) => u.contingentId === 'es-pn' && u.kind === 'k9_explosives');
      return { id: dog?.id ?? '', version: dog?.version ?? 0, rested: true };
    },
    listJournal: () => ({ limit: 5 }),
    suggestHandoverWindow: () => ({}),
    previewHandover: () => window(),
    acknowledgeHandover: () => ({
      ...window(),
      incomingLogin: incoming.login,
      incomingPassphrase: incoming.passphrase,
    }),
    listHandovers: () => ({}),
    exportHandover: () => {
      const next = addPerson(t.app.ctx, 'Cne. Julie Vidal');
      const ack = as('acknowledgeHandover', {
        ...window(),
        incomingLogin: next.login,
        incomingPassphrase: next.passphrase,
      });
      return { id: ack.handover.id, format: 'md' };
    },
    exportAfterAction: () => {
      const w = window();
      return { from: w.from, to: w.to, format: 'json' };
    },
    listBackups: () => ({}),
    restoreBackup: () => ({ file: 'no-such-backup.db', confirm: true }),
    listOperators: () => ({}),
    addOperator: () => ({
      login: `new-${Date.now()}`,
      name: 'Brig. Paul Henry',
      role: 'watch_officer',
      passphrase: 'a long enough passphrase',
    }),
    updateOperator: () => {
      const a = addPerson(t.app.ctx, 'Sgt. Inès Blanc');
      const acc = t.call('listOperators', {}, supervisorDesk()).find((x) => x.login === a.login);
      return { id: acc?.id ?? '', version: acc?.version ?? 0, disabled: true };
    },
    resetPassphrase: () => {
      const a = addPerson(t.app.ctx, 'Sgt. Marc Petit');
      const acc = t.call('listOperators', {}, supervisorDesk()).find((x) => x.login === a.login);
      return { id: acc?.id ?? '', passphrase: 'another long passphrase' };
    },
    getAlertLevel: () => ({}),
    setAlertLevel: () => ({
      level: 'securite_renforcee',
      reason: 'Threat assessment of 26 July',
      version: as('getAlertLevel', {}).version,
    }),
    listDesks: () => ({}),
    listAlertAcks: () => ({}),
    acknowledgeAlert: () => ({ key: `incident:${as('createIncident', incident).id}:new` }),
    listBulletins: () => ({}),
    publishBulletin: () => bulletin,
    acknowledgeBulletin: () => ({ id: as('publishBulletin', bulletin).id }),
    withdrawBulletin: () => {
      // Only its desk or a supervisor may withdraw a bulletin: a seat that may publish withdraws its own.
      if (!(PERMISSIONS.publishBulletin as readonly string[]).includes(role))
        return {
          id: as('publishBulletin', bulletin).id,
          version: 1,
          reason: 'superseded by the 19:00 bulletin',
        };
      if (seat.operator?.login !== DEMO[LOGIN[role]].login || seat.lockedAt)
        signInAs(t.call, LOGIN[role], 'SEAT', seat);
      const b = t.call('publishBulletin', bulletin, seat);
      return { id: b.id, version: b.version, reason: 'superseded by the 19:00 bulletin' };
    },
    listRequests: () => ({}),
    sendRequest: () => ({
      text: 'Two public-order sections to Trocadéro',
      target: { kind: 'desk', value: 'OPS' },
    }),
    answerRequest: () => {
      const r = as('sendRequest', {
        text: 'K9 team to Pont d’Iéna',
        target: { kind: 'desk', value: 'SEAT' },
      });
      return { id: r.id, version: r.version, answer: 'accept' };
    },
    cancelRequest: () => {
      // The sender cancels: the seat itself when its role may send, else the seat is refused anyway.
      const input = { text: 'Relief for PT patrol', target: { kind: 'desk', value: 'OPS' } } as const;
      const r = PERMISSIONS.sendRequest.includes(role)
        ? t.call('sendRequest', input, seat)
        : as('sendRequest', input);
      return { id: r.id, version: r.version };
    },
    listOperationFiles: () => ({}),
    checkScenario: () => ({ source: { package: 'la-2028' } }),
    createOperation: () => ({ source: { package: 'la-2028' }, file: `walk-${role}` }),
    ...exerciseInputs(() => as('getExerciseClock', {}).version),
    replayRange: () => ({}),
    replayAt: () => ({ at: new Date(t.app.ctx.clock.now()).toISOString() }),
  } as never;
  let sup: Desk | null = null;
  function supervisorDesk(): Desk {
    if (!sup) {
      sup = createDesk();
      signInAs(t.call, 'supervisor', 'SUP', sup);
    }
    return sup;
  }
  function window() {
    const w = as('suggestHandoverWindow', {});
    return { from: w.from, to: w.to, pendingActions: ['Relieve PT patrol at 22:00'], lang: 'en' as const };
  }
  return { t, ops, seat, inputs };
}

// Allowed calls that cannot succeed here, and the answer they give instead: this test app keeps no
// rolling backups (a supervisor's restore is walked in backup-restore.test.ts).
// A room makes no new operation from a desk (its administrator runs `vigie new`).
const NO_TARGET: Partial<Record<CallName, string>> = {
  restoreBackup: 'conflict',
  // The test app has no TAK server (vigie serve --tak), hence no send to follow either.
  sendToTak: 'conflict',
  takSendStatus: 'not_found',
  ...(backend === 'postgres' ? { checkScenario: 'conflict', createOperation: 'conflict' } : {}),
};

describe.each(ROLES)('the permission table, as %s', (role) => {
  it('every allowed call works; every other is refused with 403, nothing written', () => {
    const { t, seat, inputs } = world(role);
    // Sign-out last: it ends the seat's session.
    const calls = [...CALL_NAMES.filter((c) => c !== 'signOut'), 'signOut' as const];
    for (const call of calls) {
      const allowed =
        PERMISSIONS[call] === 'public' || (PERMISSIONS[call] as readonly string[]).includes(role);
      const input = (inputs[call] as () => unknown)();
      // Sign-out, a lock or an acknowledged handover (the incoming takes the desk) change the seat.
      if (seat.operator?.login !== DEMO[LOGIN[role]].login || seat.lockedAt)
        signInAs(t.call, LOGIN[role], 'SEAT', seat);
      const before = tables(t.app.db);
      const head = t.call('listJournal', { limit: 1 }, t.desk.operator ? t.desk : opsDesk(t))[0]?.seq ?? 0;
      const r = dispatch(t.app.handlers, call, input, seat);
      if (allowed) {
        const expected = NO_TARGET[call];
        if (expected) expect(r.ok ? 'ok' : r.error.code, call).toBe(expected);
        else expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`, call).toBe('ok');
        continue;
      }
      expect(r.ok ? 'ok' : r.error.code, call).toBe('forbidden');
      if (!r.ok) expect(r.error.message, call).toContain(`${role} may not ${call}`);
      expect(tables(t.app.db), `${call} wrote to a table`).toBe(before);
      const added = t.call('listJournal', { limit: 5 }, opsDesk(t)).filter((e) => e.seq > head);
      expect(
        added.map((e) => [e.action, e.operator, e.role, e.desk]),
        call,
      ).toEqual([['operator.permission_refused', DEMO[LOGIN[role]].name, role, 'SEAT']]);
    }
  });
});

const opsDesks = new WeakMap<object, Desk>();
/** A supervisor's desk to read the journal with, whatever the walked role. */
function opsDesk(t: ReturnType<typeof testApp>): Desk {
  let d = opsDesks.get(t.app);
  if (!d) {
    d = createDesk();
    signInAs(t.call, 'supervisor', 'READ', d);
    opsDesks.set(t.app, d);
  }
  return d;
}

describe('a liaison’s own contingent', () => {
  it('moves and sets the status of its own units only, and notes only incidents they work', () => {
    const t = testApp();
    const ops = createDesk();
    const es = createDesk();
    signInAs(t.call, 'officer', 'OPS', ops);
    signInAs(t.call, 'liaison-es', 'ES', es);
    const units = t.call('listUnits', {}, ops);
    const own = units.find((u) => u.contingentId === 'es-pn' && u.status === 'available');
    const other = units.find((u) => u.contingentId === 'de-bpol' && u.status === 'available');
    if (!own || !other) throw new Error('seed lacks es-pn or de-bpol units');
    const move = (u: typeof own) => ({
      id: u.id,
      version: u.version,
      lat: 48.86,
      lon: 2.35,
      source: 'typed' as const,
    });
    expect(t.call('moveUnit', move(own), es).lat).toBe(48.86);
    const before = tables(t.app.db);
    for (const [call, input] of [
      ['moveUnit', move(other)],
      ['setUnitStatus', { id: other.id, version: other.version, status: 'off_duty' }],
    ] as const) {
      const r = dispatch(t.app.handlers, call, input, es);
      expect(r.ok ? 'ok' : r.error.message, call).toMatch(/own contingent/);
    }
    expect(tables(t.app.db)).toBe(before);
    const inc = t.call('createIncident', incident, ops);
    const note = { incidentId: inc.id, text: 'Can our unit help?' };
    const refused = dispatch(t.app.handlers, 'addIncidentNote', note, es);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    t.call(
      'assignUnit',
      { incidentId: inc.id, unitId: t.call('listUnits', {}, ops).find((u) => u.id === own.id)?.id ?? '' },
      ops,
    );
    expect(t.call('addIncidentNote', note, es).text).toBe('Can our unit help?');
    // The refusals are journaled under the liaison, with the reason.
    const refusals = t
      .call('listJournal', { limit: 50 }, ops)
      .filter((e) => e.action === 'operator.permission_refused' && e.desk === 'ES');
    expect(refusals.map((e) => (e.data as { call: string }).call).sort()).toEqual([
      'addIncidentNote',
      'moveUnit',
      'setUnitStatus',
    ]);
  });

  it('a call without a signed-in operator is 401, not 403, and journals nothing', () => {
    const t = testApp();
    const ops = createDesk();
    signInAs(t.call, 'supervisor', 'OPS', ops);
    const head = t.call('listJournal', { limit: 1 }, ops)[0]?.seq;
    const r = dispatch(t.app.handlers, 'listIncidents', {}, createDesk());
    expect(r.ok ? 'ok' : r.error.code).toBe('unauthorized');
    expect(t.call('listJournal', { limit: 1 }, ops)[0]?.seq).toBe(head);
  });
});

describe('the wall screen', () => {
  it('reads the picture without the names of the operators who made it', () => {
    const t = testApp();
    const ops = createDesk();
    const wall = createDesk();
    signInAs(t.call, 'officer', 'OPS', ops);
    signInAs(t.call, 'wall', 'WALL', wall);
    const inc = t.call('createIncident', incident, ops);
    t.call('addIncidentNote', { incidentId: inc.id, text: 'Barriers holding' }, ops);
    const seen = t.call('getIncident', { id: inc.id }, wall);
    expect(seen.incident.title).toBe(incident.title);
    expect(seen.notes.map((n) => [n.text, n.operator])).toEqual([['Barriers holding', '—']]);
    expect(seen.timeline.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(DEMO.officer.name);
    // The officer's own desk still reads who did what.
    expect(t.call('getIncident', { id: inc.id }, ops).notes[0]?.operator).toBe(DEMO.officer.name);
  });
});
