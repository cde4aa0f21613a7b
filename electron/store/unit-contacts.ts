// A unit's radio channel and phone. The units table has no column for them yet (a schema change
// is another session's), so each unit's pair is a journaled meta row `unit_contact:<id>` holding
// {"radio": ..., "phone": ...}; units.ts reads it back with a join. Moving them to units columns
// later touches this file and that join only.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import { setMeta } from './meta.js';

export interface UnitContact {
  radio: string | null;
  phone: string | null;
}

export const CONTACT_KEY_PREFIX = 'unit_contact:';

/** The join that brings a unit's contact row to a query on `units u` (SQLite and PostgreSQL). */
export const CONTACT_JOIN = `LEFT JOIN meta uc ON uc.key = '${CONTACT_KEY_PREFIX}' || u.id`;

export function parseContact(value: string | null): UnitContact {
  if (!value) return { radio: null, phone: null };
  const v = JSON.parse(value) as Partial<UnitContact>;
  return { radio: v.radio ?? null, phone: v.phone ?? null };
}

/** The row alone, for a unit being inserted. */
export function writeContactRow(db: Db, unitId: string, contact: UnitContact): void {
  setMeta(db, CONTACT_KEY_PREFIX + unitId, JSON.stringify(contact));
}

/** Writes the pair and moves the unit's version on, so desks reload it like any unit change. */
export function setUnitContact(db: Db, unitId: string, contact: UnitContact): void {
  writeContactRow(db, unitId, contact);
  db.prepare('UPDATE units SET version = version + 1 WHERE id = ?').run(unitId);
  touch(db, 'units', unitId);
}
