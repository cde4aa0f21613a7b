// Browser sessions of the servers on this database (host/sessions.ts), so that every `vigie serve`
// on it knows every browser's desk and a sign-out on one ends the session on all. A row is keyed by
// the SHA-256 of the cookie's token, never the token: whoever reads the table (or a backup of a
// desk's file) cannot present it. Not operation data: sign-in and sign-out are journaled by the
// services, so these rows are neither touched for the journal (after-images.ts) nor copied or
// counted with the operation (dialect.ts listTables).
import { createHash } from 'node:crypto';
import type { Db } from './db-types.js';
import type { Operator } from '../../shared/domain.js';

export interface HostSession {
  /** sessionKey(token). */
  key: string;
  operator: Operator;
  /** Operation time the desk was locked, or null. */
  lockedAt: string | null;
  /** Epoch milliseconds (real time). */
  createdAt: number;
  expiresAt: number;
}

interface Row {
  token_hash: string;
  operator_id: string;
  account_id: string | null;
  login: string | null;
  name: string;
  role: string;
  desk: string;
  contingent_id: string | null;
  country: string | null;
  locked_at: string | null;
  created_at: number;
  expires_at: number;
}

/** The key a session's token is kept under: its SHA-256, in hex. */
export const sessionKey = (token: string): string => createHash('sha256').update(token).digest('hex');

const COLUMNS =
  'token_hash, operator_id, account_id, login, name, role, desk, contingent_id, country, locked_at, created_at, expires_at';

function fromRow(r: Row): HostSession {
  const operator: Operator = {
    id: r.operator_id,
    ...(r.account_id !== null && { accountId: r.account_id }),
    ...(r.login !== null && { login: r.login }),
    name: r.name,
    role: r.role,
    desk: r.desk,
    contingentId: r.contingent_id,
    country: r.country,
  };
  return {
    key: r.token_hash,
    operator,
    lockedAt: r.locked_at,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}

const params = (s: HostSession) => [
  s.key,
  s.operator.id,
  s.operator.accountId ?? null,
  s.operator.login ?? null,
  s.operator.name,
  s.operator.role,
  s.operator.desk,
  s.operator.contingentId ?? null,
  s.operator.country ?? null,
  s.lockedAt,
  s.createdAt,
  s.expiresAt,
];

export function findHostSession(db: Db, key: string): HostSession | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM host_sessions WHERE token_hash = ?`).get(key) as
    Row | undefined;
  return row ? fromRow(row) : null;
}

export function insertHostSession(db: Db, s: HostSession): void {
  db.prepare(`INSERT INTO host_sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    ...params(s),
  );
}

/** The desk's operator, lock and expiry now; false when the row is gone (ended elsewhere). */
export function updateHostSession(db: Db, s: HostSession): boolean {
  return (
    db
      .prepare(
        `UPDATE host_sessions SET operator_id = ?, account_id = ?, login = ?, name = ?, role = ?, desk = ?,
           contingent_id = ?, country = ?, locked_at = ?, expires_at = ? WHERE token_hash = ?`,
      )
      .run(...params(s).slice(1, 10), s.expiresAt, s.key).changes === 1
  );
}

/** True when this call removed it: of several servers finding it ended, one acts on it. */
export function deleteHostSession(db: Db, key: string): boolean {
  return db.prepare('DELETE FROM host_sessions WHERE token_hash = ?').run(key).changes === 1;
}

/** The sessions whose 12 hours were up at `now`. */
export function expiredHostSessions(db: Db, now: number): HostSession[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM host_sessions WHERE expires_at <= ? ORDER BY expires_at LIMIT 1000`)
      .all(now) as Row[]
  ).map(fromRow);
}

export function allHostSessions(db: Db): HostSession[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM host_sessions ORDER BY token_hash`).all() as Row[]).map(fromRow);
}

/** The table holds exactly `sessions` (after a restore replaced the file that held them). */
export function replaceHostSessions(db: Db, sessions: readonly HostSession[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM host_sessions').run();
    for (const s of sessions) insertHostSession(db, s);
  })();
}
