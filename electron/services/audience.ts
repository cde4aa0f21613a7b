// Who a desk reads for, from its signed-in operator's role and nation (shared/releasability.ts).
import type { Audience } from '../../shared/releasability.js';
import type { Desk } from './desk.js';

export function audienceOf(desk: Desk, hostCountry: string): Audience {
  const op = desk.operator;
  // No one signed in sees no more than the wall: calls are refused before this matters.
  if (!op) return { kind: 'wall' };
  if (op.role === 'watch_officer' || op.role === 'supervisor' || op.role === 'system')
    return { kind: 'host' };
  if (op.role === 'liaison' || op.role === 'observer') {
    const country = op.country ?? null;
    if (country === null || country === hostCountry) return { kind: 'host' };
    return { kind: 'partner', country };
  }
  return { kind: 'wall' };
}
