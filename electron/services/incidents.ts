// Incident changes: create, edit, move through the lifecycle, add notes. Each is one transaction
// with its journal entry; edits are optimistic (a stale version is refused with the current row).
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import { checkIncidentWorked } from './access.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import { followIncident } from './assignments.js';
import { mustGetIncident } from './incident-lookup.js';
import { checkOwnMarking, mustSeeIncident, releaseScope, sameMarking } from './releasability.js';
import type { createIncidentInput, updateIncidentInput } from '../../shared/api/incidents.js';
import type { Incident, IncidentDetail, IncidentNote, Marking } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { transition, TRANSITIONS, type IncidentAction } from '../../shared/incident-lifecycle.js';
import { referenceDay } from '../../shared/reference.js';
import { iso } from '../../shared/clock.js';
import {
  insertNextIncident,
  setIncidentStatus,
  updateIncident as updateIncidentRow,
  type IncidentPatch,
} from '../store/incidents.js';
import { insertNote, listNotes } from '../store/incident-notes.js';
import { assignmentViews } from '../store/assignments.js';
import { listEntries } from '../store/journal.js';
import { getVenue } from '../store/venues.js';
import { getOperation } from '../store/meta.js';
import type { Ahead } from '../store/db.js';
import { referenceGenerationAhead } from '../store/reference-generation.js';

/**
 * An incident as a write left it, and the reference data's counter read at the end of the write's
 * transaction: the answer is named under it (place-names.ts) with no read of the counter after.
 */
export interface Written {
  incident: Incident;
  reference: Ahead;
}

/** Call last in the write's transaction. */
const written = (ctx: Ctx, incident: Incident): Written => ({
  incident,
  reference: referenceGenerationAhead(ctx.db),
});

function staleConflict(current: Incident, yours: number): ApiError {
  return new ApiError({
    code: 'conflict',
    message: `${current.reference} was changed by another desk (version ${current.version}, yours ${yours}); review it and retry.`,
    current,
  });
}

/** A venue given without a point puts the incident on the venue. */
function withVenuePoint(
  ctx: Ctx,
  loc: { lat?: number | null; lon?: number | null; venueId?: string | null },
) {
  if (!loc.venueId) return { lat: loc.lat ?? null, lon: loc.lon ?? null };
  const venue = getVenue(ctx.db, loc.venueId);
  if (!venue) {
    throw new ApiError({
      code: 'invalid_input',
      message: `venueId: unknown venue "${loc.venueId}"`,
      issues: [{ path: 'venueId', message: 'unknown venue' }],
    });
  }
  return loc.lat != null && loc.lon != null
    ? { lat: loc.lat, lon: loc.lon }
    : { lat: venue.lat, lon: venue.lon };
}

export function createIncident(ctx: Ctx, desk: Desk, input: z.output<typeof createIncidentInput>): Written {
  const who = requireOperator(desk);
  const marking = checkOwnMarking(ctx, desk, input.marking);
  const now = ctx.clock.now();
  const at = iso(now);
  return ctx.db.transaction(() => {
    const point = withVenuePoint(ctx, input);
    // Read in the transaction (not cached): another desk or process may change the operation.
    const day = referenceDay(now, getOperation(ctx.db)?.timezone ?? 'UTC');
    const id = newId(ctx.clock);
    const created = insertNextIncident(ctx.db, day, {
      id,
      category: input.category,
      priority: input.priority,
      status: 'new',
      title: input.title,
      description: input.description,
      source: input.source,
      reporter: input.reporter ?? null,
      ...point,
      venueId: input.venueId ?? null,
      sector: input.sector ?? null,
      locationText: input.locationText ?? null,
      createdAt: at,
      updatedAt: at,
      marking: marking ?? null,
    });
    journal(ctx, who, { action: 'incident.created', entityType: 'incident', entityId: id, data: created });
    return written(ctx, created);
  })();
}

export function updateIncident(ctx: Ctx, desk: Desk, input: z.output<typeof updateIncidentInput>): Written {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const before = mustSeeIncident(ctx, desk, input.id);
    const { id, version, marking: asked, ...fields } = input;
    const patch: IncidentPatch = {};
    for (const [k, v] of Object.entries(fields) as [keyof IncidentPatch, unknown][]) {
      if (v !== undefined && v !== before[k]) Object.assign(patch, { [k]: v });
    }
    const marking = checkOwnMarking(ctx, desk, asked);
    const remark = marking !== undefined && !sameMarking(marking, before.marking);
    if (remark) patch.marking = marking;
    if (patch.venueId !== undefined && patch.lat === undefined)
      Object.assign(patch, withVenuePoint(ctx, { venueId: patch.venueId }));
    if (before.version !== version) throw staleConflict(before, version);
    if (Object.keys(patch).length === 0) return written(ctx, before);
    if (!updateIncidentRow(ctx.db, id, version, patch, iso(ctx.clock.now())))
      throw staleConflict(before, version);
    // A new marking is its own entry: who released what to whom is looked for on its own.
    if (remark)
      journal(ctx, who, {
        action: 'incident.marking_changed',
        entityType: 'incident',
        entityId: id,
        data: { reference: before.reference, from: before.marking, to: marking },
      });
    const changed = Object.keys(patch).filter((k) => k !== 'marking');
    const changes = Object.fromEntries(
      changed.map((k) => [k, { from: before[k as keyof Incident], to: patch[k as keyof IncidentPatch] }]),
    );
    if (changed.length)
      journal(ctx, who, {
        action: patch.priority !== undefined ? 'incident.priority_changed' : 'incident.updated',
        entityType: 'incident',
        entityId: id,
        data: { reference: before.reference, changes },
      });
    return written(ctx, mustGetIncident(ctx, id));
  })();
}

export function transitionIncident(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; version: number; action: IncidentAction; reason?: string | undefined },
): Written {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const before = mustSeeIncident(ctx, desk, input.id);
    if (before.version !== input.version) throw staleConflict(before, input.version);
    const t = transition(before.status, input.action, input.reason);
    // A step allowed from this status that lacks its reason or outcome is the officer's input to fix.
    if (!t.ok && TRANSITIONS[input.action].from.includes(before.status))
      throw new ApiError({
        code: 'invalid_input',
        message: `reason: ${t.reason}`,
        issues: [{ path: 'reason', message: t.reason }],
      });
    if (!t.ok)
      throw new ApiError({ code: 'conflict', message: `${before.reference}: ${t.reason}`, current: before });
    if (input.action === 'close' && /[\r\n]/.test(input.reason ?? ''))
      throw new ApiError({
        code: 'invalid_input',
        message: 'reason: the outcome is one line (no line break)',
        issues: [{ path: 'reason', message: 'one line (no line break)' }],
      });
    if (!setIncidentStatus(ctx.db, before.id, input.version, t.to, iso(ctx.clock.now()))) {
      throw staleConflict(before, input.version);
    }
    journal(ctx, who, {
      action: `incident.${input.action}`,
      entityType: 'incident',
      entityId: before.id,
      data: { reference: before.reference, from: before.status, to: t.to, reason: input.reason ?? null },
    });
    followIncident(ctx, who, before.id, t.to);
    return written(ctx, mustGetIncident(ctx, before.id));
  })();
}

export function addNote(
  ctx: Ctx,
  desk: Desk,
  input: { incidentId: string; text: string; marking?: Marking | undefined },
): IncidentNote {
  const who = requireOperator(desk);
  // Unseen is missing, before any other rule can answer differently for it.
  mustSeeIncident(ctx, desk, input.incidentId);
  checkIncidentWorked(ctx, who, 'addIncidentNote', input.incidentId);
  const marking = checkOwnMarking(ctx, desk, input.marking);
  return ctx.db.transaction(() => {
    const incident = mustSeeIncident(ctx, desk, input.incidentId);
    const note: IncidentNote = {
      id: newId(ctx.clock),
      incidentId: incident.id,
      at: iso(ctx.clock.now()),
      operator: who.name,
      desk: who.desk,
      text: input.text,
      marking: marking === undefined ? incident.marking : marking,
    };
    insertNote(ctx.db, note);
    journal(ctx, who, {
      action: 'incident.note_added',
      entityType: 'incident',
      entityId: incident.id,
      data: { reference: incident.reference, noteId: note.id, text: note.text, marking: note.marking },
    });
    return note;
  })();
}

export function getIncidentDetail(ctx: Ctx, desk: Desk, id: string): IncidentDetail {
  const incident = mustSeeIncident(ctx, desk, id);
  const scope = releaseScope(ctx.db, desk);
  const notes = listNotes(ctx.db, id, scope);
  const seen = new Set(notes.map((n) => n.id));
  // The timeline holds each note's text too: a note the desk may not see is not in it either.
  const timeline = listEntries(ctx.db, { limit: 1000, entityId: id })
    .reverse()
    .filter((e) => {
      if (!scope || e.action !== 'incident.note_added') return true;
      const noteId = (e.data as { noteId?: unknown } | null)?.noteId;
      return typeof noteId === 'string' && seen.has(noteId);
    });
  return { incident, notes, assignments: assignmentViews(ctx.db, id), timeline };
}
