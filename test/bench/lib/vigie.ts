// Vigie as its transports see it: openVigie's handlers, called through dispatch (the contract's
// validation included), by one signed-in desk.
import { openVigie, type VigieApp } from '../../../electron/services/app.js';
import { createDesk } from '../../../electron/services/desk.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import type { CallInput, CallName, CallOutput } from '../../../shared/api.js';
import { paths } from './paths.js';

export interface Client {
  app: VigieApp;
  call<K extends CallName>(name: K, input: CallInput<K>): CallOutput<K>;
}

export function openClient(dbPath: string, o: { seed?: boolean; signIn?: boolean } = {}): Client {
  const app = openVigie({ dbPath, resourcesDir: paths.resources, seed: o.seed ?? false });
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<K>;
  };
  if (o.signIn ?? true) call('signIn', { name: 'Bench Operator', role: 'supervisor', desk: 'bench' });
  return { app, call };
}
