// Replays the journal's after-images and compares them with the tables: a row edited, added or
// deleted without a journal entry shows as a difference. Works page by page on either engine; the
// replayed state keeps one digest per row, so memory follows the number of rows, not of entries.
import { createHash } from 'node:crypto';
import type { Db } from './db-types.js';
import {
  BASELINE_ACTION,
  JOURNALED_TABLES,
  allImages,
  imageOf,
  keyOf,
  rowId,
  type AfterImage,
  type RowImage,
} from './after-images.js';
import { AFTER_IMAGES_VERSION } from './baseline.js';
import { openSqlite } from './sqlite.js';
import type { ReplayCheck } from '../../shared/domain.js';

const PAGE = 2000;
const SHOWN = 20;

/** Sorted keys, so that the same row reads the same whatever order the engine gave its columns. */
const canonical = (image: RowImage): string =>
  JSON.stringify(
    Object.keys(image)
      .sort()
      .map((k) => [k, image[k]]),
  );
const digest = (image: RowImage): string => createHash('sha256').update(canonical(image)).digest('base64');

interface Recorded {
  digest: string | null;
  seq: number;
}

export function replayJournal(db: Db): ReplayCheck {
  if (db.schemaVersion() < AFTER_IMAGES_VERSION)
    return {
      ok: true,
      checked: false,
      fromSeq: null,
      entries: 0,
      rows: 0,
      problems: [],
      problemCount: 0,
      note: `schema v${db.schemaVersion()} journals no after-images; open it with this Vigie once to start them`,
    };
  const baseline = db
    .prepare('SELECT seq FROM journal WHERE action = ? ORDER BY seq DESC LIMIT 1')
    .get(BASELINE_ACTION) as { seq: number } | undefined;
  const fromSeq = baseline?.seq ?? 1;
  const state = baseline ? new Map<string, Recorded>() : schemaDefaults();
  let entries = 0;
  const page = db.prepare(
    'SELECT seq, after_images FROM journal WHERE seq >= ? AND after_images IS NOT NULL ORDER BY seq LIMIT ?',
  );
  for (let after = fromSeq; ;) {
    const rows = page.all(after, PAGE) as { seq: number; after_images: string }[];
    for (const r of rows) {
      entries++;
      for (const [table, key, image] of JSON.parse(r.after_images) as AfterImage[])
        state.set(rowId(table, key), { digest: image ? digest(image) : null, seq: r.seq });
    }
    if (rows.length < PAGE) break;
    after = (rows[rows.length - 1]?.seq ?? after) + 1;
  }

  const problems: { id: string; table: string; key: unknown[]; kind: string; seq: number | null }[] = [];
  let rows = 0;
  for (const table of Object.keys(JOURNALED_TABLES)) {
    for (const row of tableRows(db, table)) {
      rows++;
      const key = keyOf(table, row);
      const id = rowId(table, key);
      const recorded = state.get(id);
      state.delete(id);
      if (!recorded || recorded.digest === null)
        problems.push({ id, table, key, kind: 'is not in the journal', seq: recorded?.seq ?? null });
      else if (recorded.digest !== digest(imageOf(table, row)))
        problems.push({ id, table, key, kind: 'differs from the journal', seq: recorded.seq });
    }
  }
  for (const [id, recorded] of state) {
    if (recorded.digest === null) continue;
    const [table = '', key = '[]'] = id.split('\u0000');
    problems.push({ id, table, key: JSON.parse(key) as unknown[], kind: 'is missing', seq: recorded.seq });
  }
  return {
    ok: problems.length === 0,
    checked: true,
    fromSeq,
    entries,
    rows,
    problems: problems.slice(0, SHOWN).map((p) => describe(db, p)),
    problemCount: problems.length,
    note: baseline ? `replayed from the baseline at entry #${fromSeq}` : null,
  };
}

/**
 * The rows a database holds before its first entry: those the migrations themselves insert (the
 * default settings). Read from a fresh in-memory database, so a new default is never forgotten.
 */
function schemaDefaults(): Map<string, Recorded> {
  const fresh = openSqlite(':memory:');
  try {
    return new Map(
      allImages(fresh).map(([table, key, image]) => [
        rowId(table, key),
        { digest: image ? digest(image) : null, seq: 0 },
      ]),
    );
  } finally {
    fresh.close();
  }
}

function describe(
  db: Db,
  p: { table: string; key: unknown[]; kind: string; seq: number | null; id: string },
): string {
  const what = `${p.table} ${p.key.map(String).join('/')}`;
  const entry =
    p.seq === null ? '' : p.seq === 0 ? ' (as the schema made it)' : ` (last journaled in entry #${p.seq})`;
  if (p.kind !== 'differs from the journal' || !p.seq) return `${what} ${p.kind}${entry}`;
  // Name the columns: the entry's image against the row as it is now.
  const raw = db.prepare('SELECT after_images FROM journal WHERE seq = ?').get(p.seq) as
    { after_images: string } | undefined;
  const recorded = (JSON.parse(raw?.after_images ?? '[]') as AfterImage[]).find(
    ([t, k]) => rowId(t, k) === p.id,
  )?.[2];
  const now = tableRow(db, p.table, p.key)[0];
  const columns =
    recorded && now
      ? Object.keys({ ...recorded, ...now }).filter(
          (c) => JSON.stringify(recorded[c]) !== JSON.stringify(imageOf(p.table, now)[c]),
        )
      : [];
  return `${what} ${p.kind}${columns.length ? ` in ${columns.join(', ')}` : ''}${entry}`;
}

/** The one row of `table` with `key`, as a list (empty when it is gone). */
function tableRow(db: Db, table: string, key: unknown[]): Record<string, unknown>[] {
  const where = (JOURNALED_TABLES[table] ?? []).map((c) => `${c} = ?`).join(' AND ');
  return db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...key) as Record<string, unknown>[];
}

/** Every row of a table, a page at a time by key. */
function* tableRows(db: Db, table: string): Generator<Record<string, unknown>> {
  const columns = JOURNALED_TABLES[table] ?? [];
  if (columns.length !== 1) {
    yield* db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all() as Record<
      string,
      unknown
    >[];
    return;
  }
  const column = columns[0] as string;
  const first = db.prepare(`SELECT * FROM ${table} ORDER BY ${column} LIMIT ?`);
  const next = db.prepare(`SELECT * FROM ${table} WHERE ${column} > ? ORDER BY ${column} LIMIT ?`);
  let last: unknown;
  for (;;) {
    const page = (last === undefined ? first.all(PAGE) : next.all(last, PAGE)) as Record<string, unknown>[];
    yield* page;
    if (page.length < PAGE) return;
    last = page[page.length - 1]?.[column];
  }
}
