// Reads and validates a scenario folder (resources/scenario/<id>/). Pure reading: nothing is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import * as schema from './scenario-schema.js';

export interface Scenario {
  scenario: z.output<typeof schema.scenarioFile>;
  venues: z.output<typeof schema.venuesFile>;
  route: z.output<typeof schema.routeFile>;
  contingents: z.output<typeof schema.contingentsFile>;
  units: z.output<typeof schema.unitsFile>;
  incidents: z.output<typeof schema.incidentsFile>;
  zones: z.output<typeof schema.zonesFile>;
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

function read<S extends z.ZodType>(file: string, s: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(`${file}: ${(err as Error).message}`);
  }
  const parsed = s.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ScenarioError(`${file}: ${i?.path.join('.') || '(file)'}: ${i?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function loadScenario(resourcesDir: string, id = 'paris-2024'): Scenario {
  const dir = join(resourcesDir, 'scenario', id);
  const s: Scenario = {
    scenario: read(join(dir, 'scenario.json'), schema.scenarioFile),
    venues: read(join(dir, 'venues.json'), schema.venuesFile),
    route: read(join(dir, 'route.json'), schema.routeFile),
    contingents: read(join(dir, 'contingents.json'), schema.contingentsFile),
    units: read(join(dir, 'units.json'), schema.unitsFile),
    incidents: read(join(dir, 'incidents.json'), schema.incidentsFile),
    zones: read(join(resourcesDir, 'geo', 'zones.geojson'), schema.zonesFile),
  };
  checkReferences(s, dir);
  return s;
}

/** Cross-file references must resolve before anything is written. */
function checkReferences(s: Scenario, dir: string): void {
  const venues = new Set(s.venues.map((v) => v.id));
  const contingents = new Set(s.contingents.map((c) => c.id));
  const callsigns = new Set<string>();
  s.units.forEach((u, i) => {
    const where = `${join(dir, 'units.json')}: ${i}`;
    if (!contingents.has(u.contingent))
      throw new ScenarioError(`${where}.contingent: unknown contingent "${u.contingent}"`);
    if (u.venue && !venues.has(u.venue))
      throw new ScenarioError(`${where}.venue: unknown venue "${u.venue}"`);
    if (callsigns.has(u.callsign))
      throw new ScenarioError(`${where}.callsign: duplicate callsign "${u.callsign}"`);
    callsigns.add(u.callsign);
  });
  const working = new Set<string>();
  s.incidents.forEach((inc, i) => {
    const where = `${join(dir, 'incidents.json')}: ${i}`;
    if (inc.venue && !venues.has(inc.venue))
      throw new ScenarioError(`${where}.venue: unknown venue "${inc.venue}"`);
    for (const c of inc.units) {
      if (!callsigns.has(c)) throw new ScenarioError(`${where}.units: unknown callsign "${c}"`);
      if (working.has(c)) throw new ScenarioError(`${where}.units: "${c}" already works another incident`);
      working.add(c);
    }
  });
}
