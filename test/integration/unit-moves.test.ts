// A tracking gateway's batch of positions (moveUnits): one transaction, each unit's fix and its own
// unit.moved entry, all or nothing on a bad or conflicting move, a liaison only for their own
// contingent; on SQLite and, in integration-pg, on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { ApiError } from '../../shared/errors.js';
import { MAX_BATCH_MOVES } from '../../shared/api/units.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { emptyApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const ROSTER = `callsign,country,agency,kind,personnel,status,languages,lat,lon
T-ES-1,ES,Guardia Civil,patrol,4,available,es,48.8560,2.3499
T-ES-2,ES,Guardia Civil,patrol,4,on_scene,es,48.8570,2.3510
T-DE-1,DE,Bundespolizei,patrol,4,available,de,48.8580,2.3520
`;

function world() {
  const app = emptyApp('Moves test');
  const desk = (name: string, role: Parameters<typeof addPerson>[2], extra = {}) => {
    const d = createDesk();
    const call = <K extends CallName>(n: K, input: CallInput<K>): CallOutput<K> => {
      const r = dispatch(app.handlers, n, input, d);
      if (!r.ok) throw new ApiError(r.error);
      return r.value as CallOutput<K>;
    };
    const fails = (n: CallName, input: unknown) => {
      const r = dispatch(app.handlers, n, input, d);
      if (r.ok) return 'accepted';
      return { code: r.error.code, path: r.error.issues?.[0]?.path, message: r.error.message };
    };
    signInAs(call, addPerson(app.ctx, name, role, extra), name.slice(0, 3).toUpperCase());
    return { call, fails };
  };
  const gw = desk('Gateway officer', 'watch_officer');
  expect(gw.call('importRoster', { csv: ROSTER, dryRun: false }).rejected).toEqual([]);
  const unit = (callsign: string) => {
    const u = gw.call('listUnits', {}).find((x) => x.callsign === callsign);
    if (!u) throw new Error(callsign);
    return u;
  };
  const moved = () => gw.call('listJournal', { limit: 100 }).filter((e) => e.action === 'unit.moved');
  return { desk, gw, unit, moved };
}

describe('moveUnits', () => {
  it('moves every unit of the batch, each with its fix in its history and its own journal entry', () => {
    const { gw, unit, moved } = world();
    const es1 = unit('T-ES-1');
    const r = gw.call('moveUnits', {
      moves: [
        { id: es1.id, lat: 48.861, lon: 2.335, version: es1.version },
        { id: unit('T-ES-2').id, lat: 48.862, lon: 2.336 },
        { id: unit('T-DE-1').id, lat: 48.863, lon: 2.337 },
      ],
    });
    expect(r.moved).toBe(3);
    for (const [callsign, lat, lon] of [
      ['T-ES-1', 48.861, 2.335],
      ['T-ES-2', 48.862, 2.336],
      ['T-DE-1', 48.863, 2.337],
    ] as const) {
      const u = unit(callsign);
      expect([u.lat, u.lon, u.positionAt, u.positionSource]).toEqual([lat, lon, r.at, 'tracker']);
      expect(gw.call('listUnitPositions', { id: u.id, limit: 1 })[0]).toEqual({
        at: r.at,
        lat,
        lon,
        source: 'tracker',
      });
    }
    const entries = moved();
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.operator)).toEqual(['Gateway officer', 'Gateway officer', 'Gateway officer']);
    const es1Entry = entries.find((e) => e.entityId === es1.id);
    expect(es1Entry?.data).toMatchObject({
      callsign: 'T-ES-1',
      source: 'tracker',
      from: { lat: 48.856, lon: 2.3499 },
      to: { lat: 48.861, lon: 2.335 },
    });
    // The status a desk set is the desk's: a tracker only moves.
    expect(unit('T-ES-2').status).toBe('on_scene');
    expect(gw.call('verify', {}).ok).toBe(true);
  });

  it('moves nothing when one move names no unit, moves a unit twice or is out of bounds, and says which', () => {
    const { gw, unit, moved } = world();
    const a = unit('T-ES-1');
    const good = { id: a.id, lat: 48.87, lon: 2.3 };
    expect(
      gw.fails('moveUnits', { moves: [good, { id: 'no-such-unit', lat: 48.87, lon: 2.3 }] }),
    ).toMatchObject({
      code: 'invalid_input',
      path: 'moves.1.id',
      message: expect.stringContaining('nothing was moved'),
    });
    expect(gw.fails('moveUnits', { moves: [good, { ...good, lat: 48.88 }] })).toMatchObject({
      code: 'invalid_input',
      path: 'moves.1.id',
    });
    expect(gw.fails('moveUnits', { moves: [{ ...good, lat: 91 }] })).toMatchObject({
      code: 'invalid_input',
      path: 'moves.0.lat',
    });
    expect(gw.fails('moveUnits', { moves: [] })).toMatchObject({ code: 'invalid_input', path: 'moves' });
    const many = Array.from({ length: MAX_BATCH_MOVES + 1 }, (_, i) => ({
      id: `u${i}`,
      lat: 48.8,
      lon: 2.3,
    }));
    expect(gw.fails('moveUnits', { moves: many })).toMatchObject({ code: 'invalid_input', path: 'moves' });
    expect(gw.fails('moveUnits', { moves: [good], source: 'map_drag' })).toMatchObject({
      code: 'invalid_input',
      path: 'source',
    });
    expect(unit('T-ES-1')).toMatchObject({ lat: 48.856, lon: 2.3499, version: a.version });
    expect(moved()).toEqual([]);
  });

  it('moves nothing when a move carries a version another desk has changed since', () => {
    const { gw, unit, moved } = world();
    const a = unit('T-ES-1');
    const b = unit('T-DE-1');
    gw.call('setUnitStatus', { id: b.id, status: 'off_duty', version: b.version });
    expect(
      gw.fails('moveUnits', {
        moves: [
          { id: a.id, lat: 48.87, lon: 2.3, version: a.version },
          { id: b.id, lat: 48.87, lon: 2.31, version: b.version },
        ],
      }),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('T-DE-1 (moves[1])') });
    expect(unit('T-ES-1').lat).toBe(48.856);
    expect(moved()).toEqual([]);
  });

  it("lets a liaison move their own contingent's units only, and journals a refusal", () => {
    const { desk, gw, unit, moved } = world();
    const es = unit('T-ES-1');
    const liaison = desk('Liaison Guardia Civil', 'liaison', {
      contingentId: es.contingentId,
    });
    expect(
      liaison.call('moveUnits', { source: 'report', moves: [{ id: es.id, lat: 48.87, lon: 2.3 }] }).moved,
    ).toBe(1);
    expect(unit('T-ES-1').positionSource).toBe('report');
    const refused = liaison.fails('moveUnits', {
      moves: [
        { id: unit('T-ES-2').id, lat: 48.87, lon: 2.31 },
        { id: unit('T-DE-1').id, lat: 48.87, lon: 2.32 },
      ],
    });
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringContaining('T-DE-1') });
    expect(unit('T-ES-2').lat).toBe(48.857);
    expect(moved()).toHaveLength(1);
    const refusal = gw
      .call('listJournal', { limit: 5 })
      .find((e) => e.action === 'operator.permission_refused');
    expect(refusal?.data).toMatchObject({ call: 'moveUnits' });
  });
});
