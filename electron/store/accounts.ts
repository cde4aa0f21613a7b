// Operators' accounts. The passphrase hash is read only by the sign-in check (passHash) and never
// leaves the store in a listing.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Role } from '../../shared/roles.js';
import type { OperatorAccount } from '../../shared/api/operators.js';

export interface AccountRow extends Pick<
  OperatorAccount,
  'id' | 'login' | 'name' | 'role' | 'contingentId' | 'disabled' | 'version'
> {
  /** An observer's own country; a liaison's comes from the contingent (see `reads`). */
  country: string | null;
  hasPassphrase: boolean;
  createdAt: string;
  /** The nation the account reads for: an observer's country or a liaison's contingent's. */
  reads: string | null;
}

const COLUMNS = `a.id, a.login, a.name, a.role, a.contingent_id AS "contingentId", a.country,
  a.disabled, a.pass_hash IS NOT NULL AS "hasPassphrase", a.created_at AS "createdAt", a.version,
  COALESCE(a.country, c.country) AS reads
  FROM accounts a LEFT JOIN contingents c ON c.id = a.contingent_id`;

type Raw = Omit<AccountRow, 'disabled' | 'hasPassphrase'> & {
  disabled: number;
  hasPassphrase: number | boolean;
};
const toRow = (r: Raw): AccountRow => ({
  ...r,
  disabled: r.disabled === 1,
  hasPassphrase: Boolean(r.hasPassphrase),
});

export function listAccounts(db: Db): AccountRow[] {
  return (db.prepare(`SELECT ${COLUMNS} ORDER BY a.login`).all() as Raw[]).map(toRow);
}

export function getAccount(db: Db, id: string): AccountRow | null {
  const r = db.prepare(`SELECT ${COLUMNS} WHERE a.id = ?`).get(id) as Raw | undefined;
  return r ? toRow(r) : null;
}

/**
 * What every call checks of the caller's account (services/access.ts): its role and whether it is
 * disabled, without the join and the mapping of a full AccountRow. Null when it is gone.
 */
export function accountStanding(db: Db, id: string): { role: Role; disabled: boolean } | null {
  const r = db.prepare('SELECT role, disabled FROM accounts WHERE id = ?').get(id) as
    { role: Role; disabled: number } | undefined;
  return r ? { role: r.role, disabled: r.disabled === 1 } : null;
}

export function findLogin(db: Db, login: string): AccountRow | null {
  const r = db.prepare(`SELECT ${COLUMNS} WHERE a.login = ?`).get(login) as Raw | undefined;
  return r ? toRow(r) : null;
}

export function passHash(db: Db, id: string): string | null {
  const r = db.prepare('SELECT pass_hash AS h FROM accounts WHERE id = ?').get(id) as
    { h: string | null } | undefined;
  return r?.h ?? null;
}

export interface NewAccount {
  id: string;
  login: string;
  name: string;
  role: Role;
  contingentId: string | null;
  country: string | null;
  passHash: string | null;
  disabled: boolean;
  createdAt: string;
}

export function insertAccount(db: Db, a: NewAccount): void {
  db.prepare(
    `INSERT INTO accounts (id, login, name, role, contingent_id, country, pass_hash, disabled, created_at)
     VALUES (@id, @login, @name, @role, @contingentId, @country, @passHash, @disabled, @createdAt)`,
  ).run({ ...a, disabled: a.disabled ? 1 : 0 });
  touch(db, 'accounts', a.id);
}

export interface AccountChange {
  name: string;
  role: Role;
  contingentId: string | null;
  country: string | null;
  disabled: boolean;
}

/** Writes the change if the row is still at `version`; false when someone changed it first. */
export function updateAccount(db: Db, id: string, version: number, c: AccountChange): boolean {
  const r = db
    .prepare(
      `UPDATE accounts SET name = @name, role = @role, contingent_id = @contingentId, country = @country,
         disabled = @disabled, version = version + 1
       WHERE id = @id AND version = @version`,
    )
    .run({ ...c, disabled: c.disabled ? 1 : 0, id, version });
  touch(db, 'accounts', id);
  return r.changes === 1;
}

/** A new passphrase; `enable` also lifts the disabled flag (a migrated account's first passphrase). */
export function setPassHash(db: Db, id: string, hash: string, enable = false): void {
  db.prepare(
    `UPDATE accounts SET pass_hash = ?, disabled = CASE WHEN ? = 1 THEN 0 ELSE disabled END,
       version = version + 1 WHERE id = ?`,
  ).run(hash, enable ? 1 : 0, id);
  touch(db, 'accounts', id);
}

export function loginTaken(db: Db, login: string): boolean {
  return db.prepare('SELECT 1 AS x FROM accounts WHERE login = ?').get(login) !== undefined;
}

/** Names typed at sign-in before accounts existed, with no account of that name yet. */
export function typedNamesWithoutAccount(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT o.name FROM operators o
         WHERE o.account_id IS NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.name = o.name)
         ORDER BY o.name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}
