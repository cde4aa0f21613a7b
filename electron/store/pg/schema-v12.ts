// Room schema v12, as SQLite's migration 012: the journal's checkpoint.
export const v12 = `
CREATE TABLE journal_checkpoint (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL CHECK (seq >= 0),
  hash text NOT NULL CHECK (length(hash) = 64),
  verified_at text NOT NULL
);
`;
