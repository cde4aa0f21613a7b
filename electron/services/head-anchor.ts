// Anchoring the journal's head outside the database. A running Vigie keeps FILE.head current as
// the journal moves (at most once a second, and once more on close); `vigie verify` checks the
// journal still holds the entry a head names, with that very hash: deleting the newest entries
// leaves a valid chain, but not that entry. A writer never overwrites a head file the journal no
// longer matches: that file is the evidence, and verify keeps failing until someone looks.
import { existsSync } from 'node:fs';
import type { HeadCheck } from '../../shared/domain.js';
import { headFileFor, readHeadFile, writeHeadFile, type HeadAnchor } from '../backup/head-file.js';
import { journalHead } from '../store/backup.js';
import { isRoomUrl, type Db } from '../store/db.js';
import { entryHashAt } from '../store/journal-anchor.js';

/** A head to check the journal against, or why the one found could not be read. */
export type HeadToCheck = { anchor: HeadAnchor; source: string } | { unreadable: string; source: string };

/** The head file beside a SQLite file, when there is one (read before the database: it may move on). */
export function headBeside(location: string): HeadToCheck | undefined {
  if (isRoomUrl(location)) return undefined;
  const file = headFileFor(location);
  if (!existsSync(file)) return undefined;
  try {
    return { anchor: readHeadFile(file), source: file };
  } catch (err) {
    return { unreadable: (err as Error).message, source: file };
  }
}

/** Whether the journal still holds the anchored head (entries after it are fine: it moved on). */
export function checkHead(db: Db, head: HeadToCheck): HeadCheck {
  const journalSeq = journalHead(db).seq;
  const { source } = head;
  if ('unreadable' in head) {
    const reason = `the head file cannot be read: ${head.unreadable}`;
    return { ok: false, source, seq: 0, hash: null, at: null, journalSeq, reason };
  }
  const { anchor } = head;
  const result = (reason: string | null): HeadCheck => ({
    ok: reason === null,
    source,
    seq: anchor.seq,
    hash: anchor.hash,
    at: anchor.at,
    journalSeq,
    reason,
  });
  return result(headMismatch(db, anchor, journalSeq));
}

function headMismatch(db: Db, anchor: HeadAnchor, journalSeq: number): string | null {
  if (anchor.seq === 0) return null;
  const hash = entryHashAt(db, anchor.seq);
  if (hash === null) {
    const when = anchor.at ? ` at ${anchor.at}` : '';
    return journalSeq < anchor.seq
      ? `journal ends at #${journalSeq} but its head was #${anchor.seq}${when}: entries were removed`
      : `journal has no entry #${anchor.seq} but its head was #${anchor.seq}${when}: entries were removed`;
  }
  return hash === anchor.hash ? null : `entry #${anchor.seq}'s hash differs from the anchored head`;
}

export interface HeadWriter {
  /** The journal moved: the head file is rewritten within `minIntervalMs`. */
  moved(): void;
  /** Writes the head one last time and stops (call before the database closes). */
  close(): void;
}

export interface HeadWriterOptions {
  file: string;
  now?: () => Date;
  /** At most one write per this many ms (default 1000). */
  minIntervalMs?: number;
  /** A head that could not be written, or a head file the journal no longer matches. */
  onError?: (message: string) => void;
}

/** Follows `db`'s own commits and writes its head to `file`; writes once at start. */
export function startHeadWriter(db: Db, o: HeadWriterOptions): HeadWriter {
  const now = o.now ?? (() => new Date());
  const interval = o.minIntervalMs ?? 1000;
  const report = o.onError ?? ((m: string) => console.error(`[vigie] ${m}`));
  let written: HeadAnchor | null = null;
  let stopped: string | null = null; // why this writer no longer writes
  let lastWriteAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const stop = (why: string) => {
    stopped = why;
    report(why);
  };
  if (existsSync(o.file)) {
    try {
      written = readHeadFile(o.file);
    } catch (err) {
      stop(`head file left as it is: ${(err as Error).message}`);
    }
  }

  const write = () => {
    if (stopped) return;
    try {
      const head = journalHead(db);
      const why = written && headMismatch(db, written, head.seq);
      if (why) return stop(`head file ${o.file} left as it is: ${why}`);
      if (written && written.seq === head.seq && written.hash === head.hash) return;
      const next: HeadAnchor = { ...head, at: now().toISOString(), location: db.location };
      writeHeadFile(o.file, next);
      written = next;
      lastWriteAt = Date.now();
    } catch (err) {
      report(`the journal head could not be written to ${o.file}: ${(err as Error).message}`);
    }
  };
  const flush = () => {
    timer = null;
    write();
  };

  write();
  const unwatch = db.onCommittedAppend(() => writer.moved());
  const writer: HeadWriter = {
    moved: () => {
      if (timer || stopped || closed) return;
      timer = setTimeout(flush, Math.max(0, lastWriteAt + interval - Date.now()));
      timer.unref();
    },
    close: () => {
      if (closed) return;
      closed = true;
      unwatch();
      if (timer) clearTimeout(timer);
      timer = null;
      write();
    },
  };
  return writer;
}
