// The board's queries over a shift's worth of incidents, through Vigie and as the bare statement.
import { openDatabase } from '../../../electron/store/db.js';
import { realTime } from '../../../shared/clock.js';
import type { IncidentStatus } from '../../../shared/domain.js';
import { addAssignments, addIncidents, addUnits, PARIS } from './fixture.js';
import { BulkJournal } from './fixture-journal.js';
import { PlainStore, type BoardFilter } from './plain.js';
import { open, type Driver } from './sql.js';
import { log, scale } from './section.js';
import { num, stat, timed } from './stats.js';
import { openClient } from './vigie.js';
import { DRIVERS, file, removeDb } from './store-setup.js';

export const BOARD_INCIDENTS = scale(50_000, 10_000);
export const QUERY_RUNS = scale(7, 3);

/** The board's first page as the console asks it (renderer/state/board.ts, BOARD_PAGE). */
export const BOARD_PAGE = 200;

interface Query {
  label: string;
  filter: BoardFilter;
  /** Asked as the console's board asks it (listIncidentPage: the first page and the count). */
  paged: boolean;
}

const QUERIES: Query[] = [
  {
    label: `Board as the console loads it: the first ${BOARD_PAGE} open incidents and the count of all`,
    filter: {},
    paged: true,
  },
  {
    label: 'Filtered (first page): priority 1–2, status new / acknowledged / dispatched',
    filter: { priorities: [1, 2], statuses: ['new', 'acknowledged', 'dispatched'] as IncidentStatus[] },
    paged: true,
  },
  { label: 'Full-text (first page): "colis"', filter: { text: 'colis' }, paged: true },
  {
    label: 'Full-text (first page), two words, accents folded: "pont iena"',
    filter: { text: 'pont iena' },
    paged: true,
  },
  {
    label:
      'Every open incident, full rows (limit 100,000; listIncidents, which the console no longer reads at start)',
    filter: { limit: 100_000 },
    paged: false,
  },
];

export interface QueryResult {
  label: string;
  rows: number;
  /** How many match in all (the paged queries' count). */
  total: number;
  paged: boolean;
  vigie: number[];
  plain: Record<Driver, number[]>;
}

export function boardQueries(): QueryResult[] {
  log(`board queries over ${BOARD_INCIDENTS} incidents: building the fixture`);
  const path = file('board.db');
  const db = openDatabase(path);
  try {
    db.transaction(() => {
      const journal = new BulkJournal(db);
      const units = addUnits(db, journal, {
        count: 2_000,
        bbox: PARIS,
        at: '2024-07-26T10:00:00.000Z',
        seed: 3,
        prefix: 'BQ',
      });
      // The board reads incidents only: their journal entries would change nothing here.
      const incidents = addIncidents(db, null, {
        count: BOARD_INCIDENTS,
        bbox: PARIS,
        from: '2024-07-26T10:00:00.000Z',
        to: '2024-07-26T22:00:00.000Z',
        seed: 5,
      });
      const open = incidents.filter((i) => i.status === 'dispatched' || i.status === 'on_scene');
      addAssignments(
        db,
        journal,
        open
          .slice(0, 1_500)
          .map((inc, k) => ({ incidentId: inc.id, unitId: units[k] as string, at: inc.createdAt })),
      );
    })();
  } finally {
    db.close();
  }
  const vigie = openClient(path);
  const plain = Object.fromEntries(
    DRIVERS.map((d) => [d, new PlainStore(open(d, path), realTime)]),
  ) as Record<Driver, PlainStore>;
  const results: QueryResult[] = [];
  try {
    for (const q of QUERIES) {
      const res: QueryResult = {
        label: q.label,
        rows: 0,
        total: 0,
        paged: q.paged,
        vigie: [],
        plain: { 'better-sqlite3': [], 'node:sqlite': [] },
      };
      // Rows and count of one answer, through Vigie and bare.
      const vigieQuery = (): [number, number] => {
        if (!q.paged) return [vigie.call('listIncidents', q.filter).length, 0];
        const page = vigie.call('listIncidentPage', { ...q.filter, limit: BOARD_PAGE });
        return [page.rows.length, page.total];
      };
      const plainQuery = (d: Driver): [number, number] => {
        if (!q.paged) return [plain[d].board(q.filter).length, 0];
        const page = plain[d].boardPage(q.filter, BOARD_PAGE);
        return [page.rows.length, page.total];
      };
      // One warm-up each, and the row counts must agree.
      [res.rows, res.total] = vigieQuery();
      for (const d of DRIVERS) {
        const [n, total] = plainQuery(d);
        if (n !== res.rows || total !== res.total)
          throw new Error(`${q.label}: Vigie ${res.rows} of ${res.total} rows, ${d} ${n} of ${total}`);
      }
      for (let run = 0; run < QUERY_RUNS; run++) {
        res.vigie.push(timed(() => void vigieQuery()));
        for (const d of DRIVERS) res.plain[d].push(timed(() => void plainQuery(d)));
      }
      log(
        `  ${q.label}: ${res.rows} rows${q.paged ? ` of ${res.total}` : ''}, Vigie ${num(stat(res.vigie).median)} ms`,
      );
      results.push(res);
    }
  } finally {
    vigie.app.close();
    for (const d of DRIVERS) plain[d].sql.close();
    removeDb(path);
  }
  return results;
}
