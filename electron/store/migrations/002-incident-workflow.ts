// Schema v2: the incident workflow. Transition timestamps (for overdue timers and handover),
// append-only notes, and a full-text index over titles, descriptions and notes, kept by triggers
// (diacritics folded, so "Iena" finds "Iéna").

export const version = 2;

export const sql = `
ALTER TABLE incidents ADD COLUMN acknowledged_at TEXT;
ALTER TABLE incidents ADD COLUMN dispatched_at TEXT;
ALTER TABLE incidents ADD COLUMN on_scene_at TEXT;
ALTER TABLE incidents ADD COLUMN resolved_at TEXT;
ALTER TABLE incidents ADD COLUMN closed_at TEXT;
ALTER TABLE incidents ADD COLUMN cancelled_at TEXT;
CREATE INDEX incidents_created ON incidents (created_at);
CREATE INDEX incidents_venue ON incidents (venue_id);

CREATE TABLE incident_notes (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  desk TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
) STRICT;
CREATE INDEX incident_notes_incident ON incident_notes (incident_id, at);
CREATE TRIGGER incident_notes_no_update BEFORE UPDATE ON incident_notes
  BEGIN SELECT RAISE(ABORT, 'notes are append-only: UPDATE refused'); END;
CREATE TRIGGER incident_notes_no_delete BEFORE DELETE ON incident_notes
  BEGIN SELECT RAISE(ABORT, 'notes are append-only: DELETE refused'); END;

CREATE VIRTUAL TABLE incident_fts USING fts5 (
  title, description, notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO incident_fts (rowid, title, description, notes)
  SELECT rowid, title, description, '' FROM incidents;
CREATE TRIGGER incident_fts_insert AFTER INSERT ON incidents BEGIN
  INSERT INTO incident_fts (rowid, title, description, notes) VALUES (new.rowid, new.title, new.description, '');
END;
CREATE TRIGGER incident_fts_update AFTER UPDATE OF title, description ON incidents BEGIN
  UPDATE incident_fts SET title = new.title, description = new.description WHERE rowid = new.rowid;
END;
CREATE TRIGGER incident_fts_note AFTER INSERT ON incident_notes BEGIN
  UPDATE incident_fts SET notes = notes || ' ' || new.text
  WHERE rowid = (SELECT rowid FROM incidents WHERE id = new.incident_id);
END;
`;
