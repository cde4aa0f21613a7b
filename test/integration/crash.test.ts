// Crash safety: a child writes through the real services and reports each commit; it is killed
// with SIGKILL at random moments; after each kill the database opens, integrity_check is ok, the
// journal chain verifies and every reported commit is there. `npm run soak` runs many more kills.
import { describe, expect, it } from 'vitest';
import { crashLoop, crashProblems, seededDb, startWriter } from '../fixtures/crash-harness.js';
import { tempDb } from '../support/temp.js';

const KILLS = 15;

describe('crash safety (SIGKILL)', () => {
  it('the writer commits and reports when left alone', async () => {
    const db = seededDb(tempDb());
    const writer = await startWriter(db, 30);
    expect(await writer.exited).toBe(0);
    expect(writer.commits).toHaveLength(30);
    expect(new Set(writer.commits.map((c) => c.kind))).toEqual(new Set(['incident', 'note', 'move']));
    expect(crashProblems(db, writer.commits)).toEqual([]);
  });

  it(`loses no reported commit over ${KILLS} kills at random moments`, async () => {
    const db = seededDb(tempDb());
    const seed = Date.now() % 1_000_000;
    const run = await crashLoop(db, KILLS, seed);
    expect(run.problems, `seed ${seed}`).toEqual([]);
    expect(run.kills).toBe(KILLS);
    // The kills must land mid-write, not only during start-up.
    expect(run.commits).toBeGreaterThan(KILLS);
  });
});
