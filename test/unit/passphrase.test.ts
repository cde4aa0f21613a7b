// Passphrase hashes: production cost 2^15 for every account; a cheaper cost only for the demo
// logins, only when the test harness asks for it (VIGIE_TEST_DEMO_SCRYPT_N); a check always uses
// the cost recorded in the stored hash.
import { describe, expect, it } from 'vitest';
import { checkPassphrase, hashPassphrase, SCRYPT_N } from '../../electron/services/passphrase.js';
import { demoCost } from '../../electron/services/operator-accounts-boot.js';

const cost = (hash: string) => Number(hash.split('$')[1]);

describe('passphrase hashes', () => {
  it('cost 2^15 (r 8, p 1) unless told otherwise, and check against the cost they record', () => {
    expect(SCRYPT_N).toBe(2 ** 15);
    const hash = hashPassphrase('la seine à minuit');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(checkPassphrase('la seine à minuit', hash)).toBe(true);
    expect(checkPassphrase('la seine a minuit', hash)).toBe(false);
    // Unicode forms of one passphrase are one passphrase.
    expect(checkPassphrase('la seine a\u0300 minuit', hash)).toBe(true);

    const cheap = hashPassphrase('vigie-officer-2024', 1024);
    expect(cost(cheap)).toBe(1024);
    expect(checkPassphrase('vigie-officer-2024', cheap)).toBe(true);
    expect(checkPassphrase('vigie-officer-2025', cheap)).toBe(false);
    // The recorded cost is the one used: the same key under another cost does not match.
    expect(checkPassphrase('vigie-officer-2024', cheap.replace('scrypt$1024$', 'scrypt$2048$'))).toBe(false);
    expect(checkPassphrase('anything', null)).toBe(false);
  });

  it('refuse a cost that is not a power of two from 2^10 to 2^15', () => {
    for (const n of [0, 512, 1000, 3 * 1024, 2 ** 16, Number.NaN])
      expect(() => hashPassphrase('x', n), String(n)).toThrow(/scrypt cost/);
  });

  it('cost the demo logins 2^15 unless the test harness sets VIGIE_TEST_DEMO_SCRYPT_N', () => {
    expect(demoCost({})).toBe(SCRYPT_N);
    expect(demoCost({ VIGIE_TEST_DEMO_SCRYPT_N: '' })).toBe(SCRYPT_N);
    expect(demoCost({ VIGIE_TEST_DEMO_SCRYPT_N: '1024' })).toBe(1024);
    for (const bad of ['512', '1000', '65536', 'cheap'])
      expect(() => demoCost({ VIGIE_TEST_DEMO_SCRYPT_N: bad }), bad).toThrow(
        /^VIGIE_TEST_DEMO_SCRYPT_N: .* is not a power of two from 1024 to 32768$/,
      );
  });
});
