// Runs one call of the contract: validates the raw input with the shared schema, runs the handler,
// and turns every outcome into a plain Result. Both transports (IPC, browser host) go through here.
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { api, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../shared/api.js';
import { ApiError, type ApiErrorData, type Issue, type Result } from '../../shared/errors.js';
import type { Desk } from './desk.js';
import { storageFailure } from './storage-errors.js';
import { inputIssues } from './input-guard.js';
import { calls } from './background-gate.js';

export type Handler<K extends CallName> = (input: ParsedInput<K>, desk: Desk) => CallOutput<K>;
export type Handlers = { [K in CallName]: Handler<K> };
/** The handlers of one domain module of the contract (shared/api/*.ts). */
export type DomainHandlers<Calls> = { [K in keyof Calls & CallName]: Handler<K> };

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(input)',
    message: i.message,
  }));
}

export function dispatch(handlers: Handlers, name: string, raw: unknown, desk: Desk): Result<unknown> {
  calls.callArrived();
  try {
    const { call, input } = parseCall(name, raw);
    const handler = handlers[call] as (input: unknown, desk: Desk) => unknown;
    return { ok: true, value: handler(input, desk) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toData() };
    const storage = storageFailure(err);
    if (storage) return { ok: false, error: storage };
    return { ok: false, error: internalError(name, err) };
  }
}

/** Why a call would be refused before reaching a handler (unknown name, invalid input), or null. */
export function callRefusal(name: string, raw: unknown): ApiErrorData | null {
  try {
    parseCall(name, raw);
    return null;
  } catch (err) {
    if (err instanceof ApiError) return err.toData();
    return internalError(name, err);
  }
}

/** The call's name and its parsed input; throws an ApiError naming what is wrong. */
function parseCall(name: string, raw: unknown): { call: CallName; input: unknown } {
  if (!isCallName(name)) {
    throw new ApiError({ code: 'not_found', message: `Unknown call "${name}"` });
  }
  const guarded = inputIssues(raw);
  if (guarded.length) {
    throw new ApiError({
      code: 'invalid_input',
      message: `${name}: ${guarded[0]?.path}: ${guarded[0]?.message}`,
      issues: guarded,
    });
  }
  const parsed = api[name].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    throw new ApiError({
      code: 'invalid_input',
      message: first ? `${name}: ${first.path}: ${first.message}` : `${name}: invalid input`,
      issues,
    });
  }
  return { call: name, input: parsed.data };
}

/**
 * An unexpected failure: the details (a raw SQLite message, a stack) go to the log under a short
 * id, and the client gets only that id, so nothing about the database's insides leaks out.
 */
export function internalError(where: string, err: unknown): ApiErrorData {
  const errorId = randomUUID().slice(0, 8);
  console.error(`[vigie] internal error ${errorId} in ${where}:`, err);
  return {
    code: 'internal',
    message: `Internal error ${errorId}: the call could not be completed; the log has the details.`,
  };
}
