// Schema v4: shift handovers. An acknowledged handover stores its report (the canonical JSON of
// the model) and the SHA-256 of those bytes, next to the journal entry that records it; like the
// journal it can never be changed or removed.
//
// Shifts are not a table of their own: a watch at a desk runs from one acknowledged handover to
// the next, so the handovers already hold each shift's desk, officer, start and end. The operators
// table records sign-ins, which are not shifts (a restart or a second window signs in again, and a
// sign-out is only written when someone else signs in at that window). A second table would store
// the same boundaries twice and could disagree with the signed reports; the `shifts` view reads
// them from the handovers instead.

export const version = 4;

export const sql = `
CREATE TABLE handovers (
  id TEXT PRIMARY KEY,
  desk TEXT NOT NULL CHECK (length(desk) BETWEEN 1 AND 40),
  from_at TEXT NOT NULL,
  to_at TEXT NOT NULL,
  outgoing_name TEXT,
  outgoing_role TEXT,
  incoming_name TEXT NOT NULL,
  incoming_role TEXT,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
  acknowledged_at TEXT NOT NULL,
  schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
  model TEXT NOT NULL CHECK (json_valid(model)),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  journal_seq INTEGER NOT NULL UNIQUE REFERENCES journal(seq),
  CHECK (from_at < to_at)
) STRICT;
CREATE INDEX handovers_desk_to ON handovers (desk, to_at);
CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers
  BEGIN SELECT RAISE(ABORT, 'an acknowledged handover is final: UPDATE refused'); END;
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
  BEGIN SELECT RAISE(ABORT, 'an acknowledged handover is final: DELETE refused'); END;

CREATE VIEW shifts AS
  SELECT desk, outgoing_name AS operator, outgoing_role AS role, from_at AS started_at, to_at AS ended_at,
         incoming_name AS handed_to, id AS handover_id
  FROM handovers;

-- The report reads the journal by operation time (everything after a handover's start).
CREATE INDEX journal_at ON journal (at);
`;
