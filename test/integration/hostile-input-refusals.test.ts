// Hostile input the contract refuses with the field named, through the browser host (see
// hostile-host.ts): text that is not well-formed Unicode, control characters (shared/control-chars.ts),
// a call name that is not valid percent-encoding, and strings and arrays over their bound; a refused
// call writes nothing (journal head and row counts unchanged).
// VIGIE_FUZZ_RUNS raises the count (npm run soak).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { api, CALL_NAMES, type CallName } from '../../shared/api.js';
import { FREE_TEXT_CONTROL, LINE_CONTROL } from '../../shared/control-chars.js';
import { app, host, hostileHost, post, RUNS, signInDesk, state } from './hostile-host.js';

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

hostileHost();

describe('hostile input the contract refuses, through the browser host', () => {
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
      ['exportAfterAction', { from: window.from, to: window.to, format: 'json' }, 'lang', true],
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
});
