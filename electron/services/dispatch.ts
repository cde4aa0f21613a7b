// Runs one call of the contract: validates the raw input with the shared schema, runs the handler,
// and turns every outcome into a plain Result. Both transports (IPC, browser host) go through here.
import type { z } from 'zod';
import { api, isCallName, type CallName, type CallOutput, type ParsedInput } from '../../shared/api.js';
import { ApiError, type Issue, type Result } from '../../shared/errors.js';
import type { Desk } from './desk.js';
import { storageFailure } from './storage-errors.js';
import { inputIssues } from './input-guard.js';

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
  try {
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
    const handler = handlers[name] as (input: unknown, desk: Desk) => unknown;
    return { ok: true, value: handler(parsed.data, desk) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toData() };
    const storage = storageFailure(err);
    if (storage) return { ok: false, error: storage };
    // Unexpected failures keep their message for the log but never leak a stack to the client.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `Internal error: ${message}` } };
  }
}
