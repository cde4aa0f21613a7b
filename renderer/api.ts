// Picks the transport: the Electron preload's `window.vigie` when present, otherwise HTTP POST to
// the browser host on the same origin. Both end in the same VigieClient, and both reject with
// ApiError so callers handle one error type.
import type { CallName, CallOutput, VigieClient } from '../shared/api';
// The zod-free list of call names (keeps zod out of the renderer bundle).
import { buildClient } from '../shared/call-names';
import { ApiError, ERROR_CODES, type ApiErrorData, type ErrorCode } from '../shared/errors';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isErrorCode = (v: unknown): v is ErrorCode =>
  typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

/** Turns whatever a transport threw or returned into an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isRecord(err) && typeof err.message === 'string') {
    const data: ApiErrorData = {
      code: isErrorCode(err.code) ? err.code : 'internal',
      message: err.message,
    };
    if (Array.isArray(err.issues)) data.issues = err.issues as ApiErrorData['issues'];
    if ('current' in err) data.current = err.current;
    return new ApiError(data);
  }
  return new ApiError({ code: 'internal', message: String(err) });
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (isRecord(body) && isRecord(body.error)) return toApiError(body.error);
  } catch {
    // not JSON: fall through
  }
  return new ApiError({ code: 'internal', message: `HTTP ${res.status} ${res.statusText}`.trim() });
}

function httpCall<K extends CallName>(name: K): VigieClient[K] {
  const url = `/api/${name}`;
  const run = async (input: unknown): Promise<CallOutput<K>> => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch (err) {
      throw new ApiError({ code: 'internal', message: `Host unreachable: ${String(err)}` });
    }
    if (!res.ok) throw await readError(res);
    return (await res.json()) as CallOutput<K>;
  };
  return run as VigieClient[K];
}

function ipcCall<K extends CallName>(bridge: VigieClient, name: K): VigieClient[K] {
  const fn = bridge[name] as (input: unknown) => Promise<CallOutput<K>>;
  const run = async (input: unknown): Promise<CallOutput<K>> => {
    try {
      return await fn(input ?? {});
    } catch (err) {
      throw toApiError(err);
    }
  };
  return run as VigieClient[K];
}

/** One client built from the contract's call names: nothing is listed by hand. */
export function createClient(bridge: VigieClient | undefined = window.vigie): VigieClient {
  return buildClient((name) => (bridge ? ipcCall(bridge, name) : httpCall(name)));
}
