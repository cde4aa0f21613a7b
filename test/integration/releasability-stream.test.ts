// Releasability on the live feed: the browser host's event stream (GET /events, served here by
// streamEvents for one desk) and the desktop's long poll carry nothing about an item the desk may
// not see, and no sign-in or operator entries to a partner.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { streamEvents } from '../../electron/host/events.js';
import { nextBatch } from '../../electron/live-events.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import type { Unit } from '../../shared/domain.js';
import { startFeed, type JournalFeed } from '../../electron/services/feed.js';
import type { LiveEntry } from '../../shared/live.js';
import { readEventStream } from '../support/event-stream.js';
import { leaks, markedOperation } from './releasability-fixture.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

/** Everything the desk's stream sends from the start of the journal, until it goes quiet. */
async function streamFor(feed: JournalFeed, desk: Desk): Promise<LiveEntry[]> {
  const server: Server = createServer((req, res) => streamEvents(req, res, feed, 0, { desk }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanup.push(() => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  });
  const abort = new AbortController();
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
    signal: abort.signal,
  });
  const got: LiveEntry[] = [];
  let head = 0;
  const reading = readEventStream(res.body as NonNullable<Response['body']>, (event, data) => {
    if (event !== 'journal') return;
    const batch = JSON.parse(data) as { head: number; entries: LiveEntry[] };
    got.push(...batch.entries);
    head = batch.head;
  }).catch(() => {});
  await expect.poll(() => head, { timeout: 10_000 }).toBe(feed.head());
  abort.abort();
  await reading;
  return got;
}

describe('releasability: the live feed', () => {
  it('streams to each liaison only the entries about what they may see', async () => {
    const m = markedOperation();
    const feed = startFeed({ current: () => m.t.app.db, location: m.t.dbPath });
    cleanup.push(() => feed.close());

    const officer = await streamFor(feed, m.officer);
    const de = await streamFor(feed, m.de);
    const es = await streamFor(feed, m.es);

    const about = (entries: LiveEntry[], id: string) => entries.filter((e) => e.entityId === id).length;
    // The host's officer hears of everything, sign-ins included.
    expect(about(officer, m.frOnly.id)).toBeGreaterThan(0);
    expect(officer.some((e) => e.action === 'operator.signed_in')).toBe(true);

    expect(leaks(de, m.hiddenFromDe)).toEqual([]);
    expect(leaks(es, m.hiddenFromEs)).toEqual([]);
    expect(about(es, m.frEs.id)).toBeGreaterThan(0);
    expect(about(de, m.all.id)).toBeGreaterThan(0);
    for (const entries of [de, es]) {
      expect(entries.filter((e) => e.entityType === 'operator' || e.action.startsWith('operator.'))).toEqual(
        [],
      );
    }
    // Of the all-partners incident's three marked notes, Germany hears of the open one only.
    const notes = (entries: LiveEntry[]) =>
      entries.filter((e) => e.entityId === m.all.id && e.action === 'incident.note_added').length;
    expect(notes(officer)).toBe(3);
    expect(notes(es)).toBe(2);
    expect(notes(de)).toBe(1);
  });

  it('tells a desk of a marking change that takes an item away, then nothing more of it', async () => {
    const m = markedOperation();
    const feed = startFeed({ current: () => m.t.app.db, location: m.t.dbPath });
    cleanup.push(() => feed.close());
    const first = await nextBatch(feed, null, 100, m.de);
    const all = m.t.call('getIncident', { id: m.all.id }).incident;
    m.t.call('updateIncident', { id: all.id, version: all.version, marking: [] });
    m.t.call('addIncidentNote', { incidentId: all.id, text: 'after the change' });
    const next = await nextBatch(feed, first.head, 100, m.de);
    expect(next.entries.map((e) => e.action)).toEqual(['incident.marking_changed']);
    // The long poll for a desk on its own file filters the same way.
    const officer = await nextBatch(feed, first.head, 100, m.officer);
    expect(officer.entries.map((e) => e.action)).toEqual(['incident.marking_changed', 'incident.note_added']);
  });

  it('carries a moved unit’s position only to desks that may read the units, on both transports', async () => {
    const m = markedOperation();
    const feed = startFeed({ current: () => m.t.app.db, location: m.t.dbPath });
    cleanup.push(() => feed.close());
    const start = feed.head();
    const unit = m.t.call('listUnits', {}).find((u: Unit) => u.lat !== null) as Unit;
    const after = m.t.call('moveUnit', {
      id: unit.id,
      version: unit.version,
      lat: 48.8611,
      lon: 2.3364,
      source: 'typed',
    });
    const position = {
      lat: 48.8611,
      lon: 2.3364,
      venueId: after.venueId,
      positionAt: after.positionAt,
      positionSource: 'typed',
      version: after.version,
    };
    const moveIn = (entries: LiveEntry[]) =>
      entries.filter((e) => e.action === 'unit.moved' && e.entityId === unit.id).map((e) => e.move ?? null);

    // The host's officer and a partner's liaison read the units: their moves bring the position.
    expect(moveIn(await streamFor(feed, m.officer))).toEqual([position]);
    expect(moveIn(await streamFor(feed, m.de))).toEqual([position]);
    expect(moveIn((await nextBatch(feed, start, 100, m.es)).entries)).toEqual([position]);

    // A desk no one is signed in on hears that the unit moved, never where to.
    const nobody = await nextBatch(feed, start, 100, createDesk());
    expect(moveIn(nobody.entries)).toEqual([null]);
    expect(JSON.stringify(nobody)).not.toContain('48.8611');
    // Nor does the German desk once its liaison has signed out: judged for each batch.
    m.t.call('signOut', {}, m.de);
    const signedOut = await nextBatch(feed, start, 100, m.de);
    expect(moveIn(signedOut.entries)).toEqual([null]);
    expect(JSON.stringify(signedOut)).not.toContain('48.8611');
  });
});
