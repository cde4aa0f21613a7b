// Writes posted without waiting inside a room's transaction (bridge.post), and reads sent ahead
// (Db.readAhead): a failed one fails the whole transaction, with its own error, at the next
// statement that waits or at COMMIT; nothing of the transaction is kept; row counts read later are
// the statement's own; the connection is usable afterwards. On PostgreSQL a COMMIT after a failed
// statement rolls back without an error, so an error lost on the way would be a write reported
// saved that was not.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgError, PgUnavailable } from '../../electron/store/pg/bridge.js';
import { openPostgres } from '../../electron/store/pg/db.js';
import type { Db } from '../../electron/store/db-types.js';
import type { PgDb } from '../../electron/store/pg/db.js';
import { pgBinDir, startPgCluster, type PgCluster } from '../support/pg-cluster.js';

let cluster: PgCluster;
let db: Db;
let url: string;
beforeAll(async () => {
  cluster = await startPgCluster();
  url = cluster.createDatabase('pipeline');
  db = openPostgres(url);
  db.exec('CREATE TABLE scratch (id integer PRIMARY KEY, v text NOT NULL)');
});
afterAll(() => {
  db?.close();
  cluster?.close();
});

const insert = () => db.prepare('INSERT INTO scratch (id, v) VALUES (?, ?)');
const ids = () =>
  (db.prepare('SELECT id FROM scratch ORDER BY id').all() as { id: number }[]).map((r) => r.id);

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('writes posted inside a room transaction', () => {
  it('fail the transaction at COMMIT with their own error, and keep nothing of it', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(1, 'kept');
    const err = caught(() =>
      db.transaction(() => {
        insert().run(2, 'first');
        insert().run(1, 'duplicate'); // posted: fails on the worker, nobody waiting
        insert().run(3, 'after');
      })(),
    );
    expect(err).toBeInstanceOf(PgError);
    expect((err as PgError).code).toBe('23505'); // the duplicate key, not "transaction aborted"
    expect(ids()).toEqual([1]);
  });

  it('fail the next statement that waits, before the caller goes on', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(1, 'kept');
    let after = false;
    const err = caught(() =>
      db.transaction(() => {
        insert().run(1, 'duplicate');
        db.prepare('SELECT count(*) AS n FROM scratch').get();
        after = true;
      })(),
    );
    expect((err as PgError).code).toBe('23505');
    expect(after).toBe(false);
  });

  it('give their own row counts when read, and the connection works afterwards', () => {
    db.prepare('DELETE FROM scratch').run();
    const changed = db.transaction(() => {
      insert().run(1, 'a');
      insert().run(2, 'a');
      insert().run(3, 'b');
      const update = db.prepare('UPDATE scratch SET v = ? WHERE v = ?').run('c', 'a');
      const none = db.prepare('UPDATE scratch SET v = ? WHERE v = ?').run('c', 'zzz');
      return [update.changes, none.changes];
    })();
    expect(changed).toEqual([2, 0]);
    expect(ids()).toEqual([1, 2, 3]);
  });

  it('fail the outer transaction, not a nested one, when posted before it', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(1, 'kept');
    let innerRan = false;
    const err = caught(() =>
      db.transaction(() => {
        insert().run(1, 'duplicate');
        try {
          db.transaction(() => {
            innerRan = true;
          })();
        } catch {
          // a caller that tolerates a failed nested block must not swallow the outer failure
        }
        insert().run(4, 'after');
      })(),
    );
    expect((err as PgError).code).toBe('23505');
    expect(innerRan).toBe(false);
    expect(ids()).toEqual([1]);
  });

  it('lost with their connection are neither run elsewhere nor reported saved', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(1, 'kept');
    const err = caught(() =>
      db.transaction(() => {
        insert().run(2, 'before');
        // Posted: the server drops this connection while the next writes are already on their way.
        db.prepare('SELECT pg_terminate_backend(pg_backend_pid())').run();
        for (let i = 3; i < 40; i++) insert().run(i, 'after');
      })(),
    );
    expect(err).toBeInstanceOf(PgUnavailable);
    expect(ids()).toEqual([1]);
    db.transaction(() => insert().run(2, 'again'))();
    expect(ids()).toEqual([1, 2]);
  });

  it('in flight when the connection drops are neither run elsewhere nor reported saved', () => {
    db.prepare('DELETE FROM scratch').run();
    const nap = db.prepare('SELECT pg_sleep(?)');
    db.transaction(() => nap.run(0))(); // its text known: the writes are sent behind it at once
    // Another session drops this one's connection while it sleeps, the writes queued behind.
    const killer = spawn(join(pgBinDir() ?? '', 'psql'), [
      url,
      '-qAtc',
      "SELECT pg_sleep(0.5); SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep($1)%'",
    ]);
    const err = caught(() =>
      db.transaction(() => {
        nap.run(3);
        // A text new to the connection: postgres.js would hold the writes after it in its own queue.
        db.prepare('INSERT INTO scratch (v, id) VALUES (?, ?)').run('new text', 100);
        for (let i = 1; i < 40; i++) insert().run(i, 'after');
      })(),
    );
    killer.kill();
    expect(err).toBeInstanceOf(PgUnavailable);
    expect(ids()).toEqual([]);
  });

  it('commit when nothing failed, and a later transaction is not charged with an old error', () => {
    db.prepare('DELETE FROM scratch').run();
    caught(() => db.transaction(() => insert().run(1, 'x') && insert().run(1, 'x'))());
    db.transaction(() => {
      insert().run(5, 'y');
      insert().run(6, 'y');
    })();
    expect(ids()).toEqual([5, 6]);
  });
});

describe('reads sent ahead inside a room transaction (Db.readAhead)', () => {
  /** The round trips the main thread waits for, by what it waited on. */
  function waits(): { seen: string[]; stop: () => void } {
    const bridge = (db as PgDb).bridge;
    const send = bridge['send'];
    const seen: string[] = [];
    bridge['send'] = (r, timeoutMs) => {
      seen.push(r.op === 'query' ? (r.sql ?? '') : r.op);
      return send.call(bridge, r, timeoutMs);
    };
    return { seen, stop: () => void (bridge['send'] = send) };
  }

  it('come back with the next statement waited for, seeing what was posted before them', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(1, 'a');
    const w = waits();
    const [early, count] = db.transaction(() => {
      insert().run(2, 'b'); // posted, and seen by the read sent after it
      const ahead = db.readAhead('SELECT id, v FROM scratch ORDER BY id');
      const n = db.prepare('SELECT count(*) AS n FROM scratch').get();
      return [ahead.rows, n];
    })();
    w.stop();
    expect(early).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
    expect(count).toEqual({ n: 2 });
    // One wait for the count (which brought the early rows) and one for COMMIT: none of their own.
    expect(w.seen).toEqual(['SELECT count(*) AS n FROM scratch', 'COMMIT']);
  });

  it('wait for their rows themselves when nothing else was waited for', () => {
    db.prepare('DELETE FROM scratch').run();
    insert().run(7, 'z');
    const rows = db.transaction(() => db.readAhead('SELECT v FROM scratch WHERE id = ?', 7).rows)();
    expect(rows).toEqual([{ v: 'z' }]);
  });

  it('fail the transaction with their own error, keeping nothing of it', () => {
    db.prepare('DELETE FROM scratch').run();
    const err = caught(() =>
      db.transaction(() => {
        insert().run(1, 'gone');
        db.readAhead('SELECT nothing FROM scratch');
        db.prepare('SELECT count(*) AS n FROM scratch').get();
      })(),
    );
    expect((err as PgError).code).toBe('42703'); // undefined column
    expect(ids()).toEqual([]);
  });
});
