// Every input schema of the contract, walked as JSON Schema (zod 4's toJSONSchema, input side):
// each string has a maximum length (or is an enum, a constant, or a fixed-length pattern), each
// array a maximum count, and each object refuses unknown keys. The browser host caps a body at
// 1 MB, but IPC has no such cap: the schema is the only limit there.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, CALL_NAMES } from '../../shared/api.js';

type Node = Record<string, unknown>;

/** Unbounded fields still waiting for their owner's fix (call.path → owner); the test fails when one gets fixed, so the list shrinks. */
const PENDING: Record<string, string> = {
  'previewHandover.from': 'report engineer (shared/api/handover.ts): add .max(40) to the ISO datetime',
  'previewHandover.to': 'report engineer (shared/api/handover.ts): add .max(40) to the ISO datetime',
  'acknowledgeHandover.from': 'report engineer (shared/api/handover.ts): add .max(40) to the ISO datetime',
  'acknowledgeHandover.to': 'report engineer (shared/api/handover.ts): add .max(40) to the ISO datetime',
  'createZone.polygon':
    'owner of shared/api/map.ts: .max(rings) on the polygon (checked only after parsing now)',
  'createZone.polygon[]': 'owner of shared/api/map.ts: .max(points) on each ring',
  'updateZone.polygon': 'owner of shared/api/map.ts: .max(rings) on the polygon',
  'updateZone.polygon[]': 'owner of shared/api/map.ts: .max(points) on each ring',
  'getParade.at': 'owner of shared/api/map.ts: add .max(40) to `instant`',
  'setParadePlan.start': 'owner of shared/api/map.ts: add .max(40) to `instant`',
  'recordParadeActual.at': 'owner of shared/api/map.ts: add .max(40) to `instant`',
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

describe('contract input bounds', () => {
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
