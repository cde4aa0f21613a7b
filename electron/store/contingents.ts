import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Contingent } from '../../shared/domain.js';

interface Row {
  id: string;
  country: string;
  agency: string;
  liaison_name: string | null;
  liaison_contact: string | null;
  languages: string;
  personnel: number;
  arrival: string | null;
  departure: string | null;
  version: number;
}

const toContingent = (r: Row): Contingent => ({
  id: r.id,
  country: r.country,
  agency: r.agency,
  liaisonName: r.liaison_name,
  liaisonContact: r.liaison_contact,
  languages: JSON.parse(r.languages) as string[],
  personnel: r.personnel,
  arrival: r.arrival,
  departure: r.departure,
  version: r.version,
});

export function insertContingent(db: Db, c: Omit<Contingent, 'version'>): void {
  db.prepare(
    `INSERT INTO contingents (id, country, agency, liaison_name, liaison_contact, languages, personnel, arrival, departure)
     VALUES (@id, @country, @agency, @liaisonName, @liaisonContact, @languages, @personnel, @arrival, @departure)`,
  ).run({ ...c, languages: JSON.stringify(c.languages) });
  touch(db, 'contingents', c.id);
}

export function listContingents(db: Db): Contingent[] {
  return (db.prepare('SELECT * FROM contingents ORDER BY country, agency').all() as Row[]).map(toContingent);
}

export function getContingent(db: Db, id: string): Contingent | null {
  const row = db.prepare('SELECT * FROM contingents WHERE id = ?').get(id) as Row | undefined;
  return row ? toContingent(row) : null;
}

/** Optimistic update of the liaison officer and working languages. */
export function updateContingentLiaison(
  db: Db,
  id: string,
  v: { liaisonName: string | null; languages: string[] },
  expectedVersion: number,
): boolean {
  const r = db
    .prepare(
      `UPDATE contingents SET liaison_name = @liaisonName, languages = @languages, version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ id, liaisonName: v.liaisonName, languages: JSON.stringify(v.languages), expectedVersion });
  touch(db, 'contingents', id);
  return r.changes === 1;
}

export function countContingents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM contingents').get() as { n: number }).n;
}
