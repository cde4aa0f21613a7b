// Map: headless Chromium through the browser host (`vigie serve`, as the e2e tests run it), from
// page load to a settled map with every unit drawn, for 1,000 / 5,000 / 10,000 units and for 50,000
// incidents; animation frames while 1,000 units move every second; the renderer's memory. The peer
// is the same data as Leaflet DOM markers, on a page served by the bench, in the same run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Served } from '../e2e/harness.js';
import { hostClient } from '../support/host-client.js';
import {
  launch,
  serveTracked,
  recordFrames,
  serveLeafletPeer,
  startStatic,
  type StaticServer,
} from './lib/browser.js';
import { loadPeer, loadVigie, once, type BenchWindow, type Captured, type MapRect } from './lib/map-load.js';
import { driveMoves, frameStats, walker, type Frames } from './lib/map-moves.js';
import {
  build,
  FRAME_MS,
  LOAD_RUNS,
  MOVING,
  SCENARIOS,
  type Built,
  type Scenario,
} from './lib/map-scenarios.js';
import { mapSection, type ScenarioResult } from './lib/map-section.js';
import { paths } from './lib/paths.js';
import { seededExercise } from './lib/seeded.js';
import { log, runBench } from './lib/section.js';
import { num } from './lib/stats.js';
import { tempDir } from './lib/temp.js';

const dir = tempDir('vigie-bench-map-');

// ---- the bench ------------------------------------------------------------------------------

runBench(async () => {
  for (const name of ['bench-map-vigie-failure.png', 'bench-map-leaflet-failure.png']) {
    rmSync(join(paths.root, 'test-artifacts', name), { force: true });
  }
  log('map: building fixtures (seeded exercise + bench units and incidents)');
  const base = seededExercise(dir);
  const built = SCENARIOS.map((s) => build(s, base.path, base.bbox, dir));
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

  return mapSection({ results, frames, built, retries, version });
});
