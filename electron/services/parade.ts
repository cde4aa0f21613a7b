// The ceremony parade: its plan (from the scenario, editable), the officers' reports of where the
// head actually was, and the view the tracker shows (shared/parade.ts does the arithmetic).
import type { z } from 'zod';
import distance from '@turf/distance';
import type { Ctx } from './context.js';
import { journal, requireOperator, SYSTEM } from './context.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import {
  POST_RADIUS_M,
  type BridgePost,
  type ParadeView,
  type recordParadeActualInput,
  type setParadePlanInput,
} from '../../shared/api/map.js';
import type { Route } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { chainageKm, distanceToLineM } from '../../shared/geo.js';
import {
  cumulativeKm,
  fixConflict,
  paradeState,
  type HeadFix,
  type ParadePlanValues,
} from '../../shared/parade.js';
import { getRoute, listRoutes } from '../store/routes.js';
import { listUnits } from '../store/units.js';
import {
  getParadeActual,
  getParadePlan,
  insertParadeActual,
  insertParadePlan,
  listParadeActuals,
  retractParadeActual as retractRow,
  updateParadePlan,
} from '../store/parade.js';

/** A report may be up to this far ahead of the operation clock (clocks on the quays differ a little). */
const FUTURE_SLACK_MS = 2 * 60_000;
/** A point given for the head must lie this close to the route. */
const ON_ROUTE_M = 300;

const invalid = (path: string, message: string) =>
  new ApiError({ code: 'invalid_input', message: `${path}: ${message}`, issues: [{ path, message }] });

function routeFor(ctx: Ctx, routeId?: string): Route | null {
  if (routeId) {
    const route = getRoute(ctx.db, routeId);
    if (!route) throw new ApiError({ code: 'not_found', message: `Route ${routeId} does not exist` });
    return route;
  }
  const planned = getParadePlan(ctx.db);
  return (planned ? getRoute(ctx.db, planned.routeId) : null) ?? listRoutes(ctx.db)[0] ?? null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/[\s-]+/g, ' ')
    .trim()
    .toLowerCase();

/** Units within POST_RADIUS_M of a bridge, each listed at its nearest bridge only. */
function bridgePosts(ctx: Ctx, route: Route): BridgePost[] {
  const posts: BridgePost[] = route.bridges.map((b) => ({ ...b, units: [] }));
  for (const u of listUnits(ctx.db)) {
    if (u.lat === null || u.lon === null) continue;
    let best: { post: BridgePost; m: number } | null = null;
    for (const post of posts) {
      const m = distance([u.lon, u.lat], [post.lon, post.lat], { units: 'kilometers' }) * 1000;
      if (m <= POST_RADIUS_M && (!best || m < best.m)) best = { post, m };
    }
    best?.post.units.push({
      id: u.id,
      callsign: u.callsign,
      country: u.country,
      kind: u.kind,
      status: u.status,
      distanceM: Math.round(best.m),
    });
  }
  for (const p of posts)
    p.units.sort((a, b) => a.distanceM - b.distanceM || a.callsign.localeCompare(b.callsign));
  return posts;
}

export function getParade(
  ctx: Ctx,
  input: { at?: string | undefined; routeId?: string | undefined },
): ParadeView {
  const atMs = input.at ? Date.parse(input.at) : ctx.clock.now();
  const route = routeFor(ctx, input.routeId);
  if (!route) return { at: iso(atMs), route: null, plan: null, state: null, actuals: [], posts: [] };
  const plan = getParadePlan(ctx.db, route.id);
  const actuals = listParadeActuals(ctx.db, route.id);
  const fixes: HeadFix[] = actuals.map((a) => ({ chainageKm: a.chainageKm, atMs: Date.parse(a.at) }));
  const cum = cumulativeKm(route.coordinates);
  return {
    at: iso(atMs),
    route: { id: route.id, name: route.name, lengthKm: Math.round((cum[cum.length - 1] ?? 0) * 1000) / 1000 },
    plan,
    state: plan ? paradeState(plan, route, atMs, fixes) : null,
    actuals,
    posts: bridgePosts(ctx, route),
  };
}

export function setParadePlan(ctx: Ctx, desk: Desk, input: z.output<typeof setParadePlanInput>): ParadeView {
  const who = requireOperator(desk);
  const route = routeFor(ctx, input.routeId);
  if (!route) throw new ApiError({ code: 'not_found', message: 'There is no route to plan a parade on' });
  const values = {
    routeId: route.id,
    start: iso(Date.parse(input.start)),
    speedKmh: input.speedKmh,
    boats: input.boats,
    spacingM: input.spacingM,
  };
  ctx.db.transaction(() => {
    const before = getParadePlan(ctx.db, route.id);
    if (before) {
      if (input.version === undefined)
        throw invalid('version', 'the plan exists: give its version to change it');
      if (before.version !== input.version || !updateParadePlan(ctx.db, values, input.version)) {
        throw new ApiError({
          code: 'conflict',
          message: `The parade plan was changed by another desk (version ${before.version}, yours ${input.version}); review it and retry.`,
          current: before,
        });
      }
    } else {
      insertParadePlan(ctx.db, values);
    }
    journal(ctx, who, {
      action: 'parade.plan_set',
      entityType: 'route',
      entityId: route.id,
      data: { before, after: values },
    });
  })();
  return getParade(ctx, { routeId: route.id });
}

/** Where on the route a report puts the head: a bridge by name, a chainage, or a point snapped to the route. */
function locate(
  route: Route,
  input: z.output<typeof recordParadeActualInput>,
): { chainageKm: number; bridge: string | null } {
  const cum = cumulativeKm(route.coordinates);
  const lengthKm = cum[cum.length - 1] ?? 0;
  if (input.bridge !== undefined) {
    const wanted = fold(input.bridge);
    const bridge = route.bridges.find((b) => fold(b.name) === wanted);
    if (!bridge) {
      throw invalid(
        'bridge',
        `no bridge "${input.bridge}" on ${route.name}; bridges: ${route.bridges.map((b) => b.name).join(', ')}`,
      );
    }
    return { chainageKm: bridge.chainageKm, bridge: bridge.name };
  }
  if (input.chainageKm !== undefined) {
    if (input.chainageKm > lengthKm)
      throw invalid('chainageKm', `beyond the end of the route (${lengthKm.toFixed(3)} km)`);
    return { chainageKm: input.chainageKm, bridge: null };
  }
  const [lat, lon] = [input.lat as number, input.lon as number];
  const off = distanceToLineM(route.coordinates, lon, lat);
  if (off > ON_ROUTE_M)
    throw invalid('lat', `the point is ${Math.round(off)} m from the route (at most ${ON_ROUTE_M} m)`);
  return { chainageKm: Math.round(chainageKm(route.coordinates, lon, lat) * 1000) / 1000, bridge: null };
}

export function recordParadeActual(
  ctx: Ctx,
  desk: Desk,
  input: z.output<typeof recordParadeActualInput>,
): ParadeView {
  const who = requireOperator(desk);
  const route = routeFor(ctx, input.routeId);
  if (!route) throw new ApiError({ code: 'not_found', message: 'There is no parade route' });
  const now = ctx.clock.now();
  const atMs = input.at ? Date.parse(input.at) : now;
  if (atMs > now + FUTURE_SLACK_MS) {
    throw invalid(
      'at',
      `${iso(atMs)} is in the future (operation time is ${iso(now)}); check the hour and the time zone`,
    );
  }
  const where = locate(route, input);
  ctx.db.transaction(() => {
    const existing = listParadeActuals(ctx.db, route.id).map((a) => ({
      chainageKm: a.chainageKm,
      atMs: Date.parse(a.at),
    }));
    const conflict = fixConflict(existing, { chainageKm: where.chainageKm, atMs });
    if (conflict) throw new ApiError({ code: 'conflict', message: `recordParadeActual: ${conflict}` });
    const actual = {
      id: newId(ctx.clock),
      routeId: route.id,
      chainageKm: where.chainageKm,
      bridge: where.bridge,
      at: iso(atMs),
      recordedAt: iso(now),
      operator: who.name,
      desk: who.desk,
      note: input.note ?? null,
    };
    insertParadeActual(ctx.db, actual);
    journal(ctx, who, {
      action: 'parade.actual_recorded',
      entityType: 'route',
      entityId: route.id,
      data: actual,
    });
  })();
  return getParade(ctx, { routeId: route.id });
}

export function retractParadeActual(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; reason?: string | undefined },
): ParadeView {
  const who = requireOperator(desk);
  const actual = getParadeActual(ctx.db, input.id);
  if (!actual) throw new ApiError({ code: 'not_found', message: `Parade report ${input.id} does not exist` });
  ctx.db.transaction(() => {
    if (!retractRow(ctx.db, actual.id, iso(ctx.clock.now()), who.name)) {
      throw new ApiError({
        code: 'conflict',
        message: `Parade report ${actual.id} was already retracted`,
        current: getParadeActual(ctx.db, actual.id),
      });
    }
    journal(ctx, who, {
      action: 'parade.actual_retracted',
      entityType: 'route',
      entityId: actual.routeId,
      data: {
        id: actual.id,
        chainageKm: actual.chainageKm,
        bridge: actual.bridge,
        at: actual.at,
        reason: input.reason ?? null,
      },
    });
  })();
  return getParade(ctx, { routeId: actual.routeId });
}

/**
 * Writes the scenario's parade plan for its route, journaled under the system operator, unless the
 * route already has one. For the seed (inside its transaction) and for databases seeded before the
 * plan table existed. Returns whether a plan was written.
 */
export function seedParadePlan(ctx: Ctx, routeId: string, parade: ParadePlanValues | undefined): boolean {
  if (!parade || !getRoute(ctx.db, routeId) || getParadePlan(ctx.db, routeId)) return false;
  const values = {
    routeId,
    start: iso(Date.parse(parade.start)),
    speedKmh: parade.speedKmh,
    boats: parade.boats,
    spacingM: parade.spacingM,
  };
  ctx.db.transaction(() => {
    insertParadePlan(ctx.db, values);
    journal(
      ctx,
      { ...SYSTEM, desk: 'seed' },
      {
        action: 'parade.plan_set',
        entityType: 'route',
        entityId: routeId,
        data: { before: null, after: values },
      },
    );
  })();
  return true;
}
