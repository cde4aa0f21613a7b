import { defineConfig } from 'vitest/config';

// Every integration test of a service; the rest of `integration` is about files (backups, SQLite
// pragmas, crashes, the CLI on a file) and runs on SQLite only.
const PG_SERVICE_TESTS = [
  'permissions',
  'after-action',
  'requests',
  'operators',
  'incidents',
  'incident-pages',
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
  'journal-checkpoint',
  'releasability',
  'releasability-writes',
  'releasability-stream',
  'releasability-report',
  'schema-check',
  'head-anchor',
  'handover-head',
  'mirror-apply',
  'host-sessions',
  'awareness',
  'bulletins',
  'exercise',
  'injects',
  'exercise-room',
  'replay',
  'replay-warm',
  'alert-level',
  'scenario-la',
  'operation-new',
  'place-names',
  'place-names-follow',
  'street-names',
  'assign-by-need',
  'unit-contacts',
  'unit-moves',
  'exchange',
  'tak-relay',
].map((name) => `test/integration/${name}.test.ts`);

// Files that must run alone: the room's servers racing to seed, and the timings a second worker
// would distort (host-load's p95, a backup taken while another process writes).
const SERIAL_TESTS = [
  'test/integration/room-*.test.ts',
  'test/integration/host-load.test.ts',
  'test/integration/backup.test.ts',
];

// TEST ONLY: the demo logins' passphrase hashes at scrypt cost 2^10 instead of 2^15 (their
// passphrases are public; see electron/services/operator-accounts-boot.ts). A run signs in thousands
// of times; every other account keeps the production cost, and every check uses the stored cost.
// The hosts and CLIs the tests spawn inherit it.
const env = { VIGIE_TEST_DEMO_SCRYPT_N: '1024' };

// Vitest's default on this 2-core machine is one worker (cores - 1); the integration projects spend
// much of their time waiting on child processes, PostgreSQL and timers, so two keep both cores busy.
const maxWorkers = 2;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          env,
          // One worker (15 s in all): a second one saves seconds and pushed the PDF report test past
          // its 5 s on a loaded machine.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: SERIAL_TESTS,
          environment: 'node',
          env,
          maxWorkers,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      {
        // One file at a time (SERIAL_TESTS): servers racing to seed wait up to the bridge's 5 s for
        // the room's lock, too little beside another busy worker; and timings stay undisturbed.
        test: {
          name: 'integration-serial',
          include: SERIAL_TESTS,
          environment: 'node',
          env,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
        },
      },
      {
        // The service tests again, on PostgreSQL (a throwaway cluster started for the run).
        test: {
          name: 'integration-pg',
          include: PG_SERVICE_TESTS,
          environment: 'node',
          env,
          maxWorkers,
          sequence: { groupOrder: 3 },
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
          env,
          sequence: { groupOrder: 4 },
          // Generous: SwiftShader draws on the CPU, and a loaded 2-core machine is slow to idle.
          testTimeout: 200_000,
          hookTimeout: 200_000,
          // One file at a time: two SwiftShader browsers at once on 2 cores made map and board
          // polls time out (units, backup) in a trial.
          fileParallelism: false,
          // expect.poll waits for what the console shows; its 1 s default is a timing assertion on
          // a loaded machine (a dialog filled 1.5 s after opening failed a run). Same assertions.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e-electron',
          include: ['test/e2e-electron/**/*.test.ts'],
          environment: 'node',
          env,
          sequence: { groupOrder: 5 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
