// Writes a validated scenario into an empty database in one transaction, journaling each
// operational record under the system operator.
import type { Ctx } from './context.js';
import { journal, SYSTEM } from './context.js';
import type { Scenario } from './scenario-load.js';
import { newId } from './ids.js';
import { setOperation, getOperation, setMeta, BASEMAP_META } from '../store/meta.js';
import { prepareDemoHashes, seedDemoLogins } from './operator-accounts-boot.js';
import { insertVenue, setVenueAliases } from '../store/venues.js';
import { insertRoute } from '../store/routes.js';
import { insertZone } from '../store/zones.js';
import { insertContingent } from '../store/contingents.js';
import { insertUnit } from '../store/units.js';
import { insertPosition } from '../store/positions.js';
import { insertNextIncident } from '../store/incidents.js';
import { insertAssignment } from '../store/assignments.js';
import { insertInject } from '../store/exercise.js';
import { seedParadePlan } from './parade.js';
import { seedAlertLevel } from './alert-level.js';
import { chainageKm } from '../../shared/geo.js';
import { referenceDay } from '../../shared/reference.js';
import { fixedClock, iso } from '../../shared/clock.js';
import type { IncidentStatus } from '../../shared/domain.js';
import { SEED_DESK as SEED_DESK_NAME } from '../../shared/awareness.js';
import { DEFAULT_ZONE_COLOR } from '../../shared/zones.js';

const SEED_DESK = { ...SYSTEM, desk: SEED_DESK_NAME };

export interface SeedSummary {
  seeded: boolean;
  scenario: string;
  contingents: number;
  units: number;
  personnel: number;
  incidents: number;
  /** The exercise's demo logins (public by design: printed here, shown at sign-in). */
  demoLogins: { login: string; passphrase: string; role: string }[];
}

export function seedScenario(realCtx: Ctx, s: Scenario): SeedSummary {
  // The seeded picture is the state of things at the scenario's start: journal it at that time
  // (operation time), so reports and timelines of the exercise read in one consistent clock.
  const ctx: Ctx = { ...realCtx, clock: fixedClock(Date.parse(s.scenario.scenarioStart)) };
  const { db } = ctx;
  const summary = (seeded: boolean): SeedSummary => ({
    seeded,
    scenario: s.scenario.id,
    contingents: s.contingents.length,
    units: s.units.length,
    personnel: s.units.reduce((n, u) => n + u.personnel, 0),
    incidents: s.incidents.length,
    demoLogins: s.scenario.demoLogins.map(({ login, passphrase, role }) => ({ login, passphrase, role })),
  });
  if (getOperation(db)) return summary(false);

  const start = Date.parse(s.scenario.scenarioStart);
  const startIso = iso(start);
  let seeded = true;
  // Slow hashes before the transaction: in a room it holds the journal's lock for other servers.
  prepareDemoHashes(s.scenario.demoLogins);
  db.transaction(() => {
    // Servers opening one empty room at once: the later ones wait here, then find the operation.
    db.lockJournal();
    if (getOperation(db)) {
      seeded = false;
      return;
    }
    setOperation(db, {
      scenarioId: s.scenario.id,
      name: s.scenario.name,
      mode: s.scenario.mode,
      timezone: s.scenario.timezone,
      scenarioStart: startIso,
      anchorReal: null,
    });
    // The places go in before the entry that records the seeding, so that it carries their rows.
    for (const { id, name, kind, lat, lon, note } of s.venues)
      insertVenue(db, { id, name, kind, lat, lon, note });
    setMeta(db, 'host_country', s.scenario.hostCountry);
    if (s.basemap) setMeta(db, BASEMAP_META, s.basemap);
    setVenueAliases(
      db,
      Object.fromEntries(s.venues.filter((v) => v.aliases.length).map((v) => [v.id, v.aliases])),
    );
    for (const r of s.routes)
      insertRoute(db, {
        id: r.id,
        name: r.name,
        coordinates: r.coordinates,
        bridges: r.bridges.map((b) => ({
          ...b,
          chainageKm: round3(chainageKm(r.coordinates, b.lon, b.lat)),
        })),
      });
    journal(ctx, SEED_DESK, {
      action: 'operation.seeded',
      entityType: 'operation',
      entityId: s.scenario.id,
      // The demo logins' names and roles, not their passphrases: the journal is no place for them.
      data: {
        ...summary(true),
        demoLogins: s.scenario.demoLogins.map(({ login, role }) => ({ login, role })),
      },
    });
    if (s.routes[0]) seedParadePlan(ctx, s.routes[0].id, s.scenario.parade);
    for (const z of [...s.zones, ...venuePerimeters(s)]) {
      const { polygon: _polygon, ...props } = z;
      insertZone(db, z);
      journal(ctx, SEED_DESK, { action: 'zone.created', entityType: 'zone', entityId: z.id, data: props });
    }
    for (const c of s.contingents) {
      insertContingent(db, c);
      journal(ctx, SEED_DESK, {
        action: 'contingent.created',
        entityType: 'contingent',
        entityId: c.id,
        data: c,
      });
    }
    if (s.scenario.alertLevel) seedAlertLevel(ctx, SEED_DESK, s.scenario.alertLevel);
    seedDemoLogins(ctx, s.scenario.demoLogins);
    const unitIds = new Map<string, string>();
    for (const u of s.units) {
      const id = newId(ctx.clock);
      unitIds.set(u.callsign, id);
      const k9 =
        u.handler || u.dog || u.detection ? { handler: u.handler, dog: u.dog, detection: u.detection } : null;
      insertUnit(db, {
        id,
        callsign: u.callsign,
        contingentId: u.contingent,
        kind: u.kind,
        personnel: u.personnel,
        armed: u.armed,
        status: u.status,
        venueId: u.venue,
        sector: u.sector,
        lat: u.lat,
        lon: u.lon,
        positionAt: startIso,
        positionSource: 'scenario',
        k9,
        notes: u.notes,
      });
      insertPosition(db, { unitId: id, at: startIso, lat: u.lat, lon: u.lon, source: 'scenario' });
      journal(ctx, SEED_DESK, { action: 'unit.created', entityType: 'unit', entityId: id, data: u });
    }
    for (const inc of s.incidents) {
      const at = start - inc.minutesBeforeStart * 60_000;
      const day = referenceDay(at, s.scenario.timezone);
      const id = newId(ctx.clock);
      const { reference } = insertNextIncident(db, day, {
        id,
        category: inc.category,
        priority: inc.priority,
        status: inc.status,
        title: inc.title,
        description: inc.description,
        source: inc.source,
        reporter: inc.reporter,
        lat: inc.lat,
        lon: inc.lon,
        venueId: inc.venue,
        sector: inc.sector,
        locationText: inc.locationText,
        createdAt: iso(at),
        updatedAt: iso(at),
        ...scenarioStamps(inc.status, at, start),
      });
      journal(ctx, SEED_DESK, {
        action: 'incident.created',
        entityType: 'incident',
        entityId: id,
        data: { reference, ...inc },
      });
      for (const callsign of inc.units) {
        const unitId = unitIds.get(callsign) as string;
        insertAssignment(db, { id: newId(ctx.clock), incidentId: id, unitId, assignedAt: iso(at) });
        journal(ctx, SEED_DESK, {
          action: 'incident.unit_assigned',
          entityType: 'incident',
          entityId: id,
          data: { reference, unitId, callsign },
        });
      }
    }
    // The script is loaded, not played: the clock plays each inject in at its time.
    for (const i of s.injects) {
      insertInject(db, i);
      journal(ctx, SEED_DESK, {
        action: 'exercise.inject_loaded',
        entityType: 'inject',
        entityId: i.id,
        data: { at: i.at, kind: i.kind, title: i.title },
      });
    }
  })();
  return summary(seeded);
}

/** A venue given as a polygon is drawn as a security perimeter around it (its point is the centre). */
function venuePerimeters(s: Scenario) {
  const taken = new Set(s.zones.map((z) => z.id));
  return s.venues.flatMap((v) => {
    if (!v.polygon) return [];
    let id = `venue-${v.id}`.slice(0, 64);
    for (let n = 2; taken.has(id); n++) id = `venue-${v.id}`.slice(0, 60) + `-${n}`;
    taken.add(id);
    return [
      {
        id,
        name: v.name,
        kind: 'security_perimeter',
        color: DEFAULT_ZONE_COLOR.security_perimeter,
        polygon: v.polygon,
      },
    ];
  });
}

/** A scenario incident already under way went through the earlier steps, a few minutes apart. */
function scenarioStamps(status: IncidentStatus, createdMs: number, clockStartMs: number) {
  const path: IncidentStatus[] = ['acknowledged', 'dispatched', 'on_scene', 'resolved', 'closed'];
  const reached = path.slice(0, path.indexOf(status) + 1);
  // Two minutes a step, squeezed so every step happened before the exercise clock starts.
  const step = Math.min(2 * 60_000, (clockStartMs - createdMs) / (reached.length + 1));
  const key = {
    acknowledged: 'acknowledgedAt',
    dispatched: 'dispatchedAt',
    on_scene: 'onSceneAt',
    resolved: 'resolvedAt',
    closed: 'closedAt',
  } as const;
  return Object.fromEntries(
    reached.map((s, i) => [key[s as keyof typeof key], iso(createdMs + (i + 1) * step)]),
  );
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
