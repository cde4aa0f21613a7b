// The README's table of calls and roles is the one the services enforce (shared/permissions.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '../../shared/permissions.js';
import { ROLES } from '../../shared/roles.js';
import { CALL_NAMES } from '../../shared/api.js';
import { paths } from '../support/temp.js';

describe('the README role table', () => {
  it('has one row per call, with a tick exactly where the role may make it', () => {
    const readme = readFileSync(join(paths.root, 'README.md'), 'utf8');
    const all = readme.split('\n');
    const start = all.findIndex((l) => l.startsWith('| call |'));
    const header = all[start];
    const end = all.findIndex((l, i) => i > start && !l.startsWith('|'));
    const lines = all.slice(start + 2, end);
    expect(
      header
        ?.split('|')
        .map((c) => c.trim())
        .filter(Boolean),
    ).toEqual(['call', ...ROLES]);
    const table = Object.fromEntries(
      lines.map((l) => {
        const cells = l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        const call = (cells[0] ?? '').replace(/`/g, '');
        return [call, ROLES.filter((_, i) => cells[i + 1] === '✓')];
      }),
    );
    expect(Object.keys(table).sort()).toEqual([...CALL_NAMES].sort());
    for (const call of CALL_NAMES) {
      const allowed = PERMISSIONS[call];
      expect(table[call], call).toEqual(
        allowed === 'public' ? [...ROLES] : ROLES.filter((r) => allowed.includes(r)),
      );
    }
  });
});
