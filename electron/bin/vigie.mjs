#!/usr/bin/env node
// Entry point of the `vigie` command. better-sqlite3 13 needs Node >= 22: on an older Node this
// re-runs itself with the Node 22 that `npm ci` put in node_modules. Builds the CLI bundle if absent.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..', '..');
const major = Number(process.versions.node.split('.')[0]);

if (major < 22) {
  const local = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(
      `vigie: Node >= 22 is required (this is ${process.version}); run "npm ci" in ${root} first.`,
    );
    process.exit(1);
  }
  const r = spawnSync(local, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

// V8's compiled code for the CLI bundle and its libraries, kept on disk by Node between runs:
// module compilation is most of a command's start (issue 18, first paint).
module.enableCompileCache?.();

const cli = join(root, 'dist', 'node', 'cli.mjs');
if (!existsSync(cli)) {
  const r = spawnSync(process.execPath, [join(root, 'electron', 'build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
