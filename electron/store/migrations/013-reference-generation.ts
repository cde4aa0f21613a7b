// Schema v13: a counter of the reference data incidents are named after (venues, routes and their
// bridges, zones, the host nation), raised by triggers whichever process or tool writes it, so a
// process may keep what it built from that data (electron/services/place-names.ts) for as long as
// the counter stands still. Bookkeeping, not operation data: not journaled, not copied.
export const version = 13;

/** The tables whose rows place names are built from; `meta` only for its host_country row. */
export const REFERENCE_TABLES = ['venues', 'routes', 'route_bridges', 'zones'] as const;

const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;
const BUMP = 'UPDATE reference_generation SET n = n + 1 WHERE id = 1;';

const trigger = (table: string, event: (typeof EVENTS)[number], when = '') =>
  `CREATE TRIGGER ${table}_reference_${event.toLowerCase()} AFTER ${event} ON ${table}${when}
  BEGIN ${BUMP} END;`;

const hostRow = (event: (typeof EVENTS)[number]) =>
  event === 'INSERT'
    ? " WHEN NEW.key = 'host_country'"
    : event === 'DELETE'
      ? " WHEN OLD.key = 'host_country'"
      : " WHEN NEW.key = 'host_country' OR OLD.key = 'host_country'";

export const sql = `
CREATE TABLE reference_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL CHECK (n >= 0)
) STRICT;
INSERT INTO reference_generation (id, n) VALUES (1, 0);
${REFERENCE_TABLES.flatMap((t) => EVENTS.map((e) => trigger(t, e))).join('\n')}
${EVENTS.map((e) => trigger('meta', e, hostRow(e))).join('\n')}
`;
