// The browser host the hostile-input tests fire at (hostile-input.test.ts, hostile-input-refusals.test.ts):
// a seeded database served by `startHost`, a browser session signed in as a fresh supervisor, and the
// journal head and row counts that show whether a refused call wrote anything.
// VIGIE_FUZZ_RUNS raises the count of runs (npm run soak).
import { afterAll, beforeAll, expect } from 'vitest';
import { z } from 'zod';
import { api, type CallName } from '../../shared/api.js';
import { startHost, type Host } from '../../electron/host/server.js';
import { journalHead, tableCounts } from '../../electron/store/backup.js';
import { listEntries } from '../../electron/store/journal.js';
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { fixedClock } from '../../shared/clock.js';
import { seededDb } from '../fixtures/crash-harness.js';
import { paths } from '../support/temp.js';
import { addPerson, signInInput } from '../support/sign-in.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUNS = Number(process.env.VIGIE_FUZZ_RUNS ?? 25);

export const SQLISH = [
  "'; DROP TABLE incidents;--",
  "Robert'); DROP TABLE units;--",
  '" OR "1"="1',
  "' OR 1=1 --",
  '1; DELETE FROM journal',
  "x' UNION SELECT hash FROM journal --",
  "%; ATTACH DATABASE '/tmp/x.db' AS x;--",
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '\u0000nul',
  '\u202Eevil',
  'null',
  '',
  '   ',
];

interface Props {
  keys: string[];
  enums: Record<string, unknown[]>;
}

export function schemaProps(name: CallName): Props {
  const s = z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } }>;
  };
  const props = s.properties ?? {};
  const enums: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v.enum) enums[k] = v.enum;
    else if (v.items?.enum) enums[k] = [v.items.enum.slice(0, 2)];
  }
  return { keys: Object.keys(props), enums };
}

export let app: VigieApp;
export let host: Host;
let dir: string;
export let realIds: string[] = [];
/** The browser's session cookie ('' before sign-in). */
let cookie = '';

export async function post(name: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${host.url}api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body,
  });
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    if (pair.startsWith('vigie_session=')) cookie = pair === 'vigie_session=' ? '' : pair;
  }
  return { status: res.status, json: (await res.json()) as unknown };
}

export const state = () => ({ head: journalHead(app.db), counts: tableCounts(app.db) });

/** Entries a refused sign-in writes (signIn, unlockSession, a handover's incoming officer). */
const SIGN_IN_REFUSALS = new Set(['operator.sign_in_failed', 'operator.login_locked']);

/** Nothing written since `before`, but the journaling of refused sign-ins. */
export function expectNoWrite(before: ReturnType<typeof state>, what: string): void {
  const after = state();
  const added = after.head.seq - before.head.seq;
  if (added > 0) {
    const actions = listEntries(app.db, { limit: added }).map((e) => e.action);
    expect(
      actions.filter((a) => !SIGN_IN_REFUSALS.has(a)),
      what,
    ).toEqual([]);
    expect({ ...after.counts, journal: 0 }, what).toEqual({ ...before.counts, journal: 0 });
  } else expect(after, what).toEqual(before);
}

/**
 * Signs the browser in as a supervisor (every call is theirs to make), afresh before each call
 * fuzzed (a fuzzed signOut or lockSession ends the session): the exercise's supervisor, or for a
 * fuzzed unlockSession, whose wrong passphrases lock the login after five, a new one each time.
 */
export async function signInDesk(fuzzed?: CallName): Promise<void> {
  const who =
    fuzzed === 'unlockSession'
      ? addPerson(app.ctx, 'Fuzz Operator', 'supervisor')
      : signInInput('supervisor');
  const r = await post(
    'signIn',
    JSON.stringify({ login: who.login, passphrase: who.passphrase, desk: 'FZ' }),
  );
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect((r.json as { role: string }).role).toBe('supervisor');
}

/** Opens the seeded database and its host before the file's tests, and closes them after. */
export function hostileHost(): void {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-fuzz-'));
    const dbPath = seededDb(join(dir, 'vigie.db'));
    app = openVigie({
      dbPath,
      resourcesDir: paths.resources,
      real: fixedClock(Date.parse('2026-11-24T08:00:00Z')),
    });
    host = await startHost({
      handlers: app.handlers,
      db: () => app.db,
      rendererDir: dir,
      resourcesDir: paths.resources,
      port: 0,
    });
    const ids = (table: string) =>
      (app.db.prepare(`SELECT id FROM ${table} LIMIT 3`).all() as { id: string }[]).map((r) => r.id);
    realIds = [...ids('units'), ...ids('incidents'), ...ids('contingents'), ...ids('venues')];
  });

  afterAll(async () => {
    await host.close();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
