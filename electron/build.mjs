// Bundles the Node side into dist/node (npm run build:node):
//   main.cjs    Electron main process (electron and better-sqlite3 stay external)
//   preload.cjs sandboxed preload: one file whose only require is 'electron' (checked below)
//   cli.mjs     the `vigie` command (ESM; better-sqlite3 and every dependency stay external)
//   pg-worker.mjs  the worker thread holding a room's PostgreSQL connection
//   charts-worker.mjs  the worker thread drawing the after-action report's charts (Vega stays out of start-up)
// The renderer (dist/renderer) is Vite's job.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'node');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

// In a CJS bundle import.meta is empty; point import.meta.url at the bundle file itself.
const cjsImportMeta = {
  banner: { js: "const __vigie_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__vigie_import_meta_url' },
};

// Node's built-in modules, loaded in the CLI through require() rather than as ES modules. An ES
// import of a built-in builds a module facade that reads every export, getters included: node:http's
// WebSocket and MessageEvent then load undici, node:crypto its webcrypto, some 20-50 ms before
// `vigie serve` can listen (issue 18, first paint). Required, a built-in is the plain object Node
// already holds, and the bundle reads only the names it uses.
const builtinsRequired = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

const builds = [
  {
    ...common,
    ...cjsImportMeta,
    entryPoints: ['electron/main.ts'],
    outfile: join(outdir, 'main.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // pdfkit loads its standard fonts through package subpath imports: it stays a node_module.
    external: ['electron', 'better-sqlite3', 'pdfkit'],
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: join(outdir, 'preload.cjs'),
    // The sandboxed preload has no Node: browser platform, so nothing Node-only slips in.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  },
  {
    ...common,
    // Split per command (cli.ts imports each when it runs), so `vigie serve` can listen before the
    // services load. Chunks sit beside cli.mjs: URLs made from import.meta.url (the workers) still hold.
    entryPoints: { cli: 'electron/cli.ts' },
    outdir,
    splitting: true,
    chunkNames: 'cli-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', ...dependencies],
    plugins: [builtinsRequired],
    // Bundled CommonJS code calls require(); give the ES module one.
    banner: {
      js: "import { createRequire as __vigieCreateRequire } from 'node:module';\nconst require = __vigieCreateRequire(import.meta.url);",
    },
  },
  {
    ...common,
    // The room's PostgreSQL connection runs on a worker thread (electron/store/pg/bridge.ts).
    entryPoints: ['electron/store/pg/worker.ts'],
    outfile: join(outdir, 'pg-worker.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: dependencies,
  },
  {
    ...common,
    // The after-action report's charts are drawn on a worker thread (electron/report/charts.ts).
    entryPoints: ['electron/report/charts-worker.ts'],
    outfile: join(outdir, 'charts-worker.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: dependencies,
  },
];

const started = Date.now();
// The last build's chunks: their names change with their content.
for (const f of existsSync(outdir) ? readdirSync(outdir) : []) {
  if (/^cli-.+\.mjs(\.map)?$/.test(f)) rmSync(join(outdir, f));
}
const results = await Promise.all(builds.map((options) => esbuild.build(options)));

// The sandbox's preload may require 'electron' and nothing else.
const preload = results[1].metafile;
for (const [file, output] of Object.entries(preload.outputs)) {
  if (file.endsWith('.map')) continue;
  const foreign = output.imports.filter((i) => i.external && i.path !== 'electron').map((i) => i.path);
  if (foreign.length) {
    throw new Error(
      `${file} requires ${foreign.join(', ')}: a sandboxed preload may only require 'electron'`,
    );
  }
}

const outputs = results.flatMap((r) =>
  Object.entries(r.metafile.outputs).filter(([file]) => !file.endsWith('.map')),
);
const isChunk = (file) => /\/cli-[^/]+\.mjs$/.test(file);
const chunks = outputs.filter(([file]) => isChunk(file));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
const sizes = outputs
  .filter(([file]) => !isChunk(file))
  .map(([file, o]) => `${relative(root, join(root, file))} ${kb(o.bytes)}`)
  .concat(`${chunks.length} CLI chunks ${kb(chunks.reduce((n, [, o]) => n + o.bytes, 0))}`);
console.log(`build:node ${sizes.join(', ')} (${Date.now() - started} ms)`);
