// The after-action figures for a window, from plain rows (model.ts AfterActionSource): a pure
// function, so the service, the CLI and the tests get the same numbers from the same rows.
//
// Each response step is timed from the incident's creation to the FIRST journal entry of that
// lifecycle step (shared/incident-lifecycle.ts): `incident.acknowledge` (new → acknowledged: a desk
// took it on), `incident.dispatch` (acknowledged → dispatched: units sent), `incident.arrive`
// (dispatched → on scene). A reopened incident keeps its first times. An incident a scenario loaded
// with its history has no journaled steps: the times its row holds stand for them.
import { INCIDENT_CATEGORIES, PRIORITIES, type Priority } from '../domain.js';
import { bannerLine, type Marking } from '../releasability.js';
import type { ReportLang } from '../report/model.js';
import {
  AFTER_ACTION_SCHEMA_VERSION,
  BUSY_STATES,
  RESPONSE_STEPS,
  type AfterActionReport,
  type AfterActionSource,
  type BusyState,
  type ContingentBusy,
  type ResponseStep,
  type StepStats,
  type TimelineRow,
} from './model.js';
import { stat } from './stats.js';

const STEP_ACTION: Record<ResponseStep, string> = {
  acknowledge: 'incident.acknowledge',
  dispatch: 'incident.dispatch',
  onScene: 'incident.arrive',
};

const STEP_STAMP = { acknowledge: 'acknowledgedAt', dispatch: 'dispatchedAt', onScene: 'onSceneAt' } as const;

const HOUR = 3_600_000;
const seconds = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

export interface ComputeInputs {
  lang: ReportLang;
  generatedAt: string;
  generatedBy: { name: string; role: string; desk: string };
}

export function computeAfterAction(src: AfterActionSource, inputs: ComputeInputs): AfterActionReport {
  const incidents = timeline(src);
  const statsOf = (rows: readonly TimelineRow[]): StepStats => ({
    acknowledge: stat(rows.map((r) => r.acknowledgeS)),
    dispatch: stat(rows.map((r) => r.dispatchS)),
    onScene: stat(rows.map((r) => r.onSceneS)),
  });
  const requests = src.requests.map((r) => ({
    fromDesk: r.fromDesk,
    to: r.targetLabel,
    targetKind: r.targetKind,
    text: r.text,
    askedAt: r.createdAt,
    answeredS: r.answeredAt === null ? null : seconds(r.createdAt, r.answeredAt),
    status: r.status,
  }));
  return {
    schemaVersion: AFTER_ACTION_SCHEMA_VERSION,
    lang: inputs.lang,
    operation: src.operation,
    window: src.window,
    generatedAt: inputs.generatedAt,
    generatedBy: inputs.generatedBy,
    releasability: bannerLine(commonMarking(src.incidents.map((i) => i.marking)), src.hostCountry),
    incidents,
    byPriority: PRIORITIES.flatMap((priority) => {
      const rows = incidents.filter((r) => r.priority === priority);
      return rows.length ? [{ priority, stats: statsOf(rows) }] : [];
    }),
    byCategory: INCIDENT_CATEGORIES.flatMap((category) => {
      const rows = incidents.filter((r) => r.category === category);
      return rows.length ? [{ category, stats: statsOf(rows) }] : [];
    }),
    overall: statsOf(incidents),
    perHour: perHour(src.window, incidents),
    requests,
    requestStats: stat(requests.map((r) => r.answeredS)),
    busy: busyTime(src),
  };
}

function timeline(src: AfterActionSource): TimelineRow[] {
  const first = new Map<string, string>();
  for (const s of src.steps) {
    const key = `${s.incidentId}|${s.action}`;
    const seen = first.get(key);
    if (seen === undefined || s.at < seen) first.set(key, s.at);
  }
  const after = (i: AfterActionSource['incidents'][number], step: ResponseStep): number | null => {
    const at = first.get(`${i.id}|${STEP_ACTION[step]}`) ?? i[STEP_STAMP[step]];
    return at === null ? null : Math.max(0, seconds(i.createdAt, at));
  };
  return [...src.incidents]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.reference.localeCompare(b.reference))
    .map((i) => {
      const [acknowledgeS, dispatchS, onSceneS] = RESPONSE_STEPS.map((s) => after(i, s));
      return {
        reference: i.reference,
        openedAt: i.createdAt,
        priority: i.priority,
        category: i.category,
        title: i.title,
        status: i.status,
        acknowledgeS: acknowledgeS ?? null,
        dispatchS: dispatchS ?? null,
        onSceneS: onSceneS ?? null,
        finishedAt: i.closedAt ?? i.cancelledAt,
        releasability: bannerLine(i.marking, src.hostCountry),
      };
    });
}

/**
 * What the whole document may be released to: every item in it must be releasable to a reader,
 * so the document's marking is the intersection of its items' (null: all partners).
 */
export function commonMarking(markings: readonly Marking[]): Marking {
  let common: Marking = null;
  for (const m of markings) {
    if (m === null) continue;
    common = common === null ? [...m] : common.filter((c) => m.includes(c));
  }
  return common;
}

function perHour(
  window: { from: string; to: string },
  rows: readonly TimelineRow[],
): AfterActionReport['perHour'] {
  const start = Date.parse(window.from);
  const hours = Math.max(1, Math.ceil((Date.parse(window.to) - start) / HOUR));
  const out: AfterActionReport['perHour'] = [];
  for (let h = 0; h < hours; h++) {
    const lo = start + h * HOUR;
    const inHour = rows.filter((r) => {
      const t = Date.parse(r.openedAt);
      return t >= lo && t < lo + HOUR;
    });
    for (const priority of PRIORITIES) {
      const count = inHour.filter((r) => r.priority === priority).length;
      if (count) out.push({ hourStart: new Date(lo).toISOString(), priority: priority as Priority, count });
    }
  }
  return out;
}

const isBusy = (s: string | null): s is BusyState => BUSY_STATES.some((b) => b === s);

/**
 * Seconds each unit spent assigned, en route and on scene inside the window, from its status
 * changes in the journal; summed per contingent. A unit never changed was in its present status
 * throughout; before its first change it was in that change's "from" status. Creation entries
 * are not changes: a seeded exercise journals them on the wall clock, after its operation times.
 */
function busyTime(src: AfterActionSource): ContingentBusy[] {
  const from = Date.parse(src.window.from);
  const to = Date.parse(src.window.to);
  const changes = new Map<string, AfterActionSource['unitChanges']>();
  for (const c of src.unitChanges) changes.set(c.unitId, [...(changes.get(c.unitId) ?? []), c]);
  const byContingent = new Map<string, ContingentBusy>();
  for (const u of src.units) {
    const row =
      byContingent.get(u.contingent) ??
      ({
        contingent: u.contingent,
        units: 0,
        byState: { assigned: 0, en_route: 0, on_scene: 0 },
        totalS: 0,
        perUnitS: 0,
      } satisfies ContingentBusy);
    byContingent.set(u.contingent, row);
    row.units += 1;
    const list = changes.get(u.id) ?? [];
    let state: string | null = list[0]?.from ?? u.status;
    let since = -Infinity;
    const add = (until: number) => {
      const overlap = Math.min(until, to) - Math.max(since, from);
      if (isBusy(state) && overlap > 0) row.byState[state] += overlap / 1000;
    };
    for (const c of list) {
      const at = Date.parse(c.at);
      add(at);
      state = c.to;
      since = at;
    }
    add(Infinity);
  }
  return [...byContingent.values()]
    .map((r) => {
      const byState = {
        assigned: Math.round(r.byState.assigned),
        en_route: Math.round(r.byState.en_route),
        on_scene: Math.round(r.byState.on_scene),
      };
      const totalS = byState.assigned + byState.en_route + byState.on_scene;
      return { ...r, byState, totalS, perUnitS: Math.round(totalS / r.units) };
    })
    .sort((a, b) => b.totalS - a.totalS || a.contingent.localeCompare(b.contingent));
}
