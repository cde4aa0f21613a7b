// Operators' accounts, managed by supervisors in the console (the first one by `vigie operator add`).
// Passphrases travel only in these calls and in signIn/unlockSession; they are never answered.
import { z } from 'zod';
import { call, id, shortText, version } from './call.js';
import { ROLES, type Role } from '../roles.js';

export const MIN_PASSPHRASE = 12;
/** NIST 800-63B: long passphrases allowed, no composition rules; the hash bounds the work. */
export const passphrase = z
  .string()
  .min(MIN_PASSPHRASE, `at least ${MIN_PASSPHRASE} characters`)
  .max(200, 'at most 200 characters');
/** Logins are lower-case words: letters, digits, dot, dash, underscore. */
export const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '2 to 40 letters, digits, dots, dashes or underscores');
export const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. ES');

export interface OperatorAccount {
  id: string;
  login: string;
  name: string;
  role: Role;
  /** A liaison's contingent; null for every other role. */
  contingentId: string | null;
  /** The nation the operator reads for: a liaison's contingent's, an observer's own; null = host staff. */
  country: string | null;
  disabled: boolean;
  /** Set while 5 failed sign-ins in 10 minutes keep the login locked (ISO, real time). */
  lockedUntil: string | null;
  /** No passphrase yet (an operator migrated from a typed name): cannot sign in until one is set. */
  needsPassphrase: boolean;
  version: number;
}

const roleFields = {
  role: z.enum(ROLES),
  contingentId: id.nullable().default(null),
  country: country.nullable().default(null),
};

/** A liaison belongs to a contingent, an observer reads for a country; no one else carries either. */
const roleRule = (
  v: { role?: Role | undefined; contingentId?: string | null; country?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.role === undefined) return;
  if (v.role === 'liaison' && !v.contingentId)
    ctx.addIssue({ code: 'custom', path: ['contingentId'], message: 'a liaison belongs to a contingent' });
  if (v.role !== 'liaison' && v.contingentId)
    ctx.addIssue({ code: 'custom', path: ['contingentId'], message: 'only a liaison has a contingent' });
  if (v.role === 'observer' && !v.country)
    ctx.addIssue({ code: 'custom', path: ['country'], message: 'an observer reads for a country' });
  if (v.role !== 'observer' && v.country)
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      message: 'only an observer has a country of their own (a liaison reads for their contingent)',
    });
};

export const addOperatorInput = z
  .object({ login, name: shortText, ...roleFields, passphrase })
  .strict()
  .superRefine(roleRule);

export const operatorCalls = {
  listOperators: call<OperatorAccount[]>()(z.object({}).strict()),
  addOperator: call<OperatorAccount>()(addOperatorInput),
  /** Changes name, role (with contingent/country) or disabled; optimistic on version. */
  updateOperator: call<OperatorAccount>()(
    z
      .object({
        id,
        version,
        name: shortText.optional(),
        role: z.enum(ROLES).optional(),
        contingentId: id.nullable().optional(),
        country: country.nullable().optional(),
        disabled: z.boolean().optional(),
      })
      .strict()
      .superRefine(roleRule),
  ),
  /** Sets a new passphrase (also enables a migrated account that had none). */
  resetPassphrase: call<OperatorAccount>()(z.object({ id, passphrase }).strict()),
};
