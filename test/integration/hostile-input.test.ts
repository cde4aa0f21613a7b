// Random and hostile payloads (fast-check) to every call of the contract through the browser host,
// on a seeded database with a signed-in supervisor's desk (a browser session): the answer is always
// 200, or a 400 naming a field path, or a refusal (401/403/404/409) of a well-formed call; never a
// 500; and a refused call writes nothing (journal head and row counts unchanged) but the journal
// entries of a refused sign-in, which are security events. SQL-looking text is stored literally.
// Control characters, ill-formed Unicode, oversized fields and a call name that is not valid
// percent-encoding are refused with the field named: hostile-input-refusals.test.ts.
// VIGIE_FUZZ_RUNS raises the count (npm run soak).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALL_NAMES, type CallName } from '../../shared/api.js';
import { FREE_TEXT_CONTROL, LINE_CONTROL } from '../../shared/control-chars.js';
import { tableCounts } from '../../electron/store/backup.js';
import type { Incident, IncidentDetail } from '../../shared/domain.js';
import {
  app,
  expectNoWrite,
  hostileHost,
  post,
  realIds,
  RUNS,
  schemaProps,
  signInDesk,
  SQLISH,
  state,
} from './hostile-host.js';

/** Calls that take a path on the machine and only read from it (reviewed), never write to it. */
const READ_ONLY_PATHS: Record<string, string> = {
  'setBasemap.path': 'opens a tile file the operator picked (MBTiles/PMTiles) read-only; writes nothing',
  'restoreBackup.file':
    'a name listBackups lists (never a path: backup-restore.test.ts tries ../ and absolute ones); reads that backup, writes only the database and a safety copy Vigie names',
  'createOperation.file':
    'a file name, no folder (operation-new.test.ts tries ../ and sub/); a new file beside the open database, never over an existing one',
  'importFeatures.fileName':
    'the name of the file the officer picked, only quoted in messages and the journal: the text comes in the call, nothing is opened or written by name',
};

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

hostileHost();

describe('hostile input through the browser host', () => {
  it.each([...CALL_NAMES])(
    '%s: 200, a 400 with a field path, or a clean refusal; never a 500 or a partial write',
    async (name) => {
      await signInDesk(name);
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
  it('has no call that writes to a caller-chosen path (else it needs a folder-escape test here)', () => {
    const pathLike = CALL_NAMES.flatMap((name) =>
      schemaProps(name)
        .keys.filter((k) => /(path|file|filename|dir|folder|destination|output)$/i.test(k) || k === 'out')
        .map((k) => `${name}.${k}`),
    );
    expect(pathLike.filter((p) => !(p in READ_ONLY_PATHS))).toEqual([]);
  });
});
