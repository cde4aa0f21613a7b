// The map bench's section of BENCHMARKS.md: its tables and notes, from the loads and frames measured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Load } from './map-load.js';
import type { Frames } from './map-moves.js';
import { FRAME_MS, LOAD_RUNS, MOVERS, type Built, type Scenario } from './map-scenarios.js';
import { paths } from './paths.js';
import type { Section, Table } from './section.js';
import { fig, mb, median, num, ratio, stat, times, x, type Stat } from './stats.js';

/** As in renderer/map/layers/units.ts (the renderer is not imported by the Node-side bench). */
const DOTS_ABOVE = 3000;
const DOTS_UNTIL = 15;

export interface ScenarioResult {
  scenario: Scenario;
  label: string;
  vigie: Load[];
  peer: (Load & { domMarkers: number })[];
}

/** What the map bench measured, as run by map.bench.ts. */
export interface MapRun {
  results: ScenarioResult[];
  frames: Record<'vigie' | 'reduced' | 'peer', Frames[]>;
  built: Built[];
  retries: string[];
  /** Chromium's version. */
  version: string;
}

export function mapSection({ results, frames, built, retries, version }: MapRun): Section {
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
      'Unit list reads in the window',
      `${f(frames.vigie, 'refreshes', '')} (listUnits; pushed moves bring their positions)`,
      `${f(frames.reduced, 'refreshes', '')} (listUnits; pushed moves bring their positions)`,
      `${f(frames.peer, 'refreshes', '')} (a fetch every second)`,
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
        `the map itself, tiled on its worker and drawn with WebGL that here runs on SwiftShader, i.e. on the same ` +
        `two CPU cores as everything else. The peer draws bare markers on an empty background. The map does ` +
        `less of it than it did: since 2026-12-07 the units are not in the WebGL map at all from route zoom in: ` +
        `a 2D canvas over it draws them (renderer/map/unit-overlay.ts; above ${num(DOTS_ABOVE, 0)} units plain ` +
        `dots below street zoom, one path per colour, APP-6 symbols from zoom ${DOTS_UNTIL}), so the map's worker ` +
        `tiles no units source; the clustered copy of the units is built only when the map is zoomed out (the ` +
        `route's view, where the bench loads, is not); the rendered features are counted only when asked (once ` +
        `here, after the time is taken). Where the rest goes, from the console's User Timing marks ` +
        `(renderer/map/start-marks.ts) on the 10,000-unit load, on a machine shared with other work (load ` +
        `average 8–10), typical of the runs: the page boots and asks for the map's chunk at ~0.4–0.9 s, the ` +
        `chunk is in 0.2–0.6 s later, the map is constructed in under 0.1 s and draws its first frame 0.3–1.1 s ` +
        `on, its style is loaded 0.4–1.7 s after that (MapLibre's worker and first shader programs, on ` +
        `SwiftShader), the first data is handed to it at once (the API answers came meanwhile), and the ` +
        `map is idle 2.5–3.5 s later: tiling the base map's geography and the incidents on the worker and ` +
        `drawing the frames that follow, each a full WebGL frame on the CPU. That last part, and the shader ` +
        `work, is what a GPU would take off the CPU; the console's own start is section 8.`,
    );
  }
  if (faster.length) {
    notes.push(
      `Where Vigie is faster (${faster.map((r) => `${r.label}: ${x(speed(r))}`).join('; ')}), it is because ` +
        `Leaflet creates, lays out and paints one DOM element per marker, so its cost grows with the markers, ` +
        `while Vigie draws all its points on one canvas.`,
    );
  }
  const u1 = results.find((r) => r.scenario.id === 'u1k');
  const u10 = results.find((r) => r.scenario.id === 'u10k');
  if (u1 && u10) {
    const nodes = (r: ScenarioResult) => median(r.vigie.map((l) => l.memory.nodes));
    const heap = (r: ScenarioResult) => median(r.vigie.map((l) => l.memory.jsHeapUsed));
    const units = u10.scenario.units - u1.scenario.units;
    // Not below zero: a few nodes fewer at 10,000 units (the legend, a toast) is no growth.
    const perUnit = Math.max(0, (nodes(u10) - nodes(u1)) / units);
    notes.push(
      `**The console's DOM grows by ${num(perUnit, 1)} nodes per unit** (${num(nodes(u10), 0)} nodes at ` +
        `${u10.label}, against ${num(median(u10.peer.map((l) => l.memory.nodes)), 0)} for Leaflet's one element ` +
        `per marker), and its JS heap by ${num((heap(u10) - heap(u1)) / units / 1024, 1)} KB per unit. ` +
        (perUnit < 0.05
          ? `The units list in the side panel is windowed (a fixed row height, like the incident board): only ` +
            `the rows in view are in the DOM, whatever the number of units. The heap holds the units themselves, ` +
            `their GeoJSON and the overlay's copy of their points.`
          : `Part of the units list is rendered row by row: windowing it (a fixed row height, like the incident ` +
            `board) would keep the DOM at a screenful of rows.`),
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
  const reads = stat(frames.vigie.map((z) => z.refreshes / (FRAME_MS / 1000)));
  notes.push(
    `**Frames.** An idle headless page ticks every ~16.7 ms. Nothing repaints the WebGL map while units move: ` +
      `the moving units are drawn outside it, on a 2D canvas laid over the map (renderer/map/unit-overlay.ts), ` +
      `redrawn at most once an animation frame when the units change or the camera moves, on the CPU (tens of ` +
      `milliseconds for a screenful of symbols or ten thousand dots here); the open P1s' pulse is a CSS ` +
      `animation over the map (the map's own ring is still); nothing counts rendered features. Before, each ` +
      `batch of moves made MapLibre re-tile the units source on its worker and draw the whole map two or three ` +
      `times, each a full WebGL frame of 100–170 ms on SwiftShader. p95 frame interval: ` +
      `${fig(p95(frames.vigie), 'ms')} with the pulse, ${fig(p95(frames.reduced), 'ms')} with reduced motion ` +
      `(still ring), ${fig(p95(frames.peer), 'ms')} for Leaflet moving 1,000 DOM markers every second. ` +
      `A pushed move brings the unit's new position, fix time and version (put on the entry by the server only ` +
      `after the desk's releasability filter let it through, and only for a desk whose operator may read the ` +
      `units), and the console applies the moves it received once a second to its units, with no unit list ` +
      `read (${fig(reads, '/s')} here: the periodic full read only) and no GeoJSON made again for units that ` +
      `did not move. The long frames that remain (about one a second, where the peer has none) are not ` +
      `profiled yet; what runs then on the page's two cores, beside the \`vigie serve\` process taking the ` +
      `moves: the live feed's entries (one per move) read on the page's main thread, the side panel's list ` +
      `re-rendered for the moved units, and the overlay's redraw (2–14 ms for a screenful of symbols, measured).`,
  );
  const moves = stat(frames.vigie.map((z) => z.movesPerSecond));
  notes.push(
    `The ${num(moves.median, 0)} moves/s Vigie sustained are durable writes (moveUnit: one transaction and fsync ` +
      `each, the unit row, a position fix and a journal entry) made by the \`vigie serve\` process on the same two ` +
      `cores as Chromium` +
      (moves.median < MOVERS * 0.95
        ? `: short of 1,000/s, so here the server, not the map, limits the update rate: one call per move, ` +
          (reads.median > 2
            ? `and the same process answers the console's unit list reads (above) on the same cores. `
            : `and each a transaction of its own. `) +
          `A tracking gateway sends its whole update in one moveUnits call (one transaction): section 6.`
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
        `with the store's own functions. "Settled" is the first data-idle="true" (the map idle once the first data ` +
        `and the base map are in) at which the map has at least the bench's unit count drawn, timed from ` +
        `navigation start in the page. The console counts its rendered features only when asked: at each such ` +
        `idle the bench notes the time, then asks for one count (a vigie:count event; data-rendered-units), and ` +
        `keeps the time only if every unit is drawn, so the count's own cost is outside the figure, as an ` +
        `officer's console never pays it. Each load is a new browser context (cold cache). The peer is a page served by the bench on 127.0.0.1 with Leaflet ${leafletVersion()} ` +
        `from node_modules: the very listUnits / listIncidentPoints (the map's) answers the console got, drawn as L.marker + ` +
        `L.divIcon in a map of the same size and place, no base map; timed to the second animation frame after the ` +
        `last marker is added. Frames are recorded with requestAnimationFrame in the page, right after the load.`,
    ],
    tables,
    notes,
    raw: { results, frames, retries },
  };
}

function leafletVersion(): string {
  const pkg = join(paths.root, 'node_modules', 'leaflet', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
