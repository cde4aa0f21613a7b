// Schema v8: each journal entry carries the after-images of the rows its change wrote
// (after-images.ts), so that verify can replay the journal against the tables. Entries from before
// keep NULL and their hashes; the first writer at v8 journals a baseline of every row (sqlite.ts).
export const version = 8;

export const sql = `
ALTER TABLE journal ADD COLUMN after_images TEXT;
`;
