import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Operator } from '../../shared/domain.js';

export function insertOperator(db: Db, o: Operator, signedInAt: string): void {
  db.prepare(
    `INSERT INTO operators (id, name, role, desk, signed_in_at, account_id)
     VALUES (@id, @name, @role, @desk, @signedInAt, @accountId)`,
  ).run({ id: o.id, name: o.name, role: o.role, desk: o.desk, signedInAt, accountId: o.accountId ?? null });
  touch(db, 'operators', o.id);
}

export function signOutOperator(db: Db, id: string, at: string): void {
  db.prepare('UPDATE operators SET signed_out_at = ? WHERE id = ? AND signed_out_at IS NULL').run(at, id);
  touch(db, 'operators', id);
}

export function getOperator(db: Db, id: string): Operator | null {
  return (
    (db.prepare('SELECT id, name, role, desk FROM operators WHERE id = ?').get(id) as Operator | undefined) ??
    null
  );
}
