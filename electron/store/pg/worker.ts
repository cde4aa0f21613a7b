// The PostgreSQL connection of one Vigie process, on a worker thread. The store's services are
// synchronous transactions of a few statements (as on SQLite); the main thread sends each statement
// here and sleeps on a shared flag until the answer is posted back (bridge.ts). This file imports
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
  op: 'query' | 'exec' | 'reset' | 'close';
  sql?: string;
  params?: unknown[];
}

export interface Reply {
  id: number;
  rows?: Record<string, unknown>[];
  count?: number;
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

function connect() {
  return postgres(init.url, {
    onclose: () => {
      if (inTransaction) transactionBroken = true;
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
    if (r.op === 'reset') {
      // After a timeout the connection may be mid-transaction: drop it, PostgreSQL rolls back.
      await sql.end({ timeout: 0 }).catch(() => undefined);
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
    return { id: r.id, rows: [...result] as Record<string, unknown>[], count: result.count ?? 0 };
  } catch (err) {
    const e = err as { message?: string; code?: string; detail?: string };
    return { id: r.id, error: { message: e.message ?? String(err), code: e.code, detail: e.detail } };
  }
}

// One request at a time, in order: a reset must not overtake the statement before it.
let chain = Promise.resolve();
init.port.on('message', (r: Request) => {
  chain = chain.then(async () => {
    const reply = await answer(r);
    init.port.postMessage(reply);
    Atomics.store(flag, 0, reply.id);
    Atomics.notify(flag, 0);
    if (r.op === 'close') init.port.close();
  });
});
