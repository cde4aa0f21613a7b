// Runs every vitest project in order (unit, integration, integration-serial, integration-pg, e2e,
// e2e-electron) and ends with one plain summary line, "N passed, N failed, N skipped", that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const projects = ['unit', 'integration', 'integration-serial', 'integration-pg', 'e2e', 'e2e-electron'];
const totals = { passed: 0, failed: 0, skipped: 0 };
let exit = 0;
mkdirSync('test-artifacts', { recursive: true });
for (const project of projects) {
  const out = `test-artifacts/vitest-${project}.json`;
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) exit = 1;
  try {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    // A suite that fails in beforeAll reports its tests as skipped: they never ran, so they count
    // as failed here, and a failed file with no tests counts once.
    let notRun = 0;
    for (const file of j.testResults ?? []) {
      if (file.status !== 'failed') continue;
      const tests = file.assertionResults ?? [];
      const unrun = tests.filter((t) => t.status !== 'passed' && t.status !== 'failed').length;
      notRun += tests.length === 0 ? 1 : unrun;
      totals.skipped -= unrun;
    }
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests + notRun;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  } catch {
    totals.failed += 1;
    exit = 1;
    console.error(`test: no results from project ${project}`);
  }
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exit);
