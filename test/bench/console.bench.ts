// Console: from launching the browser host (`vigie serve`, spawned by the e2e harness) to the
// first contentful paint and to an interactive board (a unit row visible, and a click on it
// selects it), on the seeded exercise and with 50,000 incidents. The floor beside it: a bare Node
// HTTP server spawned the same way, serving a one-line page, to its first paint, launched next to
// each console launch (before it on one run, after it on the next) after a warm-up of both.
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../../electron/store/db.js';
import { launch, newContext } from './lib/browser.js';
import { firstPaint, launchConsole, type Launch } from './lib/console-launch.js';
import { addIncidents } from './lib/fixture.js';
import { BulkJournal } from './lib/fixture-journal.js';
import { log, runBench, scale, type Table } from './lib/section.js';
import { paths } from './lib/paths.js';
import { seededExercise } from './lib/seeded.js';
import { fig, num, ratio, stat, times } from './lib/stats.js';
import { onExit, tempDir } from './lib/temp.js';

const RUNS = scale(5, 2);
const INCIDENTS = scale(50_000, 20_000);

const dir = tempDir('vigie-bench-console-');

/** The floor: `node` serving one static page, spawned and timed the same way. */
const FLOOR_SERVER = `
const http = require('node:http');
const s = http.createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<!doctype html><title>floor</title><h1>Floor</h1>'); });
s.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + s.address().port + '/' })));
process.on('SIGTERM', () => process.exit(0));`;

async function launchFloor(browser: Browser): Promise<Launch> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    const child = spawn(process.execPath, ['-e', FLOOR_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const forget = onExit(() => child.kill());
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve((JSON.parse(d.toString()) as { url: string }).url));
        child.once('exit', (code) => reject(new Error(`floor server exited ${code}`)));
      });
      const listening = Date.now() - t0;
      await page.goto(url, { waitUntil: 'commit' });
      const paint = (await firstPaint(page)) - t0;
      return { listening, firstPaint: paint, interactive: paint };
    } finally {
      forget();
      child.kill();
    }
  } finally {
    await context.close();
  }
}

/** The JavaScript of the chunks whose file name starts with `name`, in KB. */
function chunkKb(name: string): number {
  const assets = join(paths.renderer, 'assets');
  return readdirSync(assets)
    .filter((f) => f.startsWith(name) && f.endsWith('.js'))
    .reduce((n, f) => n + statSync(join(assets, f)).size / 1024, 0);
}

/** The renderer's JavaScript, in KB (every .js the build put in dist/renderer/assets). */
const bundleKb = (): number => chunkKb('');

runBench(async () => {
  log(`console: fixtures (the seeded exercise; the same with ${INCIDENTS} incidents)`);
  const seeded = seededExercise(dir);
  const big = join(dir, 'incidents.db');
  copyFileSync(seeded.path, big);
  const db = openDatabase(big);
  try {
    db.transaction(() => {
      addIncidents(db, new BulkJournal(db), {
        count: INCIDENTS,
        bbox: seeded.bbox,
        from: '2024-07-26T06:00:00.000Z',
        to: '2024-07-26T18:00:00.000Z',
        seed: 21,
      });
    })();
  } finally {
    db.close();
  }

  const browser = await launch();
  const offMachine: string[] = [];
  const exercise: Launch[] = [];
  const loaded: Launch[] = [];
  // The floor launched next to each console launch: `floorE[i]` beside `exercise[i]`, `floorL[i]` beside `loaded[i]`.
  const floorE: Launch[] = [];
  const floorL: Launch[] = [];
  try {
    // Warm-up, not counted: the browser's first context after its start is slow (the floor's first
    // paint took 540 ms where the next took 150), and the first `vigie serve` fills the disk cache
    // and Node's compile cache, which every later start finds (as on a desk, after the first).
    log('  warm-up (not counted): the floor, then the console on the seeded exercise');
    await launchFloor(browser);
    await launchConsole(browser, seeded.path, offMachine);
    // A console launch and a floor launch side by side, the floor first on one run and second on the
    // next, so that neither always runs just after the other's teardown.
    const pair = async (run: number, db: string): Promise<[Launch, Launch]> => {
      if (run % 2 === 0) {
        const f = await launchFloor(browser);
        return [await launchConsole(browser, db, offMachine), f];
      }
      const c = await launchConsole(browser, db, offMachine);
      return [c, await launchFloor(browser)];
    };
    for (let run = 0; run < RUNS; run++) {
      const [e, fe] = await pair(run, seeded.path);
      const [l, fl] = await pair(run, big);
      exercise.push(e);
      floorE.push(fe);
      loaded.push(l);
      floorL.push(fl);
      log(
        `  run ${run + 1}: exercise ${num(e.firstPaint, 0)} / ${num(e.interactive, 0)} ms (floor ${num(fe.firstPaint, 0)}), ` +
          `${num(INCIDENTS, 0)} incidents ${num(l.firstPaint, 0)} / ${num(l.interactive, 0)} ms (floor ${num(fl.firstPaint, 0)}) ` +
          `(first paint / interactive)`,
      );
    }
  } finally {
    await browser.close();
  }
  const floor = [...floorE, ...floorL];
  if (offMachine.length) throw new Error(`requests left the machine: ${offMachine.slice(0, 5).join(', ')}`);

  const col = (xs: Launch[], k: keyof Launch) => fig(stat(xs.map((l) => l[k])), 'ms');
  const paintRatio = ratio(
    exercise.map((l) => l.firstPaint),
    floorE.map((l) => l.firstPaint),
  );
  const loadedPaintRatio = ratio(
    loaded.map((l) => l.firstPaint),
    floorL.map((l) => l.firstPaint),
  );
  const listenRatio = ratio(
    exercise.map((l) => l.listening),
    floorE.map((l) => l.listening),
  );
  const table: Table = {
    title: `From spawning the browser host to a usable console (${RUNS} runs after a warm-up; the floor beside each launch, ${floor.length} runs)`,
    head: [
      'Milestone (from spawn)',
      'Seeded exercise',
      `Exercise + ${num(INCIDENTS, 0)} incidents`,
      'Floor: bare Node server, one-line page',
    ],
    rows: [
      [
        'Host listening (URL printed)',
        col(exercise, 'listening'),
        col(loaded, 'listening'),
        col(floor, 'listening'),
      ],
      [
        'Host listening ÷ floor (>1: slower)',
        times(listenRatio),
        times(
          ratio(
            loaded.map((l) => l.listening),
            floorL.map((l) => l.listening),
          ),
        ),
        '',
      ],
      [
        'First contentful paint',
        col(exercise, 'firstPaint'),
        col(loaded, 'firstPaint'),
        col(floor, 'firstPaint'),
      ],
      [
        'First contentful paint ÷ floor (target ≤ 1.5×; >1: slower)',
        times(paintRatio),
        times(loadedPaintRatio),
        '',
      ],
      [
        'Interactive board (unit row visible, click selects it)',
        col(exercise, 'interactive'),
        col(loaded, 'interactive'),
        '—',
      ],
      [
        `With ${num(INCIDENTS, 0)} incidents ÷ seeded, interactive (>1: slower)`,
        '',
        times(
          ratio(
            loaded.map((l) => l.interactive),
            exercise.map((l) => l.interactive),
          ),
        ),
        '',
      ],
    ],
  };

  const median = (xs: Launch[], k: keyof Launch) => stat(xs.map((l) => l[k])).median;
  const scaleRatio = ratio(
    loaded.map((l) => l.interactive),
    exercise.map((l) => l.interactive),
  );
  const startGap = median(exercise, 'listening') - median(floor, 'listening');
  const loadGap = median(loaded, 'listening') - median(exercise, 'listening');
  const notes = [
    `The host prints its URL ${num(median(exercise, 'listening'), 0)} ms after the spawn (the floor: ` +
      `${num(median(floor, 'listening'), 0)} ms, starting Node itself and one server; ${times(listenRatio)} the ` +
      `floor's launched beside it): \`vigie serve\` checks its flags and listens first, loading only that part of ` +
      `the CLI (the bundle is split per command, and it takes Node's built-ins with require(): an ES import of ` +
      `node:http builds a facade that reads every export and so loads undici, some 20 ms), and nothing before ` +
      `listening loads TLS, crypto, zlib or fs/promises (a certificate brings TLS in); it serves the console's page at ` +
      `once, while loading the services, opening the database (schema check, the journal from its checkpoint) and ` +
      `the rest of the start follow, and the console's calls wait for them. Listening comes ` +
      `${num(startGap, 0)} ms ${startGap >= 0 ? 'after' : 'before'} the floor's (medians): Node's ES module loader ` +
      `and the command's first modules. With ${num(INCIDENTS, 0)} incidents it comes ` +
      `${num(Math.abs(loadGap), 0)} ms ${loadGap >= 0 ? 'later' : 'sooner'} than on the exercise: the database is not ` +
      `touched before listening, so its size cannot delay the address, and that difference is the machine's ` +
      `(see the load average above).`,
    `First paint is ${times(paintRatio)} the floor's from the spawn (target ≤ 1.5×; taken run by run against the ` +
      `floor launched beside each console; ${times(loadedPaintRatio)} with ${num(INCIDENTS, 0)} incidents). It comes ` +
      `${num(median(exercise, 'firstPaint') - median(exercise, 'listening'), 0)} ms after the host listens (the ` +
      `floor page: ${num(median(floor, 'firstPaint') - median(floor, 'listening'), 0)} ms): index.html carries a ` +
      `static shell (the bar and "Opening the console…") styled inline, and the app's stylesheet is linked after it, ` +
      `so nothing in the head holds the paint back (the module script still waits for the stylesheet, so the app ` +
      `never shows unstyled: e2e first-paint.test.ts); the map is its own chunk ` +
      `(${num(chunkKb('MapView'), 0)} KB of the renderer's ${num(bundleKb(), 0)} KB of JavaScript), fetched when the ` +
      `console renders. With ${num(INCIDENTS, 0)} incidents the page loads while the start's background work runs ` +
      `(the journal's older entries checked from its checkpoint, the replay's keyframes read): each slice of it is ` +
      `sized to take about 8 ms (services/background-slice.ts), so a request waits about that long behind it, and waits ` +
      `itself until no request has come for 100 ms (a call, or the page's own files and tiles), at most a second ` +
      `(services/background-gate.ts), where ` +
      `fixed slices of 2,000 and 5,000 entries took 100–150 ms each on a busy machine (this column's first paint ` +
      `was 2.11× the floor's in the previous report, 3.2–4.7× with other benches running beside it). ` +
      `The interactive board comes ` +
      `${num(median(exercise, 'interactive') - median(exercise, 'firstPaint'), 0)} ms later, after the console's first ` +
      `calls (getSession, listUnits, listIncidentPage, …) have answered and the list rendered, while the map's WebGL ` +
      `start-up (SwiftShader, on the CPU) competes for the same two cores. With ${num(INCIDENTS, 0)} incidents the ` +
      `board asks for its first page only (200 rows, and how many match in all; more as it scrolls), so the console ` +
      `is ready without waiting for the open set. No full row of the open set is read after that either: the map ` +
      `reads its own points (listIncidentPoints: the 12,500 open incidents' id, reference, title, category, ` +
      `priority, status, position, venue, sector, creation, version and units, each an array of 13 fields, 2.1 MB ` +
      `and 90 ms from the host where the full rows with their units and place names were 9.4 MB and 490 ms of the ` +
      `server's one thread), and the panels that looked an incident up in the full list use the points too (the overdue counts, ` +
      `the unit card, the assign picker, the sectors, the request form, the place search) or the board's rows (the ` +
      `wall's list, the pane); the alerts read as points only the P1s that can still ring (1,900 points, 0.3 MB, ` +
      `where the 500 oldest open P1s' full rows took 55–160 ms). What still differs from the exercise: the first page itself (200 rows ` +
      `against some 30, and a count over 50,000: 20–80 ms of the server before the console is ready); the points, ` +
      `read once the map has loaded its style (it cannot draw them before; read as soon as the console was ready, ` +
      `their parsing and the map's first drawing of 12,500 incidents, a full WebGL redraw on the CPU with ` +
      `SwiftShader, fell where the first click does: 1.54× over 40 pairs on a loaded machine, against 0.98× with ` +
      `them started later); the alerts over every P1 that can still ring (2,500 alerts from 1,900 P1s, where the ` +
      `500 oldest gave fewer), read at once; and the journal's 50,000 entries re-checked and indexed in the background ` +
      `(some 900 ms of the host's CPU over the first seconds, one slice at a time). ` +
      (scaleRatio.median > 1.1
        ? `It is ${times(scaleRatio)} the exercise's figure (target ≤ 1.1×).`
        : `That is within ${times(scaleRatio)} of the exercise's figure (target ≤ 1.1×).`),
  ];

  return {
    order: 3,
    title: '3. Console',
    intro: [
      `Each run spawns \`vigie serve --port 0\` through the e2e harness (\`serve\` in test/e2e/harness.ts) on a ` +
        `database that has been opened before (the exercise seeded, its clock started), and opens the console in a ` +
        `new context of an already running headless Chromium (the harness's flags, viewport 1600×1000). Times are ` +
        `from the spawn: the host's URL on stdout, the page's first-contentful-paint (PerformanceObserver, on the ` +
        `same clock), and the moment a click on the first unit row has selected it (aria-selected). The desk opens ` +
        `signed in: a sign-in made from Node, which waits for the host's start (the database open), comes before the ` +
        `page and its time is left out, so the page loads on a started host, beside the background work that follows ` +
        `the start (a page opened before the start is over is held back by the database's opening and the services' ` +
        `loading, which run on the listener's thread; not measured here). The ` +
        `${num(INCIDENTS, 0)} incidents cover a 12-hour day (75% closed or cancelled), each with its journal entry.`,
      `After the browser starts, one launch of the floor and one of the console (seeded exercise) are made and not ` +
        `counted: the browser's first context after its start is slow, and the first \`vigie serve\` fills the disk ` +
        `cache and Node's compile cache, which every later start finds. Then each of the ${RUNS} runs launches the ` +
        `console on each database with a floor launch beside it, the floor first on one run and second on the next; ` +
        `every ratio is taken between the two launches of a pair.`,
    ],
    tables: [table],
    notes,
    raw: { exercise, loaded, floor },
  };
});
