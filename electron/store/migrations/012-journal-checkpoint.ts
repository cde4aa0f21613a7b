// Schema v12: the journal's checkpoint (store/journal-checkpoint.ts): the sequence and hash up to
// which a Vigie last verified the whole chain, so that opening a long journal checks only what
// came after it. Bookkeeping about the journal, not operation data: not journaled, not copied.
export const version = 12;

export const sql = `
CREATE TABLE journal_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  verified_at TEXT NOT NULL
) STRICT;
`;
