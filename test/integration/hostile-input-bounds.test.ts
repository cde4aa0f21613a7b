// Every input schema of the contract, walked as JSON Schema (zod 4's toJSONSchema, input side):
// each string has a maximum length (or is an enum, a constant, or a fixed-length pattern), each
// array a maximum count, and each object refuses unknown keys. The browser host caps each call's
// body (electron/host/body-limits.ts), but IPC has no such cap: the schema is the only limit there.
// The largest valid input of a call must also fit the host's body limit for it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, CALL_NAMES } from '../../shared/api.js';
import { DEFAULT_MAX_BODY, maxBody } from '../../electron/host/body-limits.js';
import { MAX_ROSTER_BYTES } from '../../shared/roster.js';

type Node = Record<string, unknown>;

/** Unbounded fields still waiting for their owner's fix (call.path → owner); the test fails when one gets fixed, so the list shrinks. */
const PENDING: Record<string, string> = {
  'createZone.polygon':
    'owner of shared/api/map.ts: .max(rings) on the polygon (checked only after parsing now)',
  'createZone.polygon[]': 'owner of shared/api/map.ts: .max(points) on each ring',
  'updateZone.polygon': 'owner of shared/api/map.ts: .max(rings) on the polygon',
  'updateZone.polygon[]': 'owner of shared/api/map.ts: .max(points) on each ring',
};

/** A regex that can only match a bounded length: anchored, with no *, + or open {n,} repeat. */
const boundedPattern = (p: unknown) =>
  typeof p === 'string' && p.startsWith('^') && p.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(p);

function problems(node: unknown, path: string, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    if (Array.isArray(n[key])) for (const child of n[key] as unknown[]) problems(child, path, out);
  }
  const type = n.type;
  if (type === 'string' && n.enum === undefined && n.const === undefined) {
    if (typeof n.maxLength !== 'number' && !boundedPattern(n.pattern))
      out.push(`${path}: string without a maximum length`);
  }
  if (type === 'array') {
    if (typeof n.maxItems !== 'number') out.push(`${path}: array without a maximum count`);
    problems(n.items, `${path}[]`, out);
  }
  if (type === 'object') {
    if (n.additionalProperties !== false) out.push(`${path}: object accepts unknown keys`);
    const props = (n.properties ?? {}) as Record<string, unknown>;
    for (const [key, child] of Object.entries(props)) problems(child, path ? `${path}.${key}` : key, out);
  }
}

function unboundedFields(): string[] {
  const out: string[] = [];
  for (const name of CALL_NAMES) {
    const schema = z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' });
    const found: string[] = [];
    problems(schema, '', found);
    out.push(...found.map((f) => `${name}.${f}`));
  }
  return out;
}

/** A string with no maxLength left here is a short pattern or an ISO date-time (PENDING above). */
const UNBOUNDED_STRING = 64;

/**
 * The most bytes a valid value can take as JSON.stringify writes it: 3 bytes a UTF-16 unit (UTF-8
 * of the BMP; an escaped quote or line break takes 2), 24 for a number.
 */
function jsonBytes(node: unknown): number {
  if (!node || typeof node !== 'object') return 24;
  const n = node as Node;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(n[key])) return Math.max(...(n[key] as unknown[]).map(jsonBytes));
  }
  if (Array.isArray(n.enum)) return Math.max(...n.enum.map((v) => JSON.stringify(v).length * 3));
  if (n.const !== undefined) return JSON.stringify(n.const).length * 3;
  switch (n.type) {
    case 'string':
      return 3 * (typeof n.maxLength === 'number' ? n.maxLength : UNBOUNDED_STRING) + 2;
    case 'array':
      if (Array.isArray(n.prefixItems))
        return 2 + (n.prefixItems as unknown[]).reduce<number>((t, i) => t + jsonBytes(i) + 1, 0);
      return 2 + (n.maxItems as number) * (jsonBytes(n.items) + 1);
    case 'object':
      return Object.entries((n.properties ?? {}) as Record<string, unknown>).reduce(
        (t, [key, child]) => t + JSON.stringify(key).length + 2 + jsonBytes(child),
        2,
      );
    default:
      return 24;
  }
}

describe('contract input bounds', () => {
  it("the largest valid input of a call fits the browser host's body limit for it", () => {
    const tooSmall: string[] = [];
    for (const name of CALL_NAMES) {
      if (maxBody(name) !== DEFAULT_MAX_BODY) continue; // the file calls, reviewed in body-limits.ts
      const bytes = jsonBytes(z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }));
      if (bytes > DEFAULT_MAX_BODY) tooSmall.push(`${name}: up to ${bytes} bytes`);
    }
    expect(tooSmall).toEqual([]);
    // A roster of nothing but quotes doubles in JSON: the worst case of the largest file call.
    const roster = JSON.stringify({ csv: '"'.repeat(MAX_ROSTER_BYTES), dryRun: false });
    expect(Buffer.byteLength(roster)).toBeLessThanOrEqual(maxBody('importRoster'));
  });

  it('every string and array of every call is bounded, every object strict', () => {
    const found = unboundedFields().map((f) => f.replace(/: .*$/, ''));
    const unexpected = found.filter((f) => !(f in PENDING));
    expect(unexpected, 'unbounded input fields').toEqual([]);
    const fixed = Object.keys(PENDING).filter((f) => !found.includes(f));
    expect(fixed, 'fixed: remove these from PENDING').toEqual([]);
  });

  it('the walker catches what it should', () => {
    const out: string[] = [];
    problems(
      z.toJSONSchema(
        z
          .object({
            a: z.string(),
            b: z.array(z.string().max(3)),
            c: z.object({}),
            d: z.string().regex(/^[A-Z]{2}$/),
          })
          .strict(),
        { io: 'input' },
      ),
      '',
      out,
    );
    expect(out).toEqual([
      'a: string without a maximum length',
      'b: array without a maximum count',
      'c: object accepts unknown keys',
    ]);
  });
});
