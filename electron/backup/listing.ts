// The backups a running Vigie offers to restore: the rolling ones (vigie-STAMP.db) and the safety
// copies taken before a restore (vigie-STAMP-before-restore.db) in its backup folder. Any other
// file there is not listed, so only these names can ever be restored from the console.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/api/backups.js';
import { journalHead, tableCounts } from '../store/backup.js';
import type { Db } from '../store/db.js';
import { openSqliteAsIs } from '../store/sqlite.js';
import { fileStamp } from './files.js';

const PATTERN = /^vigie-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?(-before-restore)?\.db$/;

export const safetyBackupName = (date: Date, n = 0): string =>
  `vigie-${fileStamp(date)}${n ? `-${n}` : ''}-before-restore.db`;

/** A backup name this folder lists now: the pattern, and a plain file under that very name. */
export function isListedBackup(dir: string, file: string): boolean {
  if (!PATTERN.test(file)) return false;
  try {
    return readdirSync(dir).includes(file) && statSync(join(dir, file)).isFile();
  } catch {
    return false;
  }
}

/** Newest first; a name that is not one of ours, or not a plain file, is left out. */
export function listBackupFiles(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: (BackupInfo & { order: number })[] = [];
  for (const file of names) {
    const m = PATTERN.exec(file);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, n, safety] = m;
    let bytes: number;
    try {
      const st = statSync(join(dir, file));
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue; // pruned meanwhile
    }
    const kind: BackupKind = safety ? 'safety' : 'rolling';
    found.push({
      file,
      kind,
      takenAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`,
      bytes,
      ...peek(join(dir, file)),
      order: Number(n ?? 0),
    });
  }
  found.sort((a, b) => (a.takenAt === b.takenAt ? b.order - a.order : a.takenAt < b.takenAt ? 1 : -1));
  return found.map(({ order: _order, ...info }) => info);
}

/** Counts read from the file without changing it; nulls when it cannot be read (checked at restore). */
function peek(file: string): Pick<BackupInfo, 'incidents' | 'units' | 'journalSeq'> {
  let db: Db | null = null;
  try {
    db = openSqliteAsIs(file, { readonly: true });
    const counts = tableCounts(db);
    return {
      incidents: counts.incidents ?? null,
      units: counts.units ?? null,
      journalSeq: journalHead(db).seq,
    };
  } catch {
    return { incidents: null, units: null, journalSeq: null };
  } finally {
    db?.close();
  }
}
