// Key-value facts about the database itself: which operation it holds and its clock anchor.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { OperationMode } from '../../shared/domain.js';

export interface OperationMeta {
  scenarioId: string | null;
  name: string;
  mode: OperationMode;
  timezone: string;
  scenarioStart: string | null;
  anchorReal: string | null;
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
  touch(db, 'meta', key);
}

export function getOperation(db: Db): OperationMeta | null {
  const raw = getMeta(db, 'operation');
  return raw ? (JSON.parse(raw) as OperationMeta) : null;
}

export function setOperation(db: Db, op: OperationMeta): void {
  setMeta(db, 'operation', JSON.stringify(op));
}

/** The operation's country, whose staff see every item (FR for Paris 2024; FR for older files). */
export function hostCountry(db: Db): string {
  return getMeta(db, 'host_country') ?? 'FR';
}

/** The meta row naming the scenario package's base map, which `vigie serve` loads when given no --basemap. */
export const BASEMAP_META = 'basemap_file';
