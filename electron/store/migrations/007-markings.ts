// Schema v7: releasability markings on incidents, their notes and zones. NULL is "releasable to all
// partners" (every existing row keeps that meaning); otherwise a JSON array of the other nations'
// ISO codes it is released to ('[]': the host nation only). Notes stay append-only: a note's
// marking is set when it is written.
export const version = 7;

const check = (column: string) =>
  `CHECK (${column} IS NULL OR (json_valid(${column}) AND json_type(${column}) = 'array'))`;

export const sql = `
ALTER TABLE incidents ADD COLUMN marking TEXT ${check('marking')};
ALTER TABLE incident_notes ADD COLUMN marking TEXT ${check('marking')};
ALTER TABLE zones ADD COLUMN marking TEXT ${check('marking')};
`;
