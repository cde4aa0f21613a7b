// Room schema v7, as SQLite's migration 007: releasability markings on incidents, notes and zones.
// PostgreSQL does not promise to evaluate AND left to right, hence the CASE before the cast.
const check = (column: string) =>
  `CHECK (${column} IS NULL OR CASE WHEN vigie_json_valid(${column})
     THEN jsonb_typeof(CAST(${column} AS jsonb)) = 'array' ELSE false END)`;

export const v7 = `
ALTER TABLE incidents ADD COLUMN marking text ${check('marking')};
ALTER TABLE incident_notes ADD COLUMN marking text ${check('marking')};
ALTER TABLE zones ADD COLUMN marking text ${check('marking')};
`;
