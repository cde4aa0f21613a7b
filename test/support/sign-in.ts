// Signing in as the exercise's demo operators (one per role, from the shipped scenario), and adding
// named operators when a test needs two different people.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import type { Operator } from '../../shared/domain.js';
import type { Role } from '../../shared/roles.js';
import type { Ctx } from '../../electron/services/context.js';
import { SYSTEM } from '../../electron/services/context.js';
import { addOperator } from '../../electron/services/operators.js';
import { paths } from './temp.js';

export type Demo = 'officer' | 'supervisor' | 'liaison-es' | 'liaison-de' | 'observer' | 'wall';

interface DemoLogin {
  login: Demo;
  passphrase: string;
  role: Role;
  name: string;
}

const scenario = JSON.parse(
  readFileSync(join(paths.resources, 'scenario/paris-2024/scenario.json'), 'utf8'),
) as { demoLogins: DemoLogin[] };

export const DEMO: Record<Demo, DemoLogin> = Object.fromEntries(
  scenario.demoLogins.map((d) => [d.login, d]),
) as Record<Demo, DemoLogin>;

/** signIn's input for a demo operator (or any login and passphrase) at a desk. */
export function signInInput(
  who: Demo | { login: string; passphrase: string },
  desk = 'D1',
): CallInput<'signIn'> {
  const d = typeof who === 'string' ? DEMO[who] : who;
  return { login: d.login, passphrase: d.passphrase, desk };
}

type Call<D> = <K extends CallName>(name: K, input: CallInput<K>, d?: D) => CallOutput<K>;

/** Signs `who` in through the contract (testApp's `call`), on its default desk or `seat`. */
export function signInAs<D>(
  call: Call<D>,
  who: Demo | { login: string; passphrase: string },
  desk = 'D1',
  seat?: D,
): Operator {
  return call('signIn', signInInput(who, desk), seat);
}

let made = 0;
/**
 * A new enabled account, made directly by the services under the system (no supervisor needed),
 * for tests that need two different people; its passphrase is returned for signIn.
 */
export function addPerson(
  ctx: Ctx,
  name: string,
  role: Role = 'watch_officer',
  extra: { contingentId?: string; country?: string } = {},
): { login: string; passphrase: string } {
  const login = `person-${process.pid}-${++made}`;
  const passphrase = `passphrase-of-${login}`;
  addOperator(ctx, SYSTEM, {
    login,
    name,
    role,
    contingentId: extra.contingentId ?? null,
    country: extra.country ?? null,
    passphrase,
  });
  return { login, passphrase };
}
