// Markings as the picker and the badge handle them: the countries an item is released to (the
// host first), and the text an officer types for "host and these" ("ES, DE").
import type { Marking } from '../../shared/releasability';

export function markingCountries(m: Marking, host: string): string[] {
  if (m === null) return [];
  return [host, ...[...new Set(m.filter((c) => c !== host))].sort()];
}

/** The codes typed ("es de, GB"), upper-cased; null when one is not two letters. */
export function parseCountries(text: string): string[] | null {
  const codes = text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return codes.every((c) => /^[A-Z]{2}$/.test(c)) ? [...new Set(codes)] : null;
}

export const countriesText = (m: Marking): string => (m ?? []).join(', ');

/** Same release, whatever the order the codes were typed in. */
export const sameMarking = (a: Marking, b: Marking): boolean =>
  a === null || b === null ? a === b : [...a].sort().join() === [...b].sort().join();
