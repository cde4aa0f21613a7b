// Schema v9: the browser sessions of the room's servers (store/host-sessions.ts), so that every
// `vigie serve` on one database knows every browser's desk. Keyed by the SHA-256 of the cookie's
// token, never the token. Not operation data: not journaled, not copied, not counted.
export const version = 9;

export const sql = `
CREATE TABLE host_sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  operator_id TEXT NOT NULL,
  account_id TEXT,
  login TEXT,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  desk TEXT NOT NULL,
  contingent_id TEXT,
  country TEXT,
  locked_at TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  CHECK (expires_at > created_at)
) STRICT;
CREATE INDEX host_sessions_expires ON host_sessions (expires_at);
`;
