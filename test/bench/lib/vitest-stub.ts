// Stands in for 'vitest' when the bench bundles test/e2e/harness.ts (and test/support/temp.ts,
// which registers cleanup with afterEach at import time). The benches clean up after themselves
// (lib/temp.ts); outside a vitest run these hooks have nothing to attach to.
export const afterEach = (_fn: () => unknown): void => undefined;
export const afterAll = (_fn: () => unknown): void => undefined;
export const beforeEach = (_fn: () => unknown): void => undefined;
export const beforeAll = (_fn: () => unknown): void => undefined;
