// A room's PostgreSQL database behind the store's Db interface: statements translated once to $n
// parameters, transactions as BEGIN/COMMIT (savepoints when nested) on the worker's one connection,
// the schema checked and migrated under an advisory lock (several servers may start at once), and
// the journal's new head announced with NOTIFY, which PostgreSQL delivers only on commit.
import {
  AppendListeners,
  TouchLog,
  type Ahead,
  type Db,
  type RunResult,
  type Statement,
} from '../db-types.js';
import { POSTGRES } from '../dialect.js';
import { StoreError } from '../errors.js';
import { LATEST_VERSION } from '../migrations/index.js';
import { PgBridge, PgUnavailable } from './bridge.js';
import { bind, translate } from './params.js';
import { PG_MIGRATIONS } from './schema.js';
import { journalBaseline } from '../baseline.js';
import { redact } from '../location.js';

export const JOURNAL_CHANNEL = 'vigie_journal';
// One number for every Vigie lock in a database: schema changes, and journal appends.
export const MIGRATE_LOCK = 7_160_001;
export const JOURNAL_LOCK = 7_160_002;

export interface PgOpenOptions {
  readonly?: boolean;
  mustExist?: boolean;
  timeoutMs?: number;
}

class PgStatement implements Statement {
  private readonly t;
  constructor(
    private readonly bridge: PgBridge,
    private readonly db: PgDb,
    sql: string,
  ) {
    this.t = translate(sql);
  }
  get(...args: unknown[]): unknown {
    return this.bridge.query(this.t.text, bind(this.t, args)).rows[0];
  }
  all(...args: unknown[]): unknown[] {
    return this.bridge.query(this.t.text, bind(this.t, args)).rows;
  }
  run(...args: unknown[]): RunResult {
    const params = bind(this.t, args);
    if (!this.db.inTransaction) return { changes: this.bridge.query(this.t.text, params).count };
    // In a transaction a write need not wait: its error fails the transaction at the next wait.
    const posted = this.bridge.post(this.t.text, params);
    return {
      get changes() {
        return posted.count;
      },
    };
  }
}

export class PgDb implements Db {
  readonly dialect = POSTGRES;
  readonly location: string;
  private readonly statements = new Map<string, PgStatement>();
  private readonly listeners = new AppendListeners();
  readonly touched = new TouchLog();
  private depth = 0;
  /**
   * The transaction level that holds the journal lock (0: none). An advisory lock taken in a
   * transaction lasts until it ends, so it is asked for once, not at every append (a round trip each).
   */
  private journalLockLevel = 0;
  /** The journal's head appended in the open transaction, announced once just before COMMIT. */
  private announce: number | null = null;

  constructor(
    readonly bridge: PgBridge,
    readonly url: string,
    readonly readonly: boolean,
  ) {
    this.location = redact(url);
  }

  prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = new PgStatement(this.bridge, this, sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  readAhead(sql: string, ...params: unknown[]): Ahead {
    const t = translate(sql);
    const values = bind(t, params);
    // Outside a transaction a posted statement's error would have no transaction to fail.
    if (!this.inTransaction) return { rows: this.bridge.query(t.text, values).rows };
    return this.bridge.post(t.text, values, true);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  transaction<T>(fn: () => T): () => T {
    return () => {
      const outer = this.depth === 0;
      const savepoint = `vigie_sp${this.depth}`;
      // A savepoint waits: an error posted before it must fail the outer block, not the inner one.
      if (outer) this.bridge.post('BEGIN');
      else this.bridge.query(`SAVEPOINT ${savepoint}`);
      this.depth++;
      const mark = this.touched.begin();
      const announced = this.announce;
      let committed = false;
      try {
        const out = fn();
        if (outer) {
          this.touched.mustBeJournaled();
          // Delivered to every listening server when the transaction commits, never if it rolls
          // back; one per transaction is enough, as a listener takes it as "the head is now here".
          if (this.announce !== null)
            this.send('SELECT pg_notify($1, $2)', [JOURNAL_CHANNEL, String(this.announce)]);
        }
        this.bridge.query(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        committed = true;
        if (outer) this.listeners.committed();
        // A released savepoint's lock now belongs to the transaction around it.
        else if (this.journalLockLevel > this.depth - 1) this.journalLockLevel = this.depth - 1;
        return out;
      } catch (err) {
        try {
          this.bridge.query(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
        } catch {
          // A lost connection has rolled back already; the first error is the one to report.
        }
        if (outer) this.listeners.rolledBack();
        // A lock taken inside a savepoint that rolled back is released with it, and its entries are gone.
        if (this.journalLockLevel >= this.depth) this.journalLockLevel = 0;
        this.announce = announced;
        throw err;
      } finally {
        this.depth--;
        this.touched.end(mark, committed);
        if (outer) {
          this.journalLockLevel = 0;
          this.announce = null;
        }
      }
    };
  }

  exec(sql: string): void {
    this.bridge.exec(sql);
  }

  schemaVersion(): number {
    const exists = this.bridge.query("SELECT to_regclass('vigie_schema') IS NOT NULL AS e").rows[0];
    if (!exists?.['e']) return 0;
    return Number(this.bridge.query('SELECT version FROM vigie_schema').rows[0]?.['version'] ?? 0);
  }

  integrityCheck(): string {
    // PostgreSQL checks its pages itself (checksums, WAL). That Vigie's schema is whole (its
    // append-only triggers above all) is checked on both engines by schema-check.ts.
    return 'ok';
  }

  onCommittedAppend(listener: (seq: number) => void): () => void {
    return this.listeners.add(listener);
  }

  lockJournal(): void {
    if (this.journalLockLevel > 0) return;
    // Writers on every desk queue here, so each reads the head the previous one committed.
    // Posted: the next statement (reading the chain's head) waits for it, on the worker.
    this.send('SELECT pg_advisory_xact_lock($1)', [JOURNAL_LOCK]);
    this.journalLockLevel = this.depth;
  }

  appended(seq: number): void {
    this.listeners.appended(seq);
    if (this.depth > 0) {
      this.announce = seq;
      return;
    }
    // Outside a transaction the statement has committed already.
    this.bridge.query('SELECT pg_notify($1, $2)', [JOURNAL_CHANNEL, String(seq)]);
    this.listeners.committed();
  }

  close(): void {
    this.bridge.close();
  }

  /** A statement whose answer is not read: posted inside a transaction, waited for outside. */
  private send(sql: string, params: unknown[]): void {
    if (this.inTransaction) this.bridge.post(sql, params);
    else this.bridge.query(sql, params);
  }
}

export function openPostgres(url: string, o: PgOpenOptions = {}): Db {
  const bridge = new PgBridge(url, { timeoutMs: o.timeoutMs ?? 5000, readonly: o.readonly ?? false });
  const db = new PgDb(bridge, url, o.readonly ?? false);
  try {
    migrate(db);
    return db;
  } catch (err) {
    bridge.close();
    if (err instanceof StoreError) throw err;
    if (err instanceof PgUnavailable)
      throw new StoreError('unreachable', `Cannot reach room database ${db.location}: ${err.message}`);
    throw new StoreError('unreadable', `Cannot open room database ${db.location}: ${(err as Error).message}`);
  }
}

function migrate(db: PgDb): void {
  const refuseNewer = (v: number) => {
    if (v > LATEST_VERSION)
      throw new StoreError(
        'newer_version',
        `Room database ${db.location} has schema version ${v}, newer than this Vigie understands (${LATEST_VERSION}). ` +
          'Open it with a newer Vigie; it was left untouched.',
      );
  };
  // Read once: each read is two round trips, on every start of every server.
  const found = db.schemaVersion();
  refuseNewer(found);
  if (found === LATEST_VERSION) return;
  if (db.readonly && found === 0)
    throw new StoreError(
      'corrupt',
      `Room database ${db.location} is not a Vigie database (no Vigie schema in it).`,
    );
  if (db.readonly)
    throw new StoreError('readonly', `Room database ${db.location} needs migration but is open read-only.`);
  db.transaction(() => {
    db.bridge.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    // Another server may have migrated while this one waited for the lock.
    const current = db.schemaVersion();
    refuseNewer(current);
    for (const m of PG_MIGRATIONS.filter((x) => x.version > current)) {
      db.exec(m.sql);
      db.bridge.query('UPDATE vigie_schema SET version = $1', [m.version]);
    }
    journalBaseline(db, current);
  })();
}
