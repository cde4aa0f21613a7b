// Console settings as key/value rows. The settings version is the highest row version, and a
// write stamps its rows with that plus one, so any write moves it on (optimistic concurrency).
import { touch } from './after-images.js';
import type { Db } from './db.js';
import { DEFAULT_SETTINGS, type Settings, type SettingsValues } from '../../shared/domain.js';

interface Row {
  key: string;
  value: string;
  version: number;
}

const isKey = (key: string): key is keyof SettingsValues => Object.hasOwn(DEFAULT_SETTINGS, key);

export function readSettings(db: Db): Settings {
  const values: SettingsValues = { ...DEFAULT_SETTINGS };
  let version = 1;
  for (const r of db.prepare('SELECT key, value, version FROM settings').all() as Row[]) {
    // Rows for settings this version no longer knows are kept but ignored.
    if (isKey(r.key)) Object.assign(values, { [r.key]: JSON.parse(r.value) as unknown });
    version = Math.max(version, r.version);
  }
  return { ...values, version };
}

/** Writes the given values at `version`; call inside the transaction that checked the version. */
export function writeSettings(db: Db, values: Partial<SettingsValues>, version: number): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, version) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version`,
  );
  for (const [key, value] of Object.entries(values)) {
    upsert.run(key, JSON.stringify(value), version);
    touch(db, 'settings', key);
  }
}
