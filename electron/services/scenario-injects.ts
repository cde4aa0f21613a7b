// A scenario package's injects.json: the exercise's timed script. Each inject has an id, a time
// (minutes after the scenario's start, or an operation time), a kind and the payload of the call it
// plays in, checked here with that call's own contract schema, so that a package is refused at
// `vigie new` (file, record, field, reason) rather than at the minute the inject comes due.
import { join } from 'node:path';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { iso } from '../../shared/clock.js';
import { INJECT_KINDS, type InjectKind } from '../../shared/exercise.js';
import type { Problems } from './scenario-files.js';

const idText = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab id')
  .max(64);

export const injectRecord = z
  .object({
    id: idText,
    /** Minutes after the scenario's start (0 to 7 days), or `at`. */
    minutesAfterStart: z
      .number()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
    at: z.iso.datetime({ offset: true }).optional(),
    kind: z.enum(INJECT_KINDS),
    title: z.string().trim().min(1).max(200),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict()
  .refine((r) => (r.minutesAfterStart === undefined) !== (r.at === undefined), {
    message: 'give minutesAfterStart or at (one of them)',
    path: ['minutesAfterStart'],
  });

/** A unit's move: its callsign (the package's name for it) and where it goes. */
const unitMove = z
  .object({
    callsign: z.string().min(1).max(64),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    venueId: idText.optional(),
  })
  .strict();

const PAYLOADS: Record<InjectKind, z.ZodType> = {
  incident: api.createIncident.input,
  bulletin: api.publishBulletin.input,
  request: api.sendRequest.input,
  unit_move: unitMove,
};

export interface ScenarioInject {
  id: string;
  at: string;
  kind: InjectKind;
  title: string;
  payload: Record<string, unknown>;
}

export interface InjectRefs {
  scenarioStart: string;
  venues: ReadonlySet<string>;
  callsigns: ReadonlySet<string>;
}

/** The file's injects with their operation times, every problem named by file, record and field. */
export function readInjects(
  dir: string,
  raw: unknown,
  refs: InjectRefs,
  problems: Problems,
): ScenarioInject[] {
  const file = join(dir, 'injects.json');
  const list = z.array(z.unknown()).max(1000).safeParse(raw);
  if (!list.success) {
    problems.push(
      `${file}: (file): ${list.error.issues[0]?.message ?? 'not a list'} (a list of at most 1000 injects)`,
    );
    return [];
  }
  // Record by record, so that one bad record does not hide the next one's problems.
  const records = list.data.flatMap((r, n) => {
    const parsed = injectRecord.safeParse(r);
    if (parsed.success) return [{ n, r: parsed.data }];
    for (const i of parsed.error.issues.slice(0, 5))
      problems.push(`${file}: record ${n}: ${i.path.join('.') || '(record)'}: ${i.message}`);
    return [];
  });
  const seen = new Set<string>();
  const start = Date.parse(refs.scenarioStart);
  return records.flatMap(({ n, r }) => {
    const where = `${file}: record ${n}`;
    const before = problems.length;
    if (seen.has(r.id)) problems.push(`${where}: id: duplicate "${r.id}"`);
    seen.add(r.id);
    const payload = PAYLOADS[r.kind].safeParse(r.payload);
    if (!payload.success)
      for (const i of payload.error.issues.slice(0, 5))
        problems.push(`${where}: payload.${i.path.join('.') || '(payload)'}: ${i.message}`);
    const venue = r.payload['venueId'];
    if (typeof venue === 'string' && !refs.venues.has(venue))
      problems.push(`${where}: payload.venueId: unknown venue "${venue}"`);
    const callsign = r.payload['callsign'];
    if (r.kind === 'unit_move' && typeof callsign === 'string' && !refs.callsigns.has(callsign))
      problems.push(`${where}: payload.callsign: unknown callsign "${callsign}"`);
    const at = r.at ? Date.parse(r.at) : start + (r.minutesAfterStart ?? 0) * 60_000;
    if (at < start) problems.push(`${where}: at: before the scenario's start (${refs.scenarioStart})`);
    if (problems.length > before) return [];
    return [{ id: r.id, at: iso(at), kind: r.kind, title: r.title, payload: r.payload }];
  });
}
