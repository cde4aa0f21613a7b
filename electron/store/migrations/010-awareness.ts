// Schema v10: shared awareness in the room. The operation's alert level (one row), bulletins and
// each desk's acknowledgement of them, requests between desks, and the alerts each desk has
// acknowledged. Every row is journaled (after-images.ts); the tables are new, so no baseline.
import {
  ALERT_SCALE_NAMES,
  BULLETIN_SEVERITIES,
  REQUEST_STATUSES,
  REQUEST_TARGET_KINDS,
} from '../../../shared/awareness.js';

export const version = 10;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const sql = `
CREATE TABLE alert_level (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scale TEXT NOT NULL CHECK (scale IN (${list(ALERT_SCALE_NAMES)})),
  level TEXT NOT NULL,
  reason TEXT NOT NULL,
  set_at TEXT,
  set_by TEXT,
  set_desk TEXT,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE TABLE bulletins (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  severity TEXT NOT NULL CHECK (severity IN (${list(BULLETIN_SEVERITIES)})),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  marking TEXT CHECK (marking IS NULL OR (json_valid(marking) AND json_type(marking) = 'array')),
  ack_within_minutes INTEGER NOT NULL CHECK (ack_within_minutes BETWEEN 1 AND 1440),
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_desk TEXT NOT NULL,
  published_role TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX bulletins_published ON bulletins (published_at);

CREATE TABLE bulletin_acks (
  bulletin_id TEXT NOT NULL REFERENCES bulletins(id),
  desk TEXT NOT NULL,
  operator TEXT NOT NULL,
  role TEXT NOT NULL,
  country TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (bulletin_id, desk)
) STRICT;

CREATE TABLE desk_requests (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  target_kind TEXT NOT NULL CHECK (target_kind IN (${list(REQUEST_TARGET_KINDS)})),
  target_value TEXT NOT NULL,
  by_at TEXT,
  incident_id TEXT REFERENCES incidents(id),
  venue_id TEXT,
  lat REAL,
  lon REAL,
  status TEXT NOT NULL CHECK (status IN (${list(REQUEST_STATUSES)})),
  reason TEXT,
  created_at TEXT NOT NULL,
  from_desk TEXT NOT NULL,
  from_operator TEXT NOT NULL,
  from_role TEXT NOT NULL,
  answered_at TEXT,
  answered_by TEXT,
  answered_desk TEXT,
  done_at TEXT,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX desk_requests_created ON desk_requests (created_at);
CREATE INDEX desk_requests_status ON desk_requests (status);

CREATE TABLE alert_acks (
  key TEXT NOT NULL,
  desk TEXT NOT NULL,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (key, desk)
) STRICT;
CREATE INDEX alert_acks_at ON alert_acks (at);
`;
