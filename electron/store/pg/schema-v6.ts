// Room schema v6, as SQLite's migration 006: operators' accounts and the journal's role column.
import { accountChecks } from '../migrations/006-accounts.js';

export const v6 = `
CREATE TABLE accounts (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL,
  contingent_id text REFERENCES contingents(id),
  country text,
  pass_hash text,
  disabled integer NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  ${accountChecks}
);

ALTER TABLE journal ADD COLUMN role text;
ALTER TABLE operators ADD COLUMN account_id text REFERENCES accounts(id);
`;
