// What `npm start` runs once the build is done: the desktop app when an Electron binary exists,
// else the same console in a browser (`vigie serve`), so `npm start` always opens the console.
// Extra arguments pass through: `npm start -- --db /path/to/file.db`.
//
// The binary is looked for where the electron package keeps it (or in ELECTRON_OVERRIDE_DIST_PATH)
// without require('electron'): that require starts a download when the binary is missing, which
// hangs or fails on an offline machine.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Where the electron package would run its binary from; `exists` says whether it is there. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: 'node_modules/electron (package not installed)', exists: false };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates = override
    ? [join(override, executable), join(override, 'electron')]
    : [join(packageDir, 'dist', executable)];
  const found = candidates.find((candidate) => existsSync(candidate));
  return { path: found ?? candidates[0], exists: found !== undefined };
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** Runs a child with this terminal, forwards Ctrl+C / SIGTERM, and leaves with its exit code. */
function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env, windowsHide: false });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGTERM', () => forward('SIGTERM'));
  // Ctrl+C in a terminal already reaches the child (same process group): pass SIGINT on only if
  // the child is still running a moment later, so its own graceful shutdown is not cut short.
  process.on('SIGINT', () => setTimeout(() => forward('SIGINT'), 1000).unref());
  child.on('error', (err) => {
    console.error(`Vigie: cannot start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron.exists) {
  // The main bundle is given directly, so this works whatever package.json's "main" says.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, [join(root, 'dist', 'node', 'main.cjs'), ...args], env);
} else {
  console.log(
    'Vigie: no Electron binary on this machine (it downloads at first launch and this machine is offline); ' +
      'open the same console in a browser with: npx vigie serve',
  );
  run(process.execPath, [join(root, pkg.bin.vigie), 'serve', ...args]);
}
