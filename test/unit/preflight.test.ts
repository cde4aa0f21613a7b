// `npm test` starts with test/preflight.mjs: a missing system package fails at once, naming the
// apt-get command that installs only what is missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../support/temp.js';

const preflight = (chromium: string) =>
  spawnSync(process.execPath, [join(paths.root, 'test', 'preflight.mjs')], {
    env: { ...process.env, VIGIE_CHROMIUM: chromium },
    encoding: 'utf8',
  });

describe('test preflight', () => {
  it('fails at once naming the command that installs a missing Chromium', () => {
    const r = preflight('/nonexistent/chromium');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chromium (/nonexistent/chromium)');
    expect(r.stderr).toMatch(/^ {2}apt-get install -y chromium( postgresql)?$/m);
  });

  it('does not ask for Chromium when it is there', () => {
    // Any executable file stands for it here; PostgreSQL may or may not be on this machine.
    const r = preflight(process.execPath);
    expect(r.stderr).not.toMatch(/chromium/i);
    expect(r.status).toBe(r.stderr ? 1 : 0);
  });
});
