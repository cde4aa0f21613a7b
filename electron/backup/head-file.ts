// The journal's head kept outside the database, in a small JSON file beside it (FILE.head) and
// beside every backup (BACKUP.db.head): { seq, hash, at, location }. Deleting the newest journal
// entries leaves a valid chain behind, but not the entry a head file names, so `vigie verify`
// finds the deletion (services/head-anchor.ts). Written atomically: temp file, fsync, rename.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { durableRename } from './files.js';

export interface HeadAnchor {
  /** The journal's last entry when the head was taken (0: an empty journal). */
  seq: number;
  /** That entry's hash; null only for an empty journal. */
  hash: string | null;
  /** When the head was taken (real time, ISO 8601), when known. */
  at: string | null;
  /** The database it was taken from (a file path, or a room URL without its password). */
  location: string | null;
}

export class HeadFileError extends Error {
  override name = 'HeadFileError';
}

export const headFileFor = (dbFile: string): string => `${dbFile}.head`;

const HASH = /^[0-9a-f]{64}$/;

/** The anchor a head file's text holds; throws HeadFileError naming the field that is wrong. */
export function parseHead(text: string, source: string): HeadAnchor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HeadFileError(`${source} is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new HeadFileError(`${source} is not a JSON object`);
  const o = value as Record<string, unknown>;
  const seq = o.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw new HeadFileError(`${source}: seq must be a whole number 0 or more`);
  const hash = o.hash ?? null;
  if (seq === 0 ? hash !== null : typeof hash !== 'string' || !HASH.test(hash))
    throw new HeadFileError(`${source}: hash must be 64 lowercase hex digits (null only when seq is 0)`);
  const at = o.at ?? null;
  if (at !== null && (typeof at !== 'string' || Number.isNaN(Date.parse(at))))
    throw new HeadFileError(`${source}: at must be an ISO 8601 time or null`);
  const location = o.location ?? null;
  if (location !== null && typeof location !== 'string')
    throw new HeadFileError(`${source}: location must be a string or null`);
  return { seq, hash: hash as string | null, at: at as string | null, location: location as string | null };
}

export function readHeadFile(file: string): HeadAnchor {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new HeadFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
  return parseHead(text, file);
}

/** Replaces the file in one rename: a reader sees the old head or the new one, never half of one. */
export function writeHeadFile(file: string, head: HeadAnchor): void {
  const temp = `${file}.tmp-${process.pid}`;
  const body = `${JSON.stringify({ seq: head.seq, hash: head.hash, at: head.at, location: head.location }, null, 2)}\n`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    durableRename(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

const EXPECT = /^(\d+):([0-9a-fA-F]{64})$/;

/** `--expect-head SEQ:HASH`, or the path of a head file. */
export function parseExpectHead(value: string): HeadAnchor {
  const m = EXPECT.exec(value.trim());
  if (m) {
    const seq = Number(m[1]);
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw new HeadFileError(`SEQ must be 1 or more, got "${value}"`);
    return { seq, hash: (m[2] ?? '').toLowerCase(), at: null, location: null };
  }
  if (/^\d+:/.test(value)) throw new HeadFileError(`expected SEQ:HASH with 64 hex digits, got "${value}"`);
  try {
    return readHeadFile(value);
  } catch (err) {
    throw new HeadFileError(`expected SEQ:HASH (64 hex digits) or a head file; ${(err as Error).message}`);
  }
}
