// The golden-file helper: a missing file fails unless the run was asked to update goldens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from '../support/golden.js';
import { tempDir } from '../support/temp.js';

afterEach(() => vi.unstubAllEnvs());

describe('golden files', () => {
  it('fails on a missing golden and does not write it', () => {
    vi.stubEnv('VIGIE_UPDATE_GOLDENS', '');
    const file = join(tempDir(), 'missing.md');
    expect(() => expectGolden(file, 'output')).toThrow(
      /golden file missing: .*missing\.md.*VIGIE_UPDATE_GOLDENS=1/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('passes on the same text and fails on a different one', () => {
    vi.stubEnv('VIGIE_UPDATE_GOLDENS', '');
    const file = join(tempDir(), 'report.md');
    writeFileSync(file, 'expected');
    expectGolden(file, 'expected');
    expect(() => expectGolden(file, 'other')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('expected');
  });

  it('with VIGIE_UPDATE_GOLDENS=1 writes a missing golden and overwrites a stale one', () => {
    vi.stubEnv('VIGIE_UPDATE_GOLDENS', '1');
    const dir = tempDir();
    expectGolden(join(dir, 'new.md'), 'fresh');
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('fresh');
    writeFileSync(join(dir, 'old.md'), 'stale');
    expectGolden(join(dir, 'old.md'), 'fresh');
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toBe('fresh');
  });
});
