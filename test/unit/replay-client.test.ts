// The replay's client (renderer/replay/replay-client.ts), checked in Node: the lists come from the
// picture of the moment, the board's filters apply to it as the service applies them live, the
// session reads as a screen that only shows, and every write is refused without reaching the live
// client.
import { describe, expect, it } from 'vitest';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}

type Row = {
  id: string;
  reference: string;
  status: string;
  priority: number;
  category: string;
  title: string;
  createdAt: string;
  assigned: { unitId: string }[];
};
type Client = Record<string, (input: unknown) => Promise<unknown>>;
interface ReplayClientModule {
  replayClient(live: Client, picture: () => unknown, readOnly: () => string): Client;
  filterIncidents(all: Row[], input: Record<string, unknown>): Row[];
}

const row = (id: string, status: string, priority: number, category: string, title: string): Row => ({
  id,
  reference: `INC-${id.toUpperCase()}`,
  status,
  priority,
  category,
  title,
  createdAt: '2024-07-26T17:00:00.000Z',
  assigned: id === 'a' ? [{ unitId: 'u1' }] : [],
});

const rows: Row[] = [
  row('a', 'new', 1, 'unattended_bag', 'Sac abandonné Pont Neuf'),
  row('b', 'closed', 2, 'disorder', 'Scuffle at gate B'),
  row('c', 'on_scene', 3, 'disorder', 'Drone over Trocadéro'),
];

describe('the replay client', () => {
  it('filters the picture’s incidents as the board asks', async () => {
    const { filterIncidents } = await load<ReplayClientModule>('../../renderer/replay/replay-client.ts');
    const ids = (input: Record<string, unknown>) => filterIncidents(rows, input).map((r) => r.id);
    expect(ids({})).toEqual(['a', 'c']);
    expect(ids({ includeClosed: true })).toEqual(['a', 'b', 'c']);
    expect(ids({ includeClosed: true, categories: ['disorder'] })).toEqual(['b', 'c']);
    expect(ids({ priorities: [3] })).toEqual(['c']);
    expect(ids({ text: 'pont' })).toEqual(['a']);
    expect(ids({ includeClosed: true, limit: 1 })).toEqual(['a']);
  });

  it('answers lists from the picture, the session as the wall’s, and refuses writes', async () => {
    const { replayClient } = await load<ReplayClientModule>('../../renderer/replay/replay-client.ts');
    const reached: string[] = [];
    const session = { operator: { id: 'o', name: 'Sup', role: 'supervisor', desk: 'D1' } };
    const live = new Proxy({} as Client, {
      get: (_t, name: string) => () => {
        reached.push(name);
        return Promise.resolve(name === 'getSession' ? session : []);
      },
    });
    const picture = { units: [{ id: 'u1' }], incidents: rows, zones: [], routes: [], entries: null };
    const client = replayClient(
      live,
      () => picture,
      () => 'Replay is read-only',
    );
    expect(await client.listUnits?.({})).toEqual([{ id: 'u1' }]);
    expect(await client.listJournal?.({})).toEqual([]);
    // The map's points: the picture's open incidents in the board's order, as arrays on the wire.
    const points = (await client.listIncidentPoints?.({})) as unknown[][];
    expect(points.map((p) => [p[0], p[1], p[2], p[4], p[5], p[12]])).toEqual([
      ['a', 'INC-A', 'Sac abandonné Pont Neuf', 1, 'new', ['u1']],
      ['c', 'INC-C', 'Drone over Trocadéro', 3, 'on_scene', []],
    ]);
    expect(await client.getSession?.({})).toEqual({ operator: { ...session.operator, role: 'wall' } });
    await expect(client.createIncident?.({ title: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Replay is read-only',
    });
    await expect(client.moveUnit?.({})).rejects.toMatchObject({ code: 'forbidden' });
    expect(reached).toEqual(['getSession']);
  });
});
