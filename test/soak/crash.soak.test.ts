// The crash-safety test at soak size: VIGIE_SOAK_KILLS kills (default 200) of a writer on one
// database, each followed by the full check (open, integrity_check, chain, every reported commit).
import { describe, expect, it } from 'vitest';
import { crashLoop, seededDb } from '../fixtures/crash-harness.js';
import { tempDb } from '../support/temp.js';

const KILLS = Number(process.env.VIGIE_SOAK_KILLS ?? 200);

describe('crash safety soak', () => {
  it(`loses no reported commit over ${KILLS} SIGKILLs`, async () => {
    const db = seededDb(tempDb());
    const seed = Number(process.env.VIGIE_SOAK_SEED ?? Date.now() % 1_000_000);
    const run = await crashLoop(db, KILLS, seed);
    console.log(
      `crash soak: ${run.kills} kills (${run.earlyKills} during start-up), ${run.commits} reported commits, seed ${seed}`,
    );
    expect(run.problems, `replay with VIGIE_SOAK_SEED=${seed}`).toEqual([]);
    expect(run.kills).toBe(KILLS);
  });
});
