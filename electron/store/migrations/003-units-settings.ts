// Schema v3: when a K9 team's dog must rest, and the console's settings (key/value, each row with
// the settings version it was written at), starting with the stale-position threshold. The
// default is written out here, not imported: a migration must not change once released.

export const version = 3;

export const sql = `
ALTER TABLE units ADD COLUMN k9_rest_due TEXT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
INSERT INTO settings (key, value) VALUES ('stalePositionMinutes', '30');
`;
