// A room's durable createIncident: Vigie (openVigie + dispatch, its statements through the worker
// thread's postgres.js connection, synchronously) beside the bare postgres.js client (async, one
// connection) issuing the very statements Vigie sent, captured from Vigie's bridge: the same SQL
// text, the same $n parameters, the same number of statements, in one transaction.
import postgres from 'postgres';
import type { PgDb } from '../../../electron/store/pg/db.js';
import { GENESIS_HASH } from '../../../electron/store/journal.js';
import { newId } from '../../../electron/services/ids.js';
import { iso, realTime } from '../../../shared/clock.js';
import { referenceDay, referencePrefix } from '../../../shared/reference.js';
import { journalRow } from './fixture-journal.js';
import type { NewIncidentInput } from './plain.js';
import type { Client } from './vigie.js';

export interface Captured {
  sql: string;
  params: unknown[];
  /** Posted by Vigie's bridge without waiting for its answer (bridge.post). */
  posted?: boolean;
}

/** What one Vigie call sends to PostgreSQL, statement by statement (the bridge's traffic). */
export function capture(client: Client, call: () => void): Captured[] {
  const bridge = (client.app.db as PgDb).bridge;
  const { query, post } = bridge;
  const seen: Captured[] = [];
  // Waited for (query) or posted without waiting (post): the same statements, in the same order.
  bridge.query = (sql: string, params: unknown[] = []) => {
    seen.push({ sql, params });
    return query.call(bridge, sql, params);
  };
  bridge.post = (sql: string, params: unknown[] = [], keep = false) => {
    seen.push({ sql, params, posted: true });
    return post.call(bridge, sql, params, keep);
  };
  try {
    call();
  } finally {
    bridge.query = query;
    bridge.post = post;
  }
  return seen;
}

/** The statements createIncident sends, in order, as they must be for the peer to replay them. */
const SHAPE = [
  // The access check reads the signed-in account's standing (services/access.ts): it may have changed.
  /^SELECT role, disabled FROM accounts WHERE id = \$1$/,
  /^BEGIN$/,
  // The operation's time zone, read inside the transaction (the reference's day).
  /^SELECT value FROM meta WHERE key = \$1$/,
  // The day's counter raised, the journal's lock and head, sent before the insert (Vigie posts them,
  // the head's rows kept); the insert makes the reference from the counter.
  /^INSERT INTO incident_sequences\b/,
  /^SELECT pg_advisory_xact_lock\(\$1\)$/,
  /^SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1$/,
  // The row as stored comes back from the insert: the answer, and the journal's after-image.
  /^INSERT INTO incidents\b[\s\S]*RETURNING \*$/,
  /^INSERT INTO journal\b/,
  /^SELECT pg_notify\(\$1, \$2\)$/,
  /^COMMIT$/,
  // After the commit, the answer's place name (services/place-names.ts): the reference data's
  // counter, unchanged since the warm-up create, so the candidates kept then still serve.
  /^SELECT n FROM reference_generation WHERE id = 1$/,
];
/** Where the statements after COMMIT start: reads replayed with the parameters Vigie sent. */
const AFTER_COMMIT = 10;

/** Vigie's createIncident statements, checked against SHAPE: the texts the peer sends. */
export function createStatements(seen: Captured[]): Captured[] {
  const texts = seen.map((s) => s.sql);
  const fits = texts.length === SHAPE.length && SHAPE.every((re, i) => re.test(texts[i] ?? ''));
  if (!fits)
    throw new Error(
      `createIncident on a room sent statements the peer does not replay (update test/bench/lib/room-durable.ts):\n` +
        texts.map((t) => `  ${t.split('\n')[0]}`).join('\n'),
    );
  return seen;
}

const OPERATOR = { operator: 'Bench Peer', role: 'watch_officer', desk: 'peer' };

/** The bare client: the captured statements, fresh values each time, in a postgres.js transaction. */
export class PgPeer {
  private readonly sql;

  private readonly texts: string[];
  /** The access check's parameters as Vigie sent them (the same signed-in account each time). */
  private readonly account: unknown[];
  /** The reads after COMMIT, parameters as Vigie sent them (the same desk and data each time). */
  private readonly after: unknown[][];

  constructor(url: string, captured: Captured[]) {
    this.sql = postgres(url, { max: 1, idle_timeout: 0, onnotice: () => undefined });
    this.texts = captured.map((c) => c.sql);
    this.account = captured[0]?.params ?? [];
    this.after = captured.slice(AFTER_COMMIT).map((c) => c.params);
  }

  private q(tx: postgres.TransactionSql | postgres.Sql, i: number, params: unknown[]) {
    return tx.unsafe(this.texts[i] as string, params as postgres.ParameterOrJSON<never>[], { prepare: true });
  }

  async createIncident(input: NewIncidentInput): Promise<void> {
    const now = realTime.now();
    const at = iso(now);
    await this.q(this.sql, 0, this.account);
    // sql.begin sends BEGIN (text 1) and COMMIT (text 9) itself.
    await this.sql.begin(async (tx) => {
      await this.q(tx, 2, ['operation']);
      const day = referenceDay(now, 'Europe/Paris');
      await this.q(tx, 3, [day]);
      await this.q(tx, 4, [7_160_002]);
      const [head] = await this.q(tx, 5, []);
      const id = newId(realTime);
      const [created] = await this.q(tx, 6, [
        id,
        referencePrefix(day),
        day,
        input.category,
        input.priority,
        'new',
        input.title,
        input.description,
        input.source,
        null,
        input.lat,
        input.lon,
        null,
        null,
        null,
        at,
        at,
        null,
        null,
        null,
        null,
        null,
        null,
        null, // marking: releasable to all partners
      ]);
      const row = journalRow(
        {
          at,
          recordedAt: at,
          ...OPERATOR,
          action: 'incident.created',
          entityType: 'incident',
          entityId: id,
          data: created ?? null,
        },
        Number(head?.['seq'] ?? 0) + 1,
        String(head?.['hash'] ?? GENESIS_HASH),
        // The after-image: the row the insert returned, as appendEntry takes it.
        JSON.stringify([['incidents', [id], created ?? null]]),
      );
      await this.q(tx, 7, row.params);
      await this.q(tx, 8, ['vigie_journal', String(row.seq)]);
    });
    for (const [i, params] of this.after.entries()) await this.q(this.sql, AFTER_COMMIT + i, params);
  }

  close(): Promise<void> {
    return this.sql.end({ timeout: 1 });
  }
}
