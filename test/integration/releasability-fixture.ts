// The releasability tests' operation: an officer marks incidents, notes and zones three ways
// (France only; France and Spain; all partners), and two liaisons (Spain, Germany) sit at their
// own desks. `secrets` lists what the German liaison must never meet anywhere: ids, references,
// titles, texts and names of the items not released to Germany.
import { createDesk } from '../../electron/services/desk.js';
import type { Incident, IncidentNote, Unit, Zone } from '../../shared/domain.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';

export const square = (lon: number, lat: number): [number, number][][] => [
  [
    [lon, lat],
    [lon + 0.002, lat],
    [lon + 0.002, lat + 0.002],
    [lon, lat + 0.002],
    [lon, lat],
  ],
];

export function markedOperation() {
  const t = testApp();
  const officer = t.desk;
  signInAs(t.call, 'officer', 'D1');
  const es = createDesk();
  const de = createDesk();
  signInAs(t.call, 'liaison-es', 'L-ES', es);
  signInAs(t.call, 'liaison-de', 'L-DE', de);

  const incident = (tag: string, marking: string[] | null): Incident =>
    t.call('createIncident', {
      category: 'unattended_bag',
      priority: 2,
      title: `Bag ${tag} quai Branly`,
      description: `Seen by ${tag}watcher near the ${tag}gate`,
      source: 'cctv',
      lat: 48.8578,
      lon: 2.2945,
      marking,
    });
  const frOnly = incident('frenchonly', []);
  const frEs = incident('spanishtoo', ['ES']);
  const all = incident('everyone', null);

  const note = (on: Incident, tag: string, marking?: string[] | null): IncidentNote =>
    t.call('addIncidentNote', {
      incidentId: on.id,
      text: `Note ${tag}remark`,
      ...(marking === undefined ? {} : { marking }),
    });
  const notes = {
    frOnly: note(all, 'frenchnote', []),
    frEs: note(all, 'spanishnote', ['ES']),
    all: note(all, 'opennote', null),
    onFrOnly: note(frOnly, 'hiddenincidentnote', null),
    onFrEs: note(frEs, 'inheritednote'),
  };

  const zone = (tag: string, marking: string[] | null, lon: number): Zone =>
    t.call('createZone', {
      name: `Zone ${tag}`,
      kind: 'red_zone',
      color: '#aa3300',
      polygon: square(lon, 48.85),
      marking,
    });
  const zones = {
    frOnly: zone('frenchzone', [], 2.3),
    frEs: zone('spanishzone', ['ES'], 2.31),
    all: zone('openzone', null, 2.32),
  };

  // A Spanish unit works the France-only incident: the Spanish liaison owns it without seeing it.
  const esUnit = t
    .call('listUnits', {})
    .find((u: Unit) => u.contingentId === 'es-pn' && u.status === 'available');
  if (!esUnit) throw new Error('the exercise has no available Spanish unit');
  t.call('assignUnit', { incidentId: frOnly.id, unitId: esUnit.id, confirmReassign: false });

  const texts = (i: Incident) => [i.id, i.reference, i.title, i.description];
  /** What Germany may not meet. */
  const hiddenFromDe = [
    ...texts(frOnly),
    ...texts(frEs),
    notes.frOnly.id,
    notes.frOnly.text,
    notes.frEs.id,
    notes.frEs.text,
    notes.onFrOnly.id,
    notes.onFrOnly.text,
    notes.onFrEs.id,
    notes.onFrEs.text,
    zones.frOnly.id,
    zones.frOnly.name,
    zones.frEs.id,
    zones.frEs.name,
  ];
  /** What Spain may not meet. */
  const hiddenFromEs = [
    ...texts(frOnly),
    notes.frOnly.id,
    notes.frOnly.text,
    notes.onFrOnly.id,
    notes.onFrOnly.text,
    zones.frOnly.id,
    zones.frOnly.name,
  ];
  return { t, officer, es, de, frOnly, frEs, all, notes, zones, esUnit, hiddenFromDe, hiddenFromEs };
}

export type MarkedOperation = ReturnType<typeof markedOperation>;

/** The secrets found in a value (its JSON), for a readable failure. */
export function leaks(value: unknown, secrets: readonly string[]): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return secrets.filter((s) => text.includes(s));
}
