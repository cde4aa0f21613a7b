// The first read of the incidents' points waits for a map on screen to be able to draw them
// (renderer/state/data-slice.ts, setMapWaiting): the board's first page is the console's start, the
// points follow when the map's style has loaded, or at once when no map is waiting.
import { describe, expect, it } from 'vitest';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}

type Input = Record<string, unknown>;
type Client = Record<string, (input: Input) => Promise<unknown>>;
interface State {
  loadState: string;
  incidentPoints: { id: string }[];
  loadAll(): Promise<void>;
  setMapWaiting(waiting: boolean): void;
}
interface Store {
  getState(): State;
}

const POINT = [
  'inc-1',
  'PAR-1',
  'Colis suspect',
  'suspect_package',
  1,
  'new',
  48.86,
  2.29,
  null,
  null,
  '2024-07-26T18:00:00.000Z',
  1,
  [],
];

async function storeWithCalls() {
  const { createVigieStore } = await load<{ createVigieStore(c: Client): Store }>(
    '../../renderer/state/store.ts',
  );
  const { currentThresholds } = await load<{ currentThresholds(): unknown }>(
    '../../renderer/incidents/overdue.ts',
  );
  const asked: string[] = [];
  const answers: Record<string, unknown> = {
    getSession: { operator: { id: 'op-1', name: 'Watch officer', role: 'watch_officer' } },
    listIncidentPage: { rows: [], total: 1, next: null },
    getSettings: { overdue: currentThresholds() },
    listIncidentPoints: [POINT],
  };
  const client = new Proxy({} as Client, {
    get: (_t, name: string) => (input: Input) => {
      // The alerts read the P1s that can still ring as points too: only the map's read counts here.
      asked.push(name === 'listIncidentPoints' && 'statuses' in input ? 'alerting P1s' : name);
      return Promise.resolve(name in answers ? answers[name] : []);
    },
  });
  return { store: createVigieStore(client), asked };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the points and the map', () => {
  it('reads the points only once a waiting map can draw them', async () => {
    const { store, asked } = await storeWithCalls();
    const s = () => store.getState();
    s().setMapWaiting(true);
    await s().loadAll();
    expect(s().loadState).toBe('ready');
    expect(asked).toContain('listIncidentPage');
    // The alerts do not wait for the map.
    expect(asked).toContain('alerting P1s');
    expect(asked).not.toContain('listIncidentPoints');
    expect(s().incidentPoints).toEqual([]);
    s().setMapWaiting(false);
    await tick();
    expect(asked.filter((n) => n === 'listIncidentPoints')).toHaveLength(1);
    expect(s().incidentPoints.map((p) => p.id)).toEqual(['inc-1']);
    // The map loading again later (a theme's new style) does not read them a second time.
    s().setMapWaiting(true);
    s().setMapWaiting(false);
    await tick();
    expect(asked.filter((n) => n === 'listIncidentPoints')).toHaveLength(1);
  });

  it('reads them with the start when no map is waiting', async () => {
    const { store, asked } = await storeWithCalls();
    await store.getState().loadAll();
    await tick();
    expect(asked.filter((n) => n === 'listIncidentPoints')).toHaveLength(1);
    expect(store.getState().incidentPoints.map((p) => p.id)).toEqual(['inc-1']);
  });
});
