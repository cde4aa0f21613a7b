// Operators' accounts, managed by supervisors (and the first one by `vigie operator add`). Every
// change is journaled without the passphrase or its hash. A supervisor cannot lock the room out of
// its own management: the last enabled supervisor with a passphrase stays one.
import type { Ctx } from './context.js';
import { journal } from './context.js';
import type { Operator } from '../../shared/domain.js';
import type { OperatorAccount } from '../../shared/api/operators.js';
import type { Role } from '../../shared/roles.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import {
  getAccount,
  insertAccount,
  listAccounts,
  loginTaken,
  setPassHash,
  updateAccount,
  type AccountRow,
} from '../store/accounts.js';
import { getContingent } from '../store/contingents.js';
import { hashPassphrase } from './passphrase.js';
import { lockedUntil } from './sign-in.js';
import { newId } from './ids.js';

export function accountView(ctx: Ctx, a: AccountRow): OperatorAccount {
  const until = lockedUntil(ctx, a.login);
  return {
    id: a.id,
    login: a.login,
    name: a.name,
    role: a.role,
    contingentId: a.contingentId,
    country: a.reads,
    disabled: a.disabled,
    lockedUntil: until === null ? null : iso(until),
    needsPassphrase: !a.hasPassphrase,
    version: a.version,
  };
}

export const listOperators = (ctx: Ctx): OperatorAccount[] =>
  listAccounts(ctx.db).map((a) => accountView(ctx, a));

function mustGet(ctx: Ctx, id: string): AccountRow {
  const a = getAccount(ctx.db, id);
  if (!a) throw new ApiError({ code: 'not_found', message: `No operator ${id}` });
  return a;
}

function checkContingent(ctx: Ctx, contingentId: string | null): void {
  if (contingentId && !getContingent(ctx.db, contingentId))
    throw new ApiError({
      code: 'invalid_input',
      message: `contingentId: no contingent ${contingentId}`,
      issues: [{ path: 'contingentId', message: `no contingent ${contingentId}` }],
    });
}

export interface NewOperator {
  login: string;
  name: string;
  role: Role;
  contingentId: string | null;
  country: string | null;
  passphrase: string;
}

/** Creates an account; call it from a handler (journaled under `who`) or the CLI (under the system). */
export function addOperator(
  ctx: Ctx,
  who: Operator,
  input: NewOperator,
  hash = hashPassphrase(input.passphrase),
): OperatorAccount {
  checkContingent(ctx, input.contingentId);
  const id = newId(ctx.clock);
  ctx.db.transaction(() => {
    if (loginTaken(ctx.db, input.login))
      throw new ApiError({
        code: 'conflict',
        message: `login: ${input.login} is taken`,
        issues: [{ path: 'login', message: 'taken by another operator' }],
      });
    insertAccount(ctx.db, { ...input, id, passHash: hash, disabled: false, createdAt: iso(ctx.real.now()) });
    journal(ctx, who, {
      action: 'operator.account_added',
      entityType: 'account',
      entityId: id,
      data: {
        login: input.login,
        name: input.name,
        role: input.role,
        contingentId: input.contingentId,
        country: input.country,
      },
    });
  })();
  return accountView(ctx, mustGet(ctx, id));
}

export interface OperatorChange {
  id: string;
  version: number;
  name?: string | undefined;
  role?: Role | undefined;
  contingentId?: string | null | undefined;
  country?: string | null | undefined;
  disabled?: boolean | undefined;
}

const managesRoom = (a: { role: Role; disabled: boolean; hasPassphrase: boolean }) =>
  a.role === 'supervisor' && !a.disabled && a.hasPassphrase;

export function updateOperator(ctx: Ctx, who: Operator, input: OperatorChange): OperatorAccount {
  ctx.db.transaction(() => {
    const before = mustGet(ctx, input.id);
    const role = input.role ?? before.role;
    // A new role drops what belonged to the old one unless given again.
    const next = {
      name: input.name ?? before.name,
      role,
      contingentId:
        input.contingentId !== undefined
          ? input.contingentId
          : role === 'liaison'
            ? before.contingentId
            : null,
      country: input.country !== undefined ? input.country : role === 'observer' ? before.country : null,
      disabled: input.disabled ?? before.disabled,
    };
    const issue = roleIssue(next);
    if (issue)
      throw new ApiError({
        code: 'invalid_input',
        message: `${issue.path}: ${issue.message}`,
        issues: [issue],
      });
    checkContingent(ctx, next.contingentId);
    if (managesRoom(before) && !managesRoom({ ...next, hasPassphrase: before.hasPassphrase })) {
      const others = listAccounts(ctx.db).filter((a) => a.id !== before.id && managesRoom(a));
      if (others.length === 0)
        throw new ApiError({
          code: 'conflict',
          message: `${before.login} is the last enabled supervisor: add or enable another supervisor first.`,
        });
    }
    if (!updateAccount(ctx.db, before.id, input.version, next))
      throw new ApiError({
        code: 'conflict',
        message: `Operator ${before.login} was changed by someone else (version ${before.version}, not ${input.version}).`,
        current: accountView(ctx, before),
      });
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((k) => next[k] !== before[k])
        .map((k) => [k, { from: before[k], to: next[k] }]),
    );
    journal(ctx, who, {
      action: 'operator.account_changed',
      entityType: 'account',
      entityId: before.id,
      data: { login: before.login, changed },
    });
  })();
  return accountView(ctx, mustGet(ctx, input.id));
}

function roleIssue(v: { role: Role; contingentId: string | null; country: string | null }) {
  if (v.role === 'liaison' && !v.contingentId)
    return { path: 'contingentId', message: 'a liaison belongs to a contingent' };
  if (v.role === 'observer' && !v.country)
    return { path: 'country', message: 'an observer reads for a country' };
  return null;
}

export function resetPassphrase(
  ctx: Ctx,
  who: Operator,
  input: { id: string; passphrase: string },
): OperatorAccount {
  const hash = hashPassphrase(input.passphrase);
  ctx.db.transaction(() => {
    const a = mustGet(ctx, input.id);
    // An account migrated from a typed name has none yet and is disabled: its first passphrase enables it.
    const enable = !a.hasPassphrase && a.disabled;
    setPassHash(ctx.db, a.id, hash, enable);
    journal(ctx, who, {
      action: 'operator.passphrase_reset',
      entityType: 'account',
      entityId: a.id,
      data: { login: a.login, ...(enable ? { enabled: true } : {}) },
    });
  })();
  return accountView(ctx, mustGet(ctx, input.id));
}
