// What the migrations make, per engine and schema version: the tables and their columns, the
// triggers (with the statement that creates each) and, on PostgreSQL, the functions they call. Read
// from the migrations themselves, never written out a second time: on SQLite from a database freshly
// migrated in memory, on PostgreSQL from the room's schema text. Both engines have the same tables
// and columns (the numbered versions mean the same schema), so a room's columns come from SQLite's.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';
import { PG_MIGRATIONS } from './pg/schema.js';

export interface ExpectedTrigger {
  name: string;
  table: string;
  /** The statement the migrations create it with. */
  sql: string;
}

export interface ExpectedFunction {
  name: string;
  /** The body between the $$ quotes, as PostgreSQL keeps it (pg_proc.prosrc). */
  body: string;
  sql: string;
}

export interface ExpectedSchema {
  /** Table or view name → its columns; an empty list when only the table's presence is checked. */
  tables: Map<string, string[]>;
  triggers: Map<string, ExpectedTrigger>;
  functions: Map<string, ExpectedFunction>;
}

interface SqliteReference extends ExpectedSchema {
  /** Tables SQLite makes differently from PostgreSQL (full-text: a virtual table and its shadows). */
  engineOwn: Set<string>;
}

const sqliteCache = new Map<number, SqliteReference>();
const pgCache = new Map<number, ExpectedSchema>();

/** The columns of one table or view, in order, as SQLite reports them. */
export function sqliteColumns(
  db: { prepare(sql: string): { all(...p: unknown[]): unknown[] } },
  table: string,
) {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
    (r) => r.name,
  );
}

function sqliteReference(version: number): SqliteReference {
  const hit = sqliteCache.get(version);
  if (hit) return hit;
  // A few milliseconds, once per version and process: the same SQL the files were migrated with.
  const mem = new Database(':memory:');
  try {
    for (const m of MIGRATIONS.filter((x) => x.version <= version)) mem.exec(m.sql);
    const rows = mem
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
    const ref: SqliteReference = {
      tables: new Map(),
      triggers: new Map(),
      functions: new Map(),
      engineOwn: new Set(),
    };
    const virtual = rows.filter((r) => r.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(r.sql ?? ''));
    for (const r of rows) {
      if (r.type === 'table' || r.type === 'view') ref.tables.set(r.name, sqliteColumns(mem, r.name));
      if (r.type === 'trigger' && r.sql)
        ref.triggers.set(r.name, { name: r.name, table: r.tbl_name, sql: r.sql });
      if (virtual.some((v) => r.name === v.name || r.name.startsWith(`${v.name}_`)))
        ref.engineOwn.add(r.name);
    }
    sqliteCache.set(version, ref);
    return ref;
  } finally {
    mem.close();
  }
}

const TRIGGER =
  /CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER (?:IF NOT EXISTS )?(\w+)\s[^;]*?\bON (\w+)\b[^;]*;/g;
const DROP_TRIGGER = /DROP TRIGGER (?:IF EXISTS )?(\w+) ON (\w+)/g;
const FUNCTION = /CREATE (?:OR REPLACE )?FUNCTION (\w+)\([^]*?\$\$([^]*?)\$\$;/g;
const DROP_FUNCTION = /DROP FUNCTION (?:IF EXISTS )?(\w+)/g;
const TABLE = /CREATE (?:OR REPLACE )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?(\w+)/g;
const DROP_TABLE = /DROP (?:TABLE|VIEW) (?:IF EXISTS )?(\w+)/g;

function pgExpected(version: number): ExpectedSchema {
  const hit = pgCache.get(version);
  if (hit) return hit;
  const sqls = PG_MIGRATIONS.filter((x) => x.version <= version).map((m) => m.sql);
  const out = pgSchemaOf(sqls, sqliteReference(version));
  pgCache.set(version, out);
  return out;
}

/**
 * A room's schema read from its migrations' text, in the order they run (a later statement
 * replaces or drops an earlier one); columns from the same version's SQLite tables.
 */
export function pgSchemaOf(
  sqls: readonly string[],
  ref: { tables: Map<string, string[]>; engineOwn: Set<string> },
): ExpectedSchema {
  const out: ExpectedSchema = { tables: new Map(), triggers: new Map(), functions: new Map() };
  for (const sql of sqls) {
    const found: { at: number; apply: () => void }[] = [];
    const each = (re: RegExp, apply: (x: RegExpExecArray) => void) => {
      for (const x of sql.matchAll(re)) found.push({ at: x.index, apply: () => apply(x) });
    };
    each(TABLE, (x) => {
      const name = x[1] as string;
      const cols = ref.tables.get(name);
      out.tables.set(name, cols && !ref.engineOwn.has(name) ? cols : []);
    });
    each(DROP_TABLE, (x) => out.tables.delete(x[1] as string));
    each(TRIGGER, (x) => {
      const t = { name: x[1] as string, table: x[2] as string, sql: x[0] };
      out.triggers.set(`${t.table}.${t.name}`, t);
    });
    each(DROP_TRIGGER, (x) => out.triggers.delete(`${x[2]}.${x[1]}`));
    each(FUNCTION, (x) =>
      out.functions.set(x[1] as string, { name: x[1] as string, body: x[2] as string, sql: x[0] }),
    );
    each(DROP_FUNCTION, (x) => out.functions.delete(x[1] as string));
    for (const f of found.sort((a, b) => a.at - b.at)) f.apply();
  }
  return out;
}

/** The schema the migrations make at `version` on this engine. */
export function expectedSchema(engine: 'sqlite' | 'postgres', version: number): ExpectedSchema {
  if (engine === 'postgres') return pgExpected(version);
  // A trigger's key is its table and name on both engines (PostgreSQL names triggers per table).
  const ref = sqliteReference(version);
  const triggers = new Map([...ref.triggers.values()].map((t) => [`${t.table}.${t.name}`, t]));
  return { tables: ref.tables, triggers, functions: ref.functions };
}
