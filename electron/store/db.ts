// Opening the database: pragmas, schema check, migrations. Every failure becomes a StoreError
// whose message says what is wrong with which file; nothing is written before the checks pass.
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import { StoreError } from './errors.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Refuse to create a missing file. */
  mustExist?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
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
    migrate(db, file);
    return db;
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

function applyPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new StoreError(
      'newer_version',
      `Database ${file} has schema version ${current}, newer than this Vigie understands (${LATEST_VERSION}). ` +
        'Open it with a newer Vigie; it was left untouched.',
    );
  }
}

function migrate(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current === LATEST_VERSION) return;
  if (db.readonly) {
    throw new StoreError(
      'readonly',
      `Database ${file} needs migration to v${LATEST_VERSION} but is open read-only.`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  db.pragma('optimize');
}

/** SQLite's own consistency check: "ok", or the problems it found joined by "; ". */
export function integrityCheck(db: Db): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
