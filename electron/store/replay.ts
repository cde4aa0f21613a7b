// Replay: the journaled rows as they were after any entry, rebuilt from the entries' after-images
// (after-images.ts) and written into a private in-memory database of the same schema, so that the
// picture at a moment is read by the very code that reads the live one. Keyframes (every
// KEY_EVERY entries, built once and kept per database) bound the work for any moment to one copy
// of a keyframe and at most KEY_EVERY entries read forward. Nothing here writes the source.
import type { Db, Statement } from './db-types.js';
import { BASELINE_ACTION, allImages, rowId, type AfterImage, type RowImage } from './after-images.js';
import { AFTER_IMAGES_VERSION } from './baseline.js';
import { openSqlite, sqliteHandle } from './sqlite.js';
import { StoreError } from './errors.js';

/** Histories no picture reads (a unit's past positions, stored reports): left out to keep memory low. */
const LEFT_OUT = new Set(['unit_positions', 'handovers']);
export const KEY_EVERY = 10_000;
const PAGE = 2000;

type Rows = Map<string, [table: string, row: RowImage]>;

export interface ReplayBounds {
  /** The first entry a replay can start from (after the last baseline), and the newest. */
  first: { seq: number; at: string } | null;
  last: { seq: number; at: string } | null;
}

interface Keyframe {
  seq: number;
  rows: Rows;
}

function apply(rows: Rows, images: AfterImage[]): void {
  for (const [table, key, image] of images) {
    if (LEFT_OUT.has(table)) continue;
    const id = rowId(table, key);
    if (image) rows.set(id, [table, image]);
    else rows.delete(id);
  }
}

/** The rows of one database at every entry, a keyframe every `keyEvery` entries; grows with the journal. */
export class ReplayIndex {
  private readonly keyframes: Keyframe[] = [];
  private readonly state: Rows = new Map();
  private scanned = 0;
  private readonly fromSeq: number;
  private sinceKeyframe = 0;

  constructor(
    private readonly db: Db,
    private readonly keyEvery = KEY_EVERY,
  ) {
    if (db.schemaVersion() < AFTER_IMAGES_VERSION)
      throw new StoreError(
        'unreadable',
        `schema v${db.schemaVersion()} journals no after-images: this database cannot be replayed`,
      );
    const baseline = db
      .prepare('SELECT seq FROM journal WHERE action = ? ORDER BY seq DESC LIMIT 1')
      .get(BASELINE_ACTION) as { seq: number } | undefined;
    this.fromSeq = baseline?.seq ?? 1;
    // Without a baseline, the journal starts from the rows the schema itself inserts.
    if (!baseline) apply(this.state, schemaDefaults());
    this.scanned = this.fromSeq - 1;
    this.keyframes.push({ seq: this.scanned, rows: new Map(this.state) });
  }

  bounds(): ReplayBounds {
    const edge = (order: 'ASC' | 'DESC') =>
      (this.db
        .prepare(`SELECT seq, at FROM journal WHERE seq >= ? ORDER BY seq ${order} LIMIT 1`)
        .get(this.fromSeq) as { seq: number; at: string } | undefined) ?? null;
    return { first: edge('ASC'), last: edge('DESC') };
  }

  /**
   * The last entry at or before `at` (operation time only moves forward along the journal, so the
   * index on `at` finds it at once), or null before the replay's first entry.
   */
  seqAt(at: string): number | null {
    const row = this.db
      .prepare('SELECT seq FROM journal WHERE at <= ? AND seq >= ? ORDER BY at DESC, seq DESC LIMIT 1')
      .get(at, this.fromSeq) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  /** The journaled rows (but the left-out histories) as they were just after entry `seq`. */
  rowsAt(seq: number): Rows {
    if (seq > this.scanned) this.scan(seq);
    let frame = this.keyframes[0] as Keyframe;
    for (const k of this.keyframes) if (k.seq <= seq) frame = k;
    const rows = new Map(frame.rows);
    this.forEachPage(frame.seq, seq, (images) => apply(rows, images));
    return rows;
  }

  /** Reads forward to `seq`, keeping a keyframe every KEY_EVERY entries. */
  private scan(seq: number): void {
    this.forEachPage(this.scanned, seq, (images, entry) => {
      apply(this.state, images);
      this.scanned = entry;
      if (++this.sinceKeyframe >= this.keyEvery) {
        this.keyframes.push({ seq: entry, rows: new Map(this.state) });
        this.sinceKeyframe = 0;
      }
    });
    this.scanned = Math.max(this.scanned, seq);
  }

  /** Every entry after `after` up to `upTo`, oldest first, with its images parsed. */
  private forEachPage(after: number, upTo: number, fn: (images: AfterImage[], seq: number) => void): void {
    const page = this.db.prepare(
      'SELECT seq, after_images FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
    );
    for (let from = after; from < upTo;) {
      const rows = page.all(from, upTo, PAGE) as { seq: number; after_images: string | null }[];
      for (const r of rows) fn(r.after_images ? (JSON.parse(r.after_images) as AfterImage[]) : [], r.seq);
      if (rows.length < PAGE) break;
      from = (rows[rows.length - 1] as { seq: number }).seq;
    }
  }
}

function schemaDefaults(): AfterImage[] {
  const fresh = openSqlite(':memory:');
  try {
    return allImages(fresh);
  } finally {
    fresh.close();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A private in-memory database holding `rows`: the live schema, written with plain SQL (its
 * checks of keys between tables off, since the rows come in no particular order). The caller
 * closes it.
 */
export function pictureDb(rows: Rows): Db {
  const db = openSqlite(':memory:');
  try {
    const raw = sqliteHandle(db);
    raw.pragma('foreign_keys = OFF');
    // The schema's own default rows give way to the journal's.
    const byTable = new Map<string, RowImage[]>();
    for (const [table, row] of rows.values()) {
      const list = byTable.get(table) ?? [];
      list.push(row);
      byTable.set(table, list);
    }
    // An image taken before a later migration lacks its new columns: one statement per column set.
    const inserts = new Map<string, Statement>();
    const insert = (table: string, names: string[]) => {
      const key = `${table}(${names.join(',')})`;
      let statement = inserts.get(key);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO ${ident(table)} (${names.map(ident).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        );
        inserts.set(key, statement);
      }
      return statement;
    };
    raw.transaction(() => {
      for (const table of new Set(allImages(db).map(([t]) => t)))
        raw.prepare(`DELETE FROM ${ident(table)}`).run();
      for (const [table, list] of byTable)
        for (const row of list) {
          const names = Object.keys(row);
          insert(table, names).run(...names.map((c) => row[c]));
        }
    })();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
