// The one API contract. Each call is named once here with its zod input schema and its output
// type; the Electron IPC binding, the preload and the browser host are all derived from this map.
import { z } from 'zod';
import type {
  Contingent,
  Incident,
  JournalEntry,
  Operation,
  Operator,
  Route,
  Unit,
  Venue,
  VerifyResult,
  Zone,
} from './domain.js';
import { UNIT_STATUSES } from './domain.js';

/** A call: its input schema, and its output type carried as a phantom. */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}
const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(200);
const none = z.object({}).strict();

export interface Session {
  operation: Operation & { anchorReal: string | null };
  operator: Operator | null;
  journalOk: boolean;
  journalFirstBadSeq: number | null;
}

export const api = {
  getSession: call<Session>()(none),
  signIn: call<Operator>()(
    z.object({ name: shortText, role: shortText, desk: z.string().trim().min(1).max(40) }).strict(),
  ),
  listContingents: call<Contingent[]>()(none),
  listUnits: call<Unit[]>()(none),
  listVenues: call<Venue[]>()(none),
  listRoutes: call<Route[]>()(none),
  listZones: call<Zone[]>()(none),
  listIncidents: call<Incident[]>()(z.object({ includeClosed: z.boolean().default(false) }).strict()),
  setUnitStatus: call<Unit>()(
    z.object({ id, status: z.enum(UNIT_STATUSES), version: z.number().int().min(1) }).strict(),
  ),
  listJournal: call<JournalEntry[]>()(
    z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        beforeSeq: z.number().int().min(1).optional(),
        entityId: id.optional(),
      })
      .strict(),
  ),
  verify: call<VerifyResult>()(none),
} as const;

export type Api = typeof api;
export type CallName = keyof Api;
export const CALL_NAMES = Object.keys(api) as CallName[];

export type CallInput<K extends CallName> = z.input<Api[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Api[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Api[K]['output']>;

/** What a client sees: one async function per call. */
export type VigieClient = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

export const isCallName = (name: string): name is CallName => Object.hasOwn(api, name);
