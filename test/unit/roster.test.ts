import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectDelimiter, parseRoster, type RosterVenue } from '../../shared/roster.js';
import { protectCell, unprotectCell } from '../../shared/roster-cells.js';
import { countryCode } from '../../shared/countries.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/rosters/${name}`, import.meta.url), 'utf8');
const VENUES: RosterVenue[] = [
  { id: 'stade-de-france', name: 'Stade de France' },
  { id: 'bercy-arena', name: 'Bercy Arena' },
];
const HEAD = 'callsign,country,agency,kind,personnel';

describe('parseRoster: a valid file', () => {
  it('reads every column, resolves country names, and warns about unknown columns', () => {
    const r = parseRoster(fixture('valid.csv'), VENUES);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([
      { line: 1, column: '', reason: 'unknown column "talkgroup" (column 19) ignored', value: 'talkgroup' },
    ]);
    expect(r.rows.map((x) => [x.line, x.callsign, x.country])).toEqual([
      [2, 'GR-EKAM-01', 'GR'],
      [3, 'GR-EKAM-02', 'GR'],
      [4, 'AE-DXB-K9-01', 'AE'],
      // The record before it spans two lines.
      [6, 'JP-MPD-LO-01', 'JP'],
    ]);
    const [gr1, gr2, k9, jp] = r.rows;
    expect(gr1).toMatchObject({
      agency: 'Ελληνική Αστυνομία',
      kind: 'patrol',
      personnel: 4,
      armed: true,
      languages: ['el', 'en'],
      liaison: 'Νίκος Παπαδόπουλος',
      status: 'available',
      position: { lat: 48.8584, lon: 2.2945 },
      sector: 'Champ-de-Mars',
      notes: 'Foot patrol, Trocadéro side',
    });
    expect(gr2).toMatchObject({
      armed: true,
      status: 'on_scene',
      venueId: 'stade-de-france',
      position: undefined,
    });
    expect(k9).toMatchObject({
      agency: 'وزارة الداخلية',
      kind: 'k9_explosives',
      armed: false,
      handler: 'Cpl. Hamad Al Mansoori',
      dog: 'Saqr',
      detection: 'explosives',
      restDue: '2024-07-26T17:30:00.000Z',
      notes: 'Dog rests every 40 min.\nWater at the Louvre post, gate B.',
    });
    expect(jp).toMatchObject({
      agency: '警察庁',
      kind: 'liaison',
      liaison: '佐藤 健二',
      languages: ['ja', 'en', 'fr'],
    });
    expect(jp?.notes).toBeUndefined();
  });

  it('reads ; files with a BOM, headers in any order and case, decimal commas and quoted quotes', () => {
    const text = fixture('valid-semicolon-bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const r = parseRoster(text, VENUES);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows).toMatchObject([
      {
        line: 2,
        callsign: 'FR-GR-PO-01',
        country: 'FR',
        agency: 'Garde républicaine',
        kind: 'public_order',
        personnel: 25,
        armed: true,
        position: { lat: 48.853, lon: 2.3499 },
        notes: "Quai de l'Archevêché; côté amont",
      },
      { line: 3, callsign: 'FR-GR-MO-01', armed: false, notes: 'Escadron; chevaux "Iéna" et "Wagram"' },
      {
        line: 4,
        callsign: 'ES-PN-RV-01',
        country: 'ES',
        agency: 'Policía Nacional',
        notes: 'Brigade fluviale, renfort',
      },
    ]);
  });

  it('counts lines across CRLF and quoted line breaks, and skips blank lines', () => {
    const csv = `${HEAD},notes\r\nA-01,FR,X,patrol,2,"one\r\ntwo\r\nthree"\r\n\r\nA-02,FR,X,patrol,0,\r\nA-03,FR,X,patrol,2,"x\ny"\nA-04,FR,X,bad,2,\n`;
    const r = parseRoster(csv, []);
    expect(r.rows.map((x) => [x.line, x.callsign])).toEqual([
      [2, 'A-01'],
      [7, 'A-03'],
    ]);
    expect(r.rows[1]?.notes).toBe('x\ny');
    expect(r.rejected.map((x) => [x.line, x.column])).toEqual([
      [6, 'personnel'],
      [9, 'kind'],
    ]);
  });
});

describe('parseRoster: invalid rows', () => {
  it('reports every bad row with its file line, column and reason', () => {
    const r = parseRoster(fixture('invalid.csv'), VENUES);
    expect(r.rows.map((x) => x.callsign)).toEqual(['FR-OK-01']);
    expect(r.rejected.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 4, column: 'callsign' },
      { line: 5, column: 'kind' },
      { line: 6, column: 'status' },
      { line: 7, column: 'country' },
      { line: 8, column: 'personnel' },
      { line: 9, column: 'lon' },
      { line: 10, column: 'lat' },
      { line: 11, column: 'venue' },
      { line: 12, column: 'callsign' },
      { line: 13, column: 'agency' },
      { line: 13, column: 'armed' },
      { line: 13, column: 'languages' },
    ]);
    const reason = (line: number, column: string) =>
      r.rejected.find((x) => x.line === line && x.column === column)?.reason;
    expect(reason(4, 'callsign')).toBe('required value missing');
    expect(reason(5, 'kind')).toMatch(/unknown kind "spaceship"; expected one of patrol, k9_explosives/);
    expect(reason(6, 'status')).toMatch(/unknown status "asleep"/);
    expect(reason(7, 'country')).toMatch(/unknown country "Atlantis"/);
    expect(reason(8, 'personnel')).toMatch(/"four" is not a head count/);
    expect(reason(9, 'lon')).toBe('lat given without lon');
    expect(reason(10, 'lat')).toBe('95 is out of range (-90 to 90)');
    // Without a position an unknown venue leaves the unit nowhere: still an error, with the closest names.
    expect(reason(11, 'venue')).toMatch(/^no venue or bridge "nowhere-stadium": .*closest: /);
    expect(reason(12, 'callsign')).toBe('duplicate callsign FR-OK-01, first on line 2');
    expect(reason(13, 'languages')).toMatch(/"xx"/);
  });

  it('rejects a header without a required column, or with one twice, before reading rows', () => {
    const missing = parseRoster('callsign,agency,kind\nA-1,X,patrol\n', []);
    expect(missing.rejected).toEqual([
      { line: 1, column: 'country', reason: 'required column missing' },
      { line: 1, column: 'personnel', reason: 'required column missing' },
    ]);
    expect(missing.rows).toEqual([]);
    const twice = parseRoster(`${HEAD},Kind\n`, []);
    expect(twice.rejected).toEqual([
      { line: 1, column: 'kind', reason: 'column appears twice (columns 4 and 6)' },
    ]);
  });

  it('reports a duplicate callsign even when either occurrence has other faults', () => {
    const r = parseRoster(`${HEAD}\nA-1,FR,X,patrol,0\na-1,FR,X,boat,2\nA-1,FR,X,patrol,2\n`, []);
    expect(r.rows).toEqual([]);
    expect(r.rejected.map(({ line, column }) => [line, column])).toEqual([
      [2, 'personnel'],
      [3, 'callsign'],
      [3, 'kind'],
      [4, 'callsign'],
    ]);
    expect(r.rejected[1]?.reason).toBe('duplicate callsign A-1, first on line 2');
  });

  it('rejects an empty file and a row with more fields than the header', () => {
    expect(parseRoster('\uFEFF\n', []).rejected).toEqual([
      { line: 1, column: '', reason: 'the file is empty' },
    ]);
    const wide = parseRoster(`${HEAD}\nA-1,FR,X,patrol,2,surplus\n`, []);
    expect(wide.rejected).toEqual([{ line: 2, column: '', reason: '6 fields where the header has 5' }]);
  });

  it('reports an unterminated quote on the line where its record starts', () => {
    const r = parseRoster(`${HEAD},notes\nA-1,FR,X,patrol,2,ok\nA-2,FR,X,patrol,2,"never closed\n`, []);
    expect(r.rejected.find((x) => x.column === '')).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/^CSV: /),
    });
  });

  it('wants lat and lon together, finds venues by id or name, and one liaison per contingent', () => {
    const r = parseRoster(
      `${HEAD},lon,venue,liaison\nA-1,FR,X,patrol,2,2.3,,\nA-2,FR,X,patrol,2,,bercy arena,Ann\nA-3,France,x,patrol,2,,,Bob\nA-4,FR,X,patrol,2,,,Ann\n`,
      VENUES,
    );
    expect(r.rejected).toEqual([{ line: 2, column: 'lat', reason: 'lon given without lat' }]);
    expect(r.rows[0]).toMatchObject({ callsign: 'A-2', venueId: 'bercy-arena', liaison: 'Ann' });
    // A second name for the contingent: the first stays its liaison, the second is that unit's contact.
    expect(r.rows[1]).toMatchObject({ callsign: 'A-3', liaison: 'Ann', contact: 'Bob' });
    expect(r.rows[2]).toMatchObject({ callsign: 'A-4', liaison: 'Ann' });
    expect(r.rows[2]?.contact).toBeUndefined();
    expect(r.warnings).toEqual([
      {
        line: 4,
        column: 'liaison',
        value: 'Bob',
        reason: 'FR x already has liaison "Ann" (line 3): "Bob" kept as this unit\'s contact',
      },
    ]);
  });
});

describe('parseRoster: places as contingents write them', () => {
  const places = {
    venues: [
      ...VENUES,
      { id: 'concorde', name: 'Concorde (urban park)' },
      { id: 'trocadero', name: 'Trocadéro', aliases: ['Jardins du Trocadéro'] },
    ],
    bridges: [
      { name: "Pont d'Iéna", lat: 48.8599, lon: 2.2921 },
      { name: 'Pont de la Concorde', lat: 48.8637, lon: 2.3198 },
    ],
  };
  const HEADER = `${HEAD},lat,lon,venue`;

  it('matches ids, names, aliases and bridges ignoring case, accents and punctuation', () => {
    const csv = [
      HEADER,
      'A-1,FR,X,patrol,2,,,STADE-DE-FRANCE',
      'A-2,FR,X,patrol,2,,,concorde',
      'A-3,FR,X,patrol,2,,,jardins du trocadero',
      "A-4,FR,X,patrol,2,,,Pont d'Iena",
      'A-5,FR,X,patrol,2,48.86,2.29,pont d’Iéna',
      'A-6,FR,X,patrol,2,,,PONT DE LA CONCORDE.',
    ].join('\n');
    const r = parseRoster(csv, places);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows.map((x) => [x.callsign, x.venueId, x.site, x.position])).toEqual([
      ['A-1', 'stade-de-france', undefined, undefined],
      ['A-2', 'concorde', undefined, undefined],
      ['A-3', 'trocadero', undefined, undefined],
      // A bridge is a place: the unit stands on it, at the bridge's point unless the row gives one.
      ['A-4', undefined, "Pont d'Iéna", { lat: 48.8599, lon: 2.2921 }],
      ['A-5', undefined, "Pont d'Iéna", { lat: 48.86, lon: 2.29 }],
      ['A-6', undefined, 'Pont de la Concorde', { lat: 48.8637, lon: 2.3198 }],
    ]);
  });

  it('keeps an unknown venue beside a position as the site, with a warning naming the closest places', () => {
    const csv = `${HEADER}\nA-1,FR,X,patrol,2,48.86,2.29,Pont d'Jena\nA-2,FR,X,patrol,2,,,Stad de Frnce\n`;
    const r = parseRoster(csv, places);
    expect(r.rows.map((x) => [x.callsign, x.site, x.venueId])).toEqual([['A-1', "Pont d'Jena", undefined]]);
    expect(r.warnings).toEqual([
      {
        line: 2,
        column: 'venue',
        value: "Pont d'Jena",
        reason:
          'no venue or bridge "Pont d\'Jena": imported at its position, "Pont d\'Jena" kept as the unit\'s site',
        closest: ["Pont d'Iéna", 'Pont de la Concorde', 'Concorde (urban park)'],
      },
    ]);
    // No position to fall back on: the row is refused, and told what was probably meant.
    expect(r.rejected).toEqual([
      {
        line: 3,
        column: 'venue',
        reason:
          'no venue or bridge "Stad de Frnce": give a venue\'s id or name, or lat and lon; closest: Stade de France, Pont de la Concorde, Pont d\'Iéna',
      },
    ]);
  });
});

describe('roster cells', () => {
  it('reads yes/no in English and French, any case', () => {
    const csv = `${HEAD},armed\n${['yes', 'TRUE', 'Oui', 'no', 'false', 'NON']
      .map((v, i) => `A-${i},FR,X,patrol,2,${v}`)
      .join('\n')}\n`;
    expect(parseRoster(csv, []).rows.map((r) => r.armed)).toEqual([true, true, true, false, false, false]);
  });

  it('detects the separator from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a,b,"c;d"\n')).toBe(',');
  });

  it('resolves ISO codes and English or French country names', () => {
    expect(
      ['es', 'Spain', 'Espagne', 'Allemagne', 'Royaume-Uni', "Côte d'Ivoire", 'Atlantis', 'XX'].map(
        countryCode,
      ),
    ).toEqual(['ES', 'ES', 'ES', 'DE', 'GB', 'CI', null, null]);
  });

  it('keeps spreadsheet formulas inert, reversibly', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', "'quoted", 'plain', '']) {
      expect(unprotectCell(protectCell(text))).toBe(text);
    }
    expect(protectCell('=1+1')).toBe("'=1+1");
    expect(protectCell('Iéna')).toBe('Iéna');
  });
});
