// A desk's SQLite file: pragmas, schema check, migrations. Every failure becomes a StoreError
// whose message says what is wrong with which file; nothing is written before the checks pass.
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import { StoreError } from './errors.js';
import { AppendListeners, TouchLog, type Ahead, type Db, type Statement } from './db-types.js';
import { SQLITE } from './dialect.js';
import { journalBaseline } from './baseline.js';

/** better-sqlite3's own handle, for what only SQLite has (online backup, VACUUM INTO, pragmas). */
export type SqliteHandle = Database.Database;

export interface SqliteOpenOptions {
  readonly?: boolean;
  /** Refuse to create a missing file. */
  mustExist?: boolean;
}

export function openSqlite(file: string, options: SqliteOpenOptions = {}): Db {
  let db: SqliteHandle;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.mustExist ?? false,
    });
  } catch (err) {
    throw new StoreError('unreadable', `Cannot open database ${file}: ${(err as Error).message}`);
  }
  try {
    // Reading the schema first surfaces "file is not a database" before anything is written, and
    // the version check comes before WAL (which rewrites the header) so a refused file stays as it was.
    db.pragma('schema_version');
    refuseNewer(db, file);
    applyPragmas(db, options.readonly ?? false);
    const vigie = new SqliteDb(db, file);
    migrate(vigie, file);
    return vigie;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    const message = (err as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new StoreError(
        'corrupt',
        `Database ${file} is corrupt or not a Vigie database (${message}); it was left untouched.`,
      );
    }
    if (/readonly|read-only/i.test(message)) {
      throw new StoreError('readonly', `Database ${file} cannot be written (${message}).`);
    }
    throw new StoreError('unreadable', `Cannot open database ${file}: ${message}`);
  }
}

function applyPragmas(db: SqliteHandle, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

function userVersion(db: SqliteHandle): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(db: SqliteHandle, file: string): void {
  const current = userVersion(db);
  if (current > LATEST_VERSION) {
    throw new StoreError(
      'newer_version',
      `Database ${file} has schema version ${current}, newer than this Vigie understands (${LATEST_VERSION}). ` +
        'Open it with a newer Vigie; it was left untouched.',
    );
  }
}

function migrate(vigie: SqliteDb, file: string): void {
  const db = vigie.raw;
  const current = userVersion(db);
  if (current === LATEST_VERSION) return;
  if (db.readonly) {
    throw new StoreError(
      'readonly',
      `Database ${file} needs migration to v${LATEST_VERSION} but is open read-only.`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  vigie.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    journalBaseline(vigie, current);
  })();
  db.pragma('optimize');
}

/** A SQLite file as it is, without checks or migrations (backups being checked, files being probed). */
export function openSqliteAsIs(file: string, o: { readonly?: boolean; timeoutMs?: number } = {}): Db {
  const raw = new Database(file, {
    readonly: o.readonly ?? false,
    fileMustExist: true,
    ...(o.timeoutMs !== undefined ? { timeout: o.timeoutMs } : {}),
  });
  return new SqliteDb(raw, file);
}

/**
 * A file opened read-only to be checked (`vigie verify`): refused with a StoreError when it is not
 * a Vigie database (empty, another SQLite file, not SQLite) or comes from a newer Vigie.
 */
export function openSqliteForCheck(file: string): Db {
  let db: Db;
  try {
    db = openSqliteAsIs(file, { readonly: true });
  } catch (err) {
    throw new StoreError('unreadable', `Cannot open database ${file}: ${(err as Error).message}`);
  }
  try {
    const version = db.schemaVersion();
    const journal = db
      .prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'journal'")
      .get();
    if (version === 0 || !journal)
      throw new StoreError(
        'corrupt',
        `${file} is not a Vigie database (no Vigie schema in it); it was left untouched.`,
      );
    refuseNewer(sqliteHandle(db), file);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(
      'corrupt',
      `${file} is corrupt or not a Vigie database (${(err as Error).message}); it was left untouched.`,
    );
  }
}

/** The SQLite handle behind a Db; only SQLite-only code (backups of a file) asks for it. */
export function sqliteHandle(db: Db): SqliteHandle {
  if (!(db instanceof SqliteDb)) throw new Error(`${db.location} is not a SQLite file`);
  return db.raw;
}

class SqliteDb implements Db {
  readonly dialect = SQLITE;
  private readonly statements = new Map<string, Statement>();
  private readonly listeners = new AppendListeners();
  readonly touched = new TouchLog();
  private depth = 0;
  // One better-sqlite3 transaction function for the connection, handed each body to run: making a
  // new one for every call cost more than an empty transaction.
  private readonly runner: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(
    readonly raw: SqliteHandle,
    readonly location: string,
  ) {
    this.runner = raw.transaction((fn: () => unknown) => {
      const out = fn();
      if (this.depth === 1) this.touched.mustBeJournaled();
      return out;
    });
  }

  get readonly(): boolean {
    return this.raw.readonly;
  }

  prepare(sql: string): Statement {
    // Preparing is most of the cost of a short statement: keep each one for the connection's life.
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql) as unknown as Statement;
      this.statements.set(sql, s);
    }
    return s;
  }

  readAhead(sql: string, ...params: unknown[]): Ahead {
    // In-process: nothing to gain by waiting.
    return { rows: this.prepare(sql).all(...params) };
  }

  transaction<T>(fn: () => T): () => T {
    return () => {
      const mark = this.touched.begin();
      let committed = false;
      if (this.depth > 0) {
        this.depth++;
        try {
          const out = this.runner(fn) as T;
          committed = true;
          return out;
        } finally {
          this.depth--;
          this.touched.end(mark, committed);
        }
      }
      this.depth++;
      try {
        // IMMEDIATE takes the write lock first, so two processes on one file queue on busy_timeout
        // instead of failing when a reader upgrades to a writer.
        const out = this.runner.immediate(fn) as T;
        committed = true;
        this.listeners.committed();
        return out;
      } catch (err) {
        this.listeners.rolledBack();
        throw err;
      } finally {
        this.depth--;
        this.touched.end(mark, committed);
      }
    };
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }
  schemaVersion(): number {
    return userVersion(this.raw);
  }
  integrityCheck(): string {
    const rows = this.raw.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }
  onCommittedAppend(listener: (seq: number) => void): () => void {
    return this.listeners.add(listener);
  }
  lockJournal(): void {
    // The IMMEDIATE transaction already holds the file's only write lock.
  }
  appended(seq: number): void {
    this.listeners.appended(seq);
    // Outside a transaction the statement has committed already.
    if (this.depth === 0) this.listeners.committed();
  }
  close(): void {
    this.raw.close();
  }
}
