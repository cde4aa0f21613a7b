// The replay's keyframes are built in the background after opening (services/replay.ts warmReplay),
// so the first replay of a long day does not wait for the whole journal to be read; a one-shot
// command (background off) reads nothing ahead.
import { describe, expect, it } from 'vitest';
import { openVigie } from '../../electron/services/app.js';
import { replayIndexOf } from '../../electron/services/replay.js';
import { fixedClock } from '../../shared/clock.js';
import { testDatabase } from '../support/backend.js';
import { paths } from '../support/temp.js';
import { REAL_START } from '../support/app.js';

const open = (dbPath: string, background: boolean) =>
  openVigie({
    dbPath,
    resourcesDir: paths.resources,
    real: fixedClock(REAL_START),
    headFile: null,
    background,
  });

describe('the replay index after opening', () => {
  it('is read to the journal’s end in the background, and not at all by a one-shot command', async () => {
    const dbPath = testDatabase();
    const once = open(dbPath, false);
    // warm(0) reads nothing: it says whether entries remain unread.
    expect(replayIndexOf(once.db).warm(0)).toBe(true);
    once.close();

    const app = open(dbPath, true);
    const index = replayIndexOf(app.db);
    for (let i = 0; i < 300 && index.warm(0); i++) await new Promise((r) => setTimeout(r, 10));
    expect(index.warm(0)).toBe(false);
    app.close();
  });
});
