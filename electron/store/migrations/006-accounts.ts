// Schema v6: operators' accounts (login, slow salted passphrase hash, role, a liaison's contingent,
// an observer's country) and the role of whoever made each journal entry. Typed-name operators of
// older databases become disabled accounts at the next start (services/operators-migrate.ts), so
// that their names stay in the journal and a supervisor can enable them with a passphrase.
import { ROLES } from '../../../shared/roles.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const version = 6;

export const accountChecks = `
  CHECK (login = lower(login) AND length(login) BETWEEN 2 AND 40),
  CHECK (role IN (${list(ROLES)})),
  CHECK ((role = 'liaison') = (contingent_id IS NOT NULL)),
  CHECK ((role = 'observer') = (country IS NOT NULL)),
  CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  CHECK (version >= 1)`;

export const sql = `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  contingent_id TEXT REFERENCES contingents(id),
  country TEXT,
  pass_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  ${accountChecks}
) STRICT;

ALTER TABLE journal ADD COLUMN role TEXT;
ALTER TABLE operators ADD COLUMN account_id TEXT REFERENCES accounts(id);
`;
