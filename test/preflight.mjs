// First step of `npm test`: checks what the tests need from the machine, so a missing package is
// named in the first second instead of after the build. Plain Node, no imports from the project.
import { accessSync, constants, readdirSync } from 'node:fs';
import { join } from 'node:path';

const canRun = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

// The same rule as test/e2e/harness.ts.
const chromium = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

// Debian installs each PostgreSQL major version's server under its own folder; any one will do.
const POSTGRES = '/usr/lib/postgresql';
const serverBins = (version) =>
  ['initdb', 'pg_ctl'].every((bin) => canRun(join(POSTGRES, version, 'bin', bin)));
const hasPostgres = () => {
  try {
    return readdirSync(POSTGRES).some(serverBins);
  } catch {
    return false;
  }
};

const missing = [];
if (!canRun(chromium)) missing.push({ pkg: 'chromium', what: `Chromium (${chromium})` });
if (!hasPostgres())
  missing.push({ pkg: 'postgresql', what: `PostgreSQL's initdb and pg_ctl (${POSTGRES}/*/bin)` });

if (missing.length) {
  console.error(`npm test needs ${missing.map((m) => m.what).join(' and ')}. Install with:`);
  console.error(`  apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`);
  process.exit(1);
}
