// Synchronous calls into the PostgreSQL worker (worker.ts). Each statement is posted to the worker
// and the main thread waits on a shared flag for the answer, with a deadline: a database that
// stops answering fails the call after `timeoutMs` instead of hanging the process, and the worker's
// connection is then dropped (PostgreSQL rolls back whatever that connection had begun).
//
// Why synchronous: the services are short transactions written once for both backends; running
// them to completion before the next request starts is what makes them correct on SQLite, and it
// keeps one code path. A room scales by running several `vigie serve` processes on one database.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Reply, Request } from './worker.js';

export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PgError';
  }
}

/** The database did not answer within the deadline, or the connection could not be made. */
export class PgUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgUnavailable';
  }
}

export interface BridgeOptions {
  /** Deadline of one statement, connection included. */
  timeoutMs?: number;
  readonly?: boolean;
}

// Connection-class SQLSTATEs, the server shutting down, and postgres.js's own connection errors.
const UNAVAILABLE = /^(08|57P0[1-3])|^(CONNECTION_|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND)/;

function workerFile(): string {
  // From source (tests, tsx) the worker is a .ts file Node strips; in the bundle it is built beside it.
  const here = fileURLToPath(import.meta.url);
  const candidates = [
    new URL('./worker.ts', import.meta.url),
    new URL('./pg-worker.mjs', import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((f) => f !== here && existsSync(f));
  if (!found) throw new Error(`PostgreSQL worker not found beside ${here}`);
  return found;
}

/** What a posted statement left, once the worker has sent it back. */
interface Cell {
  count?: number;
  rows?: Record<string, unknown>[] | undefined;
}

/** A posted statement's answer: reading it waits only if it has not come back yet. */
export interface Posted {
  readonly count: number;
  readonly rows: Record<string, unknown>[];
}

export class PgBridge {
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly timeoutMs: number;
  private next = 0;
  private closed = false;
  /** Posted statements whose row count the worker has not sent back yet. */
  private readonly unanswered = new Map<number, Cell>();

  constructor(url: string, o: BridgeOptions = {}) {
    this.timeoutMs = o.timeoutMs ?? 5000;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile(), {
      workerData: {
        url,
        readonly: o.readonly ?? false,
        port: port2,
        flag: this.flag.buffer,
        connectTimeoutS: Math.max(1, Math.ceil(this.timeoutMs / 1000)),
      },
      transferList: [port2],
    });
    // The worker must not keep a finished CLI command alive.
    this.worker.unref();
    this.port.unref();
  }

  query(sql: string, params: unknown[] = []): { rows: Record<string, unknown>[]; count: number } {
    const reply = this.send({ op: 'query', sql, params });
    return { rows: reply.rows ?? [], count: reply.count ?? 0 };
  }

  /**
   * A statement of an open transaction whose answer the caller does not need yet: posted without
   * waiting, so the main thread goes on while the worker runs it, and it shares the round trip of
   * the next statement waited for. Its row count (and its rows, if `keep`), when read, come back
   * with that statement's answer, or are waited for then. If it fails, the worker answers the next
   * waited statement (the COMMIT at the latest) with its error instead: the transaction fails as a
   * whole, with the error it would have thrown had it waited.
   */
  post(sql: string, params: unknown[] = [], keep = false): Posted {
    if (this.closed) throw new PgUnavailable('The room database connection is closed.');
    const id = ++this.next;
    const cell: Cell = {};
    this.unanswered.set(id, cell);
    this.port.postMessage({ op: 'query', sql, params, id, deferred: true, keep } satisfies Request);
    const answered = (): Cell => {
      if (cell.count === undefined) this.send({ op: 'sync' });
      if (cell.count === undefined) throw new PgUnavailable('The room database connection was reset.');
      return cell;
    };
    return {
      get count(): number {
        return answered().count as number;
      },
      get rows(): Record<string, unknown>[] {
        return answered().rows ?? [];
      },
    };
  }

  /** Several statements, no parameters (migrations). */
  exec(sql: string): void {
    this.send({ op: 'exec', sql });
  }

  close(): void {
    if (this.closed) return;
    try {
      this.send({ op: 'close' }, 2000);
    } catch {
      // Closing a connection that is already gone is not an error.
    }
    this.closed = true;
    void this.worker.terminate();
  }

  private send(r: Omit<Request, 'id'>, timeoutMs = this.timeoutMs): Reply {
    if (this.closed) throw new PgUnavailable('The room database connection is closed.');
    const id = ++this.next;
    this.port.postMessage({ ...r, id });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      const current = Atomics.load(this.flag, 0);
      if (current < id && left > 0) {
        Atomics.wait(this.flag, 0, current, left);
        continue;
      }
      // Replies to calls that timed out earlier are discarded; ours is the one with our id.
      let msg = receiveMessageOnPort(this.port);
      while (msg && (msg.message as Reply).id < id) msg = receiveMessageOnPort(this.port);
      if (!msg) {
        if (left > 0) continue;
        if (r.op !== 'close') this.reset();
        throw new PgUnavailable(`The room database did not answer within ${timeoutMs / 1000} s.`);
      }
      const reply = msg.message as Reply;
      for (const [posted, count, rows] of reply.counts ?? []) {
        const cell = this.unanswered.get(posted);
        if (cell) Object.assign(cell, { count, rows });
      }
      // Everything posted before this reply has run: a statement that failed has no count to wait for.
      for (const posted of this.unanswered.keys()) if (posted < reply.id) this.unanswered.delete(posted);
      if (reply.error) {
        const { message, code, detail } = reply.error;
        if (UNAVAILABLE.test(code ?? '') || /connect|terminat|closed/i.test(code ?? '')) {
          // A fresh client next time, rather than postgres.js's growing reconnection back-off.
          this.reset();
          throw new PgUnavailable(`The room database is unreachable (${message}).`);
        }
        throw new PgError(message, code, detail);
      }
      return reply;
    }
  }

  private reset(): void {
    this.unanswered.clear();
    const id = ++this.next;
    this.port.postMessage({ op: 'reset', id });
  }
}
