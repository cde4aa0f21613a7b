// Two desks on one database, each with its own host and its own connection (as two `vigie serve`
// processes would be): a change committed through desk A reaches desk B's event stream without B
// asking, and B catches up on what it missed when it reconnects. Runs on SQLite (two connections on
// one file: B hears of A's commits by its head check) and on PostgreSQL (LISTEN/NOTIFY).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type Host } from '../../electron/host/server.js';
import { startFeed, type JournalFeed } from '../../electron/services/feed.js';
import { testApp } from '../support/app.js';
import { testDatabase } from '../support/backend.js';
import { readEventStream } from '../support/event-stream.js';
import { paths, tempDir } from '../support/temp.js';
import { signInAs } from '../support/sign-in.js';
import { hostClient, type HostClient } from '../support/host-client.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function desk(db: string, name: string) {
  const t = testApp(db);
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Vigie</title>');
  const feed: JournalFeed = startFeed({ current: () => t.app.db, location: db });
  const host: Host = await startHost({
    handlers: t.app.handlers,
    db: () => t.app.db,
    rendererDir: renderer,
    resourcesDir: paths.resources,
    port: 0,
    feed,
  });
  cleanup.push(async () => {
    await host.close();
    await feed.close();
  });
  signInAs(t.call, 'officer', name);
  // The host's feed is read by a browser signed in on it (its own desk, by its session cookie).
  const browser = hostClient(host.url);
  await browser.signIn('officer', name);
  return { ...t, host, feed, browser };
}

interface Received {
  event: string;
  data: { head?: number; entries?: { seq: number; action: string; entityId: string | null; desk: string }[] };
  at: number;
}

/** Reads a host's event stream in the background, keeping every event with when it arrived. */
function listen(browser: HostClient, after?: number) {
  const events: Received[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const res = await browser.get(`events${after === undefined ? '' : `?after=${after}`}`, {
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    if (!res.body) throw new Error('no event stream body');
    await readEventStream(res.body, (event, data) =>
      events.push({ event, data: JSON.parse(data) as Received['data'], at: Date.now() }),
    );
  })().catch((err: unknown) => {
    if ((err as Error).name !== 'AbortError') throw err;
  });
  cleanup.push(async () => {
    abort.abort();
    await done;
  });
  const waitFor = async (pred: (e: Received) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.event))}`);
  };
  return { events, waitFor };
}

const bag = {
  category: 'unattended_bag' as const,
  priority: 2 as const,
  title: 'Sac abandonné quai de Conti',
  description: 'Black rucksack under a bench',
  source: 'cctv' as const,
  lat: 48.8578,
  lon: 2.3372,
};

describe('the live feed between two desks on one database', () => {
  it("pushes desk A's change to desk B's stream without B asking", async () => {
    const db = testDatabase();
    const a = await desk(db, 'A1');
    const b = await desk(db, 'B1');
    const stream = listen(b.browser);
    await stream.waitFor((e) => e.event === 'hello');
    // The 3 s bound is below the 5 s polling fallback: only the push path can meet it.
    const sent = Date.now();
    const created = a.call('createIncident', bag);
    const got = await stream.waitFor(
      (e) => e.event === 'journal' && !!e.data.entries?.some((x) => x.entityId === created.id),
    );
    const entry = got.data.entries?.find((x) => x.entityId === created.id);
    expect(entry).toMatchObject({ action: 'incident.created', desk: 'A1' });
    expect(got.at - sent).toBeLessThan(3000);
    // And B reads the incident from its own connection.
    expect(b.call('getIncident', { id: created.id }).incident.title).toBe(bag.title);
  });

  it('gives a desk that reconnects what it missed, in order, from the entry it names', async () => {
    const db = testDatabase();
    const a = await desk(db, 'A1');
    const b = await desk(db, 'B1');
    const before = b.feed.head();
    const one = a.call('createIncident', { ...bag, title: 'First' });
    const two = a.call('createIncident', { ...bag, title: 'Second' });
    const stream = listen(b.browser, before);
    const got = await stream.waitFor((e) => e.event === 'journal');
    const ids = got.data.entries?.map((x) => x.entityId);
    expect(ids).toContain(one.id);
    expect(ids).toContain(two.id);
    const seqs = got.data.entries?.map((x) => x.seq) ?? [];
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs[0]).toBe(before + 1);
  });

  it('refuses a browser not signed in with 401 and a malformed resume point with 400', async () => {
    const a = await desk(testDatabase(), 'A1');
    const stranger = await fetch(`${a.host.url}events`);
    expect(stranger.status).toBe(401);
    await stranger.body?.cancel();
    const res = await a.browser.get('events?after=-1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^after:/);
  });
});
