// Zones and sectors: create, edit, delete, import and export as GeoJSON. Each write is one
// transaction with its journal entries under the signed-in operator; the journal keeps every
// geometry (a deleted zone can be rebuilt from its entry). Edits are optimistic on `version`.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import type { createZoneInput, updateZoneInput, ZoneImportResult } from '../../shared/api/map.js';
import type { Marking, Zone } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { normalizePolygon } from '../../shared/zones.js';
import {
  parseZonesGeoJson,
  zonesToGeoJson,
  type ZoneCollection,
  type ZoneDraft,
  type ZoneFileResult,
} from '../../shared/zone-geojson.js';
import {
  deleteZone as deleteZoneRow,
  getZone,
  insertZone,
  listZones,
  updateZone as updateZoneRow,
  type ZonePatch,
} from '../store/zones.js';
import { hostCountry } from '../store/meta.js';
import { releasedTo } from '../store/incidents.js';
import { checkOwnMarking, normalMarking, releaseScope, sameMarking } from './releasability.js';

/** The zone if it exists and the desk may see it; otherwise the very error of a missing one. */
function mustGetZone(ctx: Ctx, id: string, desk?: Desk): Zone {
  const zone = getZone(ctx.db, id);
  if (!zone || (desk && !releasedTo(releaseScope(ctx.db, desk), zone.marking)))
    throw new ApiError({ code: 'not_found', message: `Zone ${id} does not exist` });
  return zone;
}

/** The zones this desk may see. */
export const listZonesFor = (ctx: Ctx, desk: Desk): Zone[] => listZones(ctx.db, releaseScope(ctx.db, desk));

function journalMarking(ctx: Ctx, desk: Desk, zone: Zone, from: Marking, to: Marking, via?: string): void {
  journal(ctx, requireOperator(desk), {
    action: 'zone.marking_changed',
    entityType: 'zone',
    entityId: zone.id,
    data: { name: zone.name, from, to, ...(via ? { via } : {}) },
  });
}

function staleConflict(current: Zone, yours: number): ApiError {
  return new ApiError({
    code: 'conflict',
    message: `Zone "${current.name}" was changed by another desk (version ${current.version}, yours ${yours}); review it and retry.`,
    current,
  });
}

const samePolygon = (a: Zone['polygon'], b: Zone['polygon']) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `patch` that differ from the zone, as { field: { from, to } }. */
function changesOf(before: Zone, patch: ZonePatch): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ['name', 'kind', 'color', 'polygon'] as const) {
    const to = patch[k];
    if (to === undefined) continue;
    const same = k === 'polygon' ? samePolygon(before.polygon, to as Zone['polygon']) : before[k] === to;
    if (!same) out[k] = { from: before[k], to };
  }
  return out;
}

export function createZone(ctx: Ctx, desk: Desk, input: z.output<typeof createZoneInput>): Zone {
  const who = requireOperator(desk);
  const marking = checkOwnMarking(ctx, desk, input.marking);
  return ctx.db.transaction(() => {
    const id = newId(ctx.clock);
    insertZone(ctx.db, {
      id,
      name: input.name,
      kind: input.kind,
      color: input.color.toLowerCase(),
      polygon: normalizePolygon(input.polygon),
      marking: marking ?? null,
    });
    const zone = mustGetZone(ctx, id);
    journal(ctx, who, { action: 'zone.created', entityType: 'zone', entityId: id, data: zone });
    return zone;
  })();
}

export function updateZone(ctx: Ctx, desk: Desk, input: z.output<typeof updateZoneInput>): Zone {
  const who = requireOperator(desk);
  const marking = checkOwnMarking(ctx, desk, input.marking);
  return ctx.db.transaction(() => {
    const before = mustGetZone(ctx, input.id, desk);
    if (before.version !== input.version) throw staleConflict(before, input.version);
    const remark = marking !== undefined && !sameMarking(marking, before.marking);
    const patch: ZonePatch = {
      name: input.name,
      kind: input.kind,
      color: input.color?.toLowerCase(),
      polygon: input.polygon ? normalizePolygon(input.polygon) : undefined,
      marking: remark ? marking : undefined,
    };
    const changes = changesOf(before, patch);
    if (Object.keys(changes).length === 0 && !remark) return before;
    if (!updateZoneRow(ctx.db, before.id, input.version, patch)) throw staleConflict(before, input.version);
    const after = mustGetZone(ctx, before.id);
    if (remark) journalMarking(ctx, desk, after, before.marking, after.marking);
    if (Object.keys(changes).length)
      journal(ctx, who, {
        action: 'zone.updated',
        entityType: 'zone',
        entityId: before.id,
        data: { name: after.name, version: after.version, changes },
      });
    return after;
  })();
}

export function deleteZone(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; version: number },
): { id: string; deleted: true } {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const zone = mustGetZone(ctx, input.id, desk);
    if (zone.version !== input.version || !deleteZoneRow(ctx.db, zone.id, input.version))
      throw staleConflict(zone, input.version);
    // The entry keeps the whole zone, geometry included: the journal is the zone's last record.
    journal(ctx, who, { action: 'zone.deleted', entityType: 'zone', entityId: zone.id, data: zone });
    return { id: zone.id, deleted: true as const };
  })();
}

/** The zones this desk may see, each with its marking and banner line. */
export const exportZones = (ctx: Ctx, desk: Desk): ZoneCollection =>
  zonesToGeoJson(listZonesFor(ctx, desk), hostCountry(ctx.db));

type Planned = ZoneImportResult['zones'][number] & { draft: ZoneDraft; before: Zone | null };

/** Reads the file, then (unless dryRun) creates or updates every zone in one transaction. */
export function importZones(
  ctx: Ctx,
  desk: Desk,
  input: { geojson: string; dryRun: boolean },
): ZoneImportResult {
  requireOperator(desk);
  return applyZoneFile(ctx, desk, parseZonesGeoJson(input.geojson), input.dryRun, 'importZones');
}

/**
 * A read zone file, all or nothing: refused whole (every problem listed) if any feature is wrong,
 * else every zone created or updated in one transaction (unless dryRun). `where` names the call.
 */
export function applyZoneFile(
  ctx: Ctx,
  desk: Desk,
  parsed: ZoneFileResult,
  dryRun: boolean,
  where: string,
  via = 'import',
): ZoneImportResult {
  const who = requireOperator(desk);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new ApiError({
      code: 'invalid_input',
      message: `${where}: ${first?.message ?? 'invalid file'}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : ''}; nothing was imported`,
      issues: parsed.problems.map((p) => ({ path: p.path, message: p.message })),
    });
  }
  return ctx.db.transaction(() => {
    const plan: Planned[] = parsed.zones.map((read) => {
      const draft = { ...read, marking: normalMarking(ctx.db, read.marking) };
      const before = draft.id ? getZone(ctx.db, draft.id) : null;
      const remarked =
        before !== null && draft.marking !== undefined && !sameMarking(draft.marking, before.marking);
      const changed = before ? Object.keys(changesOf(before, draft)).length > 0 || remarked : true;
      return {
        index: draft.index,
        id: draft.id ?? newId(ctx.clock),
        name: draft.name,
        kind: draft.kind,
        action: before ? (changed ? 'update' : 'unchanged') : 'create',
        draft,
        before,
      };
    });
    const count = (a: Planned['action']) => plan.filter((p) => p.action === a).length;
    const result: ZoneImportResult = {
      dryRun,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      zones: plan.map(({ draft: _d, before: _b, ...line }) => line),
    };
    if (dryRun) return result;
    for (const p of plan) {
      const { name, kind, color, polygon, marking } = p.draft;
      if (p.action === 'create') {
        insertZone(ctx.db, { id: p.id, name, kind, color, polygon, marking: marking ?? null });
        journal(ctx, who, {
          action: 'zone.created',
          entityType: 'zone',
          entityId: p.id,
          data: { ...mustGetZone(ctx, p.id), via },
        });
      } else if (p.action === 'update' && p.before) {
        const changes = changesOf(p.before, p.draft);
        const remark = marking !== undefined && !sameMarking(marking, p.before.marking);
        updateZoneRow(ctx.db, p.id, p.before.version, {
          name,
          kind,
          color,
          polygon,
          ...(remark ? { marking } : {}),
        });
        if (remark) journalMarking(ctx, desk, p.before, p.before.marking, marking, via);
        if (Object.keys(changes).length)
          journal(ctx, who, {
            action: 'zone.updated',
            entityType: 'zone',
            entityId: p.id,
            data: { name, changes, via },
          });
      }
    }
    journal(ctx, who, {
      action: 'zones.imported',
      entityType: 'zone',
      entityId: null,
      data: { created: result.created, updated: result.updated, unchanged: result.unchanged, via },
    });
    return result;
  })();
}
