// Vigie as its transports see it: openVigie's handlers, called through dispatch (the contract's
// validation and permission gate included), by one signed-in desk.
import { openVigie, type VigieApp } from '../../../electron/services/app.js';
import { SYSTEM } from '../../../electron/services/context.js';
import { createDesk } from '../../../electron/services/desk.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { addOperator } from '../../../electron/services/operators.js';
import { findLogin } from '../../../electron/store/accounts.js';
import type { CallInput, CallName, CallOutput } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import { paths } from './paths.js';

export interface Client {
  app: VigieApp;
  call<K extends CallName>(name: K, input: CallInput<K>): CallOutput<K>;
}

export interface BenchPerson {
  login: string;
  name: string;
  role: Role;
}

/** The benches' own operator: a supervisor may make every call a bench measures. */
export const BENCH_OPERATOR: BenchPerson = { login: 'bench', name: 'Bench Operator', role: 'supervisor' };

/**
 * The person's account, made once per database (under the system, journaled, as `vigie operator
 * add` would), and what signIn needs. Bench databases are not seeded with the demo logins.
 */
export function benchAccount(app: VigieApp, p: BenchPerson): { login: string; passphrase: string } {
  const passphrase = `bench-passphrase-${p.login}`;
  if (!findLogin(app.db, p.login))
    addOperator(app.ctx, SYSTEM, { ...p, contingentId: null, country: null, passphrase });
  return { login: p.login, passphrase };
}

/** Vigie on `dbPath`, with `as` (the bench operator unless told) signed in at `desk`. */
export function openClient(
  dbPath: string,
  o: { seed?: boolean; as?: BenchPerson; desk?: string } = {},
): Client {
  const app = openVigie({ dbPath, resourcesDir: paths.resources, seed: o.seed ?? false });
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<K>;
  };
  call('signIn', { ...benchAccount(app, o.as ?? BENCH_OPERATOR), desk: o.desk ?? 'bench' });
  return { app, call };
}
