// Places named in free text (a roster's venue column): a venue by id, name or alias, or a bridge of
// the route by name, ignoring case, accents and punctuation, so "pont d’Iena" finds "Pont d'Iéna".
// A venue name with a qualifier in brackets also answers to the name without it ("Concorde" for
// "Concorde (urban park)"). When nothing matches, the closest names say what was probably meant.

export interface NamedVenue {
  id: string;
  name: string;
  /** Other names the venue is known by (a scenario may give them; the stored venues have none). */
  aliases?: readonly string[];
}

export interface NamedBridge {
  name: string;
  lat: number;
  lon: number;
}

export interface KnownPlaces {
  venues: readonly NamedVenue[];
  bridges: readonly NamedBridge[];
}

export type PlaceMatch =
  | { kind: 'venue'; venue: NamedVenue }
  | { kind: 'bridge'; bridge: NamedBridge }
  | { kind: 'none'; closest: string[] };

/** Case, accents and punctuation aside: letters and digits, single spaces between words. */
export const foldPlace = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

const withoutQualifier = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '');

function venueKeys(v: NamedVenue): string[] {
  const names = [v.name, withoutQualifier(v.name), ...(v.aliases ?? [])];
  return [v.id, ...names].map(foldPlace).filter(Boolean);
}

/** The one place the text names, or, when it names none (or several), the closest known names. */
export function matchPlace(text: string, places: KnownPlaces, suggestions = 3): PlaceMatch {
  const key = foldPlace(text);
  if (key) {
    const venues = places.venues.filter((v) => venueKeys(v).includes(key));
    if (venues.length === 1 && venues[0]) return { kind: 'venue', venue: venues[0] };
    if (venues.length === 0) {
      const bridges = places.bridges.filter((b) => foldPlace(b.name) === key);
      // Several bridges of one name are one place as far as a text can say: the first.
      if (bridges[0]) return { kind: 'bridge', bridge: bridges[0] };
    }
  }
  return { kind: 'none', closest: closestNames(text, places, suggestions) };
}

/** Known names by normalised edit distance to the text; names that contain it come first. */
export function closestNames(text: string, places: KnownPlaces, count = 3): string[] {
  const key = foldPlace(text);
  const names = [...new Set([...places.venues.map((v) => v.name), ...places.bridges.map((b) => b.name)])];
  return names
    .map((name) => ({ name, score: score(key, foldPlace(name)) }))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((s) => s.name);
}

function score(key: string, name: string): number {
  if (!key || !name) return 1;
  // A word-for-word part of the name is nearer than any misspelling of the whole.
  if (` ${name} `.includes(` ${key} `) || ` ${key} `.includes(` ${name} `)) return 0;
  return levenshtein(key, name) / Math.max(key.length, name.length);
}

/** Edit distance, one row at a time. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
