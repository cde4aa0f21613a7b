// Map: headless Chromium through the browser host (`vigie serve`, as the e2e tests run it), from
// page load to a settled map with every unit drawn, for 1,000 / 5,000 / 10,000 units and for 50,000
// incidents; animation frames while 1,000 units move every second; the renderer's memory. The peer
// is the same data as Leaflet DOM markers, on a page served by the bench, in the same run.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../electron/store/db.js';
import type { Unit } from '../../shared/domain.js';
import type { Served } from '../e2e/harness.js';
import { hostClient, type HostClient } from '../support/host-client.js';
import {
  launch,
  serveTracked,
  memory,
  newContext,
  recordFrames,
  signInBrowser,
  serveLeafletPeer,
  startStatic,
  watchOffMachine,
  type Memory,
  type StaticServer,
} from './lib/browser.js';
import { addIncidents, addUnits, rng, type Bbox } from './lib/fixture.js';
import { BulkJournal } from './lib/fixture-journal.js';
import { paths } from './lib/paths.js';
import { seededExercise } from './lib/seeded.js';
import { log, runBench, scale, type Table } from './lib/section.js';
import { fig, mb, median, num, percentile, ratio, stat, times, x, type Stat } from './lib/stats.js';
import { tempDir } from './lib/temp.js';
import { openClient } from './lib/vigie.js';

const LOAD_RUNS = scale(3, 2);
const FRAME_MS = scale(10_000, 5_000);
const MOVERS = 1_000;
const PREFIX = 'MB';
/** The scenario whose units move while frames are recorded (each of its loads goes on to it). */
const MOVING = 'u1k';

interface Scenario {
  id: string;
  label: string;
  units: number;
  incidents: number;
}

const SCENARIOS: Scenario[] = [
  { id: 'u1k', label: '1,000 units', units: 1_000, incidents: 0 },
  { id: 'u5k', label: '5,000 units', units: 5_000, incidents: 0 },
  { id: 'u10k', label: '10,000 units', units: scale(10_000, 10_000), incidents: 0 },
  { id: 'i50k', label: '1,000 units + 50,000 incidents', units: 1_000, incidents: scale(50_000, 20_000) },
];

const dir = tempDir('vigie-bench-map-');

interface BenchWindow {
  __benchIdleAt?: number;
  __benchDrawn?: { units: number; incidents: number; domMarkers?: number };
  __benchError?: string;
  __benchStartMoves?: () => void;
  __benchMoves?: number;
}

// ---- fixtures -------------------------------------------------------------------------------

interface Built extends Scenario {
  db: string;
  /** Incidents still open (not closed or cancelled) among those added. */
  open: number;
  movers: { id: string; version: number; lat: number; lon: number }[];
}

function build(s: Scenario, base: string, bbox: Bbox): Built {
  const path = join(dir, `${s.id}.db`);
  copyFileSync(base, path);
  const db = openDatabase(path);
  let open = 0;
  try {
    db.transaction(() => {
      const journal = new BulkJournal(db);
      addUnits(db, journal, {
        count: s.units,
        bbox,
        at: '2024-07-26T16:00:00.000Z',
        seed: 11,
        prefix: PREFIX,
      });
      if (s.incidents) {
        const added = addIncidents(db, journal, {
          count: s.incidents,
          bbox,
          from: '2024-07-26T06:00:00.000Z',
          to: '2024-07-26T18:00:00.000Z',
          seed: 13,
        });
        open = added.filter((i) => i.status !== 'closed' && i.status !== 'cancelled').length;
      }
    })();
  } finally {
    db.close();
  }
  const c = openClient(path);
  try {
    const units = c.call('listUnits', {});
    const movers = units
      .filter((u: Unit) => u.callsign.startsWith(`${PREFIX}-`) && u.lat !== null && u.lon !== null)
      .slice(0, MOVERS)
      .map((u) => ({ id: u.id, version: u.version, lat: u.lat as number, lon: u.lon as number }));
    return {
      ...s,
      db: path,
      open,
      movers,
    };
  } finally {
    c.app.close();
  }
}

// ---- one page load --------------------------------------------------------------------------

interface Load {
  ms: number;
  units: number;
  incidents: number;
  memory: Memory;
}

/** Notes, in the page, the moment the map reports idle with at least `minUnits` units drawn. */
function watchIdle(minUnits: number): void {
  const w = window as unknown as BenchWindow;
  const check = () => {
    const el = document.querySelector<HTMLElement>('[data-testid="map"]');
    if (!el || w.__benchIdleAt !== undefined) return;
    if (el.dataset.idle !== 'true') return;
    if (Number(el.dataset.renderedUnits ?? 0) >= minUnits) {
      w.__benchIdleAt = performance.now();
      w.__benchDrawn = {
        units: Number(el.dataset.renderedUnits),
        incidents: Number(el.dataset.renderedIncidents),
      };
    } else if (el.dataset.renderedRoute === '0') {
      // Settled (data and geography in) but the ceremony route is off screen: the camera missed its fit.
      w.__benchError = `settled with the camera off the route (${el.dataset.renderedUnits ?? 0} units drawn)`;
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-idle', 'data-rendered-units'],
  });
}

async function waitDrawn(
  page: Page,
): Promise<{ at: number; drawn: NonNullable<BenchWindow['__benchDrawn']> }> {
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as BenchWindow;
        if (w.__benchError) throw new Error(w.__benchError);
        return w.__benchIdleAt !== undefined;
      },
      null,
      { timeout: 60_000, polling: 50 },
    );
  } catch (err) {
    const state = await page
      .evaluate(() =>
        JSON.stringify({ ...document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset }),
      )
      .catch(() => 'unknown');
    throw new Error(`the map did not settle (${(err as Error).message}); map state: ${state}`, {
      cause: err,
    });
  }
  return page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    return { at: w.__benchIdleAt as number, drawn: w.__benchDrawn ?? { units: 0, incidents: 0 } };
  });
}

interface MapRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Motion = 'no-preference' | 'reduce';

/** A page in a fresh context; on a failure, a screenshot in test-artifacts for the post-mortem. */
async function withPage<T>(
  browser: Browser,
  motion: Motion,
  name: string,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser, { reducedMotion: motion });
  const page = await context.newPage();
  try {
    return await fn(page);
  } catch (err) {
    mkdirSync(join(paths.root, 'test-artifacts'), { recursive: true });
    await page
      .screenshot({ path: join(paths.root, 'test-artifacts', `bench-${name}-failure.png`) })
      .catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

/** The console's own answers to listUnits and listIncidents on load: the peer draws exactly these. */
interface Captured {
  units?: string;
  incidents?: string;
}

async function loadVigie(
  browser: Browser,
  url: string,
  minUnits: number,
  motion: Motion,
  offMachine: string[],
  then?: (page: Page) => Promise<void>,
  capture?: Captured,
): Promise<Load & { rect: MapRect }> {
  return withPage(browser, motion, 'map-vigie', async (page) => {
    await page.context().addInitScript(watchIdle, minUnits);
    watchOffMachine(page, offMachine);
    const bodies: Promise<void>[] = [];
    if (capture) {
      delete capture.units;
      delete capture.incidents;
      page.on('response', (res) => {
        const key = res.url().endsWith('/api/listUnits')
          ? 'units'
          : res.url().endsWith('/api/listIncidents')
            ? 'incidents'
            : null;
        if (key && capture[key] === undefined) {
          capture[key] = '';
          bodies.push(res.text().then((t) => void (capture[key] = t)));
        }
      });
    }
    // Signed in before the page opens (the map's load is timed from navigation).
    await signInBrowser(page.context(), url);
    await page.goto(url);
    const { at, drawn } = await waitDrawn(page);
    await Promise.all(bodies);
    const rect = await page.evaluate(() => {
      const r = (document.querySelector('[data-testid="map"]') as HTMLElement).getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    const mem = await memory(page);
    if (then) await then(page);
    return { ms: at, units: drawn.units, incidents: drawn.incidents, memory: mem, rect };
  });
}

async function loadPeer(
  browser: Browser,
  url: string,
  then?: (page: Page) => Promise<void>,
): Promise<Load & { domMarkers: number }> {
  return withPage(browser, 'no-preference', 'map-leaflet', async (page) => {
    await page.goto(url);
    const { at, drawn } = await waitDrawn(page);
    const mem = await memory(page);
    if (then) await then(page);
    return {
      ms: at,
      units: drawn.units,
      incidents: drawn.incidents,
      memory: mem,
      domMarkers: drawn.domMarkers ?? 0,
    };
  });
}

const ATTEMPTS = 3;

/**
 * A load that does not settle is tried again, up to ATTEMPTS in all; each failure is recorded
 * (and reported), the last one fails the bench.
 */
async function once<T>(what: string, retries: string[], fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const reason = (err as Error).message.split('\n')[0] ?? '';
      if (attempt >= ATTEMPTS) throw err;
      log(`  ${what}: ${reason}; trying again`);
      retries.push(
        `${what}: ${reason.replace(/^the map did not settle \(page\.waitForFunction: (Error: )?/, '').replace(/\);? map state:.*$/, '')}`,
      );
    }
  }
}

// ---- moving units ---------------------------------------------------------------------------

const clampTo = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A random walk inside the box for each mover: where each is after one more second. */
function walker(movers: Built['movers'], bbox: Bbox) {
  const r = rng(17);
  return () =>
    movers.map((m) => {
      m.lat = +clampTo(m.lat + (r() - 0.5) * 0.0006, bbox.south, bbox.north).toFixed(6);
      m.lon = +clampTo(m.lon + (r() - 0.5) * 0.0009, bbox.west, bbox.east).toFixed(6);
      return m;
    });
}

async function post<T>(client: HostClient, name: string, input: unknown): Promise<T> {
  const r = await client.call(name, input);
  const body = r.body as T & { error?: { message: string } };
  if (r.status !== 200) throw new Error(`${name}: ${body.error?.message ?? r.status}`);
  return body;
}

/**
 * Moves every mover once a second through the contract (moveUnit over HTTP, as another desk or a
 * tracking gateway would), 4 requests in flight. Returns stop(), which resolves to the moves made
 * and the seconds they took.
 */
function driveMoves(gateway: HostClient, movers: Built['movers'], bbox: Bbox) {
  const next = walker(movers, bbox);
  let stopped = false;
  let moves = 0;
  const started = performance.now();
  const loop = (async () => {
    while (!stopped) {
      const tick = performance.now();
      const batch = next();
      let i = 0;
      const worker = async () => {
        while (!stopped && i < batch.length) {
          const m = batch[i++] as Built['movers'][number];
          const unit = await post<Unit>(gateway, 'moveUnit', {
            id: m.id,
            version: m.version,
            lat: m.lat,
            lon: m.lon,
            source: 'report',
          });
          m.version = unit.version;
          moves++;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      const rest = 1000 - (performance.now() - tick);
      if (rest > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { moves, seconds: (performance.now() - started) / 1000 };
  };
}

interface Frames {
  median: number;
  p95: number;
  max: number;
  long: number;
  frames: number;
  movesPerSecond: number;
  refreshes: number;
}

function frameStats(intervals: number[], movesPerSecond: number, refreshes: number): Frames {
  return {
    median: median(intervals),
    p95: percentile(intervals, 95),
    max: Math.max(...intervals),
    long: intervals.filter((i) => i > 50).length,
    frames: intervals.length,
    movesPerSecond,
    refreshes,
  };
}

// ---- the bench ------------------------------------------------------------------------------

interface ScenarioResult {
  scenario: Scenario;
  label: string;
  vigie: Load[];
  peer: (Load & { domMarkers: number })[];
}

runBench(async () => {
  for (const name of ['bench-map-vigie-failure.png', 'bench-map-leaflet-failure.png']) {
    rmSync(join(paths.root, 'test-artifacts', name), { force: true });
  }
  log('map: building fixtures (seeded exercise + bench units and incidents)');
  const base = seededExercise(dir);
  const built = SCENARIOS.map((s) => build(s, base.path, base.bbox));
  const browser = await launch();
  const version = browser.version();
  let peerServer: StaticServer | null = null;
  const offMachine: string[] = [];
  const retries: string[] = [];
  const results: ScenarioResult[] = [];
  const frames: Record<'vigie' | 'reduced' | 'peer', Frames[]> = { vigie: [], reduced: [], peer: [] };
  try {
    peerServer = await startStatic();
    await serveLeafletPeer(peerServer);
    const peer = peerServer;
    const bb = base.bbox;
    let rect: MapRect | null = null;
    const peerUrl = (b: Built) => {
      const r = rect as MapRect;
      const q = new URLSearchParams({
        data: `/data/${b.id}`,
        bbox: [bb.west, bb.south, bb.east, bb.north].join(','),
        left: String(r.left),
        top: String(r.top),
        width: String(r.width),
        height: String(r.height),
      });
      return `${peer.url}leaflet.html?${q.toString()}`;
    };

    /** Vigie's frames while its movers move every second through moveUnit. */
    const vigieFrames = (served: Served, b: Built, into: Frames[]) => async (page: Page) => {
      let refreshes = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/listUnits')) refreshes++;
      });
      // The gateway is a client of its own, signed in as the exercise's officer (a session cookie).
      const gateway = hostClient(served.url);
      await gateway.signIn('officer', 'bench');
      const stop = driveMoves(gateway, b.movers, bb);
      const intervals = await recordFrames(page, FRAME_MS);
      const { moves, seconds } = await stop();
      into.push(frameStats(intervals, moves / seconds, refreshes));
    };
    const peerFrames = (b: Built) => async (page: Page) => {
      const next = walker(
        b.movers.map((m) => ({ ...m })),
        bb,
      );
      peer.route('/moves', 'application/json', () => JSON.stringify(next()));
      await page.evaluate(() => (window as unknown as BenchWindow).__benchStartMoves?.());
      const intervals = await recordFrames(page, FRAME_MS);
      const moved = await page.evaluate(() => (window as unknown as BenchWindow).__benchMoves ?? 0);
      frames.peer.push(frameStats(intervals, moved / (FRAME_MS / 1000), Math.round(FRAME_MS / 1000)));
    };

    for (const b of built) {
      const captured: Captured = {};
      peer.route(`/data/${b.id}-units.json`, 'application/json', () => captured.units ?? '[]');
      peer.route(`/data/${b.id}-incidents.json`, 'application/json', () => captured.incidents ?? '[]');
      const served: Served = await serveTracked(b.db);
      const moving = b.id === MOVING;
      const scenario: Scenario = { id: b.id, label: b.label, units: b.units, incidents: b.incidents };
      const result: ScenarioResult = { scenario, label: b.label, vigie: [], peer: [] };
      const reduced: ScenarioResult = {
        scenario,
        label: `${b.label}, reduced motion (no P1 pulse)`,
        vigie: [],
        peer: [],
      };
      try {
        for (let run = 0; run < LOAD_RUNS; run++) {
          const what = `${b.label} run ${run + 1}`;
          const v = await once(`Vigie ${what}`, retries, () =>
            loadVigie(
              browser,
              served.url,
              b.units,
              'no-preference',
              offMachine,
              moving ? vigieFrames(served, b, frames.vigie) : undefined,
              run === 0 ? captured : undefined,
            ),
          );
          rect ??= v.rect;
          result.vigie.push(v);
          const p = await once(`Leaflet ${what}`, retries, () =>
            loadPeer(browser, peerUrl(b), moving ? peerFrames(b) : undefined),
          );
          result.peer.push(p);
          let line =
            `  ${what}: Vigie ${num(v.ms)} ms (${v.units} units, ${v.incidents} incidents drawn), ` +
            `Leaflet ${num(p.ms)} ms (${p.domMarkers} DOM markers)`;
          if (moving) {
            const r = await once(`Vigie reduced motion ${what}`, retries, () =>
              loadVigie(
                browser,
                served.url,
                b.units,
                'reduce',
                offMachine,
                vigieFrames(served, b, frames.reduced),
              ),
            );
            reduced.vigie.push(r);
            reduced.peer.push(p);
            const f = (z: Frames[]) => {
              const last = z[z.length - 1] as Frames;
              return `${num(last.median)} / ${num(last.p95)} / ${num(last.max)} ms (${num(last.movesPerSecond, 0)} moves/s)`;
            };
            line +=
              `\n    frames median / p95 / max: Vigie ${f(frames.vigie)}, reduced motion ${f(frames.reduced)}, ` +
              `Leaflet ${f(frames.peer)}`;
          }
          log(line);
        }
      } finally {
        await served.stop();
      }
      results.push(result);
      if (moving) results.push(reduced);
    }
  } finally {
    await browser.close();
    await peerServer?.close();
  }
  if (offMachine.length) throw new Error(`requests left the machine: ${offMachine.slice(0, 5).join(', ')}`);

  // ---- the section ----
  const loadRows = results.map((r) => {
    const v = r.vigie.map((l) => l.ms);
    const p = r.peer.map((l) => l.ms);
    const last = r.vigie[r.vigie.length - 1] as Load;
    const lastPeer = r.peer[r.peer.length - 1] as Load & { domMarkers: number };
    return [
      r.label,
      `${num(last.units, 0)} units, ${num(last.incidents, 0)} incidents`,
      fig(stat(v), 'ms'),
      `${num(lastPeer.domMarkers, 0)} markers`,
      fig(stat(p), 'ms'),
      times(ratio(p, v)),
    ];
  });
  const memRows = results.map((r) => [
    r.label,
    fig(stat(r.vigie.map((l) => mb(l.memory.jsHeapUsed))), 'MB'),
    fig(stat(r.peer.map((l) => mb(l.memory.jsHeapUsed))), 'MB'),
    `${num(median(r.vigie.map((l) => l.memory.nodes)), 0)} / ${num(median(r.peer.map((l) => l.memory.nodes)), 0)}`,
  ]);
  /** Counts (unit '') as whole numbers. */
  const f = (xs: Frames[], k: keyof Frames, unit = 'ms') =>
    fig(stat(xs.map((z) => z[k])), unit, unit === '' ? 0 : undefined);
  const frameRow = (label: string, k: keyof Frames, unit = 'ms') => [
    label,
    f(frames.vigie, k, unit),
    f(frames.reduced, k, unit),
    f(frames.peer, k, unit),
  ];
  const frameRows = [
    frameRow('Median frame interval', 'median'),
    frameRow('95th percentile', 'p95'),
    frameRow('Longest frame', 'max'),
    frameRow('Frames over 50 ms', 'long', ''),
    frameRow('Frames in the window', 'frames', ''),
    [
      'Position updates made',
      `${f(frames.vigie, 'movesPerSecond', 'moves/s')} (moveUnit over HTTP)`,
      `${f(frames.reduced, 'movesPerSecond', 'moves/s')} (moveUnit over HTTP)`,
      `${f(frames.peer, 'movesPerSecond', 'moves/s')} (fetched, setLatLng)`,
    ],
    [
      'Map data refreshes in the window',
      `${f(frames.vigie, 'refreshes', '')} (polls every 5 s)`,
      `${f(frames.reduced, 'refreshes', '')} (polls every 5 s)`,
      `${f(frames.peer, 'refreshes', '')} (every second)`,
    ],
  ];

  const tables: Table[] = [
    {
      title: `Page load to a settled map with every unit drawn (${LOAD_RUNS} runs each)`,
      head: [
        'Data',
        'Vigie draws',
        'Vigie (maplibre, WebGL on SwiftShader)',
        'Leaflet draws',
        'Leaflet DOM markers',
        'Vigie ÷ Leaflet (>1: Vigie faster)',
      ],
      rows: loadRows,
    },
    {
      title:
        `Animation frames while ${num(MOVERS, 0)} units move every second ` +
        `(${num(FRAME_MS / 1000, 0)} s window after the map settled, ${LOAD_RUNS} runs)`,
      head: [
        'Figure',
        'Vigie (P1 pulse running, as in the exercise)',
        'Vigie, reduced motion (still P1 ring)',
        'Leaflet DOM markers',
      ],
      rows: frameRows,
    },
    {
      title: 'Renderer memory once the map has settled (JS heap after a forced GC, from CDP)',
      head: ['Data', 'Vigie', 'Leaflet', 'DOM nodes, Vigie / Leaflet'],
      rows: memRows,
    },
  ];

  const notes: string[] = [];
  const speed = (r: ScenarioResult): Stat =>
    ratio(
      r.peer.map((l) => l.ms),
      r.vigie.map((l) => l.ms),
    );
  const slower = results.filter((r) => speed(r).median < 1);
  const faster = results.filter((r) => speed(r).median >= 1);
  if (slower.length) {
    notes.push(
      `**Vigie settles more slowly than Leaflet for ${slower.map((r) => `${r.label} (${x(speed(r))})`).join(', ')}.** ` +
        `Vigie's time is the whole console: React with the unit and incident lists, its own offline style and ` +
        `base map (the Seine, arrondissements, zones, venues, the ceremony route, label glyphs), the API calls, and ` +
        `the map itself: units drawn as APP-6 symbols (icons placed by a symbol layer, on the CPU) plus a second, ` +
        `clustered copy of the units for city zoom, both tiled on the worker, and WebGL drawing that here runs on ` +
        `SwiftShader, i.e. on the same two CPU cores as everything else. The peer draws bare dots on an empty ` +
        `background. Under automation (as here) the console also counts what it drew after every idle ` +
        `(queryRenderedFeatures over four layers, for the data-rendered-* attributes the bench waits on), a cost ` +
        `that grows with the features on screen and that an officer's console does not pay. What would close the ` +
        `gap: a GPU for the WebGL part; building the clustered copy only when the map is zoomed out; plain circles instead ` +
        `of symbols above a few thousand units.`,
    );
  }
  if (faster.length) {
    notes.push(
      `Where Vigie is faster (${faster.map((r) => `${r.label}: ${x(speed(r))}`).join('; ')}), it is because ` +
        `Leaflet creates, lays out and paints one DOM element per marker, so its cost grows with the markers, ` +
        `while Vigie hands all points to WebGL in one layer.`,
    );
  }
  const u1 = results.find((r) => r.scenario.id === 'u1k');
  const u10 = results.find((r) => r.scenario.id === 'u10k');
  if (u1 && u10) {
    const nodes = (r: ScenarioResult) => median(r.vigie.map((l) => l.memory.nodes));
    const heap = (r: ScenarioResult) => median(r.vigie.map((l) => l.memory.jsHeapUsed));
    const units = u10.scenario.units - u1.scenario.units;
    const perUnit = (nodes(u10) - nodes(u1)) / units;
    notes.push(
      `**The console's DOM grows by ${num(perUnit, 1)} nodes per unit** (${num(nodes(u10), 0)} nodes at ` +
        `${u10.label}, against ${num(median(u10.peer.map((l) => l.memory.nodes)), 0)} for Leaflet's one element ` +
        `per marker), and its JS heap by ${num((heap(u10) - heap(u1)) / units / 1024, 1)} KB per unit: the units ` +
        `list in the side panel renders every row (RowList without a rowHeight is not windowed; it was sized for a ` +
        `few hundred units), and React re-renders it on each 5-second refresh. Giving the units list a fixed row ` +
        `height, so that it is windowed like the incident board, would keep the DOM at a screenful of rows and ` +
        `take much of the load time and memory with it.`,
    );
  }
  const i50 = results.find((r) => r.scenario.id === 'i50k');
  if (i50) {
    const last = i50.vigie[i50.vigie.length - 1] as Load;
    const b = built.find((z) => z.id === 'i50k') as Built;
    notes.push(
      `With ${num(i50.scenario.incidents, 0)} incidents stored (a 12-hour day, three quarters closed or ` +
        `cancelled), the console loads the ${num(b.open, 0)} still open (and the exercise's own) and draws them ` +
        `all: ${num(last.incidents, 0)} incidents on the map. The peer gets the same answer and draws each as a DOM ` +
        `marker.`,
    );
  }
  const p95 = (z: Frames[]) => stat(z.map((y) => y.p95));
  notes.push(
    `**Frames.** An idle headless page ticks every ~16.7 ms. The exercise has open P1 incidents, so the console ` +
      `runs its pulse ring (~15 paint steps a second); on SwiftShader each step is a full WebGL redraw on the CPU, ` +
      `followed by an idle and the rendered-feature count. p95 frame interval: ${fig(p95(frames.vigie), 'ms')} with ` +
      `the pulse, ${fig(p95(frames.reduced), 'ms')} with reduced motion (still ring), ${fig(p95(frames.peer), 'ms')} for ` +
      `Leaflet moving 1,000 DOM markers every second. Vigie takes in positions when it polls (every 5 s: listUnits ` +
      `and listIncidents, then new GeoJSON and a re-rendered list), so its moves arrive in bursts. What would close ` +
      `the gap: a GPU (or a pulse drawn by a CSS overlay rather than map repaints), no feature count outside tests, ` +
      `and pushing only changed units to the map source (GeoJSONSource.updateData) instead of a full setData.`,
  );
  const moves = stat(frames.vigie.map((z) => z.movesPerSecond));
  notes.push(
    `The ${num(moves.median, 0)} moves/s Vigie sustained are durable writes (moveUnit: one transaction and fsync ` +
      `each, the unit row, a position fix and a journal entry) made by the \`vigie serve\` process on the same two ` +
      `cores as Chromium` +
      (moves.median < MOVERS * 0.95
        ? `: short of 1,000/s, so here the write path, not the map, limits the update rate. A batch move call ` +
          `(one transaction for a tracking gateway's whole update) would remove this limit.`
        : '.'),
  );
  if (retries.length) {
    const offRoute = retries.filter((r) => r.includes('camera off the route'));
    const other = retries.filter((r) => !r.includes('camera off the route'));
    const loads = (rs: string[]) => rs.map((r) => r.split(': ')[0]).join('; ');
    notes.push(
      `**${retries.length} page load(s) failed and were run again** (the failed attempts are not in the figures).` +
        (offRoute.length
          ? ` ${offRoute.length} settled with the camera off the ceremony route (${loads(offRoute)}): zoomed out to ` +
            `about zoom 11 and centred south-west of Paris, the route and units off screen. This is a console bug ` +
            `that shows when the page loads slowly (a busy machine, large data). A likely cause (to be confirmed): ` +
            `the route is fitted before the map has its final size (fitBounds with its padding against a smaller ` +
            `canvas); fitting again on the map's first resize, or only once the container has its size, would fix it.`
          : '') +
        (other.length ? ` Other failures: ${other.join('; ')}.` : ''),
    );
  }

  return {
    order: 2,
    title: '2. Map',
    intro: [
      `Headless Chromium (${version}) with the e2e harness's flags (WebGL2 through SwiftShader, on the CPU), ` +
        `viewport 1600×1000, against \`vigie serve\` started by the e2e harness on a copy of the seeded exercise ` +
        `plus bench units (inside the ceremony route's box, which the console fits on load) and incidents written ` +
        `with the store's own functions. "Settled" is the map's data-idle="true" with data-rendered-units at least ` +
        `the bench's unit count, observed in the page and timed from navigation start; each load is a new browser ` +
        `context (cold cache). The peer is a page served by the bench on 127.0.0.1 with Leaflet ${leafletVersion()} ` +
        `from node_modules: the very listUnits / listIncidents answers the console got, drawn as L.marker + ` +
        `L.divIcon in a map of the same size and place, no base map; timed to the second animation frame after the ` +
        `last marker is added. Frames are recorded with requestAnimationFrame in the page, right after the load.`,
    ],
    tables,
    notes,
    raw: { results, frames, retries },
  };
});

function leafletVersion(): string {
  const pkg = join(paths.root, 'node_modules', 'leaflet', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
