// Room schema v10, as SQLite's migration 010: the alert level, bulletins and their
// acknowledgements, requests between desks, and each desk's acknowledged alerts.
import {
  ALERT_SCALE_NAMES,
  BULLETIN_SEVERITIES,
  REQUEST_STATUSES,
  REQUEST_TARGET_KINDS,
} from '../../../shared/awareness.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const v10 = `
CREATE TABLE alert_level (
  id integer PRIMARY KEY CHECK (id = 1),
  scale text NOT NULL CHECK (scale IN (${list(ALERT_SCALE_NAMES)})),
  level text NOT NULL,
  reason text NOT NULL,
  set_at text,
  set_by text,
  set_desk text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE bulletins (
  id text PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  severity text NOT NULL CHECK (severity IN (${list(BULLETIN_SEVERITIES)})),
  valid_from text NOT NULL,
  valid_until text,
  marking text CHECK (marking IS NULL OR CASE WHEN vigie_json_valid(marking)
     THEN jsonb_typeof(CAST(marking AS jsonb)) = 'array' ELSE false END),
  ack_within_minutes integer NOT NULL CHECK (ack_within_minutes BETWEEN 1 AND 1440),
  published_at text NOT NULL,
  published_by text NOT NULL,
  published_desk text NOT NULL,
  published_role text NOT NULL,
  withdrawn_at text,
  withdrawn_reason text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX bulletins_published ON bulletins (published_at);

CREATE TABLE bulletin_acks (
  bulletin_id text NOT NULL REFERENCES bulletins(id),
  desk text NOT NULL,
  operator text NOT NULL,
  role text NOT NULL,
  country text,
  at text NOT NULL,
  PRIMARY KEY (bulletin_id, desk)
);

CREATE TABLE desk_requests (
  id text PRIMARY KEY,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  target_kind text NOT NULL CHECK (target_kind IN (${list(REQUEST_TARGET_KINDS)})),
  target_value text NOT NULL,
  by_at text,
  incident_id text REFERENCES incidents(id),
  venue_id text,
  lat double precision,
  lon double precision,
  status text NOT NULL CHECK (status IN (${list(REQUEST_STATUSES)})),
  reason text,
  created_at text NOT NULL,
  from_desk text NOT NULL,
  from_operator text NOT NULL,
  from_role text NOT NULL,
  answered_at text,
  answered_by text,
  answered_desk text,
  done_at text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX desk_requests_created ON desk_requests (created_at);
CREATE INDEX desk_requests_status ON desk_requests (status);

CREATE TABLE alert_acks (
  key text NOT NULL,
  desk text NOT NULL,
  operator text NOT NULL,
  at text NOT NULL,
  PRIMARY KEY (key, desk)
);
CREATE INDEX alert_acks_at ON alert_acks (at);
`;
