import { defineConfig } from 'vitest/config';

// Every integration test of a service; the rest of `integration` is about files (backups, SQLite
// pragmas, crashes, the CLI on a file) and runs on SQLite only.
const PG_SERVICE_TESTS = [
  'permissions',
  'operators',
  'incidents',
  'units',
  'zones',
  'parade',
  'nearest',
  'journal',
  'overdue-settings',
  'roster-import',
  'roster-places',
  'services',
  'session-lock',
  'seed',
  'handover-input',
  'handover-ack',
  'handover',
  'export',
  'hostile-input-bounds',
  'room-feed',
  'live-events',
  'journal-viewer',
  'journal-replay',
  'releasability',
  'releasability-writes',
  'releasability-stream',
  'releasability-report',
  'schema-check',
  'head-anchor',
  'handover-head',
].map((name) => `test/integration/${name}.test.ts`);

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // The service tests again, on PostgreSQL (a throwaway cluster started for the run).
        test: {
          name: 'integration-pg',
          include: PG_SERVICE_TESTS,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/pg-global.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Generous: SwiftShader draws on the CPU, and a loaded 2-core machine is slow to idle.
          testTimeout: 200_000,
          hookTimeout: 200_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-electron',
          include: ['test/e2e-electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
