// The few SQL fragments that differ between SQLite and PostgreSQL. Query modules stay one text per
// operation and splice these in; everything else is SQL both engines read alike.

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A subquery of the values of a JSON array parameter (text, or integers with `int`). */
  jsonValues(param: string, as?: 'int'): string;
  /** True when the JSON array in `column` holds the text `param`. */
  jsonHas(column: string, param: string): string;
  /** The larger of two values (SQLite's two-argument max). */
  greatest(a: string, b: string): string;
  /** The integer column `column` as text, zero-padded to at least `digits` digits (never cut). */
  zeroPad(column: string, digits: number): string;
  /** True when incident `alias` matches the full-text query `param` (see textQuery). */
  incidentMatches(alias: string, param: string): string;
  /** The order rows were inserted in, to break ties. */
  insertionOrder(alias: string): string;
  /**
   * The operation's ordinary tables, as rows of { name }: engine and full-text internals left out,
   * and the servers' browser sessions (host-sessions.ts) and the journal's checkpoint, which are not the operation's data.
   */
  readonly listTables: string;
  /** What an officer typed as this engine's full-text query: every word, as a prefix. */
  textQuery(text: string): string | null;
  /** After rows were copied in with their ids: make generated ids continue after them. */
  readonly afterCopy: readonly string[];
  /** Until the commit, lets a handover row name the journal entry that follows it (handovers.ts). */
  readonly deferHandoverJournalLink: string;
}

const words = (text: string): string[] =>
  text
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean);

export const SQLITE: Dialect = {
  name: 'sqlite',
  jsonValues: (param) => `(SELECT value FROM json_each(${param}))`,
  jsonHas: (column, param) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${param})`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  zeroPad: (column, digits) => `printf('%0${digits}d', ${column})`,
  insertionOrder: (alias) => `${alias}.rowid`,
  listTables:
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT IN ('host_sessions', 'journal_checkpoint', 'reference_generation') ORDER BY name",
  incidentMatches: (alias, param) =>
    `${alias}.rowid IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ${param})`,
  // Each word quoted, so FTS5 operators and punctuation are literal.
  textQuery: (text) => {
    const w = words(text.replace(/"/g, ''));
    return w.length ? w.map((x) => `"${x}"*`).join(' ') : null;
  },
  // An INTEGER PRIMARY KEY takes max(id) + 1 by itself.
  afterCopy: [],
  deferHandoverJournalLink: 'PRAGMA defer_foreign_keys = ON',
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  jsonValues: (param, as) =>
    as === 'int'
      ? `(SELECT value::integer FROM jsonb_array_elements_text(CAST(CAST(${param} AS text) AS jsonb)) AS value)`
      : `(SELECT value FROM jsonb_array_elements_text(CAST(CAST(${param} AS text) AS jsonb)) AS value)`,
  // jsonb_exists is the `?` operator, spelled as a function so it is not taken for a parameter.
  jsonHas: (column, param) => `jsonb_exists(CAST(${column} AS jsonb), CAST(${param} AS text))`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  // lpad alone would cut a longer number to `digits`.
  zeroPad: (column, digits) =>
    `lpad(CAST(${column} AS text), GREATEST(${digits}, length(CAST(${column} AS text))), '0')`,
  // Ids are ULIDs of operation time: their order is the order of creation.
  insertionOrder: (alias) => `${alias}.id`,
  listTables: `SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE '%fts%' AND table_name NOT IN ('vigie_schema', 'host_sessions', 'journal_checkpoint', 'reference_generation')
    ORDER BY table_name`,
  incidentMatches: (alias, param) =>
    `${alias}.id IN (SELECT incident_id FROM incident_fts WHERE doc @@ to_tsquery('simple', ${param}))`,
  // Letters and digits only (tsquery operators cannot slip in), folded like the index, as prefixes.
  textQuery: (text) => {
    const w = words(
      text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' '),
    );
    return w.length ? w.map((x) => `${x}:*`).join(' & ') : null;
  },
  // An identity column's sequence does not see ids inserted explicitly.
  afterCopy: [
    "SELECT setval(pg_get_serial_sequence('unit_positions', 'id'), max(id)) FROM unit_positions HAVING count(*) > 0",
  ],
  // Made DEFERRABLE by the room's schema v8.
  deferHandoverJournalLink: 'SET CONSTRAINTS handovers_journal_seq_fkey DEFERRED',
};
