// `npm run soak`: the crash test with many more kills, and the hostile-input properties with many
// more runs per call. Minutes, not seconds: not part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: [
      'test/soak/**/*.soak.test.ts',
      'test/integration/hostile-input.test.ts',
      'test/integration/hostile-input-refusals.test.ts',
    ],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    env: { VIGIE_FUZZ_RUNS: process.env.VIGIE_FUZZ_RUNS ?? '500' },
  },
});
