// The Requests tab's helpers: which requests are to or from a desk, their order, and the by-time
// typed as HH:MM on the operation clock.
import { describe, expect, it } from 'vitest';
import type { DeskRequest } from '../../shared/awareness.js';

type Me = { desk: string; role: string; contingentId: string | null };
interface Helpers {
  isToMe(me: Me, r: DeskRequest): boolean;
  openToMe(me: Me, rs: DeskRequest[]): number;
  groupRequests(me: Me, rs: DeskRequest[]): Record<'toMe' | 'fromMe' | 'others', DeskRequest[]>;
  byTimeIso(hhmm: string, now: number, timeZone: string): string | null;
}
/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}
const { byTimeIso, groupRequests, isToMe, openToMe } = await load<Helpers>(
  '../../renderer/requests/requests.ts',
);

const base: DeskRequest = {
  id: 'r1',
  text: 'Sections to Trocadéro',
  target: { kind: 'desk', value: 'ES-LNO' },
  targetLabel: 'ES-LNO',
  byAt: null,
  incidentId: null,
  incidentReference: null,
  venueId: null,
  lat: null,
  lon: null,
  status: 'open',
  reason: null,
  createdAt: '2024-07-26T16:10:00.000Z',
  fromDesk: 'JOC-1',
  fromOperator: 'Demo watch officer',
  fromRole: 'watch_officer',
  answeredAt: null,
  answeredBy: null,
  answeredDesk: null,
  doneAt: null,
  version: 1,
};
const liaison = { desk: 'es-lno', role: 'liaison', contingentId: 'es-pn' };
const officer = { desk: 'JOC-1', role: 'watch_officer', contingentId: null };

describe('requests to and from a desk', () => {
  it('a desk is asked by its name (any case), its role or its contingent', () => {
    expect(isToMe(liaison, base)).toBe(true);
    expect(isToMe(liaison, { ...base, target: { kind: 'role', value: 'liaison' } })).toBe(true);
    expect(isToMe(liaison, { ...base, target: { kind: 'contingent', value: 'es-pn' } })).toBe(true);
    expect(isToMe(liaison, { ...base, target: { kind: 'contingent', value: 'de-bpol' } })).toBe(false);
    expect(isToMe(officer, { ...base, target: { kind: 'contingent', value: 'es-pn' } })).toBe(false);
  });

  it('counts open requests to the desk; groups open ones first, the earliest by-time first', () => {
    const later = { ...base, id: 'r2', byAt: '2024-07-26T17:30:00.000Z' };
    const sooner = { ...base, id: 'r3', byAt: '2024-07-26T17:00:00.000Z' };
    const done = { ...base, id: 'r4', status: 'done' as const, createdAt: '2024-07-26T16:50:00.000Z' };
    const mine = { ...base, id: 'r5', fromDesk: 'ES-LNO', target: { kind: 'desk' as const, value: 'JOC-1' } };
    const all = [done, later, base, sooner, mine];
    expect(openToMe(liaison, all)).toBe(3);
    const g = groupRequests(liaison, all);
    expect(g.toMe.map((r) => r.id)).toEqual(['r3', 'r2', 'r1', 'r4']);
    expect(g.fromMe.map((r) => r.id)).toEqual(['r5']);
    expect(groupRequests(officer, all).toMe.map((r) => r.id)).toEqual(['r5']);
  });
});

describe('the by-time typed as HH:MM', () => {
  const now = Date.parse('2024-07-26T16:00:00.000Z'); // 18:00 in Paris
  it('is the next such time in the operation’s zone', () => {
    expect(byTimeIso('19:15', now, 'Europe/Paris')).toBe('2024-07-26T17:15:00.000Z');
    // Already past today: tomorrow.
    expect(byTimeIso('17:59', now, 'Europe/Paris')).toBe('2024-07-27T15:59:00.000Z');
    expect(byTimeIso('19:15', now, 'America/Los_Angeles')).toBe('2024-07-27T02:15:00.000Z');
  });
  it('refuses what is not HH:MM', () => {
    for (const bad of ['7:15', '24:00', '19h15', '']) expect(byTimeIso(bad, now, 'Europe/Paris')).toBeNull();
  });
});
