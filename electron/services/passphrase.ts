// Passphrases are kept as scrypt hashes (Node's own, memory-hard), each with its own salt, in one
// self-describing string so the cost can be raised later without breaking older hashes.
// N = 2^15, r = 8: 32 MiB and some 60 ms a check here: slow for a guesser, quick for a sign-in.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Every account's cost. Only a test run's demo logins are hashed cheaper (operator-accounts-boot.ts). */
export const SCRYPT_N = 1 << 15;
const MIN_N = 1 << 10;
/** A cost a hash may be made with: a power of two from 2^10 to SCRYPT_N. */
export const isScryptCost = (n: number): boolean =>
  Number.isInteger(n) && n >= MIN_N && n <= SCRYPT_N && (n & (n - 1)) === 0;
const R = 8;
const P = 1;
const KEY = 32;
const MAXMEM = 64 * 1024 * 1024;

/** A new hash of `passphrase` that records its own cost, salt and parameters (checked by checkPassphrase). */
export function hashPassphrase(passphrase: string, N = SCRYPT_N): string {
  if (!isScryptCost(N)) throw new Error(`scrypt cost ${N}: not a power of two from 2^10 to 2^15`);
  const salt = randomBytes(16);
  const key = scryptSync(passphrase.normalize('NFC'), salt, KEY, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Checked against when the login is unknown, so timing tells nothing: the same cost and shape as a
 * real hash, with a random salt and key (no passphrase derives to it). Not derived with scrypt: that
 * took some 170 ms at every start of the app and of each CLI command, for a value no one compares.
 */
const DECOY = `scrypt$${SCRYPT_N}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY).toString('base64')}`;

export function checkPassphrase(passphrase: string, stored: string | null): boolean {
  const [scheme, n, r, p, salt, key] = (stored ?? DECOY).split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = scryptSync(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(got, expected) && stored !== null;
}
