// The room server: `vigie serve --listen … --tls-cert … --tls-key …` as a child process, with a
// certificate from `vigie room cert`, reached by the desktop's room client with the certificate
// pinned. Needs the CLI bundle and the renderer (npm run build), as the end-to-end tests do.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { roomCert } from '../../electron/cli/room-cert.js';
import { UsageError } from '../../electron/cli/args.js';
import { openRoomClient, type RoomClient, type RoomEvent } from '../../electron/room-client.js';
import { forwardCall, roomSession } from '../../electron/room-session.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { serve } from '../support/serve.js';
import { signInInput } from '../support/sign-in.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

interface Pair {
  cert: string;
  key: string;
  fingerprint: string;
  notAfter: string;
}

async function makeCert(extra: string[] = [], dir = tempDir()): Promise<Pair> {
  let out = '';
  const code = await roomCert(['--out', dir, ...extra], paths, { out: (s) => (out += s), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out) as Pair;
}

async function room(o: { pair?: Pair; db?: string; port?: string } = {}) {
  const pair = o.pair ?? (await makeCert(['--name', 'localhost', '--ip', '127.0.0.1']));
  const tls = ['--listen', '127.0.0.1', '--tls-cert', pair.cert, '--tls-key', pair.key];
  const run = await serve([...tls, '--port', o.port ?? '0'], o.db);
  if (!run.printed) throw new Error(`vigie serve exited ${run.code}: ${run.stderr}`);
  return { pair, url: run.printed.url, printed: run.printed, stop: run.stop };
}

function client(url: string, fingerprint: string): RoomClient {
  const c = openRoomClient({ url, fingerprint });
  cleanup.push(() => c.close());
  return c;
}

const bag = {
  category: 'unattended_bag',
  priority: 2,
  title: 'Sac abandonné quai de Conti',
  description: 'Black rucksack under a bench',
  source: 'cctv',
  lat: 48.8578,
  lon: 2.3372,
};

async function until<T>(get: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Signs in through `c` and creates an incident; its id. */
async function createThrough(c: RoomClient): Promise<string> {
  expect((await c.call('signIn', signInInput('officer', 'B1'))).ok).toBe(true);
  const created = await c.call('createIncident', bag);
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
}

/** The journal event that carries entity `id`, once it has arrived. */
const journalOf = (events: RoomEvent[], id: string) =>
  events.find(
    (e) => e.event === 'journal' && e.data.entries.some((x) => (x as { entityId: string }).entityId === id),
  );

/** A raw HTTPS POST of getSession (needs no sign-in) with a chosen Host and Origin (the client cannot forge them). */
function rawStatus(url: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/api/getSession', url), {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      rejectUnauthorized: false, // test only: this checks the server's Host rules, not its identity
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('vigie room cert', () => {
  it('writes a self-signed pair with the names asked for, the key private, and never overwrites', async () => {
    const dir = tempDir();
    const pair = await makeCert(['--name', 'room.local', '--ip', '10.0.0.5', '--days', '30'], dir);
    expect(pair.cert).toBe(join(dir, 'room-cert.pem'));
    expect(statSync(pair.key).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(readFileSync(pair.cert));
    expect(x509.subjectAltName).toBe('DNS:room.local, IP Address:10.0.0.5');
    expect(pair.fingerprint).toBe(x509.fingerprint256);
    expect(pair.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const days = (Date.parse(pair.notAfter) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    await expect(roomCert(['--out', dir], paths, { out: () => {}, err: () => {} })).rejects.toThrow(
      /exists; it is never overwritten/,
    );
    expect(new X509Certificate(readFileSync(pair.cert)).fingerprint256).toBe(pair.fingerprint);
  });

  it('names the machine, localhost and 127.0.0.1 by default, and refuses bad names', async () => {
    const x509 = new X509Certificate(readFileSync((await makeCert()).cert));
    expect(x509.subjectAltName).toMatch(/DNS:localhost, IP Address:127\.0\.0\.1$/);
    const io = { out: () => {}, err: () => {} };
    await expect(roomCert(['--out', tempDir(), '--ip', '10.0.0'], paths, io)).rejects.toThrow(UsageError);
    await expect(roomCert(['--out', tempDir(), '--name', 'a b'], paths, io)).rejects.toThrow(/--name/);
    await expect(roomCert([], paths, io)).rejects.toThrow(/--out/);
  });
});

describe('vigie serve as a room server', () => {
  it('serves HTTPS with the pinned certificate: calls and the journal pushed to a desk', async () => {
    const { pair, url, printed } = await room();
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(printed.fingerprint).toBe(pair.fingerprint);

    // Pinned with colons or without, any case.
    const desk = client(url, pair.fingerprint.replace(/:/g, '').toLowerCase());
    const before = await desk.call('listUnits', {});
    expect(before.ok ? '' : before.error.code).toBe('unauthorized');
    expect((await desk.call('signIn', signInInput('observer', 'W1'))).ok).toBe(true);
    const units = await desk.call('listUnits', {});
    expect(units.ok && (units.value as unknown[]).length).toBeGreaterThan(10);

    const events: RoomEvent[] = [];
    const stop = desk.events(null, (e) => events.push(e));
    cleanup.push(stop);
    await until(() => events.find((e) => e.event === 'hello'), 'hello');

    const id = await createThrough(client(url, pair.fingerprint));
    await until(() => journalOf(events, id), 'the journal event of the new incident');

    // The API's answers keep their shape: a refusal is a Result, not a thrown error.
    const bad = await desk.call('setUnitStatus', { id: 'x', status: 'asleep', version: 1 });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });

  it('follows the stream across a restart of its server, resuming from the last entry it saw', async () => {
    // Two servers on one database, as a room runs them; the desk follows the first.
    const db = tempDb();
    const first = await room({ db });
    const second = await room({ db, pair: first.pair });
    const desk = client(first.url, first.pair.fingerprint);
    expect((await desk.call('signIn', signInInput('observer', 'W1'))).ok).toBe(true);
    const events: RoomEvent[] = [];
    const stop = desk.events(null, (e) => events.push(e));
    cleanup.push(stop);
    await until(() => events.find((e) => e.event === 'hello'), 'hello');

    await first.stop();
    const id = await createThrough(client(second.url, first.pair.fingerprint));
    // Down meanwhile: calls say so.
    const down = await desk.call('listUnits', {});
    expect(down.ok ? '' : down.error.message).toMatch(/is unreachable/);

    await room({ db, pair: first.pair, port: new URL(first.url).port });
    // The restarted server still knows the desk's session (kept in the room's database): the desk
    // carries on without signing in again, and its stream, reconnecting, resumes where it was.
    expect((await desk.call('listUnits', {})).ok).toBe(true);
    await until(() => journalOf(events, id), 'the missed entry after the reconnection', 10_000);
    expect(events.filter((e) => e.event === 'hello')).toHaveLength(2);
  });

  it('answers only the names it serves, and same-origin calls over https', async () => {
    const { url } = await room();
    const port = new URL(url).port;
    expect(await rawStatus(url, { host: `127.0.0.1:${port}` }, 'POST')).toBe(200);
    expect(await rawStatus(url, { host: `localhost:${port}` }, 'POST')).toBe(200);
    expect(await rawStatus(url, { host: `evil.example:${port}` }, 'POST')).toBe(403);
    expect(await rawStatus(url, { origin: `http://127.0.0.1:${port}` }, 'POST')).toBe(403);
    expect(await rawStatus(url, { origin: `https://127.0.0.1:${port}` }, 'POST')).toBe(200);
  });

  it('with a wrong fingerprint, fails every call naming both fingerprints, and writes nothing', async () => {
    const { pair, url } = await room();
    const wrong = (await makeCert()).fingerprint;
    const desk = client(url, wrong);
    for (const [name, input] of [
      ['listUnits', {}],
      ['signIn', signInInput('officer', 'X')],
      ['createIncident', bag],
    ] as const) {
      const r = await desk.call(name, input);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('internal');
      expect(r.error.message).toContain(wrong);
      expect(r.error.message).toContain(pair.fingerprint);
    }
    const errors: Error[] = [];
    const stop = desk.events(
      null,
      () => {},
      (e) => errors.push(e),
    );
    cleanup.push(stop);
    await until(() => errors[0], 'the event stream refused');
    expect(errors[0]?.message).toContain(pair.fingerprint);

    const right = client(url, pair.fingerprint);
    const session = await right.call('getSession', {});
    expect(session.ok && (session.value as { operator: unknown }).operator).toBeFalsy();
    expect((await right.call('signIn', signInInput('officer', 'Y'))).ok).toBe(true);
    const incidents = await right.call('listIncidents', {});
    if (!incidents.ok) throw new Error(incidents.error.message);
    expect(JSON.stringify(incidents.value)).not.toContain(bag.title);
  });

  it('opens a room for the desktop only once the server answers with the pinned certificate', async () => {
    const { pair, url } = await room();
    const rooms = roomSession();
    cleanup.push(() => rooms.leave());
    const wrong = await rooms.open({ url, fingerprint: (await makeCert()).fingerprint });
    expect(wrong.ok ? '' : wrong.error.message).toContain(pair.fingerprint);
    expect(rooms.current()).toBeNull();
    const plain = await rooms.open({ url: url.replace('https', 'http'), fingerprint: pair.fingerprint });
    expect(plain.ok ? [] : plain.error.issues?.map((i) => i.path)).toEqual(['url']);
    expect(await rooms.open(null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await rooms.open({ url, fingerprint: pair.fingerprint })).toEqual({
      ok: true,
      value: { url, fingerprint: pair.fingerprint },
    });
    const open = rooms.current();
    if (!open) throw new Error('no room open');
    expect((await forwardCall(open, 'signIn', signInInput('observer', 'W1'))).ok).toBe(true);
    const units = await forwardCall(open, 'listUnits', {});
    expect(units.ok && (units.value as unknown[]).length).toBeGreaterThan(10);
    // Refused in the main process, as a local call would be, before anything is sent.
    expect(await forwardCall(open, 'dropTables', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const bad = await forwardCall(open, 'setUnitStatus', { id: 'x', status: 'asleep', version: 1 });
    expect(bad.ok ? [] : bad.error.issues?.map((i) => i.path)).toEqual(['status']);
    rooms.leave();
    expect(rooms.current()).toBeNull();
  });

  it('says the room is unreachable when nothing answers', async () => {
    const pair = await makeCert();
    const desk = client('https://127.0.0.1:1/', pair.fingerprint);
    const r = await desk.call('listUnits', {});
    expect(r.ok ? '' : r.error.message).toMatch(/^the room https:\/\/127\.0\.0\.1:1\/ is unreachable/);
  });

  it('refuses a LAN address without TLS, naming the flags (exit 2)', async () => {
    const run = await serve(['--listen', '192.168.1.10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--tls-cert/);
    expect(run.stderr).toMatch(/--tls-key/);
  });

  it('refuses a key that is not the certificate’s, or a file that is not a certificate (exit 2, no stack)', async () => {
    const a = await makeCert();
    const b = await makeCert();
    const mismatched = await serve(['--listen', '127.0.0.1', '--tls-cert', a.cert, '--tls-key', b.key]);
    expect(mismatched.code).toBe(2);
    expect(mismatched.stderr).toMatch(/--tls-key: .* is not the key of the certificate/);
    expect(mismatched.stderr).not.toMatch(/\n\s+at /);
    const notCert = await serve(['--tls-cert', a.key, '--tls-key', a.key]);
    expect(notCert.code).toBe(2);
    expect(notCert.stderr).toMatch(/--tls-cert: .* is not a PEM certificate/);
    const missing = await serve(['--tls-cert', join(tempDir(), 'none.pem'), '--tls-key', a.key]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--tls-cert: cannot read/);
  });
});
