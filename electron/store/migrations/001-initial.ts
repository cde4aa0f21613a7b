// Schema v1: the operational picture. STRICT tables; CHECKs repeat the shared vocabulary so that
// nothing outside it can be stored even by a bug; the journal refuses UPDATE and DELETE.
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  UNIT_KINDS,
  UNIT_STATUSES,
} from '../../../shared/domain.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const version = 1;

export const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  desk TEXT NOT NULL,
  signed_in_at TEXT NOT NULL,
  signed_out_at TEXT
) STRICT;

CREATE TABLE contingents (
  id TEXT PRIMARY KEY,
  country TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
  agency TEXT NOT NULL,
  liaison_name TEXT,
  liaison_contact TEXT,
  languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
  personnel INTEGER NOT NULL CHECK (personnel >= 0),
  arrival TEXT,
  departure TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE venues (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  note TEXT
) STRICT;

CREATE TABLE zones (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  color TEXT NOT NULL,
  polygon TEXT NOT NULL CHECK (json_valid(polygon)),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE routes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  coordinates TEXT NOT NULL CHECK (json_valid(coordinates))
) STRICT;

CREATE TABLE route_bridges (
  route_id TEXT NOT NULL REFERENCES routes(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  chainage_km REAL NOT NULL,
  PRIMARY KEY (route_id, ord)
) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  callsign TEXT NOT NULL UNIQUE,
  contingent_id TEXT NOT NULL REFERENCES contingents(id),
  kind TEXT NOT NULL CHECK (kind IN (${list(UNIT_KINDS)})),
  personnel INTEGER NOT NULL CHECK (personnel >= 1),
  armed INTEGER NOT NULL CHECK (armed IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN (${list(UNIT_STATUSES)})),
  venue_id TEXT REFERENCES venues(id),
  sector TEXT,
  lat REAL CHECK (lat BETWEEN -90 AND 90),
  lon REAL CHECK (lon BETWEEN -180 AND 180),
  position_at TEXT,
  position_source TEXT,
  k9_handler TEXT,
  k9_dog TEXT,
  k9_detection TEXT,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX units_contingent ON units (contingent_id);

CREATE TABLE unit_positions (
  id INTEGER PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  at TEXT NOT NULL,
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  source TEXT NOT NULL
) STRICT;
CREATE INDEX unit_positions_unit_at ON unit_positions (unit_id, at);

CREATE TABLE incident_sequences (
  day TEXT PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL CHECK (category IN (${list(INCIDENT_CATEGORIES)})),
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
  status TEXT NOT NULL CHECK (status IN (${list(INCIDENT_STATUSES)})),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN (${list(INCIDENT_SOURCES)})),
  reporter TEXT,
  lat REAL CHECK (lat BETWEEN -90 AND 90),
  lon REAL CHECK (lon BETWEEN -180 AND 180),
  venue_id TEXT REFERENCES venues(id),
  sector TEXT,
  location_text TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX incidents_open ON incidents (status, priority, created_at);

CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  assigned_at TEXT NOT NULL,
  released_at TEXT
) STRICT;
CREATE UNIQUE INDEX assignments_one_active ON assignments (unit_id) WHERE released_at IS NULL;
CREATE INDEX assignments_incident ON assignments (incident_id);

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  operator TEXT NOT NULL,
  desk TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  data TEXT NOT NULL CHECK (json_valid(data)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX journal_entity ON journal (entity_id, seq);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only: UPDATE refused'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only: DELETE refused'); END;
`;
