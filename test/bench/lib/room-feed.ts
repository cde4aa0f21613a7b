// Change propagation between two desks on one database: desk A writes through its host's API, a
// client reads desk B's /events stream (server-sent events), and each write is timed from A's
// answer to the journal event naming the new incident on B's stream.
import type { Served } from '../../e2e/harness.js';
import { readEventStream } from '../../support/event-stream.js';
import { hostClient, type HostClient } from '../../support/host-client.js';
import { rng } from './fixture.js';

interface Pushed {
  entries?: { seq: number; entityId: string | null }[];
}

/**
 * Reads a host's /events in the background, as a browser signed in on it; when (performance.now())
 * each entity was first named.
 */
function readEvents(reader: HostClient) {
  const seen = new Map<string, number>();
  let hello = false;
  const abort = new AbortController();
  const done = (async () => {
    const res = await reader.get('events', { signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`GET /events: ${res.status}`);
    await readEventStream(res.body, (event, data) => {
      const at = performance.now();
      if (event === 'hello') hello = true;
      if (event !== 'journal') return;
      for (const e of (JSON.parse(data) as Pushed).entries ?? [])
        if (e.entityId && !seen.has(e.entityId)) seen.set(e.entityId, at);
    });
  })().catch((err: unknown) => {
    if ((err as Error).name !== 'AbortError') throw err;
  });
  const until = async (pred: () => boolean, what: string, ms: number) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return {
    ready: () => until(() => hello, 'no hello on /events', 10_000),
    /** When B's stream named `id` (performance.now()); fails after `ms`. */
    async arrival(id: string, ms = 5000): Promise<number> {
      await until(() => seen.has(id), `desk B never heard of ${id}`, ms);
      return seen.get(id) as number;
    },
    async close() {
      abort.abort();
      await done;
    },
  };
}

export interface Propagation {
  /** From A's answer to the event on B's stream, ms (negative: B heard first). */
  delays: number[];
  /** A's createIncident round trip over HTTP, ms. */
  writes: number[];
}

/**
 * `count` incidents created on A, each awaited on B's stream. The pause between them is random over
 * a whole polling period (20–270 ms), so that on a file the writes fall anywhere in B's 250 ms cycle
 * rather than locking onto its phase.
 */
export async function propagation(a: Served, b: Served, count: number, seed: number): Promise<Propagation> {
  // Each host serves the seeded exercise: its demo officer writes on A, its observer reads B's stream.
  const writer = hostClient(a.url);
  await writer.signIn('officer', 'A1');
  const reader = hostClient(b.url);
  await reader.signIn('observer', 'B1');
  const api = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await writer.call(name, input);
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const stream = readEvents(reader);
  const r = rng(seed);
  const out: Propagation = { delays: [], writes: [] };
  try {
    await stream.ready();
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20 + r() * 250));
      const t0 = performance.now();
      const created = await api<{ id: string }>('createIncident', {
        category: 'unattended_bag',
        priority: 2,
        title: `Sac abandonné ${i}`,
        description: 'Propagation',
        source: 'cctv',
        lat: 48.8578,
        lon: 2.3372,
      });
      const answered = performance.now();
      out.writes.push(answered - t0);
      out.delays.push((await stream.arrival(created.id)) - answered);
    }
  } finally {
    await stream.close();
  }
  return out;
}
