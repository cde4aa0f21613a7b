// `vigie backup` of a room: a SQLite file for the archive, holding what the room held at one
// instant while desks keep writing. The room is read in one REPEATABLE READ snapshot and copied row
// for row into a fresh file under a temporary name, which is checked (integrity, journal chain,
// and the head and counts read from the snapshot) before it takes its final name; its head file is
// written beside it unless `anchor` is false (the snapshots a server hands to desks).
import type { Db } from '../store/db.js';
import { openDatabase } from '../store/db.js';
import { copyOperation, readSnapshot } from '../store/copy.js';
import { journalHead, tableCounts } from '../store/backup.js';
import { backupTarget, keepCheckedCopy, removePartial, type BackupReport } from './backup.js';

export function backupRoom(room: Db, out: string, o: { anchor?: boolean } = {}): BackupReport {
  const started = Date.now();
  const { file, partial } = backupTarget(out);
  try {
    const read = readSnapshot(room, () => {
      // A fresh file at the latest schema; copyOperation replaces its default settings row.
      const copy = openDatabase(partial);
      try {
        copy.transaction(() => copyOperation(room, copy))();
      } finally {
        copy.close();
      }
      return { head: journalHead(room), counts: tableCounts(room) };
    });
    return keepCheckedCopy(partial, file, started, {
      expected: read,
      ...(o.anchor !== false && { from: room.location }),
    });
  } finally {
    removePartial(partial);
  }
}
