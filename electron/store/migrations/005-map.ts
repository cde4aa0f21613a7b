// Schema v5: the operational map. The parade plan of a route (start, speed, boats, spacing) and the
// officers' reports of where the head of the parade actually was (kept when retracted, never
// deleted). Zones keep the v1 table; triggers now refuse a kind outside the shared vocabulary or a
// colour that is not #rrggbb, even from a bug.
import { ZONE_KINDS } from '../../../shared/zones.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const version = 5;

export const sql = `
CREATE TABLE parade_plans (
  route_id TEXT PRIMARY KEY REFERENCES routes(id),
  start TEXT NOT NULL,
  speed_kmh REAL NOT NULL CHECK (speed_kmh > 0 AND speed_kmh <= 60),
  boats INTEGER NOT NULL CHECK (boats BETWEEN 1 AND 1000),
  spacing_m REAL NOT NULL CHECK (spacing_m >= 0 AND spacing_m <= 5000),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

CREATE TABLE parade_actuals (
  id TEXT PRIMARY KEY,
  route_id TEXT NOT NULL REFERENCES routes(id),
  chainage_km REAL NOT NULL CHECK (chainage_km >= 0),
  bridge TEXT,
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  operator TEXT NOT NULL,
  desk TEXT NOT NULL,
  note TEXT,
  retracted_at TEXT,
  retracted_by TEXT
) STRICT;
CREATE INDEX parade_actuals_route_at ON parade_actuals (route_id, at);
CREATE TRIGGER parade_actuals_no_delete BEFORE DELETE ON parade_actuals
  BEGIN SELECT RAISE(ABORT, 'parade reports are kept: retract them instead of deleting'); END;

CREATE TRIGGER zones_kind_insert BEFORE INSERT ON zones
  WHEN new.kind NOT IN (${list(ZONE_KINDS)}) OR new.color NOT GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'
  BEGIN SELECT RAISE(ABORT, 'zone kind or colour outside the vocabulary'); END;
CREATE TRIGGER zones_kind_update BEFORE UPDATE OF kind, color ON zones
  WHEN new.kind NOT IN (${list(ZONE_KINDS)}) OR new.color NOT GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'
  BEGIN SELECT RAISE(ABORT, 'zone kind or colour outside the vocabulary'); END;
`;
