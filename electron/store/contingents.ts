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
}

export function listContingents(db: Db): Contingent[] {
  return (db.prepare('SELECT * FROM contingents ORDER BY country, agency').all() as Row[]).map(toContingent);
}

export function countContingents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM contingents').get() as { n: number }).n;
}
