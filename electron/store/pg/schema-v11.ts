// Room schema v11, as SQLite's migration 011: the exercise clock and the injects.
import { INJECT_KINDS, INJECT_STATUSES } from '../../../shared/exercise.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const v11 = `
CREATE TABLE exercise_clock (
  id integer PRIMARY KEY CHECK (id = 1),
  state text NOT NULL CHECK (state IN ('running', 'paused')),
  rate integer NOT NULL CHECK (rate IN (1, 2, 5)),
  op_at text NOT NULL,
  real_at text NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE injects (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  at text NOT NULL,
  kind text NOT NULL CHECK (kind IN (${list(INJECT_KINDS)})),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  payload text NOT NULL CHECK (CASE WHEN vigie_json_valid(payload)
     THEN jsonb_typeof(CAST(payload AS jsonb)) = 'object' ELSE false END),
  status text NOT NULL CHECK (status IN (${list(INJECT_STATUSES)})),
  done_at text,
  done_by text,
  result text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX injects_due ON injects (status, at);
`;
