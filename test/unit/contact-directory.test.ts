// The contact directory's search: liaisons by country, agency, name or language; speakers of a
// language named by code or by its English or French name, available units first.
import { describe, expect, it } from 'vitest';
import type { Contingent, Unit } from '../../shared/domain.js';

interface Found {
  liaisons: { contingent: Contingent; liaisonUnits: Unit[] }[];
  languages: string[];
  speakers: Unit[];
}
type Search = (
  query: string,
  contingents: readonly Contingent[],
  units: readonly Unit[],
  names: (code: string) => string[],
  countryNames: (code: string) => string[],
) => Found;

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const DIRECTORY = '../../renderer/units/directory.ts';
const searchDirectory = async (): Promise<Search> =>
  ((await import(/* @vite-ignore */ DIRECTORY)) as { searchDirectory: Search }).searchDirectory;

const contingent = (
  id: string,
  country: string,
  agency: string,
  languages: string[],
  liaisonName: string | null,
) => ({ id, country, agency, languages, liaisonName, liaisonContact: null, personnel: 10 }) as Contingent;
const unit = (
  callsign: string,
  contingentId: string,
  kind: Unit['kind'],
  status: Unit['status'],
  radio: string | null = null,
) => ({ id: callsign, callsign, contingentId, kind, status, radio, phone: null }) as Unit;

const CONTINGENTS = [
  contingent('es', 'ES', 'Policía Nacional', ['es', 'en'], 'Javier Ortega'),
  contingent('ae', 'AE', 'Dubai Police', ['ar', 'en'], 'Hamad Al Mansoori'),
  contingent('ma', 'MA', 'DGSN', ['ar', 'fr'], null),
];
const UNITS = [
  unit('MA-DGSN-02', 'ma', 'patrol', 'available'),
  unit('AE-DXB-LO-01', 'ae', 'liaison', 'on_scene', 'TG 4120'),
  unit('AE-DXB-01', 'ae', 'patrol', 'assigned'),
  unit('MA-DGSN-01', 'ma', 'patrol', 'off_duty'),
  unit('ES-PN-01', 'es', 'patrol', 'available'),
];
const NAMES: Record<string, string[]> = {
  ar: ['Arabic', 'arabe'],
  es: ['Spanish', 'espagnol'],
  en: ['English', 'anglais'],
  fr: ['French', 'français'],
};
const names = (code: string) => [code, ...(NAMES[code] ?? [])];
const countries = (code: string) => [
  code,
  { ES: 'Spain', AE: 'United Arab Emirates', MA: 'Morocco' }[code] ?? code,
];
const search = async (q: string) => (await searchDirectory())(q, CONTINGENTS, UNITS, names, countries);

describe('contact directory search', () => {
  it('finds the speakers of a language by its code, English or French name, available first', async () => {
    for (const q of ['ar', 'Arabic', 'arabe', 'ARAB']) {
      const r = await search(q);
      expect(r.languages).toEqual(['ar']);
      expect(r.speakers.map((u) => u.callsign)).toEqual([
        'MA-DGSN-02',
        'AE-DXB-01',
        'AE-DXB-LO-01',
        'MA-DGSN-01',
      ]);
      expect(r.liaisons.map((l) => l.contingent.id)).toEqual(['ae', 'ma']);
    }
  });

  it('finds liaisons by country name, agency or liaison name, with their reachable liaison units', async () => {
    expect((await search('spain')).liaisons.map((l) => l.contingent.id)).toEqual(['es']);
    expect((await search('spain')).speakers).toEqual([]);
    const dubai = await search('hamad');
    expect(dubai.liaisons).toHaveLength(1);
    expect(dubai.liaisons[0]?.liaisonUnits.map((u) => u.callsign)).toEqual(['AE-DXB-LO-01']);
    expect((await search('dgsn')).liaisons.map((l) => l.contingent.id)).toEqual(['ma']);
  });

  it('lists every liaison and no speakers for an empty query, and nothing for an unknown word', async () => {
    expect((await search('')).liaisons).toHaveLength(3);
    expect((await search('')).speakers).toEqual([]);
    expect(await search('klingon')).toEqual({ liaisons: [], languages: [], speakers: [] });
  });
});
