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

export interface Db {
  readonly dialect: Dialect;
  /** Where it is: a file path, or the room URL without its password. */
  readonly location: string;
  readonly readonly: boolean;
  prepare(sql: string): Statement;
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
