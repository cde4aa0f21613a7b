// Room schema v8, as SQLite's migration 008: the journal's after-images. A handover row now goes in
// just before the entry that records it (so the entry carries it): its link to that entry is
// checked at commit, as SQLite does with defer_foreign_keys.
export const v8 = `
ALTER TABLE journal ADD COLUMN after_images text;
ALTER TABLE handovers ALTER CONSTRAINT handovers_journal_seq_fkey DEFERRABLE INITIALLY IMMEDIATE;
`;
