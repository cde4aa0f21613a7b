// Room schema v11, as SQLite's migration 011: the journal's checkpoint.
export const v11 = `
CREATE TABLE journal_checkpoint (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL CHECK (seq >= 0),
  hash text NOT NULL CHECK (length(hash) = 64),
  verified_at text NOT NULL
);
`;
