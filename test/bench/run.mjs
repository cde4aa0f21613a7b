#!/usr/bin/env node
// npm run bench: bundles each bench module (test/bench/*.bench.ts) with esbuild, runs each in its own
// Node process (a clean heap, and nothing left behind by the one before), collects the section each
// hands back on stdout, and writes BENCHMARKS.md (raw samples: test-artifacts/bench-results.json).
//
//   node test/bench/run.mjs                  every bench, writes BENCHMARKS.md
//   node test/bench/run.mjs --only store,map some of them, writes test-artifacts/BENCHMARKS.partial.md
//   VIGIE_BENCH_QUICK=1 …                    fewer runs and smaller counts (working on the benches)
//
// Nothing here asserts on time: the benches fail only when Vigie gives a wrong answer.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

// better-sqlite3 13 and node:sqlite need Node 22: re-run on the Node that npm ci put in node_modules.
if (Number(process.versions.node.split('.')[0]) < 22) {
  const local = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(`bench: Node >= 22 is required (this is ${process.version}); run npm ci first.`);
    process.exit(1);
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const esbuild = await import('esbuild');

const RESULT_MARKER = '@@vigie-bench-result ';
const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The benches, in report order. `needs`: files that must exist for the bench to be measurable
 * (another part of Vigie still being written); without them the section says so instead.
 */
const BENCHES = [
  { id: 'store', file: 'store.bench.ts', minutes: 9 },
  { id: 'map', file: 'map.bench.ts', minutes: 9 },
  { id: 'console', file: 'console.bench.ts', minutes: 4 },
  {
    id: 'reports',
    file: 'reports.bench.ts',
    minutes: 4,
    needs: ['electron/services/handover.ts', 'shared/api/handover.ts', 'electron/report/export.ts'],
    pending: {
      order: 4,
      title: '4. Reports',
      intro: [
        'Handover of a 12-hour shift (5,000 incidents, 2,000 units) to each format: pdf, html, md, json.',
      ],
      tables: [
        {
          title: 'Handover report generation',
          head: ['Format', 'Time', 'Size'],
          rows: [
            [
              'pdf, html, md, json',
              '**TODO: not yet measurable**: the report service is not in the tree yet',
              '',
            ],
          ],
        },
      ],
      notes: ['To be measured as soon as the handover report service lands (test/bench/reports.bench.ts).'],
    },
  },
  { id: 'room', file: 'room.bench.ts', minutes: 10 },
  { id: 'moves', file: 'moves.bench.ts', minutes: 2 },
  { id: 'replay', file: 'replay.bench.ts', minutes: 30 },
  { id: 'startup', file: 'startup.bench.ts', minutes: 6 },
];

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',')
  : null;
const selected = BENCHES.filter((b) => !only || only.includes(b.id));
// VIGIE_BENCH_CACHE: another place for the snapshot, e.g. when worktrees share one node_modules (two
// benches at once would otherwise overwrite each other's snapshot).
const cacheDir = process.env.VIGIE_BENCH_CACHE ?? join(root, 'node_modules', '.cache', 'vigie-bench');

/** Outside vitest, the e2e harness's imports of 'vitest' (afterEach in test/support) become no-ops. */
const vitestStub = {
  name: 'vitest-stub',
  setup(build) {
    build.onResolve({ filter: /^vitest$/ }, () => ({ path: join(here, 'lib', 'vitest-stub.ts') }));
  },
};

/**
 * A snapshot of the built app, taken once at the start: other work on the tree (a rebuild, an edit)
 * cannot change what is measured half-way through. Bundles go inside it, so that the app root they
 * find (the nearest package.json named vigie) is the snapshot: \`vigie serve\` spawned by the e2e
 * harness runs its dist/, and resources, node_modules and test/ are links to the tree's own.
 */
const appDir = join(cacheDir, 'app');

function snapshotApp() {
  for (const f of ['dist/renderer/index.html', 'dist/node/cli.mjs']) {
    if (!existsSync(join(root, f)))
      throw new Error(`bench: ${f} is missing: run npm run build (npm run bench does)`);
  }
  mkdirSync(join(appDir, 'electron', 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(appDir, 'package.json'));
  cpSync(join(root, 'dist'), join(appDir, 'dist'), { recursive: true });
  cpSync(join(root, 'electron', 'bin', 'vigie.mjs'), join(appDir, 'electron', 'bin', 'vigie.mjs'));
  for (const link of ['resources', 'node_modules', 'test'])
    symlinkSync(join(root, link), join(appDir, link), 'dir');
}

async function bundle(bench) {
  const outfile = join(appDir, 'bench', bench.file.replace(/\.ts$/, '.mjs'));
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(here, bench.file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Packages load from node_modules at run time (the bundle sits inside it).
    packages: 'external',
    plugins: [vitestStub],
    sourcemap: 'inline',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

/** Set by Ctrl+C or SIGTERM: the running bench is stopped and no other starts. */
let aborted = false;

/**
 * Runs one bench bundle in its own process group, so that stopping it (over time, or Ctrl+C) also
 * stops what it started (\`vigie serve\`): SIGTERM first (the bench cleans up on exit), SIGKILL if it
 * is still there 15 s later.
 */
function runChild(bench, bundlePath) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--disable-warning=ExperimentalWarning', bundlePath],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env, detached: true },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d.toString()));
    let killer;
    const stopGroup = () => {
      const signal = (sig) => {
        try {
          process.kill(-child.pid, sig);
        } catch {
          // already gone
        }
      };
      signal('SIGTERM');
      killer ??= setTimeout(() => signal('SIGKILL'), 15_000);
    };
    const timer = setTimeout(() => {
      console.error(`bench ${bench.id}: over ${bench.minutes} minutes, stopping it`);
      stopGroup();
    }, bench.minutes * 60_000);
    const abort = () => {
      aborted = true;
      stopGroup();
    };
    process.on('SIGINT', abort);
    process.on('SIGTERM', abort);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_MARKER.length)));
      else reject(new Error(`bench ${bench.id} failed (exit ${code ?? signal})`));
    });
  });
}

// ---- the header -----------------------------------------------------------------------------

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `not found at ${CHROMIUM}`;
  }
}

function gitState() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${sha} with uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

// ---- markdown -------------------------------------------------------------------------------

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(t) {
  const lines = [
    `**${t.title}**`,
    '',
    `| ${t.head.map(cell).join(' | ')} |`,
    `|${t.head.map(() => ' --- ').join('|')}|`,
  ];
  for (const row of t.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function markdown(header, sections) {
  const out = [
    '# Vigie benchmarks',
    '',
    `Generated by \`npm run bench\` (test/bench/run.mjs) on ${header.date}; do not edit by hand.`,
    '',
    '| | |',
    '| --- | --- |',
    ...Object.entries(header.facts).map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
    '',
    'How to read the figures: each is the **median of several runs, with the fastest and slowest run in ' +
      'brackets** (median (min–max)); the number of runs is given in each section. Peers are measured in the same ' +
      'run, side by side, and compared as ratios taken run by run, so a ratio holds even when the machine is ' +
      'busy; absolute figures move with the load (see the load average above). `npm test` asserts on no timing.',
    '',
  ];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    for (const p of s.intro) out.push(p, '');
    for (const t of s.tables) out.push(table(t), '');
    if (s.notes.length) {
      out.push('**Why, and what would close the gaps**', '');
      for (const n of s.notes) out.push(`- ${n}`);
      out.push('');
    }
  }
  return out.join('\n');
}

// ---- main -----------------------------------------------------------------------------------

const started = Date.now();
const loadBefore = load();
rmSync(cacheDir, { recursive: true, force: true });
mkdirSync(cacheDir, { recursive: true });
const sections = [];
const failures = [];
const vigieBuild = gitState();
try {
  snapshotApp();
  for (const bench of selected) {
    if (aborted) break;
    const missing = (bench.needs ?? []).filter((p) => !existsSync(join(root, p)));
    if (missing.length) {
      console.error(`\nbench ${bench.id}: not measurable yet (missing ${missing.join(', ')})`);
      sections.push({ ...bench.pending, raw: null, facts: {} });
      continue;
    }
    const t = Date.now();
    console.error(`\nbench ${bench.id}`);
    try {
      const section = await runChild(bench, await bundle(bench));
      sections.push(section);
      console.error(`bench ${bench.id}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } catch (err) {
      failures.push(bench.id);
      console.error(err.message);
    }
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

if (aborted) {
  console.error('\nbench: stopped; BENCHMARKS.md left as it was');
  process.exit(130);
}
const seconds = (Date.now() - started) / 1000;
const facts = {
  Machine: `${cpuModel()}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${process.platform} ${process.arch}`,
  Date: new Date(started).toISOString(),
  Node: process.version,
  Chromium: chromiumVersion(),
  ...Object.assign({}, ...sections.map((s) => s.facts ?? {})),
  'Vigie build': vigieBuild,
  'Load average (1/5/15 min)': `${loadBefore} at the start, ${load()} at the end`,
  Duration: `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s for the benches (after npm run build)`,
};
sections.sort((a, b) => a.order - b.order);
const header = { date: facts.Date, facts };
const target = only ? join(root, 'test-artifacts', 'BENCHMARKS.partial.md') : join(root, 'BENCHMARKS.md');
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
if (failures.length === 0 || only) {
  writeFileSync(target, markdown(header, sections));
  console.error(`\nwrote ${relative(root, target)} (${facts.Duration})`);
}
writeFileSync(
  join(root, 'test-artifacts', 'bench-results.json'),
  JSON.stringify({ header, sections }, null, 2),
);
if (failures.length) {
  console.error(`\nbench failed: ${failures.join(', ')}${only ? '' : '; BENCHMARKS.md left as it was'}`);
  process.exit(1);
}
