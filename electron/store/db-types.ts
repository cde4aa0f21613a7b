// The store's database interface, apart from the code that opens one (db.ts), so that each engine's
// module can implement it without importing the module that chooses between them.
import type { Dialect } from './dialect.js';

export interface RunResult {
  changes: number;
}

export interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): RunResult;
}

/** Rows of a read sent ahead (Db.readAhead), taken when needed. */
export interface Ahead {
  readonly rows: unknown[];
}

export interface Db {
  readonly dialect: Dialect;
  /** Where it is: a file path, or the room URL without its password. */
  readonly location: string;
  readonly readonly: boolean;
  prepare(sql: string): Statement;
  /**
   * A read whose rows are needed later in the open transaction: on a room it is sent at once
   * and its rows come back with the next statement waited for, sparing a round trip; a file (or
   * a room outside a transaction) reads it at once.
   */
  readAhead(sql: string, ...params: unknown[]): Ahead;
  /** Wraps fn in a transaction (a savepoint when nested), like better-sqlite3's. */
  transaction<T>(fn: () => T): () => T;
  /** Several statements without parameters. */
  exec(sql: string): void;
  /** The schema version the database is at (numbered migrations). */
  schemaVersion(): number;
  /** The engine's own consistency check: "ok", or the problems it found. */
  integrityCheck(): string;
  /** Called with the journal's new head once the transaction that appended it has committed. */
  onCommittedAppend(listener: (seq: number) => void): () => void;
  /** Serialises journal appends across every writer of the database until the transaction ends. */
  lockJournal(): void;
  /** The journal moved to `seq` in the open transaction (journal.ts calls it). */
  appended(seq: number): void;
  /** Rows of journaled tables written in the open transaction and not yet journaled (after-images.ts). */
  readonly touched: TouchLog;
  close(): void;
}

/** Keeps the committed-append listeners of one Db; both engines use it. */
export class AppendListeners {
  private readonly listeners = new Set<(seq: number) => void>();
  private pending: number | null = null;

  add(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  appended(seq: number): void {
    this.pending = seq;
  }
  committed(): void {
    const seq = this.pending;
    this.pending = null;
    if (seq !== null) for (const l of this.listeners) l(seq);
  }
  rolledBack(): void {
    this.pending = null;
  }
}

/** A journaled row written: its table, its key, and the row as written when the store has it. */
export type Touch = [table: string, key: unknown[], row?: Record<string, unknown>];

/**
 * The rows of journaled tables the open transaction wrote since its last journal entry (and the
 * journal's head, when read ahead for that entry). The outermost commit refuses to go ahead while
 * any row is left: a change with no entry after it.
 */
export class TouchLog {
  private rows: Touch[] = [];
  private depth = 0;
  private head: Ahead | null = null;

  /** `row`: the row as the write left it (RETURNING), when the store has it; else it is read back. */
  add(table: string, key: unknown[], row?: Record<string, unknown>): void {
    if (this.depth === 0) throw new Error(`store: ${table} written outside a transaction`);
    this.rows.push(row ? [table, key, row] : [table, key]);
  }
  /** What the next journal entry records; the log starts again empty. */
  take(): Touch[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }
  /** True inside a transaction: what is read there may yet be rolled back. */
  get inTransaction(): boolean {
    return this.depth > 0;
  }
  /** The journal's head read ahead under its lock (journal.ts), for the next entry only. */
  aheadHead(read: Ahead): void {
    this.head = read;
  }
  takeHead(): Ahead | null {
    const out = this.head;
    this.head = null;
    return out;
  }
  /** A transaction (or savepoint) begins; the mark lets its rollback forget what it touched. */
  begin(): number {
    this.depth++;
    // A head read before is kept for no entry of this block: its lock may end with it.
    this.head = null;
    return this.rows.length;
  }
  /** It ends, committed or not. The outermost commit checks that every touched row was journaled. */
  end(mark: number, committed: boolean): void {
    this.depth--;
    this.head = null;
    if (!committed) this.rows.length = Math.min(this.rows.length, mark);
  }
  mustBeJournaled(): void {
    if (this.rows.length === 0) return;
    const tables = [...new Set(this.rows.map(([t]) => t))].join(', ');
    this.rows = [];
    throw new Error(`store: rows of ${tables} written with no journal entry after them`);
  }
}
