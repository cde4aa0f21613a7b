// Reads and validates a scenario package (a folder: resources/scenario/<id>/ or one an operator
// made). Pure reading: nothing is written. Every file is checked and every problem reported at once,
// so a package is either wholly valid or refused with the list of what to fix.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import * as schema from './scenario-schema.js';
import {
  parseJson,
  readRouteJson,
  readRoutesGeoJson,
  readVenuesCsv,
  readVenuesGeoJson,
  readVenuesJson,
  readZonesGeoJson,
  zodProblems,
  type Problems,
  type RouteData,
  type VenueData,
  type ZoneData,
} from './scenario-files.js';
import { checkArea } from './scenario-area.js';
import { readInjects, type ScenarioInject } from './scenario-injects.js';

type UnitFile = z.output<typeof schema.unitsFile>[number];
export type ScenarioUnit = Omit<UnitFile, 'personnel' | 'armed'> & { personnel: number; armed: boolean };

export interface Scenario {
  /** The package's folder. */
  dir: string;
  scenario: z.output<typeof schema.scenarioFile>;
  venues: VenueData[];
  routes: RouteData[];
  contingents: z.output<typeof schema.contingentsFile>;
  units: ScenarioUnit[];
  incidents: z.output<typeof schema.incidentsFile>;
  zones: ZoneData[];
  /** The exercise's timed script (injects.json), in the order given. */
  injects: ScenarioInject[];
  /** The base map file's path, when the package has one. */
  basemap: string | null;
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** The built-in exercise (`vigie seed`, a new desktop database). */
export const DEFAULT_SCENARIO = 'paris-2024';

export function loadScenario(resourcesDir: string, id = DEFAULT_SCENARIO): Scenario {
  return loadScenarioDir(join(resourcesDir, 'scenario', id));
}

/** The shipped package whose scenario.json has this id, if any (for its demo logins). */
export function findShippedScenario(resourcesDir: string, scenarioId: string): Scenario | null {
  const root = join(resourcesDir, 'scenario');
  if (!existsSync(root)) return null;
  for (const name of readdirSync(root)) {
    const file = join(root, name, 'scenario.json');
    if (!existsSync(file)) continue;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown };
      if (raw.id === scenarioId) return loadScenarioDir(join(root, name));
    } catch {
      continue; // a broken package elsewhere is not this operation's
    }
  }
  return null;
}

export function loadScenarioDir(dir: string): Scenario {
  const problems: Problems = [];
  if (!existsSync(dir)) throw new ScenarioError(`${dir}: no such folder`);
  const file = (name: string) => join(dir, name);
  const text = (name: string): string | null =>
    existsSync(file(name)) ? readFileSync(file(name), 'utf8') : null;
  const json = <S extends z.ZodType>(name: string, s: S, required: boolean): z.output<S> | null => {
    const t = text(name);
    if (t === null) {
      if (required) problems.push(`${file(name)}: missing (required)`);
      return null;
    }
    const raw = parseJson(file(name), t, problems);
    if (raw === undefined) return null;
    const parsed = s.safeParse(raw);
    if (!parsed.success) {
      zodProblems(file(name), parsed.error, problems);
      return null;
    }
    return parsed.data;
  };
  /** Exactly one of the file names may be there; its reader's result. */
  const oneOf = <T>(
    what: string,
    readers: Record<string, (f: string, t: string, p: Problems) => T[]>,
  ): T[] => {
    const present = Object.keys(readers).filter((n) => existsSync(file(n)));
    if (present.length > 1) problems.push(`${dir}: ${present.join(', ')}: give the ${what} in one file only`);
    const name = present[0];
    return name
      ? (readers[name] as (f: string, t: string, p: Problems) => T[])(file(name), text(name) ?? '', problems)
      : [];
  };

  const scenario = json('scenario.json', schema.scenarioFile, true);
  const venues = oneOf('venues', {
    'venues.json': readVenuesJson,
    'venues.geojson': readVenuesGeoJson,
    'venues.csv': readVenuesCsv,
  });
  if (!['venues.json', 'venues.geojson', 'venues.csv'].some((n) => existsSync(file(n))))
    problems.push(`${file('venues.geojson')}: missing (required: venues.json, venues.geojson or venues.csv)`);
  const routes = oneOf('routes', { 'route.json': readRouteJson, 'routes.geojson': readRoutesGeoJson });
  const zones = oneOf('zones', { 'zones.geojson': readZonesGeoJson });
  const contingents = json('contingents.json', schema.contingentsFile, false) ?? [];
  const rawUnits = json('units.json', schema.unitsFile, false) ?? [];
  const incidents = json('incidents.json', schema.incidentsFile, false) ?? [];

  let basemap: string | null = null;
  if (scenario?.basemap) {
    basemap = file(scenario.basemap);
    if (!existsSync(basemap)) problems.push(`${file('scenario.json')}: basemap: no file ${basemap}`);
  }
  if (scenario && !validTimeZone(scenario.timezone))
    problems.push(`${file('scenario.json')}: timezone: "${scenario.timezone}" is not a known IANA time zone`);

  const units = rawUnits.flatMap((u, i): ScenarioUnit[] => {
    const d = scenario?.unitKinds[u.kind];
    const personnel = u.personnel ?? d?.personnel;
    const armed = u.armed ?? d?.armed;
    if (personnel === undefined || armed === undefined) {
      const field = personnel === undefined ? 'personnel' : 'armed';
      problems.push(
        `${file('units.json')}: record ${i}: ${field}: required (scenario.json's unitKinds.${u.kind} gives no default)`,
      );
      return [];
    }
    return [{ ...u, personnel, armed }];
  });
  if (!scenario) throw new ScenarioError(problems.join('\n'));
  const injectsText = text('injects.json');
  const injectsRaw = injectsText === null ? [] : parseJson(file('injects.json'), injectsText, problems);
  const injects =
    injectsRaw === undefined
      ? []
      : readInjects(
          dir,
          injectsRaw,
          {
            scenarioStart: scenario.scenarioStart,
            venues: new Set(venues.map((v) => v.id)),
            callsigns: new Set(units.map((u) => u.callsign)),
          },
          problems,
        );
  if (injects.length && scenario.mode !== 'exercise')
    problems.push(`${file('injects.json')}: a real operation has no injects (scenario.json mode is "real")`);
  const s: Scenario = {
    dir,
    scenario,
    venues,
    routes,
    contingents,
    units,
    incidents,
    zones,
    injects,
    basemap,
  };
  checkUnique(s, problems);
  checkReferences(s, problems);
  checkArea(s, problems);
  if (problems.length) throw new ScenarioError(problems.join('\n'));
  return s;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkUnique(s: Scenario, problems: Problems): void {
  const dup = <T>(items: readonly T[], key: (t: T) => string, where: (i: number) => string, what: string) => {
    const seen = new Set<string>();
    items.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) problems.push(`${where(i)}: ${what}: duplicate "${k}"`);
      seen.add(k);
    });
  };
  dup(
    s.venues,
    (v) => v.id,
    (i) => `${s.dir}: venue ${i}`,
    'id',
  );
  dup(
    s.zones,
    (z) => z.id,
    (i) => `${join(s.dir, 'zones.geojson')}: feature ${i}`,
    'properties.id',
  );
  dup(
    s.contingents,
    (c) => c.id,
    (i) => `${join(s.dir, 'contingents.json')}: record ${i}`,
    'id',
  );
}

/** Cross-file references must resolve before anything is written. */
function checkReferences(s: Scenario, problems: Problems): void {
  const venues = new Set(s.venues.map((v) => v.id));
  const contingents = new Set(s.contingents.map((c) => c.id));
  const callsigns = new Set<string>();
  s.units.forEach((u, i) => {
    const where = `${join(s.dir, 'units.json')}: record ${i}`;
    if (!contingents.has(u.contingent))
      problems.push(`${where}: contingent: unknown contingent "${u.contingent}"`);
    if (u.venue && !venues.has(u.venue)) problems.push(`${where}: venue: unknown venue "${u.venue}"`);
    if (callsigns.has(u.callsign)) problems.push(`${where}: callsign: duplicate callsign "${u.callsign}"`);
    callsigns.add(u.callsign);
  });
  const working = new Set<string>();
  s.incidents.forEach((inc, i) => {
    const where = `${join(s.dir, 'incidents.json')}: record ${i}`;
    if (inc.venue && !venues.has(inc.venue)) problems.push(`${where}: venue: unknown venue "${inc.venue}"`);
    for (const c of inc.units) {
      if (!callsigns.has(c)) problems.push(`${where}: units: unknown callsign "${c}"`);
      else if (working.has(c)) problems.push(`${where}: units: "${c}" already works another incident`);
      working.add(c);
    }
  });
  for (const d of s.scenario.demoLogins)
    if (d.contingentId && !contingents.has(d.contingentId))
      problems.push(
        `${join(s.dir, 'scenario.json')}: demoLogins: ${d.login}: unknown contingent "${d.contingentId}"`,
      );
}
