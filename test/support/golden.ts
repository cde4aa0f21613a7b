// Output compared with an expected file that was read and checked by hand. A missing file fails:
// writing it silently would let a deleted or misnamed golden pass with whatever the code prints.
// VIGIE_UPDATE_GOLDENS=1 writes (or overwrites) it instead; read the diff before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.VIGIE_UPDATE_GOLDENS === '1') writeFileSync(file, actual);
  else if (!existsSync(file))
    throw new Error(`golden file missing: ${file} (VIGIE_UPDATE_GOLDENS=1 writes it; then check it by hand)`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
