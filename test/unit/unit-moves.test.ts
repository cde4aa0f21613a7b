// Moves applied from the live feed (renderer/state/unit-moves.ts, data-slice.ts): a pushed move that
// carries its position changes the unit in the store without a units read, keeps the version the
// next edit must send, and is not undone by a read that left before it; a move without its position
// (an older server, a mirror) or one that skips a change the desk has not seen reads the units.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../shared/domain.js';
import type { LiveEntry, UnitMove } from '../../shared/live.js';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const load = <T>(path: string): Promise<T> => import(/* @vite-ignore */ path) as Promise<T>;

type Moved = UnitMove & { id: string };
const { applyMoves, keepMoved } = await load<{
  applyMoves(
    units: readonly Unit[],
    moves: readonly Moved[],
  ): { units: Unit[]; moved: Map<string, Unit>; reread: boolean };
  keepMoved(read: Unit[], moved: ReadonlyMap<string, Unit>): Unit[];
}>('../../renderer/state/unit-moves.ts');
const { MOVES_GAP_MS } = await load<{ MOVES_GAP_MS: number }>('../../renderer/state/data-slice.ts');

interface State {
  units: Unit[];
  applyJournal(entries: LiveEntry[]): Promise<void>;
  setUnitStatus(id: string, status: string): Promise<boolean>;
}
interface Store {
  getState(): State;
  setState(s: Partial<State>): void;
}
const { createVigieStore } = await load<{ createVigieStore(c: unknown): Store }>(
  '../../renderer/state/store.ts',
);

const unit = (n: number, over: Partial<Unit> = {}): Unit =>
  ({
    id: `u${n}`,
    callsign: `U-${n}`,
    country: 'FR',
    kind: 'patrol',
    status: 'available',
    venueId: null,
    lat: 48.85,
    lon: 2.3,
    positionAt: '2024-07-26T16:00:00.000Z',
    positionSource: 'seed',
    positionStale: true,
    version: 3,
    ...over,
  }) as Unit;

const move = (id: string, version: number, lat = 48.86): Moved => ({
  id,
  lat,
  lon: 2.31,
  venueId: 'stade-de-france',
  positionAt: '2024-07-26T17:00:00.000Z',
  positionSource: 'tracker',
  version,
});

const moved = (seq: number, m: Moved | null, entityId = m?.id ?? 'u1'): LiveEntry => ({
  seq,
  action: 'unit.moved',
  entityType: 'unit',
  entityId,
  operator: 'Gateway',
  desk: 'GW',
  ...(m ? { move: (({ id: _, ...rest }) => rest)(m) } : {}),
});

describe('applying pushed moves to the units', () => {
  it('takes the next version whole, skips what the desk holds, and leaves other rows as they were', () => {
    const units = [unit(1), unit(2)];
    const r = applyMoves(units, [move('u1', 4), move('u1', 5, 48.87), move('u2', 3)]);
    expect(r.reread).toBe(false);
    expect(r.units[0]).toMatchObject({
      lat: 48.87,
      lon: 2.31,
      venueId: 'stade-de-france',
      positionAt: '2024-07-26T17:00:00.000Z',
      positionSource: 'tracker',
      positionStale: false,
      version: 5,
    });
    // u2 already at version 3 (this desk's own move answered first): the same row object.
    expect(r.units[1]).toBe(units[1]);
    expect(applyMoves(units, [move('u2', 2)]).units).toBe(units);
  });

  it('moves the unit across a change it missed but keeps its version, and asks for a read', () => {
    const r = applyMoves([unit(1)], [move('u1', 6)]);
    expect(r.units[0]).toMatchObject({ lat: 48.86, version: 3 });
    expect(r.reread).toBe(true);
    expect(applyMoves([unit(1)], [move('u9', 1)])).toMatchObject({ reread: true });
  });

  it('keeps a move over a read that left before it, not over a newer one', () => {
    const after = unit(1, { lat: 1, version: 4 });
    const read = [unit(1), unit(2)];
    expect(keepMoved(read, new Map([['u1', after]]))[0]).toBe(after);
    const newer = [unit(1, { version: 5 })];
    expect(keepMoved(newer, new Map([['u1', after]]))[0]).toBe(newer[0]);
  });
});

describe('the console state under pushed moves', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A store over a fake API: the units on the server, and the calls the console made. */
  function console(server: Unit[]) {
    const calls: string[] = [];
    let answer: (() => void) | null = null;
    const api: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
      listUnits: () => {
        const rows = server.map((u) => ({ ...u }));
        // A read can be held on its way (answered when the test says).
        return new Promise((r) => (answer = () => r(rows)));
      },
      setUnitStatus: (input) => {
        const u = server.find((x) => x.id === input['id']) as Unit;
        if (input['version'] !== u.version)
          return Promise.reject({
            code: 'conflict',
            message: `Unit ${u.callsign} was changed by another desk`,
          });
        Object.assign(u, { status: input['status'], version: u.version + 1 });
        return Promise.resolve({ ...u });
      },
    };
    const client = new Proxy(api, {
      get: (t, name: string) => (input: Record<string, unknown>) => {
        calls.push(name);
        return (t[name] ?? (() => Promise.resolve([])))(input);
      },
    });
    const store = createVigieStore(client);
    store.setState({ units: server.map((u) => ({ ...u })) });
    return { store, calls, answer: () => answer?.() };
  }

  it('moves the unit without reading the units, and a later edit sends the new version', async () => {
    const server = [unit(1), unit(2)];
    const { store, calls } = console(server);
    // Another desk moved u1 twice: the server is at version 5.
    Object.assign(server[0] as Unit, { lat: 48.87, version: 5 });
    await store.getState().applyJournal([moved(10, move('u1', 4)), moved(11, move('u1', 5, 48.87))]);
    expect(store.getState().units[0]?.lat).toBe(48.85);
    await vi.advanceTimersByTimeAsync(MOVES_GAP_MS);
    expect(store.getState().units[0]).toMatchObject({ lat: 48.87, version: 5 });
    expect(calls).not.toContain('listUnits');

    const ok = store.getState().setUnitStatus('u1', 'on_patrol');
    await vi.advanceTimersByTimeAsync(0);
    await expect(ok).resolves.toBe(true);
    expect(store.getState().units[0]).toMatchObject({ status: 'on_patrol', version: 6 });
  });

  it('still shows a real conflict: a change it never heard of', async () => {
    const server = [unit(1)];
    const { store } = console(server);
    Object.assign(server[0] as Unit, { status: 'unavailable', version: 4 });
    const shown: string[] = [];
    store.setState({ showError: (m: string) => void shown.push(m) } as unknown as Partial<State>);
    await expect(store.getState().setUnitStatus('u1', 'on_patrol')).resolves.toBe(false);
    expect(shown.join()).toMatch(/changed by another desk/);
  });

  it('reads the units for a move without its position, and a read on its way does not undo a move', async () => {
    const server = [unit(1), unit(2)];
    const { store, calls, answer } = console(server);
    const reading = store.getState().applyJournal([moved(10, null, 'u2')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.filter((c) => c === 'listUnits')).toHaveLength(1);
    // While that read is on its way (it was answered before the move), u1 moves.
    Object.assign(server[0] as Unit, { lat: 48.86, version: 4 });
    await store.getState().applyJournal([moved(11, move('u1', 4))]);
    await vi.advanceTimersByTimeAsync(MOVES_GAP_MS);
    expect(store.getState().units[0]).toMatchObject({ lat: 48.86, version: 4 });
    answer();
    await reading;
    expect(store.getState().units[0]).toMatchObject({ lat: 48.86, version: 4 });
    expect(calls.filter((c) => c === 'listUnits')).toHaveLength(1);
  });
});
