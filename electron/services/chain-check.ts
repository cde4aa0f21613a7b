// The journal check at start-up, independent of the journal's length. A checkpoint (the entry up
// to which a Vigie last found the whole chain good, store/journal-checkpoint.ts) lets opening check
// only that entry's hash and the entries after it; the older entries are then checked again in the
// background, a slice at a time between requests, so an entry edited in place (its hash no longer
// matching) still raises every desk's alarm shortly after opening. Without a checkpoint, or when
// the checkpointed entry is gone or changed, the whole chain is checked before anything is served.
import type { Db } from '../store/db.js';
import { sliceSizer } from './background-slice.js';
import { sliceTimer } from './background-gate.js';
import { entryHashAt } from '../store/journal-anchor.js';
import { readCheckpoint, writeCheckpoint, type Checkpoint } from '../store/journal-checkpoint.js';
import { GENESIS, verifyChainFrom, type ChainPoint, type ChainResult } from '../store/journal.js';

/** Entries checked per background slice (sized to take a few ms: background-slice.ts), and the pause between slices. */
const SLICE_MIN = 100;
const SLICE_MAX = 2000;
const PAUSE_MS = 5;

export interface ChainWatch {
  /** What every desk is shown: the start-up check, or the background check's finding of a break. */
  result(): ChainResult;
  /** Whether every entry has been checked since opening (false while the background check runs). */
  complete(): boolean;
  /** Checks what was appended since the last check and moves the checkpoint there (a clean close). */
  close(): void;
}

export interface ChainWatchOptions {
  /** Wall-clock time, ISO, recorded with the checkpoint. */
  now: () => string;
  /** Where a break found in the background is reported (besides every desk's alarm). */
  onAlarm: (message: string) => void;
  /** Check the older entries in the background (a long-lived app); off for a one-shot command. */
  background: boolean;
}

const brokenAt = (cp: Checkpoint, reason: string): ChainResult => ({
  ok: false,
  entries: 0,
  firstBadSeq: cp.seq,
  reason: `${reason} (checked good on ${cp.verifiedAt})`,
});

/** The checkpoint still holds: its entry is there with the very hash that was checked. */
export function checkpointProblem(db: Db, cp: Checkpoint): string | null {
  if (cp.seq === 0) return cp.hash === GENESIS.hash ? null : 'the checkpoint names no entry';
  const hash = entryHashAt(db, cp.seq);
  if (hash === null) return `entry #${cp.seq} is gone: entries were removed`;
  return hash === cp.hash ? null : `entry #${cp.seq}'s hash differs from the one checked`;
}

export function watchChain(db: Db, o: ChainWatchOptions): ChainWatch {
  const cp = readCheckpoint(db);
  let result: ChainResult;
  /** The last entry known good: the next check starts after it; null once a break is found. */
  let good: ChainPoint | null = null;
  let pending: ChainPoint | null = null; // the older part still to check in the background
  const whole = (checkpoint: boolean) => {
    const s = verifyChainFrom(db, GENESIS);
    good = s.ok ? s.reached : null;
    if (s.ok && checkpoint) writeCheckpoint(db, s.reached, o.now());
    return { ok: s.ok, entries: s.entries, firstBadSeq: s.firstBadSeq, reason: s.reason };
  };
  const problem = cp && checkpointProblem(db, cp);
  if (!cp) result = whole(true);
  else if (problem) {
    // An entry's hash never changes and entries are never removed: the checkpoint no longer
    // holding is itself the break, even if the chain was rewritten to be consistent again.
    // The checkpoint is left as it is: it is the evidence.
    const full = whole(false);
    good = null;
    result = full.ok ? brokenAt(cp, problem) : full;
  } else {
    const tail = verifyChainFrom(db, cp);
    good = tail.ok ? tail.reached : null;
    result = { ok: tail.ok, entries: tail.entries, firstBadSeq: tail.firstBadSeq, reason: tail.reason };
    if (tail.ok && cp.seq > 0) pending = cp;
  }

  let closed = false;
  let from: ChainPoint = GENESIS;
  const slice = sliceSizer(SLICE_MIN, SLICE_MAX);
  const step = () => {
    if (closed || !pending) return;
    const target = pending;
    const s = slice.run((n) => verifyChainFrom(db, from, Math.min(n, target.seq - from.seq)));
    if (!s.ok || (s.reached.seq >= target.seq && s.reached.hash !== target.hash)) {
      result = s.ok
        ? { ok: false, entries: s.entries, firstBadSeq: target.seq, reason: 'previous-hash link broken' }
        : { ok: false, entries: s.entries, firstBadSeq: s.firstBadSeq, reason: s.reason };
      good = pending = null;
      o.onAlarm(`journal: entry #${result.firstBadSeq} is not as it was written: ${result.reason}`);
      return;
    }
    from = s.reached;
    if (from.seq >= target.seq) {
      pending = null;
      advance();
      return;
    }
    schedule();
  };
  const timer = sliceTimer(PAUSE_MS, step);
  const schedule = () => timer.schedule();
  /** Checks the entries appended since the last check and moves the checkpoint to the end. */
  const advance = () => {
    if (!good || pending || !result.ok) return;
    const s = verifyChainFrom(db, good);
    if (!s.ok) {
      result = { ok: false, entries: s.entries, firstBadSeq: s.firstBadSeq, reason: s.reason };
      good = null;
      o.onAlarm(`journal: entry #${s.firstBadSeq} is not as it was written: ${s.reason}`);
      return;
    }
    good = s.reached;
    writeCheckpoint(db, good, o.now());
  };
  if (pending && o.background) schedule();

  return {
    result: () => result,
    complete: () => pending === null,
    close: () => {
      if (closed) return;
      closed = true;
      timer.close();
      // A clean close that did not finish the older part still checked everything after the
      // checkpoint it started from: the checkpoint moves past what this run appended.
      pending = null;
      try {
        advance();
      } catch (err) {
        o.onAlarm(`journal: the checkpoint could not be written: ${(err as Error).message}`);
      }
    },
  };
}
