// The head file's format: what is written reads back the same, a malformed one is refused naming
// its field, and `--expect-head` takes SEQ:HASH or a head file.
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HeadFileError,
  parseExpectHead,
  parseHead,
  readHeadFile,
  writeHeadFile,
} from '../../electron/backup/head-file.js';
import { tempDir } from '../support/temp.js';

const HASH = 'ab'.repeat(32);
const head = { seq: 42, hash: HASH, at: '2026-11-24T08:00:00.000Z', location: '/data/vigie.db' };

describe('head file', () => {
  it('reads back what was written, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'vigie.db.head');
    writeHeadFile(file, head);
    writeHeadFile(file, { ...head, seq: 43 });
    expect(readHeadFile(file)).toEqual({ ...head, seq: 43 });
    expect(readdirSync(dir)).toEqual(['vigie.db.head']);
  });

  it('refuses a malformed head, naming the field', () => {
    const bad: [string, RegExp][] = [
      ['nope', /is not JSON/],
      ['[1]', /is not a JSON object/],
      [JSON.stringify({ ...head, seq: -1 }), /seq must be/],
      [JSON.stringify({ ...head, seq: 1.5 }), /seq must be/],
      [JSON.stringify({ ...head, hash: HASH.toUpperCase() }), /hash must be 64 lowercase hex/],
      [JSON.stringify({ ...head, hash: null }), /hash must be/],
      [JSON.stringify({ ...head, at: 'yesterday' }), /at must be an ISO 8601 time/],
      [JSON.stringify({ ...head, location: 3 }), /location must be/],
    ];
    for (const [text, why] of bad) expect(() => parseHead(text, 'x.head'), text).toThrow(why);
    // An empty journal's head has no hash; the time and place are optional.
    expect(parseHead('{"seq":0,"hash":null}', 'x.head')).toEqual({
      seq: 0,
      hash: null,
      at: null,
      location: null,
    });
  });

  it('--expect-head: SEQ:HASH (any case) or a head file; anything else is refused', () => {
    expect(parseExpectHead(`42:${HASH.toUpperCase()}`)).toEqual({
      seq: 42,
      hash: HASH,
      at: null,
      location: null,
    });
    const file = join(tempDir(), 'h.head');
    writeFileSync(file, JSON.stringify(head));
    expect(parseExpectHead(file)).toEqual(head);
    for (const bad of ['42:abc', `0:${HASH}`, `-1:${HASH}`, `${HASH}`, join(tempDir(), 'missing.head')])
      expect(() => parseExpectHead(bad), bad).toThrow(HeadFileError);
  });
});
