// A desk's copy of its room, kept by the journal's rows (room-mirror.ts): the room reads the raw
// rows after a sequence with their after-images (journalRowsAfter, GET /journal-rows), and the desk
// checks each row's link and hash against its own head, appends it as it is and writes its
// after-images into its tables (applyJournalRows), one transaction per page. The copy is written
// with plain SQL, not the store's write functions: it records the room's entries, never its own.
// Anything that does not check is refused whole (MirrorRefused) and the desk takes a snapshot.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db, Statement } from './db-types.js';
import { readSnapshot } from './copy.js';
import {
  BASELINE_ACTION,
  DIGESTED,
  JOURNALED_TABLES,
  rowId,
  type AfterImage,
  type RowImage,
} from './after-images.js';
import { AFTER_IMAGES_VERSION } from './baseline.js';
import { entryHash, GENESIS_HASH, type StoredEntry } from './journal.js';
import type { JournalHead } from './backup.js';

/** A journal row exactly as stored, after-images included. */
export type JournalRow = StoredEntry & { after_images: string | null };

export interface JournalRowsPage {
  /** The room's head when the page was read. */
  head: JournalHead;
  rows: JournalRow[];
  /**
   * The values the images keep as digests (a passphrase hash, a handover's report), by digest
   * ("sha256:…"), as the room holds them now: the desk checks each against the image's digest.
   */
  values: Record<string, string>;
  /** Rows remain after this page. */
  more: boolean;
}

export class MirrorRefused extends Error {
  override name = 'MirrorRefused';
}

const COLUMNS =
  'seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash, after_images';

const digestOf = (value: string) => `sha256:${createHash('sha256').update(value).digest('hex')}`;

/**
 * The rows after `after`, oldest first: at most `limit`, and no more than about `maxBytes` of
 * after-images once the first row is in (a baseline entry may alone be large). One consistent read.
 */
export function journalRowsAfter(db: Db, after: number, limit: number, maxBytes: number): JournalRowsPage {
  return readSnapshot(db, () => {
    const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const head: JournalHead = { seq: last?.seq ?? 0, hash: last?.hash ?? null };
    const read = db
      .prepare(`SELECT ${COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?`)
      .all(after, limit) as JournalRow[];
    const rows: JournalRow[] = [];
    const values: Record<string, string> = {};
    const valuesOf = digestedValues(db);
    let bytes = 0;
    for (const r of read) {
      const own = valuesOf(r);
      const size =
        (r.after_images?.length ?? 0) + r.data.length + Object.values(own).reduce((n, v) => n + v.length, 0);
      if (rows.length && bytes + size > maxBytes) break;
      bytes += size;
      rows.push(r);
      Object.assign(values, own);
    }
    const tail = rows.at(-1)?.seq ?? after;
    return { head, rows, values, more: tail < head.seq };
  });
}

/** The current values of the digested columns of the rows an entry's images name. */
function digestedValues(db: Db): (r: JournalRow) => Record<string, string> {
  const reads = new Map<string, Statement>();
  const read = (table: string) => {
    let one = reads.get(table);
    if (!one) {
      const key = (JOURNALED_TABLES[table] ?? [])[0] as string;
      one = db.prepare(`SELECT ${(DIGESTED[table] ?? []).join(', ')} FROM ${table} WHERE ${key} = ?`);
      reads.set(table, one);
    }
    return one;
  };
  return (r) => {
    const values: Record<string, string> = {};
    let images: AfterImage[];
    try {
      images = parseImages(r);
    } catch {
      return values; // the desk refuses that entry itself
    }
    for (const [table, key, image] of images) {
      if (!image || !DIGESTED[table]) continue;
      const row = read(table).get(key[0]) as Record<string, unknown> | undefined;
      for (const c of DIGESTED[table] ?? []) {
        const v = row?.[c];
        if (typeof v === 'string') values[digestOf(v)] = v;
      }
    }
    return values;
  };
}

function parseImages(r: JournalRow): AfterImage[] {
  if (r.after_images === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.after_images);
  } catch {
    throw new MirrorRefused(`entry #${r.seq}: its after-images are not JSON`);
  }
  if (!Array.isArray(parsed)) throw new MirrorRefused(`entry #${r.seq}: its after-images are not a list`);
  for (const image of parsed as unknown[]) {
    const [table, key, row] = Array.isArray(image) ? (image as unknown[]) : [];
    const columns = typeof table === 'string' ? JOURNALED_TABLES[table] : undefined;
    if (!columns) throw new MirrorRefused(`entry #${r.seq}: an after-image names an unknown table`);
    if (!Array.isArray(key) || key.length !== columns.length)
      throw new MirrorRefused(`entry #${r.seq}: an after-image of ${table} has a bad key`);
    if (row !== null && (typeof row !== 'object' || Array.isArray(row)))
      throw new MirrorRefused(`entry #${r.seq}: an after-image of ${table} is not a row`);
  }
  return parsed as AfterImage[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Appends a page of the room's rows to the copy in `file` and applies their after-images, in one
 * transaction: all or nothing. Returns the copy's new head. Throws MirrorRefused when a row does
 * not follow the copy's head or does not match its hash, or an image cannot be applied.
 */
export function applyJournalRows(file: string, page: JournalRowsPage): JournalHead {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The room checked its keys; a page may write a child before its parent.
    db.pragma('foreign_keys = OFF');
    const version = db.pragma('user_version', { simple: true }) as number;
    // A copy at v8 holds its room's baseline if it has one: every entry after its head was journaled
    // with after-images, and one without them wrote no row.
    if (version < AFTER_IMAGES_VERSION)
      throw new MirrorRefused(`the copy is at schema v${version}, which journals no after-images`);
    return db.transaction(() => applyPage(db, page))();
  } catch (err) {
    if (err instanceof MirrorRefused) throw err;
    throw new MirrorRefused(`the copy could not take the room's rows: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

function applyPage(db: Database.Database, page: JournalRowsPage): JournalHead {
  const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  let head = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  const append = db.prepare(
    `INSERT INTO journal (${COLUMNS}) VALUES (@seq, @at, @recorded_at, @operator, @role, @desk, @action,
       @entity_type, @entity_id, @data, @prev_hash, @hash, @after_images)`,
  );
  // Each row checked before any is written; then the last entry of the page to write each row.
  const checked = page.rows.map((r) => {
    if (r.seq !== head.seq + 1)
      throw new MirrorRefused(`sequence gap: the copy is at #${head.seq}, got #${r.seq}`);
    if (r.prev_hash !== head.hash) throw new MirrorRefused(`entry #${r.seq} does not follow the copy's head`);
    if (entryHash(r) !== r.hash) throw new MirrorRefused(`entry #${r.seq} does not match its hash`);
    // A baseline after the copy's head would mean older entries without images came before it.
    if (r.action === BASELINE_ACTION) throw new MirrorRefused(`entry #${r.seq} is a baseline`);
    head = { seq: r.seq, hash: r.hash };
    return { r, images: parseImages(r) };
  });
  const lastWrite = new Map<string, number>();
  for (const { r, images } of checked) for (const [t, k] of images) lastWrite.set(rowId(t, k), r.seq);
  const tables = new Tables(db, page.values, lastWrite);
  for (const { r, images } of checked) {
    append.run(r);
    tables.apply(r.seq, images);
  }
  return head;
}

/** Writes after-images into the copy's tables, as the room's rows were after each entry. */
class Tables {
  private readonly columns = new Map<string, Set<string>>();

  constructor(
    private readonly db: Database.Database,
    private readonly values: Record<string, string>,
    private readonly lastWrite: ReadonlyMap<string, number>,
  ) {}

  apply(seq: number, images: AfterImage[]): void {
    // A change may pass through a state a unique index refuses when its rows are written one by
    // one in another order (a unit released and assigned again): retry those after the others.
    let pending = images;
    while (pending.length) {
      const refused: AfterImage[] = [];
      let last: Error | null = null;
      for (const image of pending) {
        try {
          this.write(seq, image);
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          if (!code.startsWith('SQLITE_CONSTRAINT_UNIQUE') && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY')
            throw err;
          refused.push(image);
          last = err as Error;
        }
      }
      if (refused.length === pending.length)
        throw new MirrorRefused(`entry #${seq}: ${last?.message ?? 'an image could not be written'}`);
      pending = refused;
    }
  }

  private write(seq: number, [table, key, image]: AfterImage): void {
    const keyColumns = JOURNALED_TABLES[table] as readonly string[];
    const where = keyColumns.map((c) => `${ident(c)} = ?`).join(' AND ');
    const current = this.db.prepare(`SELECT * FROM ${ident(table)} WHERE ${where}`).get(...key) as
      Record<string, unknown> | undefined;
    if (image === null) {
      if (current) this.db.prepare(`DELETE FROM ${ident(table)} WHERE ${where}`).run(...key);
      return;
    }
    const row = this.restore(seq, table, key, image, current);
    const known = this.columnsOf(table);
    const unknown = Object.keys(row).filter((c) => !known.has(c));
    if (unknown.length)
      throw new MirrorRefused(`entry #${seq}: ${table} has no column ${unknown.join(', ')}`);
    if (!current) {
      const names = Object.keys(row);
      this.db
        .prepare(
          `INSERT INTO ${ident(table)} (${names.map(ident).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )
        .run(...names.map((c) => row[c]));
      return;
    }
    // Only what changed: an append-only table (notes, handovers) refuses any UPDATE, and a parade
    // report's retraction is the one UPDATE its table allows.
    const changed = Object.keys(row).filter((c) => !same(row[c], current[c]));
    if (!changed.length) return;
    this.db
      .prepare(
        `UPDATE ${ident(table)} SET ${changed.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${where}`,
      )
      .run(...changed.map((c) => row[c]), ...key);
  }

  /** The image with its digested columns given back their values (checked against the digest). */
  private restore(
    seq: number,
    table: string,
    key: unknown[],
    image: RowImage,
    current: Record<string, unknown> | undefined,
  ) {
    const row: Record<string, unknown> = { ...image };
    for (const c of DIGESTED[table] ?? []) {
      const digest = image[c];
      if (typeof digest !== 'string') continue;
      const mine = current?.[c];
      const value = typeof mine === 'string' && digestOf(mine) === digest ? mine : this.values[digest];
      // The room sends the value it holds now. One changed again since this entry keeps its digest
      // for now when a later entry of the page writes the row again; else only a snapshot has it.
      if (value === undefined && (this.lastWrite.get(rowId(table, key)) ?? 0) > seq) continue;
      if (value === undefined || digestOf(value) !== digest)
        throw new MirrorRefused(`entry #${seq}: no value matches ${table}.${c} of its image`);
      row[c] = value;
    }
    return row;
  }

  private columnsOf(table: string): Set<string> {
    let set = this.columns.get(table);
    if (!set) {
      const info = this.db.prepare(`PRAGMA table_info(${ident(table)})`).all() as { name: string }[];
      set = new Set(info.map((i) => i.name));
      this.columns.set(table, set);
    }
    return set;
  }
}

/** Equal as SQLite stores them: better-sqlite3 reads integers as numbers, the image has numbers. */
const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'bigint' || typeof b === 'bigint' ? String(a) === String(b) : false);
