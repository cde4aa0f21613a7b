// Roster import, the database half: one transaction that reads the roster (shared/roster.ts),
// checks it against what is stored, and writes every unit and contingent with its journal entry
// — or, when any row is rejected or on a dry run, writes nothing at all.
import type { Ctx } from './context.js';
import { journal } from './context.js';
import { newId } from './ids.js';
import type { Operator, Unit } from '../../shared/domain.js';
import { ContingentPlan, ROSTER_SOURCE as SOURCE } from './roster-contingents.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import {
  parseRoster,
  type RosterImportResult,
  type RosterIssue,
  type RosterRow,
} from '../../shared/roster.js';
import { listNamedVenues } from '../store/venues.js';
import { listRoutes } from '../store/routes.js';
import { getOperation } from '../store/meta.js';
import {
  callsignsPresent,
  findUnitByCallsign,
  insertUnit,
  updateUnitFields,
  type UnitChanges,
} from '../store/units.js';
import { insertPosition } from '../store/positions.js';
import { activeAssignmentOfUnit } from '../store/assignments.js';
import { setUnitContact } from '../store/unit-contacts.js';

/** A real import is journaled under an operator; a dry run writes nothing and needs none. */
export type ImportMode = { dryRun: true } | { dryRun: false; who: Operator };

export function importRoster(ctx: Ctx, csv: string, mode: ImportMode): RosterImportResult {
  const who = mode.dryRun ? null : mode.who;
  return ctx.db.transaction((): RosterImportResult => {
    // Without an operation there are no venues either: every venue would be "unknown".
    if (!getOperation(ctx.db)) throw noOperation();
    const bridges = listRoutes(ctx.db).flatMap((r) => r.bridges);
    const parsed = parseRoster(csv, { venues: listNamedVenues(ctx.db), bridges });
    const done = (imported: number, updated: number, rejected: RosterIssue[]): RosterImportResult => ({
      imported,
      updated,
      rejected,
      warnings: parsed.warnings,
    });
    if (parsed.rejected.length) return done(0, 0, parsed.rejected);

    // Which callsigns exist, asked in chunks; the full unit is read only for those (an update).
    const present = callsignsPresent(
      ctx.db,
      parsed.rows.map((r) => r.callsign),
    );
    const existing = parsed.rows.map((r) =>
      present.has(r.callsign) ? findUnitByCallsign(ctx.db, r.callsign) : null,
    );
    const busy = stillAssigned(ctx, parsed.rows, existing);
    if (busy.length) return done(0, 0, busy);

    const at = iso(ctx.clock.now());
    const contingents = new ContingentPlan(ctx, parsed.rows);
    // Contingents first: new units refer to them.
    if (who) contingents.write(who);
    let imported = 0;
    let updated = 0;
    parsed.rows.forEach((row, i) => {
      const unit = existing[i];
      const contingentId = contingents.idFor(row);
      if (!unit) {
        imported++;
        if (who) createUnit(ctx, who, at, row, contingentId);
      } else {
        const changes = unitChanges(unit, row, contingentId, at);
        if (!changes) return;
        updated++;
        if (who) updateUnit(ctx, who, unit, changes);
      }
    });
    if (who) {
      journal(ctx, who, {
        action: 'roster.imported',
        entityType: 'roster',
        entityId: null,
        data: {
          rows: parsed.rows.length,
          imported,
          updated,
          ...contingents.summary(),
          warnings: parsed.warnings,
        },
      });
    }
    return done(imported, updated, []);
  })();
}

export const NO_OPERATION =
  'this database holds no operation: create one first (vigie seed --db FILE for the exercise, vigie new --db FILE --scenario DIR for another event, or open it in the console), then import the roster';

const noOperation = () =>
  new ApiError({
    code: 'invalid_input',
    message: `importRoster: ${NO_OPERATION}`,
    issues: [{ path: 'operation', message: NO_OPERATION }],
  });

/** Lines the import writes into a unit's notes, each after its own prefix, replaced on re-import. */
const SITE = 'Site: ';
const CONTACT = 'Contact: ';

/**
 * The unit's notes with the row's site and contact: a unit has no column for either, so they go in
 * the notes under their prefix (earlier ones replaced). Undefined when the row changes nothing.
 */
export function notesFor(row: RosterRow, current: string | null): string | undefined {
  if (row.site === undefined && row.contact === undefined) return row.notes;
  const tagged = (line: string) =>
    (row.site !== undefined && line.startsWith(SITE)) ||
    (row.contact !== undefined && line.startsWith(CONTACT));
  const base = (row.notes ?? current ?? '').split('\n').filter((line) => line && !tagged(line));
  if (row.site !== undefined) base.push(SITE + row.site);
  if (row.contact !== undefined) base.push(CONTACT + row.contact);
  return base.join('\n');
}

/** A roster may not free a unit that is working an incident: that is the incident's release. */
function stillAssigned(
  ctx: Ctx,
  rows: readonly RosterRow[],
  existing: readonly (Unit | null)[],
): RosterIssue[] {
  const issues: RosterIssue[] = [];
  rows.forEach((row, i) => {
    const unit = existing[i];
    if (!unit || !row.status || row.status === unit.status) return;
    if (row.status === 'assigned' || row.status === 'en_route' || row.status === 'on_scene') return;
    if (activeAssignmentOfUnit(ctx.db, unit.id)) {
      issues.push({
        line: row.line,
        column: 'status',
        reason: `${unit.callsign} is working an incident: release it there first`,
      });
    }
  });
  return issues;
}

function createUnit(ctx: Ctx, who: Operator, at: string, row: RosterRow, contingentId: string): void {
  const id = newId(ctx.clock);
  const notes = notesFor(row, null) ?? null;
  const k9 =
    row.handler || row.dog || row.detection || row.restDue
      ? {
          handler: row.handler ?? null,
          dog: row.dog ?? null,
          detection: row.detection ?? null,
          restDue: row.restDue ?? null,
        }
      : null;
  insertUnit(ctx.db, {
    id,
    callsign: row.callsign,
    contingentId,
    kind: row.kind,
    personnel: row.personnel,
    armed: row.armed ?? false,
    status: row.status ?? 'available',
    venueId: row.venueId ?? null,
    sector: row.sector ?? null,
    lat: row.position?.lat ?? null,
    lon: row.position?.lon ?? null,
    positionAt: row.position ? at : null,
    positionSource: row.position ? SOURCE : null,
    k9,
    notes,
    radio: row.radio ?? null,
    phone: row.phone ?? null,
  });
  if (row.position) insertPosition(ctx.db, { unitId: id, at, ...row.position, source: SOURCE });
  journal(ctx, who, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: id,
    data: { ...row, notes, contingentId },
  });
}

/** The radio and phone live beside the unit's columns (store/unit-contacts.ts). */
type Changes = Partial<UnitChanges> & { radio?: string; phone?: string };

/** What the row changes on the unit; null when nothing. Empty cells (undefined) never erase. */
function unitChanges(unit: Unit, row: RosterRow, contingentId: string, at: string): Changes | null {
  const changes: Changes = {};
  const given = <K extends keyof Changes>(key: K, now: Changes[K] | null, next: Changes[K] | undefined) => {
    if (next !== undefined && next !== now) changes[key] = next;
  };
  given('contingentId', unit.contingentId, contingentId);
  given('kind', unit.kind, row.kind);
  given('personnel', unit.personnel, row.personnel);
  given('armed', unit.armed, row.armed);
  given('status', unit.status, row.status);
  given('venueId', unit.venueId, row.venueId);
  given('sector', unit.sector, row.sector);
  given('handler', unit.k9?.handler ?? null, row.handler);
  given('dog', unit.k9?.dog ?? null, row.dog);
  given('detection', unit.k9?.detection ?? null, row.detection);
  given('restDue', unit.k9?.restDue ?? null, row.restDue);
  given('notes', unit.notes, notesFor(row, unit.notes));
  given('radio', unit.radio, row.radio);
  given('phone', unit.phone, row.phone);
  if (row.position && (row.position.lat !== unit.lat || row.position.lon !== unit.lon)) {
    Object.assign(changes, { ...row.position, positionAt: at });
    if (unit.positionSource !== SOURCE) changes.positionSource = SOURCE;
  }
  return Object.keys(changes).length ? changes : null;
}

function updateUnit(ctx: Ctx, who: Operator, unit: Unit, changes: Changes): void {
  const { radio, phone, ...fields } = changes;
  if (!updateUnitFields(ctx.db, unit.id, fields, unit.version)) {
    throw new ApiError({ code: 'internal', message: `Unit ${unit.callsign} changed during the import` });
  }
  if (radio !== undefined || phone !== undefined) {
    setUnitContact(ctx.db, unit.id, { radio: radio ?? unit.radio, phone: phone ?? unit.phone });
  }
  if (changes.lat !== undefined && changes.lon !== undefined && changes.positionAt) {
    insertPosition(ctx.db, {
      unitId: unit.id,
      at: changes.positionAt,
      lat: changes.lat,
      lon: changes.lon,
      source: SOURCE,
    });
  }
  const before: Record<string, unknown> = {
    contingentId: unit.contingentId,
    kind: unit.kind,
    personnel: unit.personnel,
    armed: unit.armed,
    status: unit.status,
    venueId: unit.venueId,
    sector: unit.sector,
    lat: unit.lat,
    lon: unit.lon,
    positionAt: unit.positionAt,
    positionSource: unit.positionSource,
    handler: unit.k9?.handler ?? null,
    dog: unit.k9?.dog ?? null,
    detection: unit.k9?.detection ?? null,
    restDue: unit.k9?.restDue ?? null,
    notes: unit.notes,
    radio: unit.radio,
    phone: unit.phone,
  };
  const journaled = Object.fromEntries(
    Object.entries(changes).map(([k, to]) => [k, { from: before[k], to }]),
  );
  journal(ctx, who, {
    action: 'unit.updated',
    entityType: 'unit',
    entityId: unit.id,
    data: { callsign: unit.callsign, changes: journaled },
  });
}
