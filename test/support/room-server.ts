// A room for the desk tests: a `vigie serve` room server over TLS on 127.0.0.1 with its own
// certificate, and the small helpers those tests share. Needs the CLI bundle (npm run build).
import { expect } from 'vitest';
import { roomCert } from '../../electron/cli/room-cert.js';
import type { RoomClient } from '../../electron/room-client.js';
import type { RoomLink } from '../../electron/mirror-link.js';
import { serve } from './serve.js';
import { paths, tempDir } from './temp.js';

/** A room server over TLS on 127.0.0.1 on the room's database (a postgres:// URL or a file). */
export async function room(db: string, pair: { cert: string; key: string }, port = '0') {
  const tls = ['--listen', '127.0.0.1', '--tls-cert', pair.cert, '--tls-key', pair.key];
  const run = await serve([...tls, '--port', port], db);
  if (!run.printed) throw new Error(`vigie serve exited ${run.code}: ${run.stderr}`);
  return { url: run.printed.url, kill: run.kill };
}

export async function certificate(): Promise<{ cert: string; key: string; fingerprint: string }> {
  let out = '';
  const io = { out: (s: string) => (out += s), err: () => {} };
  expect(await roomCert(['--out', tempDir(), '--name', 'localhost', '--ip', '127.0.0.1'], paths, io)).toBe(0);
  return JSON.parse(out) as { cert: string; key: string; fingerprint: string };
}

export async function until<T>(
  get: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function ok<T>(link: RoomLink | RoomClient, name: string, input: unknown = {}): Promise<T> {
  const r = await link.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

export const incident = (title: string) => ({
  category: 'unattended_bag',
  priority: 2,
  title,
  source: 'cctv',
  lat: 48.8578,
  lon: 2.3372,
});
