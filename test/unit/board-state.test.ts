// The console's board state (renderer/state): the first page on load, further pages as it scrolls,
// a refresh that re-reads as far as was scrolled, new filters back to the first page, and rows
// changed by this desk put in their place only within the loaded range.
import { describe, expect, it } from 'vitest';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}

interface Row {
  id: string;
  status: string;
  priority: number;
  category: string;
  title: string;
  description: string;
  createdAt: string;
  venueId: null;
  sector: null;
  version: number;
  assigned: { unitId: string }[];
}
type Input = Record<string, unknown>;
type Client = Record<string, (input: Input) => Promise<unknown>>;
interface State {
  boardRows: Row[];
  boardTotal: number;
  boardNext: string | null;
  incidentPoints: { id: string; priority: number; unitIds: string[] }[];
  loadBoard(): Promise<boolean>;
  loadIncidents(): Promise<boolean>;
  loadMoreIncidents(): Promise<void>;
  setBoardFilters(patch: Input): void;
}
interface Store {
  getState(): State;
}
interface BoardModule {
  upsertLoadedRow(list: Row[], row: Row, f: Input, more: boolean): Row[];
  appendPage(list: Row[], page: Row[]): Row[];
  EMPTY_FILTERS: Input;
}

const row = (n: number, priority = (n % 4) + 1): Row => ({
  id: `id${String(n).padStart(5, '0')}`,
  status: 'new',
  priority,
  category: 'disorder',
  title: `Incident ${n}`,
  description: '',
  createdAt: `2024-07-26T${String(10 + (n % 8)).padStart(2, '0')}:00:00.000Z`,
  venueId: null,
  sector: null,
  version: 1,
  assigned: [],
});

async function storeOver(all: Row[]) {
  const { pageOf, filterIncidents } = await load<{
    pageOf(all: Row[], input: Input): unknown;
    filterIncidents(all: Row[], input: Input): Row[];
  }>('../../renderer/replay/replay-client.ts');
  const { createVigieStore } = await load<{ createVigieStore(c: Client): Store }>(
    '../../renderer/state/store.ts',
  );
  const { rowPoint } = await load<{ rowPoint(r: Row): unknown }>('../../renderer/state/board.ts');
  const { pointRow } = await load<{ pointRow(p: unknown): unknown[] }>('../../shared/incident-points.ts');
  const calls: Input[] = [];
  const asked: string[] = [];
  const client = new Proxy({} as Client, {
    get: (_t, name: string) => (input: Input) => {
      asked.push(name);
      if (name === 'listIncidentPage') {
        calls.push(input);
        return Promise.resolve(pageOf(all, input));
      }
      if (name === 'listIncidentPoints')
        return Promise.resolve(
          filterIncidents(all, { ...input, limit: 100_000 }).map((r) => pointRow(rowPoint(r))),
        );
      return Promise.resolve([]);
    },
  });
  return { store: createVigieStore(client), calls, asked };
}

const sorted = (rows: Row[]) =>
  [...rows].sort(
    (a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );

describe('the board state, a page at a time', () => {
  it('loads the first page, then further pages as asked, with the count of all', async () => {
    // Every fifth incident has a unit working it.
    const all = Array.from({ length: 450 }, (_, n) => ({
      ...row(n),
      assigned: n % 5 ? [] : [{ unitId: `u-${row(n).id}` }],
    }));
    const { store, calls, asked } = await storeOver(all);
    const s = () => store.getState();
    await s().loadBoard();
    expect(s().boardRows.map((r) => r.id)).toEqual(
      sorted(all)
        .slice(0, 200)
        .map((r) => r.id),
    );
    expect(s().boardTotal).toBe(450);
    expect(s().boardNext).not.toBeNull();
    // Two asks while one page is on its way read it once.
    await Promise.all([s().loadMoreIncidents(), s().loadMoreIncidents()]);
    expect(calls).toHaveLength(2);
    expect(s().boardRows).toHaveLength(400);
    await s().loadMoreIncidents();
    expect(s().boardRows.map((r) => r.id)).toEqual(sorted(all).map((r) => r.id));
    expect(s().boardNext).toBeNull();
    await s().loadMoreIncidents();
    expect(calls).toHaveLength(3);
    // A refresh re-reads as far as the officer scrolled.
    await s().loadBoard();
    expect(s().boardRows).toHaveLength(450);
    // New filters start again from the first page.
    s().setBoardFilters({ priorities: [1, 2] });
    await s().loadIncidents();
    expect(s().boardRows).toHaveLength(200);
    expect(s().boardRows.every((r) => r.priority <= 2)).toBe(true);
    expect(s().boardTotal).toBe(all.filter((r) => r.priority <= 2).length);
    // The map's points are every matching incident, not just the page, with the units working it;
    // and no call read every incident's full row.
    expect(s().incidentPoints).toHaveLength(s().boardTotal);
    expect(s().incidentPoints.every((p) => p.priority <= 2)).toBe(true);
    const working = s().incidentPoints.filter((p) => p.unitIds.length);
    expect(working.length).toBeGreaterThan(0);
    expect(working.every((p) => p.unitIds[0] === `u-${p.id}`)).toBe(true);
    expect(asked).not.toContain('listIncidents');
  });

  it('puts a changed row in its place within the loaded range, and leaves it to a later page past it', async () => {
    const { upsertLoadedRow, appendPage, EMPTY_FILTERS } = await load<BoardModule>(
      '../../renderer/state/board.ts',
    );
    const loaded = sorted([row(1, 1), row(2, 2), row(3, 3)]);
    const ids = (rows: Row[]) => rows.map((r) => r.id);
    // Raised to priority 1: moves to the top.
    const raised = { ...row(3, 1), version: 2 };
    expect(ids(upsertLoadedRow(loaded, raised, EMPTY_FILTERS, true))).toEqual([
      'id00001',
      'id00003',
      'id00002',
    ]);
    // Lowered past the last loaded row while more pages remain: off the loaded range.
    const lowered = { ...row(1, 4), version: 2 };
    expect(ids(upsertLoadedRow(loaded, lowered, EMPTY_FILTERS, true))).toEqual(['id00002', 'id00003']);
    // With every row loaded it goes to the end.
    expect(ids(upsertLoadedRow(loaded, lowered, EMPTY_FILTERS, false))).toEqual([
      'id00002',
      'id00003',
      'id00001',
    ]);
    // A new row past the loaded range is not added; a closed one leaves the open board.
    expect(upsertLoadedRow(loaded, row(9, 4), EMPTY_FILTERS, true)).toBe(loaded);
    expect(ids(upsertLoadedRow(loaded, { ...row(2, 2), status: 'closed' }, EMPTY_FILTERS, false))).toEqual([
      'id00001',
      'id00003',
    ]);
    // A page that repeats a row already held (it moved while the page was read) adds it once.
    expect(ids(appendPage(loaded, [row(3, 3), row(7, 4)]))).toEqual([...ids(loaded), 'id00007']);
  });
});
