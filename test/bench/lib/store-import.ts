// Bulk roster import: the same CSV through Vigie's importRoster and through the plain peer.
import { UNIT_KINDS } from '../../../shared/domain.js';
import { realTime } from '../../../shared/clock.js';
import { inBox, PARIS } from './fixture.js';
import { PlainStore } from './plain.js';
import { open, type Driver } from './sql.js';
import { log } from './section.js';
import { timed } from './stats.js';
import { openClient, type Client } from './vigie.js';
import { setOperation } from '../../../electron/store/meta.js';
import { journal, SYSTEM } from '../../../electron/services/context.js';
import { DRIVERS, file, r, removeDb, RUNS } from './store-setup.js';

export const IMPORT_UNITS = 5_000;

function rosterCsv(count: number): string {
  const lines = [
    'callsign,country,agency,kind,personnel,armed,languages,liaison,status,lat,lon,sector,notes',
  ];
  const countries = ['FR', 'DE', 'ES', 'IT', 'BE', 'NL', 'PT', 'PL', 'GB', 'US'];
  for (let i = 1; i <= count; i++) {
    const c = i % 40;
    const p = inBox(r, PARIS);
    lines.push(
      [
        `IMP-${String(i).padStart(5, '0')}`,
        countries[c % countries.length],
        `Agency ${c}`,
        UNIT_KINDS[i % UNIT_KINDS.length],
        String(2 + (i % 5)),
        i % 3 ? 'yes' : 'no',
        'en|fr',
        `Liaison ${c}`,
        'available',
        p.lat.toFixed(6),
        p.lon.toFixed(6),
        `S${(i % 12) + 1}`,
        i % 10 ? '' : 'Relève à 22h',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export interface ImportResult {
  vigie: number[];
  plain: Record<Driver, number[]>;
}

/** A fresh database's operation, journaled as the seed writes it: an import needs one (not timed). */
function withOperation(c: Client): void {
  const db = c.app.db;
  db.transaction(() => {
    setOperation(db, {
      scenarioId: null,
      name: 'Bench import',
      mode: 'real',
      timezone: 'Europe/Paris',
      scenarioStart: null,
      anchorReal: null,
    });
    journal(c.app.ctx, SYSTEM, {
      action: 'operation.created',
      entityType: 'operation',
      entityId: null,
      data: null,
    });
  })();
}

export function bulkImport(): ImportResult {
  log(`roster import of ${IMPORT_UNITS} units: ${RUNS} runs, each into a fresh database`);
  const csv = rosterCsv(IMPORT_UNITS);
  const out: ImportResult = { vigie: [], plain: { 'better-sqlite3': [], 'node:sqlite': [] } };
  for (let run = 0; run < RUNS; run++) {
    const vPath = file(`import-vigie-${run}.db`);
    const c = openClient(vPath);
    try {
      withOperation(c);
      let imported = 0;
      out.vigie.push(
        timed(() => {
          const result = c.call('importRoster', { csv });
          if (result.rejected.length)
            throw new Error(`roster rejected: ${JSON.stringify(result.rejected[0])}`);
          imported = result.imported;
        }),
      );
      if (imported !== IMPORT_UNITS) throw new Error(`importRoster imported ${imported} of ${IMPORT_UNITS}`);
    } finally {
      c.app.close();
      removeDb(vPath);
    }
    for (const d of DRIVERS) {
      const path = file(`import-${d}-${run}.db`);
      const store = new PlainStore(open(d, path), realTime);
      try {
        out.plain[d].push(timed(() => store.importRoster(csv)));
      } finally {
        store.sql.close();
        removeDb(path);
      }
    }
  }
  return out;
}
