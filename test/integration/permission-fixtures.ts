// What the permission walk (permissions.test.ts) creates on the seeded Paris exercise: a zone by
// Pont Neuf, an incident, a bulletin and a one-unit roster.
import type { CallInput } from '../../shared/api.js';

export const HOUR = 3_600_000;
export const ring: [number, number][] = [
  [2.34, 48.857],
  [2.342, 48.857],
  [2.342, 48.858],
  [2.34, 48.858],
  [2.34, 48.857],
];
export const zone: CallInput<'createZone'> = {
  name: 'Pont Neuf perimeter',
  kind: 'security_perimeter',
  color: '#F59E0B',
  polygon: [ring],
};
export const incident = {
  category: 'crowd_surge',
  priority: 3,
  title: 'Crowd surge at Pont Neuf',
  source: 'radio',
  locationText: 'Pont Neuf, rive droite',
} as const;
export const bulletin = {
  title: 'Drone ban over the Seine',
  body: 'No drone flights between Pont d’Austerlitz and Pont d’Iéna from 17:00 to 23:59.',
  severity: 'warning',
} as const;
export const roster =
  'callsign,country,agency,kind,personnel\nPT-PSP-77,PT,Polícia de Segurança Pública,patrol,4\n';
