import { describe, expect, it } from 'vitest';
import { closestNames, foldPlace, levenshtein, matchPlace } from '../../shared/place-match.js';

const places = {
  venues: [
    { id: 'stade-de-france', name: 'Stade de France' },
    { id: 'concorde', name: 'Concorde (urban park)' },
    { id: 'pont-alexandre-iii', name: 'Pont Alexandre III' },
  ],
  bridges: [
    { name: "Pont d'Iéna", lat: 48.8599, lon: 2.2921 },
    { name: 'Pont Alexandre III', lat: 48.8638, lon: 2.3136 },
    { name: 'Pont de la Concorde', lat: 48.8637, lon: 2.3198 },
  ],
};

describe('place names as contingents write them', () => {
  it('folds case, accents, apostrophes and punctuation alike', () => {
    expect(foldPlace("Pont d'Iena")).toBe('pont d iena');
    expect(foldPlace('pont d’Iéna')).toBe('pont d iena');
    expect(foldPlace('  PONT  D`IÉNA. ')).toBe('pont d iena');
    expect(foldPlace('Stade-de-France')).toBe('stade de france');
  });

  it('finds a venue by id, name or the name without its bracketed qualifier, before any bridge', () => {
    expect(matchPlace('stade de france', places)).toMatchObject({
      kind: 'venue',
      venue: { id: 'stade-de-france' },
    });
    expect(matchPlace('STADE-DE-FRANCE', places)).toMatchObject({ kind: 'venue' });
    expect(matchPlace('Concorde', places)).toMatchObject({ kind: 'venue', venue: { id: 'concorde' } });
    // A venue and a bridge of one name: the venue, which a unit can be posted at.
    expect(matchPlace('pont alexandre iii', places)).toMatchObject({
      kind: 'venue',
      venue: { id: 'pont-alexandre-iii' },
    });
    expect(matchPlace("Pont d'Iena", places)).toMatchObject({
      kind: 'bridge',
      bridge: { name: "Pont d'Iéna" },
    });
    expect(matchPlace('pont d’Iéna', places)).toMatchObject({ kind: 'bridge' });
  });

  it('names nothing for a blank, a part of a name, or text that is no known place', () => {
    expect(matchPlace('  --  ', places).kind).toBe('none');
    expect(matchPlace('Pont', places).kind).toBe('none');
    const miss = matchPlace('Pont de Iéna', places);
    expect(miss).toEqual({
      kind: 'none',
      closest: ["Pont d'Iéna", 'Pont de la Concorde', 'Pont Alexandre III'],
    });
  });

  it('ranks the closest names: a word-for-word part first, then by normalised edit distance', () => {
    expect(closestNames('Concorde', places, 2)).toEqual(['Concorde (urban park)', 'Pont de la Concorde']);
    expect(closestNames('Stad de Frnce', places, 1)).toEqual(['Stade de France']);
    // One name once, even when a venue and a bridge share it.
    expect(closestNames('Alexandre', places, 5).filter((n) => n === 'Pont Alexandre III')).toHaveLength(1);
  });

  it('counts edits', () => {
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('iena', 'iena')).toBe(0);
  });
});
