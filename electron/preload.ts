// The preload: exposes `window.vigie`, one named async function per call of the contract and
// nothing else (no generic invoke or send). Bundled into a single file that requires only
// 'electron', as the sandbox demands; CALL_NAMES comes from a zod-free module for that reason.
//
// Failures reject with the plain ApiErrorData object ({ name: 'ApiError', code, message,
// issues?, current? }), not an Error: the context bridge copies an Error as its message alone,
// so code, issues and current would be lost on the way to the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { CallInput, CallName, CallOutput } from '../shared/api.js';
import { buildClient, ipcChannel } from '../shared/call-names.js';
import type { ApiErrorData, Result } from '../shared/errors.js';

export type VigieRejection = ApiErrorData & { name: 'ApiError' };

function bind<K extends CallName>(name: K): (input: CallInput<K>) => Promise<CallOutput<K>> {
  const channel = ipcChannel(name);
  return async (input) => {
    const result = (await ipcRenderer.invoke(channel, input)) as Result<CallOutput<K>>;
    if (!result.ok) {
      const rejection: VigieRejection = { name: 'ApiError', ...result.error };
      throw rejection;
    }
    return result.value;
  };
}

const vigie = Object.freeze(buildClient(bind));

contextBridge.exposeInMainWorld('vigie', vigie);
