// The store's peer: the same SQL on node:sqlite (Node 22's built-in SQLite) and on better-sqlite3,
// behind one small interface so that exactly the same code runs on both drivers. Both open real
// files with the project's pragmas (WAL, synchronous = FULL, foreign keys, busy timeout) and the
// project's schema (the migrations' SQL); better-sqlite3 through the project's own openDatabase.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { openDatabase, type Db } from '../../../electron/store/db.js';
import { sqliteHandle } from '../../../electron/store/sqlite.js';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations/index.js';

export type Driver = 'better-sqlite3' | 'node:sqlite';
export type Value = null | number | bigint | string | Uint8Array;
export type Args = Value[] | [Record<string, Value>];
export type Row = Record<string, unknown>;

export interface Stmt {
  run(...a: Args): void;
  get(...a: Args): Row | undefined;
  all(...a: Args): Row[];
  iterate(...a: Args): Iterable<Row>;
}

export interface Sql {
  driver: Driver;
  exec(sql: string): void;
  prepare(sql: string): Stmt;
  /** BEGIN … COMMIT (ROLLBACK on a throw): the same statements on both drivers. */
  transaction<T>(fn: () => T): T;
  /** The value of a pragma, read back (to show that the settings took). */
  pragma(name: string): unknown;
  version(): string;
  close(): void;
}

/** The pragmas of electron/store/db.ts, in its order. */
const PRAGMAS = ['busy_timeout = 5000', 'foreign_keys = ON', 'journal_mode = WAL', 'synchronous = FULL'];

function withTransaction(exec: (sql: string) => void) {
  return <T>(fn: () => T): T => {
    exec('BEGIN');
    try {
      const result = fn();
      exec('COMMIT');
      return result;
    } catch (err) {
      exec('ROLLBACK');
      throw err;
    }
  };
}

export function wrapBetter(vigieDb: Db): Sql {
  const db = sqliteHandle(vigieDb);
  const exec = (sql: string) => void db.exec(sql);
  return {
    driver: 'better-sqlite3',
    exec,
    prepare(sql) {
      const st = db.prepare(sql);
      return {
        run: (...a) => void st.run(...a),
        get: (...a) => st.get(...a) as Row | undefined,
        all: (...a) => st.all(...a) as Row[],
        iterate: (...a) => st.iterate(...a) as Iterable<Row>,
      };
    },
    transaction: withTransaction(exec),
    pragma: (name) => db.pragma(name, { simple: true }),
    version: () => (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    close: () => db.close(),
  };
}

/** better-sqlite3 opened by the project's openDatabase (pragmas and migrations included). */
export const openBetter = (file: string): Sql => wrapBetter(openDatabase(file));

/** node:sqlite with the same pragmas and the same migrations. */
export function openNodeSqlite(file: string): Sql {
  const db = new DatabaseSync(file);
  const exec = (sql: string) => db.exec(sql);
  const bind = (a: Args) => a as SQLInputValue[];
  const sql: Sql = {
    driver: 'node:sqlite',
    exec,
    prepare(text) {
      const st = db.prepare(text);
      return {
        run: (...a) => void st.run(...bind(a)),
        get: (...a) => st.get(...bind(a)),
        all: (...a) => st.all(...bind(a)),
        iterate: (...a) => st.iterate(...bind(a)),
      };
    },
    transaction: withTransaction(exec),
    pragma: (name) => {
      const row = db.prepare(`PRAGMA ${name}`).get();
      return row ? Object.values(row)[0] : undefined;
    },
    version: () => String(db.prepare('SELECT sqlite_version() AS v').get()?.v),
    close: () => db.close(),
  };
  for (const p of PRAGMAS) exec(`PRAGMA ${p}`);
  const current = Number(sql.pragma('user_version'));
  if (current < LATEST_VERSION) {
    sql.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version > current)) {
        exec(m.sql);
        exec(`PRAGMA user_version = ${m.version}`);
      }
    });
    exec('PRAGMA optimize');
  }
  return sql;
}

export const open = (driver: Driver, file: string): Sql =>
  driver === 'better-sqlite3' ? openBetter(file) : openNodeSqlite(file);

/** "wal / FULL": what the connection really runs with. */
export function durability(sql: Sql): string {
  const sync = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(sql.pragma('synchronous'))] ?? '?';
  return `journal_mode=${String(sql.pragma('journal_mode'))}, synchronous=${sync}`;
}
