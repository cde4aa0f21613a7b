// The live schema against what the migrations make (schema-expected.ts): tables, columns, triggers
// and a room's trigger functions. A dropped or disabled append-only trigger lets the records be
// rewritten without a trace in the database, so `vigie verify` reports it and a writing process
// restores it (restoreTriggers) before it runs. A few catalog reads: cheap enough for every start.
import type { SchemaReport } from '../../shared/domain.js';
import type { Db } from './db-types.js';
import { StoreError } from './errors.js';
import { PgError } from './pg/bridge.js';
import { MIGRATE_LOCK } from './pg/db.js';
import { expectedSchema, sqliteColumns, type ExpectedSchema } from './schema-expected.js';

interface LiveTrigger {
  name: string;
  table: string;
  /** SQLite's statement text; PostgreSQL's is checked through `enabled` and its function instead. */
  sql: string | null;
  enabled: boolean;
}

interface Live {
  /** Table or view → its columns (null: it exists but its columns could not be read). */
  tables: Map<string, string[] | null>;
  triggers: Map<string, LiveTrigger>;
  /** PostgreSQL function name → its body. */
  functions: Map<string, string>;
}

function readSqlite(db: Db): Live {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const live: Live = { tables: new Map(), triggers: new Map(), functions: new Map() };
  for (const r of rows) {
    if (r.type === 'trigger')
      live.triggers.set(`${r.tbl_name}.${r.name}`, {
        name: r.name,
        table: r.tbl_name,
        sql: r.sql,
        enabled: true,
      });
    if (r.type !== 'table' && r.type !== 'view') continue;
    let columns: string[] | null;
    try {
      columns = sqliteColumns(db, r.name);
    } catch {
      columns = null; // a view over a dropped table or column
    }
    live.tables.set(r.name, columns);
  }
  return live;
}

// One round trip: every start of every room server runs it.
const PG_CATALOG = `
SELECT 'trigger' AS kind, c.relname AS tbl, t.tgname AS name, t.tgenabled <> 'D' AS enabled, NULL AS body
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  WHERE NOT t.tgisinternal AND c.relnamespace = CAST(CAST(current_schema() AS text) AS regnamespace)
UNION ALL
SELECT 'table', table_name, NULL, true, NULL FROM information_schema.tables WHERE table_schema = current_schema()
UNION ALL
SELECT 'column', table_name, column_name, true, NULL FROM information_schema.columns
  WHERE table_schema = current_schema()
UNION ALL
SELECT 'function', NULL, proname, true, prosrc FROM pg_proc
  WHERE pronamespace = CAST(CAST(current_schema() AS text) AS regnamespace)`;

function readPostgres(db: Db): Live {
  const rows = db.prepare(PG_CATALOG).all() as {
    kind: string;
    tbl: string | null;
    name: string | null;
    enabled: boolean;
    body: string | null;
  }[];
  const live: Live = { tables: new Map(), triggers: new Map(), functions: new Map() };
  for (const r of rows) if (r.kind === 'table' && r.tbl) live.tables.set(r.tbl, []);
  for (const r of rows) {
    const tbl = r.tbl ?? '';
    const name = r.name ?? '';
    if (r.kind === 'trigger')
      live.triggers.set(`${tbl}.${name}`, { name, table: tbl, sql: null, enabled: r.enabled });
    if (r.kind === 'column') live.tables.get(tbl)?.push(name);
    if (r.kind === 'function') live.functions.set(name, r.body ?? '');
  }
  return live;
}

function compare(expected: ExpectedSchema, live: Live): SchemaReport {
  const r: SchemaReport = {
    ok: true,
    missingTables: [],
    missingColumns: [],
    missingTriggers: [],
    alteredTriggers: [],
    missingFunctions: [],
    alteredFunctions: [],
    unexpectedTriggers: [],
    problems: [],
  };
  for (const [table, columns] of expected.tables) {
    const found = live.tables.get(table);
    if (found === undefined) {
      r.missingTables.push(table);
      r.problems.push(`table ${table} is missing`);
      continue;
    }
    if (found === null) {
      r.missingColumns.push(...columns.map((c) => `${table}.${c}`));
      r.problems.push(`the columns of ${table} cannot be read (a table or column it needs is missing)`);
      continue;
    }
    for (const c of columns.filter((x) => !found.includes(x))) {
      r.missingColumns.push(`${table}.${c}`);
      r.problems.push(`column ${c} of table ${table} is missing`);
    }
  }
  for (const [name, f] of expected.functions) {
    const body = live.functions.get(name);
    if (body === undefined) {
      r.missingFunctions.push(name);
      r.problems.push(`function ${name} is missing`);
    } else if (body !== f.body) {
      r.alteredFunctions.push(name);
      r.problems.push(`function ${name} is not as the migrations made it`);
    }
  }
  for (const [key, t] of expected.triggers) {
    const found = live.triggers.get(key);
    if (!found) {
      r.missingTriggers.push(key);
      r.problems.push(`trigger ${t.name} on ${t.table} is missing`);
    } else if (!found.enabled || (found.sql !== null && found.sql !== t.sql)) {
      r.alteredTriggers.push(key);
      r.problems.push(
        `trigger ${t.name} on ${t.table} is ${found.enabled ? 'not as the migrations made it' : 'disabled'}`,
      );
    }
  }
  for (const [key, t] of live.triggers) {
    if (expected.triggers.has(key)) continue;
    r.unexpectedTriggers.push(key);
    r.problems.push(`trigger ${t.name} on ${t.table} was not made by Vigie`);
  }
  r.ok = r.problems.length === 0;
  return r;
}

/** Reads only: safe on a file or room opened read-only (`vigie verify`). */
export function checkSchema(db: Db): SchemaReport {
  const engine = db.dialect.name;
  const live = engine === 'postgres' ? readPostgres(db) : readSqlite(db);
  return compare(expectedSchema(engine, db.schemaVersion()), live);
}

/** What restoreTriggers can put back; the rest (tables, columns, foreign triggers) it cannot. */
export function onlyTriggersWrong(r: SchemaReport): boolean {
  return !r.missingTables.length && !r.missingColumns.length && !r.unexpectedTriggers.length;
}

/**
 * Recreates missing or altered triggers (and a room's trigger functions) from the migrations' own
 * statements. Call inside a transaction; it checks again under the schema lock, since another room
 * server may be restoring them at the same moment. Returns the report it acted on.
 */
export function restoreTriggers(db: Db): SchemaReport {
  const pg = db.dialect.name === 'postgres';
  if (pg) db.prepare('SELECT pg_advisory_xact_lock(?)').get(MIGRATE_LOCK);
  const report = checkSchema(db);
  const expected = expectedSchema(db.dialect.name, db.schemaVersion());
  const statements: string[] = [];
  for (const name of [...report.missingFunctions, ...report.alteredFunctions]) {
    const f = expected.functions.get(name);
    if (f) statements.push(f.sql.replace(/^CREATE (OR REPLACE )?FUNCTION/, 'CREATE OR REPLACE FUNCTION'));
  }
  for (const key of [...report.missingTriggers, ...report.alteredTriggers]) {
    const t = expected.triggers.get(key);
    if (!t) continue;
    statements.push(
      pg ? `DROP TRIGGER IF EXISTS ${t.name} ON ${t.table};` : `DROP TRIGGER IF EXISTS ${t.name};`,
    );
    statements.push(pg ? t.sql : `${t.sql};`);
  }
  try {
    if (statements.length) db.exec(statements.join('\n'));
  } catch (err) {
    const denied = err instanceof PgError && err.code === '42501';
    throw new StoreError(
      'corrupt',
      `${db.location}: ${report.problems.join('; ')}; Vigie cannot put them back (${
        denied ? 'permission denied: the role it connects as does not own the tables' : (err as Error).message
      }) and will not run without them. Recreate them as the owner of the database (start Vigie once as that role), or restore a backup.`,
    );
  }
  return report;
}
