// Random and hostile payloads (fast-check) to every call of the contract through the browser host,
// on a seeded database with a signed-in supervisor's desk (a browser session): the answer is always
// 200, or a 400 naming a field path, or a refusal (401/403/404/409) of a well-formed call; never a
// 500; and a refused call writes nothing (journal head and row counts unchanged) but the journal
// entries of a refused sign-in, which are security events. SQL-looking text is stored literally; control
// characters are refused with the field named (shared/control-chars.ts), and so is a call name that is
// not valid percent-encoding.
// VIGIE_FUZZ_RUNS raises the count (npm run soak).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { api, CALL_NAMES, type CallName } from '../../shared/api.js';
import { FREE_TEXT_CONTROL, LINE_CONTROL } from '../../shared/control-chars.js';
import { startHost, type Host } from '../../electron/host/server.js';
import { journalHead, tableCounts } from '../../electron/store/backup.js';
import { listEntries } from '../../electron/store/journal.js';
import type { Incident, IncidentDetail } from '../../shared/domain.js';
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { fixedClock } from '../../shared/clock.js';
import { seededDb } from '../fixtures/crash-harness.js';
import { paths } from '../support/temp.js';
import { addPerson } from '../support/sign-in.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.VIGIE_FUZZ_RUNS ?? 25);

/** Calls that take a path on the machine and only read from it (reviewed), never write to it. */
const READ_ONLY_PATHS: Record<string, string> = {
  'setBasemap.path': 'opens a tile file the operator picked (MBTiles/PMTiles) read-only; writes nothing',
  'restoreBackup.file':
    'a name listBackups lists (never a path: backup-restore.test.ts tries ../ and absolute ones); reads that backup, writes only the database and a safety copy Vigie names',
};

const SQLISH = [
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

const incident = { category: 'other', priority: 4, source: 'public', locationText: 'quai' };
const zone = {
  name: 'z',
  kind: 'sector',
  color: '#112233',
  polygon: [
    [
      [2.29, 48.85],
      [2.3, 48.85],
      [2.3, 48.86],
      [2.29, 48.85],
    ],
  ],
};

/** A copy of `base` with the field at a dotted path ("pendingActions.0") set to `value`. */
function withField(base: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys[keys.length - 1] as string] = value;
  return copy;
}

const hostileScalar = fc.oneof(
  fc.constantFrom(...SQLISH),
  fc.string({ maxLength: 80 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 2, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -0.5),
  fc.boolean(),
  fc.constant(null),
  fc.string({ minLength: 4001, maxLength: 4100 }),
);
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

interface Props {
  keys: string[];
  enums: Record<string, unknown[]>;
}

function schemaProps(name: CallName): Props {
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

let app: VigieApp;
let host: Host;
let dir: string;
let realIds: string[] = [];
/** The browser's session cookie ('' before sign-in). */
let cookie = '';

async function post(name: string, body: string): Promise<{ status: number; json: unknown }> {
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

const state = () => ({ head: journalHead(app.db), counts: tableCounts(app.db) });

/** Entries a refused sign-in writes (signIn, unlockSession, a handover's incoming officer). */
const SIGN_IN_REFUSALS = new Set(['operator.sign_in_failed', 'operator.login_locked']);

/** Nothing written since `before`, but the journaling of refused sign-ins. */
function expectNoWrite(before: ReturnType<typeof state>, what: string): void {
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
 * Signs the browser in as a new supervisor (every call is theirs to make): fresh for each call
 * fuzzed, since a fuzzed unlockSession's wrong passphrases lock the login after five.
 */
async function signInDesk(): Promise<void> {
  const who = addPerson(app.ctx, 'Fuzz Operator', 'supervisor');
  const r = await post(
    'signIn',
    JSON.stringify({ login: who.login, passphrase: who.passphrase, desk: 'FZ' }),
  );
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}

/** Payloads for one call: arbitrary JSON, or an object over the call's own keys with hostile or plausible values. */
function payloads(name: CallName): fc.Arbitrary<string> {
  const { keys, enums } = schemaProps(name);
  const plausible = fc.oneof(fc.constantFrom(...realIds), fc.constantFrom(1, 2, 3, 48.85, 2.35, true, false));
  const valueFor = (key: string) =>
    enums[key]
      ? fc.oneof(fc.constantFrom(...(enums[key] as unknown[])), hostileValue)
      : fc.oneof(plausible, hostileValue);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(k)])), { requiredKeys: [] })
    : fc.constant({});
  const withExtra = fc
    .tuple(shaped, fc.constantFrom('__proto__', 'constructor', 'evil', 'id'), hostileValue)
    .map(([o, k, v]) => ({ ...o, [k]: v }));
  return fc.oneof(
    { weight: 4, arbitrary: shaped.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: withExtra.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[1,', '"', '{"a":}', 'nul', '\u0000') },
  );
}

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

describe('hostile input through the browser host', () => {
  it.each([...CALL_NAMES])(
    '%s: 200, a 400 with a field path, or a clean refusal; never a 500 or a partial write',
    async (name) => {
      await signInDesk();
      await fc.assert(
        fc.asyncProperty(payloads(name), async (body) => {
          const before = state();
          const { status, json } = await post(name, body);
          expect(
            [200, 400, 401, 403, 404, 409],
            `${name} ${body.slice(0, 200)} → ${JSON.stringify(json).slice(0, 300)}`,
          ).toContain(status);
          if (status === 400) {
            const error = (json as { error: { code: string; issues?: { path: string }[] } }).error;
            expect(error.code).toBe('invalid_input');
            expect(error.issues?.length, body.slice(0, 200)).toBeGreaterThan(0);
            for (const issue of error.issues ?? []) expect(issue.path).toMatch(/\S/);
          }
          if (status !== 200) expectNoWrite(before, `${name} ${body.slice(0, 200)}`);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('stores SQL-looking and arbitrary text literally', async () => {
    await signInDesk();
    const units = tableCounts(app.db).units;
    // Text the contract accepts: no control characters (no tab or line break on one line).
    const text = (max: number, rule = FREE_TEXT_CONTROL) =>
      fc
        .oneof(
          fc.constantFrom(...SQLISH),
          fc.string({ maxLength: max }),
          fc.string({ maxLength: 60, unit: 'grapheme' }),
          fc.string({ maxLength: 60, unit: 'binary' }),
        )
        .filter((s) => s.trim().length > 0 && s.length <= max && !rule.test(s));
    await fc.assert(
      fc.asyncProperty(
        text(200, LINE_CONTROL),
        text(4000),
        text(300),
        text(200),
        async (title, description, locationText, reporter) => {
          const input = {
            category: 'other',
            priority: 4,
            source: 'public',
            title,
            description,
            locationText,
            reporter,
          };
          const created = await post('createIncident', JSON.stringify(input));
          expect(created.status, JSON.stringify(created.json)).toBe(200);
          const got = await post('getIncident', JSON.stringify({ id: (created.json as Incident).id }));
          const stored = (got.json as IncidentDetail).incident;
          expect(stored).toMatchObject({
            title: title.trim(),
            description: description.trim(),
            locationText: locationText.trim(),
            reporter: reporter.trim(),
          });
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(tableCounts(app.db).units).toBe(units);
  });

  it('refuses text that is not well-formed Unicode, which SQLite would silently alter', async () => {
    await signInDesk();
    const before = state();
    const body = JSON.stringify({
      category: 'other',
      priority: 4,
      source: 'public',
      title: 'lone \ud800 half',
      locationText: 'x',
    });
    const { status, json } = await post('createIncident', body);
    expect(status).toBe(400);
    expect((json as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('title');
    expect(state()).toEqual(before);
  });

  it('refuses control characters with the field path, in free text and single-line fields', async () => {
    await signInDesk();
    const incidentId = (app.db.prepare('SELECT id FROM incidents LIMIT 1').get() as { id: string }).id;
    const window = { from: '2026-11-24T06:00:00Z', to: '2026-11-24T08:00:00Z', incomingName: 'B' };
    // [call, a valid input, the field (dotted path) that gets the control character, single-line?]
    const cases: [CallName, Record<string, unknown>, string, boolean][] = [
      ['signIn', { login: 'officer', passphrase: 'p', desk: 'D' }, 'desk', true],
      ['signIn', { login: 'officer', passphrase: 'p', desk: 'D' }, 'login', true],
      ['createIncident', { ...incident, title: 't' }, 'title', true],
      ['createIncident', { ...incident, title: 't' }, 'description', false],
      ['createIncident', { ...incident, title: 't' }, 'reporter', false],
      ['addIncidentNote', { incidentId, text: 'n' }, 'text', false],
      ['createZone', { ...zone }, 'name', true],
      ['importRoster', { csv: 'callsign,country,agency,kind,personnel\n', dryRun: true }, 'csv', false],
      ['previewHandover', { ...window, pendingActions: ['a'] }, 'pendingActions.0', false],
      ['listHandovers', { desk: 'D' }, 'desk', true],
    ];
    const control = (line: boolean) =>
      fc
        .integer({ min: 0, max: 0x9f })
        .map((c) => String.fromCharCode(c))
        .filter((c) => (line ? LINE_CONTROL : FREE_TEXT_CONTROL).test(c));
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...cases)
          .chain(([name, base, field, line]) =>
            fc
              .tuple(fc.string({ maxLength: 20 }), control(line), fc.string({ maxLength: 20 }))
              .map(([a, c, b]) => ({ name, input: withField(base, field, `x${a}${c}${b}x`), field })),
          ),
        async ({ name, input, field }) => {
          const before = state();
          const { status, json } = await post(name, JSON.stringify(input));
          const what = `${name} ${JSON.stringify(input)} → ${JSON.stringify(json)}`;
          expect(status, what).toBe(400);
          const error = (json as { error: { code: string; issues: { path: string }[] } }).error;
          expect(error.code).toBe('invalid_input');
          expect(error.issues.map((i) => i.path)).toContain(field);
          expect(state()).toEqual(before);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('answers a call name that is not valid percent-encoding with a 400, never a 500', async () => {
    const malformed = fc.constantFrom(
      '%',
      '%E0%A4%A',
      '%C3',
      '%FF',
      '%ED%A0%80',
      '%zz',
      '%%',
      '%u0041',
      '%0',
    );
    const piece = fc.oneof(malformed, fc.constantFrom('getSession', 'x', '%41', '%2F', '%E2%82%AC'));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 4 }), async (pieces) => {
        const path = pieces.join('');
        const before = state();
        const res = await fetch(`${host.url}api/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        const json = (await res.json()) as { error?: { code: string; issues?: { path: string }[] } };
        let decodable = true;
        try {
          decodeURIComponent(new URL(`${host.url}api/${path}`).pathname.slice('/api/'.length));
        } catch {
          decodable = false;
        }
        if (decodable) expect([200, 404], path).toContain(res.status);
        else {
          expect(res.status, path).toBe(400);
          expect(json.error?.issues?.[0]?.path).toBe('(call)');
        }
        expect(state()).toEqual(before);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('refuses oversized strings and arrays with the field path, for every bounded field', async () => {
    await signInDesk();
    let checked = 0;
    for (const name of CALL_NAMES) {
      const s = z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }) as {
        properties?: Record<
          string,
          { maxLength?: number; maxItems?: number; anyOf?: { maxLength?: number }[] }
        >;
      };
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const maxLength = prop.maxLength ?? prop.anyOf?.find((a) => a.maxLength)?.maxLength;
        let value: unknown;
        if (maxLength !== undefined && maxLength < 500_000) value = 'x'.repeat(maxLength + 1);
        else if (prop.maxItems !== undefined) value = Array.from({ length: prop.maxItems + 1 }, () => 'x');
        else continue;
        const before = state();
        const { status, json } = await post(name, JSON.stringify({ [key]: value }));
        expect(status, `${name}.${key}`).toBe(400);
        const paths = (json as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
        expect(paths, `${name}.${key}`).toContain(key);
        expect(state()).toEqual(before);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('has no call that writes to a caller-chosen path (else it needs a folder-escape test here)', () => {
    const pathLike = CALL_NAMES.flatMap((name) =>
      schemaProps(name)
        .keys.filter((k) => /(path|file|filename|dir|folder|destination|output)$/i.test(k) || k === 'out')
        .map((k) => `${name}.${k}`),
    );
    expect(pathLike.filter((p) => !(p in READ_ONLY_PATHS))).toEqual([]);
  });
});
