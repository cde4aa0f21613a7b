// Accounts made by the app itself: the exercise's demo logins when it is seeded, and disabled
// accounts for the names typed at sign-in before accounts existed (schema v6), so a supervisor can
// enable them with a passphrase. Both are journaled under the system.
import type { Ctx } from './context.js';
import { journal, SYSTEM } from './context.js';
import type { DemoLogin } from '../../shared/api/session.js';
import { iso } from '../../shared/clock.js';
import { findLogin, insertAccount, loginTaken, typedNamesWithoutAccount } from '../store/accounts.js';
import { hashPassphrase, isScryptCost, SCRYPT_N } from './passphrase.js';
import { newId } from './ids.js';

export interface ScenarioLogin extends DemoLogin {
  contingentId?: string | undefined;
  country?: string | undefined;
}

// Demo passphrases are public (printed and shown at sign-in): one hash per process serves every
// database seeded, instead of a slow hash per login per seed.
const demoHashes = new Map<string, string>();
function demoHash(p: string): string {
  const cost = demoCost();
  const known = demoHashes.get(`${cost}:${p}`);
  if (known) return known;
  const made = hashPassphrase(p, cost);
  demoHashes.set(`${cost}:${p}`, made);
  return made;
}

/**
 * TEST ONLY: VIGIE_TEST_DEMO_SCRYPT_N, set by the test harness (vitest.config.ts), makes the demo
 * logins' hashes cheaper (a power of two from 2^10), so the thousands of sign-ins of a test run do
 * not each cost a full check. Their passphrases are public anyway; the hash records its cost and
 * the check honours it. Every other account, and the demo logins without it, cost SCRYPT_N.
 */
export function demoCost(env: NodeJS.ProcessEnv = process.env): number {
  const v = env['VIGIE_TEST_DEMO_SCRYPT_N'];
  if (v === undefined || v === '') return SCRYPT_N;
  const n = Number(v);
  if (!isScryptCost(n))
    throw new Error(`VIGIE_TEST_DEMO_SCRYPT_N: ${v} is not a power of two from 1024 to 32768`);
  return n;
}

/** Hashes the demo passphrases ahead (once per process), outside any transaction. */
export function prepareDemoHashes(logins: readonly ScenarioLogin[]): void {
  for (const d of logins) demoHash(d.passphrase);
}

/** Call inside the seed's transaction. */
export function seedDemoLogins(ctx: Ctx, logins: readonly ScenarioLogin[]): void {
  for (const d of logins) {
    if (loginTaken(ctx.db, d.login)) continue;
    const id = newId(ctx.clock);
    const account = {
      id,
      login: d.login,
      name: d.name,
      role: d.role,
      contingentId: d.contingentId ?? null,
      country: d.country ?? null,
    };
    insertAccount(ctx.db, {
      ...account,
      passHash: demoHash(d.passphrase),
      disabled: false,
      createdAt: iso(ctx.real.now()),
    });
    journal(
      ctx,
      { ...SYSTEM, desk: 'seed' },
      {
        action: 'operator.account_added',
        entityType: 'account',
        entityId: id,
        data: { ...account, demo: true },
      },
    );
  }
}

/** The demo logins whose accounts are still there and enabled, for the sign-in screen. */
export const liveDemoLogins = (ctx: Ctx, logins: readonly ScenarioLogin[]): DemoLogin[] =>
  logins
    .filter((d) => findLogin(ctx.db, d.login)?.disabled === false)
    .map(({ login, passphrase, role, name }) => ({ login, passphrase, role, name }));

function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 32);
  return s.length >= 2 ? s : 'operator';
}

/** Typed-name operators become disabled watch-officer accounts without a passphrase. */
export function migrateTypedOperators(ctx: Ctx): number {
  if (ctx.db.readonly) return 0;
  let made = 0;
  ctx.db.transaction(() => {
    ctx.db.lockJournal();
    for (const name of typedNamesWithoutAccount(ctx.db)) {
      let login = slug(name);
      for (let n = 2; loginTaken(ctx.db, login); n++) login = `${slug(name)}.${n}`;
      const id = newId(ctx.clock);
      insertAccount(ctx.db, {
        id,
        login,
        name,
        role: 'watch_officer',
        contingentId: null,
        country: null,
        passHash: null,
        disabled: true,
        createdAt: iso(ctx.real.now()),
      });
      journal(ctx, SYSTEM, {
        action: 'operator.account_migrated',
        entityType: 'account',
        entityId: id,
        data: { login, name },
      });
      made++;
    }
  })();
  return made;
}
