// Replay: the journaled rows as they were after any entry, rebuilt from the entries' after-images
// (after-images.ts) and written into a private in-memory database of the same schema, so that the
// picture at a moment is read by the very code that reads the live one. Keyframes (every
// KEY_EVERY entries, built once and kept per database) bound the work for any moment to one copy
// of a keyframe and at most KEY_EVERY entries read forward. Nothing here writes the source.
import type { Db, Statement } from './db-types.js';
import {
  BASELINE_ACTION,
  JOURNALED_TABLES,
  allImages,
  keyOf,
  rowId,
  type AfterImage,
  type RowImage,
} from './after-images.js';
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

  private shown: ReplayPicture | null = null;

  /** The in-memory database holding the rows just after entry `seq` (the same one each time). */
  pictureAt(seq: number): Db {
    this.shown ??= new ReplayPicture();
    return this.shown.show(this.rowsAt(seq));
  }

  close(): void {
    this.shown?.close();
    this.shown = null;
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

  /**
   * Reads up to `entries` more of the journal into the keyframes (services/replay.ts warms the index
   * this way after opening); false once it has reached the journal's end.
   */
  warm(entries: number): boolean {
    const last = this.bounds().last?.seq ?? 0;
    if (this.scanned < last) this.scan(Math.min(last, this.scanned + entries));
    return this.scanned < last;
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
 * A private in-memory database of the live schema that holds the rows of one moment at a time.
 * Going to another moment writes only the rows that differ (an image is the same object while its
 * row is unchanged), so playing forward a minute costs the rows that minute changed. Written with
 * plain SQL: the key checks between tables are off (rows come in no particular order) and the
 * append-only triggers are dropped (going back in time removes notes). Rows are updated in place,
 * never deleted and inserted again, so the incidents' full-text index follows them.
 */
export class ReplayPicture {
  readonly db: Db = openSqlite(':memory:');
  private current: Rows = new Map();
  private readonly statements = new Map<string, Statement>();

  constructor() {
    const raw = sqliteHandle(this.db);
    raw.pragma('foreign_keys = OFF');
    const triggers = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_no_*'")
      .all() as { name: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER ${ident(t.name)}`);
    // The live schema never deletes an incident; going back in time does, and the full-text row
    // must go with it or the incident's next insert would find its rowid taken. (A note removed
    // leaves its words in the index: a replay lists, it does not search.)
    raw.exec(
      'CREATE TRIGGER replay_fts_delete AFTER DELETE ON incidents BEGIN DELETE FROM incident_fts WHERE rowid = old.rowid; END',
    );
    // The schema's own default rows are journaled rows too: the journal's say what they were.
    raw.transaction(() => {
      for (const table of new Set(allImages(this.db).map(([t]) => t)))
        raw.prepare(`DELETE FROM ${ident(table)}`).run();
    })();
  }

  /** Makes the database hold `rows` and nothing else. */
  show(rows: Rows): Db {
    sqliteHandle(this.db).transaction(() => {
      for (const [id, [table, row]] of this.current) if (!rows.has(id)) this.remove(table, row);
      let pending: (() => void)[] = [];
      for (const [id, [table, row]] of rows) {
        const before = this.current.get(id);
        if (before?.[1] === row) continue;
        pending.push(before ? () => this.update(table, row) : () => this.insert(table, row));
      }
      // A row may take a unique value another row gives up later in the list (a unit assigned
      // again once released): those are written again after the others.
      while (pending.length) {
        const refused: (() => void)[] = [];
        let last: unknown = null;
        for (const write of pending) {
          try {
            write();
          } catch (err) {
            if (!/^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test((err as { code?: string }).code ?? ''))
              throw err;
            refused.push(write);
            last = err;
          }
        }
        if (refused.length === pending.length) throw last;
        pending = refused;
      }
    })();
    this.current = rows;
    return this.db;
  }

  close(): void {
    this.db.close();
  }

  private prepared(key: string, sql: () => string): Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }

  private keyWhere(table: string): string {
    return (JOURNALED_TABLES[table] ?? []).map((c) => `${ident(c)} = ?`).join(' AND ');
  }

  private insert(table: string, row: RowImage): void {
    // An image taken before a later migration lacks its new columns: one statement per column set.
    const names = Object.keys(row);
    this.prepared(
      `i:${table}(${names.join(',')})`,
      () =>
        `INSERT INTO ${ident(table)} (${names.map(ident).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((c) => row[c]));
  }

  private update(table: string, row: RowImage): void {
    const names = Object.keys(row);
    this.prepared(
      `u:${table}(${names.join(',')})`,
      () =>
        `UPDATE ${ident(table)} SET ${names.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${this.keyWhere(table)}`,
    ).run(...names.map((c) => row[c]), ...keyOf(table, row));
  }

  private remove(table: string, row: RowImage): void {
    this.prepared(`d:${table}`, () => `DELETE FROM ${ident(table)} WHERE ${this.keyWhere(table)}`).run(
      ...keyOf(table, row),
    );
  }
}
