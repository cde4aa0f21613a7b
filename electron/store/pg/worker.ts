// The PostgreSQL connection of one Vigie process, on a worker thread. The store's services are
// synchronous transactions of a few statements (as on SQLite); the main thread sends each statement
// here and sleeps on a shared flag until the answer is posted back (bridge.ts), or, for a statement
// of a transaction whose answer it does not read, goes on at once (bridge.post). This file imports
// only `postgres` and Node built-ins so that Node runs it as it is, from source or from the bundle.
import { workerData, type MessagePort } from 'node:worker_threads';
import postgres from 'postgres';

interface Init {
  url: string;
  /** Every transaction read-only (vigie verify): PostgreSQL itself refuses a write. */
  readonly: boolean;
  port: MessagePort;
  flag: SharedArrayBuffer;
  connectTimeoutS: number;
}

export interface Request {
  id: number;
  /** sync: nothing to run, answered once every statement posted before it has run. */
  op: 'query' | 'exec' | 'reset' | 'close' | 'sync';
  sql?: string;
  params?: unknown[];
  /** Posted without waiting (bridge.post): no reply of its own. */
  deferred?: boolean;
  /** A posted read whose rows the caller takes later: sent back with the next reply. */
  keep?: boolean;
}

export interface Reply {
  id: number;
  rows?: Record<string, unknown>[];
  count?: number;
  /** Row counts of the posted statements run since the last reply, by id (and rows, if kept). */
  counts?: [number, number, Record<string, unknown>[]?][];
  error?: { message: string; code?: string | undefined; detail?: string | undefined };
}

const init = workerData as Init;
const flag = new Int32Array(init.flag);

// Integers come back as numbers, as from SQLite: counts are int8 and sums numeric in PostgreSQL.
const asNumber = { to: 20, from: [20, 1700], serialize: (x: unknown) => String(x), parse: Number };

// A transaction lives on one connection. If that connection closes mid-way, postgres.js would run
// the next statement on a fresh one, outside any transaction (and a COMMIT there succeeds with a
// warning): so from a close until the ROLLBACK, every statement of that transaction is refused.
let inTransaction = false;
let transactionBroken = false;

// Statement texts this connection has run: postgres.js sends such a statement at once behind the
// ones in flight (pipelining). A text it has not prepared yet makes it describe the statement first
// and hold every later one in its own queue, which it would send on a fresh connection if this one
// closed: outside the transaction. So a statement is sent behind others only if its text is known
// here and every statement in flight is one such (see `message` below).
const known = new Set<string>();

function connect() {
  return postgres(init.url, {
    onclose: () => {
      if (inTransaction) transactionBroken = true;
      known.clear();
    },
    max: 1,
    idle_timeout: 0,
    connect_timeout: init.connectTimeoutS,
    onnotice: () => undefined,
    types: { vigieNumber: asNumber },
    connection: {
      application_name: 'vigie',
      ...(init.readonly ? { default_transaction_read_only: true } : {}),
    },
  });
}

let sql = connect();

async function answer(r: Request): Promise<Reply> {
  try {
    if (r.op === 'close') {
      await sql.end({ timeout: 1 });
      return { id: r.id };
    }
    if (r.op === 'sync') return { id: r.id };
    if (r.op === 'reset') {
      // After a timeout the connection may be mid-transaction: drop it, PostgreSQL rolls back.
      await sql.end({ timeout: 0 }).catch(() => undefined);
      known.clear();
      sql = connect();
      return { id: r.id };
    }
    const text = r.sql ?? '';
    const control = /^(BEGIN|COMMIT|ROLLBACK)$/.exec(text)?.[1];
    if (transactionBroken && control !== 'ROLLBACK') {
      return {
        id: r.id,
        error: {
          message: 'the connection was lost during the transaction, which was rolled back',
          code: '08006',
        },
      };
    }
    if (control === 'BEGIN') inTransaction = true;
    else if (control) inTransaction = transactionBroken = false;
    const result =
      r.op === 'exec'
        ? await sql.unsafe(text).simple()
        : await sql.unsafe(text, (r.params ?? []) as postgres.ParameterOrJSON<never>[], { prepare: true });
    if (r.op === 'query') known.add(text);
    return { id: r.id, rows: [...result] as Record<string, unknown>[], count: result.count ?? 0 };
  } catch (err) {
    const e = err as { message?: string; code?: string; detail?: string };
    return { id: r.id, error: { message: e.message ?? String(err), code: e.code, detail: e.detail } };
  }
}

// What the posted statements since the last reply left: their row counts, and the first error.
// After an error PostgreSQL refuses the rest of the transaction, and a COMMIT then rolls back
// without an error: so every reply carries that first error, whatever its own statement gave,
// until a rollback (to a savepoint too: the bridge waits for each savepoint, so what failed since
// is inside it) or a reset ends it.
let counts: NonNullable<Reply['counts']> = [];
let failed: Reply['error'];

function settle(r: Request, own: Reply): Reply {
  const rollback = r.op === 'reset' || (r.op === 'query' && /^ROLLBACK\b/.test(r.sql ?? ''));
  if (rollback) failed = undefined;
  const reply: Reply = failed ? { id: r.id, error: failed } : own;
  if (counts.length) reply.counts = counts;
  counts = [];
  return reply;
}

// Requests start in the order they came: a statement whose text is known starts at once behind
// the ones in flight if they are all such (they share one round trip's wait), anything else once
// everything before it has finished (a reset must not overtake the statement before it). Fewer in
// flight than postgres.js's pipeline holds (100), past which it too would queue them itself.
const PIPELINE = 64;
let inFlight = 0;
let alone = 0; // in flight, and not to be followed at once
let waiting = 0; // came, not started yet
let started: Promise<unknown> = Promise.resolve(); // settles when everything started has
let replied: Promise<void> = Promise.resolve();

function start(r: Request, followable: boolean): Promise<Reply> {
  inFlight++;
  if (!followable) alone++;
  return answer(r).finally(() => {
    inFlight--;
    if (!followable) alone--;
  });
}

init.port.on('message', (r: Request) => {
  const followable = r.op === 'query' && !transactionBroken && known.has(r.sql ?? '');
  let result: Promise<Reply>;
  if (waiting === 0 && (inFlight === 0 || (followable && alone === 0 && inFlight < PIPELINE))) {
    result = start(r, followable);
  } else {
    waiting++;
    result = started.then(() => {
      waiting--;
      return start(r, false);
    });
  }
  started = started.then(() => result);
  replied = replied.then(async () => {
    const own = await result;
    if (r.deferred) {
      if (own.error) failed ??= own.error;
      else counts.push(r.keep ? [r.id, own.count ?? 0, own.rows ?? []] : [r.id, own.count ?? 0]);
      return;
    }
    const reply = settle(r, own);
    init.port.postMessage(reply);
    Atomics.store(flag, 0, reply.id);
    Atomics.notify(flag, 0);
    if (r.op === 'close') init.port.close();
  });
});
