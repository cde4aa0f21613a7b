// One database interface over two engines: a desk's SQLite file (the embedded default) and a
// room's PostgreSQL. The store's query modules are written once against it; the few places where
// the SQL differs ask the dialect (dialect.ts). Opening picks the engine from the location: a
// postgres:// URL is a room, anything else a file.
import { openSqlite, type SqliteOpenOptions } from './sqlite.js';
import { openPostgres } from './pg/db.js';

export type { Ahead, Db, RunResult, Statement } from './db-types.js';
import type { Db } from './db-types.js';

export type OpenOptions = SqliteOpenOptions;

export const schemaVersion = (db: Db): number => db.schemaVersion();
export const integrityCheck = (db: Db): string => db.integrityCheck();

export { isRoomUrl } from './location.js';
import { isRoomUrl } from './location.js';

export function openDatabase(location: string, options: OpenOptions = {}): Db {
  return isRoomUrl(location) ? openPostgres(location, options) : openSqlite(location, options);
}
