// Room schema v13, as SQLite's migration 013: the reference data's counter. The triggers are
// deferred to COMMIT: the counter's row is then locked only by committing transactions, which wait
// for nothing else, so a zone write and the journal's lock can never wait on each other.
import { REFERENCE_TABLES } from '../migrations/013-reference-generation.js';

const deferred = (table: string, events: string, when = '', name = `${table}_reference`) => `
CREATE CONSTRAINT TRIGGER ${name} AFTER ${events} ON ${table}
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW${when} EXECUTE FUNCTION vigie_reference_changed();`;

export const v13 = `
CREATE TABLE reference_generation (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL CHECK (n >= 0)
);
INSERT INTO reference_generation (id, n) VALUES (1, 0);

CREATE FUNCTION vigie_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE reference_generation SET n = n + 1 WHERE id = 1; RETURN NULL; END $$;
${REFERENCE_TABLES.map((t) => deferred(t, 'INSERT OR UPDATE OR DELETE')).join('')}
${deferred('meta', 'INSERT OR UPDATE', " WHEN (NEW.key = 'host_country')", 'meta_reference_write')}
${deferred('meta', 'UPDATE OR DELETE', " WHEN (OLD.key = 'host_country')", 'meta_reference_gone')}
`;
