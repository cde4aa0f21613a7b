// Schema v11: exercise control. The exercise clock a supervisor runs (one row: running or paused,
// its rate, and the operation and real times of the last change; no row means the clock still runs
// at 1× from the operation's anchor, as before v11), and the package's injects with their fate.
// Both are journaled (after-images.ts); the tables are new, so no baseline.
import { INJECT_KINDS, INJECT_STATUSES } from '../../../shared/exercise.js';

export const version = 11;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const sql = `
CREATE TABLE exercise_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL CHECK (state IN ('running', 'paused')),
  rate INTEGER NOT NULL CHECK (rate IN (1, 2, 5)),
  op_at TEXT NOT NULL,
  real_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE TABLE injects (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${list(INJECT_KINDS)})),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
  status TEXT NOT NULL CHECK (status IN (${list(INJECT_STATUSES)})),
  done_at TEXT,
  done_by TEXT,
  result TEXT,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX injects_due ON injects (status, at);
`;
