// The room's journal as it moves, from any server: LISTEN on the channel the journal's appends
// NOTIFY (db.ts), on a connection of its own on the main thread (asynchronous: waiting for the next
// change must not hold up requests). The same connection asks the journal's head every second,
// which tells whether the room answers and catches a change missed while reconnecting.
import type postgresClient from 'postgres';
import { lazyModule } from '../../lazy-module.js';
import { JOURNAL_CHANNEL } from './db.js';

export interface RoomListener {
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** The journal's head is now `seq` (or later). */
  moved(seq: number): void;
  /** Whether the room database answered the last check. */
  reachable(ok: boolean, detail: string | null): void;
}

const CHECK_MS = 1000;
// Only a room listens: a desk on a file does not load the client.
const postgres = lazyModule<typeof postgresClient>('postgres');

export function listenJournal(url: string, h: ListenHandlers): RoomListener {
  // A fresh client after each failed check: postgres.js backs off up to 20 s between reconnection
  // attempts, far longer than an officer should wait once the room is back.
  const connect = () => {
    const sql = postgres()(url, {
      max: 1,
      connect_timeout: 2,
      idle_timeout: 0,
      // No array-type lookup at connect: this client reads one number, and a lookup cut short by
      // a room going down would reject with nobody waiting for it (an unhandled rejection).
      fetch_types: false,
      onnotice: () => undefined,
      connection: { application_name: 'vigie-listen' },
    });
    const subscription = sql
      .listen(JOURNAL_CHANNEL, (payload) => h.moved(Number(payload)))
      .catch((err: unknown) => {
        h.reachable(false, (err as Error).message);
        return null;
      });
    return { sql, subscription };
  };
  const drop = (c: ReturnType<typeof connect>) => {
    void c.subscription.then((s) => s?.unlisten()).catch(() => undefined);
    return c.sql.end({ timeout: 0 }).catch(() => undefined);
  };
  let client = connect();
  let closed = false;

  const check = async () => {
    try {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref(),
      );
      const rows = await Promise.race([
        client.sql`SELECT coalesce(max(seq), 0) AS head FROM journal`,
        timeout,
      ]);
      h.reachable(true, null);
      h.moved(Number(rows[0]?.['head'] ?? 0));
    } catch (err) {
      h.reachable(false, (err as Error).message);
      void drop(client);
      if (!closed) client = connect();
    }
    if (!closed) timer = setTimeout(() => void check(), CHECK_MS);
  };
  let timer = setTimeout(() => void check(), CHECK_MS);

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await drop(client);
    },
  };
}
