// Releasability markings: which partner nations may see an item. The host nation (the operation's
// country, FR for Paris 2024) always may. A marking is stored as the list of other countries it is
// released to, or null for "all partners" (the default).
import { z } from 'zod';

/** null: releasable to all partners; []: host nation only; ['ES', 'DE']: host nation, Spain, Germany. */
export type Marking = readonly string[] | null;

export const markingSchema = z
  .array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. ES'))
  .max(60)
  .nullable();

/**
 * Who is reading: the host nation's staff see everything; a partner (liaison, observer) sees what
 * is released to their country; the wall screen, seen by everyone in the room, sees only what is
 * released to all partners.
 */
export type Audience = { kind: 'host' } | { kind: 'partner'; country: string } | { kind: 'wall' };

export function canSee(audience: Audience, marking: Marking, hostCountry: string): boolean {
  if (marking === null || audience.kind === 'host') return true;
  if (audience.kind === 'wall') return false;
  return audience.country === hostCountry || marking.includes(audience.country);
}

/** The banner line printed with an item on screen and in every export and report. */
export function bannerLine(marking: Marking, hostCountry: string): string {
  if (marking === null) return 'RELEASABLE TO ALL PARTNERS';
  const rest = [...new Set(marking.filter((c) => c !== hostCountry))].sort();
  if (rest.length === 0) return `RELEASABLE TO ${hostCountry} ONLY`;
  return `RELEASABLE TO ${[hostCountry, ...rest].join(', ')}`;
}
