// Room schema v9, as SQLite's migration 009: the browser sessions every server of the room shares.
export const v9 = `
CREATE TABLE host_sessions (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  operator_id text NOT NULL,
  account_id text,
  login text,
  name text NOT NULL,
  role text NOT NULL,
  desk text NOT NULL,
  contingent_id text,
  country text,
  locked_at text,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX host_sessions_expires ON host_sessions (expires_at);
`;
